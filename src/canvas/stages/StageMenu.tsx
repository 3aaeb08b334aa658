/**
 * The options menu of a stage header (WAI-ARIA menu button pattern). It is drawn outside the canvas, in
 * screen coordinates, so it stays readable at any zoom; it follows its button while the canvas moves.
 * Arrow keys, Home and End move focus; Escape and Tab close it and give focus back to the button; a click
 * anywhere else closes it.
 */
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';

export interface MenuAction {
  label: string;
  disabled?: boolean;
  run: () => void;
}

export interface MenuColour {
  /** Accessible name, e.g. "Colour Blue" or "No colour". */
  label: string;
  /** `#rrggbb`, or undefined for "No colour". */
  hex: string | undefined;
  checked: boolean;
  run: () => void;
}

interface StageMenuProps {
  id: string;
  /** The menu button: the menu is placed under it and takes its name from it. */
  anchor: RefObject<HTMLButtonElement | null>;
  anchorId: string;
  /** Which item has focus when the menu opens (ArrowUp on the button opens on the last). */
  initialFocus: 'first' | 'last';
  actions: readonly MenuAction[];
  colours: readonly MenuColour[];
  /** `returnFocus`: Escape, Tab and activation give focus back to the button; a click elsewhere does not. */
  onClose: (returnFocus: boolean) => void;
}

const GAP = 4;
const EDGE = 8;
const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemradio"]';
const viewportTransform = (s: ReactFlowState) => s.transform;

export function StageMenu({ id, anchor, anchorId, initialFocus, actions, colours, onClose }: StageMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  // Only an open menu listens to pan and zoom, so the headers themselves never re-render while panning.
  const transform = useFlowStore(viewportTransform);

  useLayoutEffect(() => {
    const button = anchor.current;
    const list = menu.current;
    if (!button || !list) return;
    const at = button.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = list;
    const left = Math.min(Math.max(EDGE, at.right - width), window.innerWidth - width - EDGE);
    const below = at.bottom + GAP;
    const top = below + height <= window.innerHeight - EDGE ? below : Math.max(EDGE, at.top - GAP - height);
    // Placed before the first paint, straight on the element: no second render, never drawn misplaced.
    list.style.left = `${left}px`;
    list.style.top = `${top}px`;
  }, [anchor, transform]);

  useEffect(() => {
    const items = menuItems(menu.current);
    items[initialFocus === 'first' ? 0 : items.length - 1]?.focus({ preventScroll: true });
    // Focus moves in only when the menu opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (menu.current?.contains(target) || anchor.current?.contains(target))) return;
      onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [anchor, onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed in the menu are for the menu, never canvas shortcuts.
    event.stopPropagation();
    const items = menuItems(menu.current);
    const current = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus({ preventScroll: true });
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        focusAt(current + 1);
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        focusAt(current < 0 ? -1 : current - 1);
        break;
      case 'Home':
      case 'PageUp':
        focusAt(0);
        break;
      case 'End':
      case 'PageDown':
        focusAt(-1);
        break;
      case 'Escape':
      case 'Tab':
        onClose(true);
        break;
      default: {
        // Type-ahead: a letter moves to the next item starting with it.
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.key === ' ') return;
        const letter = event.key.toLocaleLowerCase();
        for (let step = 1; step <= items.length; step++) {
          const item = items[(current + step) % items.length];
          if (itemName(item).startsWith(letter)) {
            item.focus({ preventScroll: true });
            break;
          }
        }
        return;
      }
    }
    event.preventDefault();
  };

  return createPortal(
    <div
      ref={menu}
      id={id}
      role="menu"
      aria-labelledby={anchorId}
      className="jd-stage-menu nokey nodrag nopan nowheel"
      onKeyDown={onKeyDown}
    >
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="jd-stage-menu__item"
          aria-disabled={action.disabled || undefined}
          onClick={() => {
            if (!action.disabled) action.run();
          }}
        >
          {action.label}
        </button>
      ))}
      <div role="separator" className="jd-stage-menu__separator" />
      <div role="group" aria-label="Colour" className="jd-stage-menu__colours">
        <div className="jd-stage-menu__heading" aria-hidden="true">
          Colour
        </div>
        <div className="jd-stage-menu__swatches">
          {colours.map((colour) => (
            <button
              key={colour.label}
              type="button"
              role="menuitemradio"
              tabIndex={-1}
              aria-checked={colour.checked}
              aria-label={colour.label}
              title={colour.label}
              className={`jd-stage-menu__swatch${colour.hex ? '' : ' is-none'}`}
              style={colour.hex ? { background: colour.hex } : undefined}
              onClick={colour.run}
            />
          ))}
        </div>
      </div>
    </div>,
    document.body,
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR)) : [];
}

function itemName(item: HTMLElement): string {
  return (item.getAttribute('aria-label') ?? item.textContent ?? '').trim().toLocaleLowerCase();
}
