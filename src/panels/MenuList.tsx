/** The open list of a MenuButton (loaded when first wanted): its items, and the menu keys of useMenuKeys. */
import { useEffect, type RefObject } from 'react';
import type { MenuItem } from './MenuButton';
import type { MenuFocus } from '../ui/menuButtonKeys';
import { useMenuKeys } from '../ui/menuKeys';

interface MenuListProps {
  id: string;
  list: RefObject<HTMLDivElement | null>;
  button: RefObject<HTMLButtonElement | null>;
  label: string;
  items: readonly MenuItem[];
  /** The item that takes focus as the menu opens. */
  focus: MenuFocus;
  onClose: () => void;
}

export default function MenuList({ id, list, button, label, items, focus, onClose }: MenuListProps) {
  const { onMenuKeyDown, focusItem } = useMenuKeys({ menu: list, button, onClose });
  useEffect(() => {
    focusItem(focus);
  }, [focus, focusItem]);
  return (
    <div ref={list} id={id} className="jd-menu__list" role="menu" aria-label={label} onKeyDown={onMenuKeyDown}>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
          aria-checked={item.checked}
          className="jd-menu__item"
          disabled={item.disabled}
          title={item.hint}
          tabIndex={-1}
          onClick={() => {
            onClose();
            button.current?.focus();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
