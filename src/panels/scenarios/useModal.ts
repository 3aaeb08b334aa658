import { useLayoutEffect, type RefObject } from 'react';

/** Opens a <dialog> as a modal before the first paint and closes it when the component goes. */
export function useModal(dialog: RefObject<HTMLDialogElement | null>, focus?: () => HTMLElement | null | undefined): void {
  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (!el.open) el.showModal();
    (focus?.() ?? el.querySelector<HTMLElement>('input, button'))?.focus();
    return () => {
      if (el.open) el.close();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
