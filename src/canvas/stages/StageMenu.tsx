/**
 * The options menu of a stage header (WAI-ARIA menu button pattern). It is drawn outside the canvas, in
 * screen coordinates, so it stays readable at any zoom; it follows its button while the canvas moves.
 * The keys are the toolbar menus' (useMenuKeys): arrows, Home, End and type-ahead move focus; Escape closes
 * it and gives focus back to the button, Tab closes it and moves on from the button; a click anywhere else
 * closes it.
 */
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useMenuKeys } from '../../ui/menuKeys';

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

  // The keys give focus back to the button themselves; the header need not move it again.
  const closeFromKeys = useCallback(() => onClose(false), [onClose]);
  const { onMenuKeyDown, focusItem } = useMenuKeys({ menu, button: anchor, onClose: closeFromKeys });
  useEffect(() => {
    focusItem(initialFocus);
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

  return createPortal(
    <div
      ref={menu}
      id={id}
      role="menu"
      aria-labelledby={anchorId}
      className="jd-stage-menu nokey nodrag nopan nowheel"
      onKeyDown={onMenuKeyDown}
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
