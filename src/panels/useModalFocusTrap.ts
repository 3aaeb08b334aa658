/**
 * Keeps Tab inside whichever modal dialog is open (trapTabInModal, in useModal.ts). Installed once at the top
 * of the editor; the trap's code loads when focus first enters a dialog, long before Tab can reach its end.
 */
import { useEffect } from 'react';

let trap: ((event: KeyboardEvent) => void) | null = null;
const loadTrap = () =>
  import('./scenarios/useModal').then((m) => {
    trap = m.trapTabInModal;
  });

export function useModalFocusTrap(): void {
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      if (!trap && event.target instanceof Element && event.target.closest('dialog, [aria-modal="true"]')) void loadTrap();
    };
    const onKeyDown = (event: KeyboardEvent) => trap?.(event);
    // On the window, capturing, and installed before any dialog opens: first to see a key, before a dialog's
    // own window listener (the report's) stops it.
    window.addEventListener('focusin', onFocusIn);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, []);
}

/** Loads the trap now (tests, which Tab at once). */
export const preloadModalFocusTrap = (): Promise<void> => loadTrap();
