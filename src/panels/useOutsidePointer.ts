import { useEffect, type RefObject } from 'react';

/** While `active`, a pointer press outside every given element calls `onOutside` (closes a menu or popover). */
export function useOutsidePointer(active: boolean, inside: readonly RefObject<HTMLElement | null>[], onOutside: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!inside.some((ref) => ref.current?.contains(target))) onOutside();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
    // `inside` holds refs, stable across renders; `onOutside` only closes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);
}
