/**
 * A menu button after the WAI-ARIA menu button pattern: the button opens a role="menu" list; arrow keys,
 * Home and End move between items; Escape or Tab closes it and focus returns to the button; a click
 * outside closes it.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
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

export function MenuButton({ children, label, title, items, menuLabel, disabled, className = 'jd-button' }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const entries = () => Array.from(list.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not([disabled])') ?? []);
  const focusAt = (index: number) => {
    const all = entries();
    if (all.length === 0) return;
    all[(index + all.length) % all.length].focus();
  };

  useEffect(() => {
    if (open) focusAt(0);
  }, [open]);
  useOutsidePointer(open, [list, button], () => setOpen(false));

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKeyDown = (event: React.KeyboardEvent) => {
    const all = entries();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusAt(at + 1),
      ArrowUp: () => focusAt(at - 1),
      Home: () => focusAt(0),
      End: () => focusAt(all.length - 1),
      Escape: close,
      Tab: () => setOpen(false),
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
    action();
  };

  return (
    <div className="jd-menu">
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        title={title}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open && (
        <div ref={list} id={menuId} className="jd-menu__list" role="menu" aria-label={menuLabel} onKeyDown={onMenuKeyDown}>
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
                close();
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
