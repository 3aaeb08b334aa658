/**
 * A menu button after the WAI-ARIA menu button pattern: the button opens a role="menu" list (MenuList, loaded
 * when the pointer or focus first reaches the button); the keys are useMenuKeys' (arrows, Home, End,
 * type-ahead; Escape and Tab close it, focus back on the button); a click outside closes it. While `disabled`
 * (e.g. busy exporting) the button stays focusable (aria-disabled), so focus is not dropped to the page when
 * a menu item makes it busy.
 */
import { lazy, Suspense, useId, useRef, useState, type ReactNode } from 'react';
import { onMenuButtonKeyDown, type MenuFocus } from '../ui/menuButtonKeys';
import { useOutsidePointer } from './useOutsidePointer';

export interface MenuItem {
  label: string;
  run: () => void;
  disabled?: boolean;
  /** For radio items (e.g. a colour): rendered as menuitemradio with aria-checked. */
  checked?: boolean;
  hint?: string;
}

interface MenuButtonProps {
  /** Visible text of the button (its accessible name unless `label` is given). */
  children: ReactNode;
  label?: string;
  title?: string;
  items: MenuItem[];
  menuLabel: string;
  disabled?: boolean;
  className?: string;
}

const loadMenuList = () => import('./MenuList');
const MenuList = lazy(loadMenuList);

export function MenuButton({ children, label, title, items, menuLabel, disabled, className = 'jd-button' }: MenuButtonProps) {
  /** Closed, or open with focus going to its first or last item. */
  const [state, setOpen] = useState<MenuFocus | false>(false);
  const open = disabled ? false : state;
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const menuId = useId();
  useOutsidePointer(open !== false, [list, button], () => setOpen(false));
  const preload = () => void loadMenuList().catch(() => undefined);

  return (
    <div className="jd-menu">
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        aria-disabled={disabled || undefined}
        title={title}
        onClick={() => {
          if (!disabled) setOpen((o) => (o ? false : 'first'));
        }}
        onKeyDown={(event) => {
          if (!disabled) onMenuButtonKeyDown(event, setOpen);
        }}
        onPointerEnter={preload}
        onFocus={preload}
      >
        {children}
      </button>
      {open && (
        <Suspense fallback={null}>
          <MenuList id={menuId} list={list} button={button} label={menuLabel} items={items} focus={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
