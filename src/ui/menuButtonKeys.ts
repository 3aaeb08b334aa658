import type { KeyboardEvent } from 'react';

/** Where focus goes when a menu opens: its first or its last item. */
export type MenuFocus = 'first' | 'last';

/** For a menu button's onKeyDown: ArrowDown opens the menu on its first item, ArrowUp on its last. */
export function onMenuButtonKeyDown(event: KeyboardEvent<HTMLElement>, open: (focus: MenuFocus) => void): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  event.stopPropagation();
  open(event.key === 'ArrowDown' ? 'first' : 'last');
}
