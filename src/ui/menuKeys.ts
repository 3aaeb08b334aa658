/**
 * The keyboard of a menu after the WAI-ARIA menu button pattern, shared by the toolbar's menus (panels'
 * MenuButton) and the stage header's menu (canvas' StageMenu), so it lives below both in src/ui:
 * - on the button, ArrowDown opens the menu on its first item and ArrowUp on its last (onMenuButtonKeyDown in
 *   menuButtonKeys.ts, apart so that the buttons on the first screen load without the menus' keys; Enter and
 *   Space click it);
 * - in the menu, ArrowDown/ArrowRight and ArrowUp/ArrowLeft move to the next and previous item (wrapping), Home
 *   and PageUp to the first, End and PageDown to the last, a letter to the next item starting with it;
 * - Escape closes the menu and gives focus back to the button; Tab closes it too, and focus moves on from the
 *   button to the next (Shift+Tab: previous) control, as if the menu had not been open;
 * - Enter and Space activate the focused item (items are buttons: their click does it).
 * Every key pressed in the menu stays there: none of them reaches the editor's shortcuts.
 */
import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import type { MenuFocus } from './menuButtonKeys';

const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

/** The items focus can move to, in order (natively disabled ones cannot take focus; aria-disabled ones can). */
export function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR)).filter((item) => !(item as HTMLButtonElement).disabled) : [];
}

function itemName(item: HTMLElement): string {
  return (item.getAttribute('aria-label') ?? item.textContent ?? '').trim().toLocaleLowerCase();
}

export interface MenuKeysOptions {
  menu: RefObject<HTMLElement | null>;
  /** The menu button: focus comes back to it when the menu closes from the keyboard. */
  button: RefObject<HTMLElement | null>;
  /** Closes the menu (focus is already taken care of). */
  onClose: () => void;
}

export interface MenuKeys {
  /** For the menu element's onKeyDown. */
  onMenuKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** Moves focus to the first or last item (when the menu opens). */
  focusItem: (which: MenuFocus) => void;
}

export function useMenuKeys({ menu, button, onClose }: MenuKeysOptions): MenuKeys {
  const focusItem = useCallback(
    (which: MenuFocus) => {
      const items = menuItems(menu.current);
      items[which === 'first' ? 0 : items.length - 1]?.focus({ preventScroll: true });
    },
    [menu],
  );

  const onMenuKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      event.stopPropagation();
      const items = menuItems(menu.current);
      const current = items.indexOf(document.activeElement as HTMLElement);
      const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus({ preventScroll: true });
      const closeTo = () => {
        onClose();
        button.current?.focus({ preventScroll: true });
      };
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
          closeTo();
          break;
        case 'Tab':
          // Not prevented: the browser moves focus on from the button, where it is now.
          closeTo();
          return;
        default: {
          if (event.key.length !== 1 || event.key === ' ' || event.ctrlKey || event.metaKey || event.altKey) return;
          const letter = event.key.toLocaleLowerCase();
          for (let step = 1; step <= items.length; step++) {
            const item = items[(current + step) % items.length];
            if (itemName(item).startsWith(letter)) {
              item.focus({ preventScroll: true });
              break;
            }
          }
          break;
        }
      }
      event.preventDefault();
    },
    [menu, button, onClose],
  );

  return { onMenuKeyDown, focusItem };
}
