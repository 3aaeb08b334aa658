import { useLayoutEffect, type RefObject } from 'react';

/**
 * Opens a <dialog> as a modal before the first paint and closes it when the component goes; focus then goes
 * back to what had it before (the button that opened the dialog), unless `returnFocus` is false because the
 * caller puts it somewhere itself.
 */
export function useModal(dialog: RefObject<HTMLDialogElement | null>, focus?: () => HTMLElement | null | undefined, options: { returnFocus?: boolean } = {}): void {
  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!el.open) el.showModal();
    (focus?.() ?? el.querySelector<HTMLElement>('input, button'))?.focus();
    return () => {
      const focusWasInside = el.contains(document.activeElement) || document.activeElement === document.body || document.activeElement === null;
      if (el.open) el.close();
      if (options.returnFocus !== false && focusWasInside && opener?.isConnected) opener.focus({ preventScroll: true });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/** Open modals: native ones (showModal) and ARIA ones (the report); the last in the document is on top. */
const MODAL_SELECTOR = 'dialog[open], [role="dialog"][aria-modal="true"]';
const TABBABLE =
  'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [contenteditable=""], [contenteditable="true"], [tabindex]';

function topModal(): HTMLElement | null {
  const open = Array.from(document.querySelectorAll<HTMLElement>(MODAL_SELECTOR)).filter((el) => !(el instanceof HTMLDialogElement) || isModal(el));
  return open[open.length - 1] ?? null;
}

/** Opened with showModal(), or declared modal with aria-modal="true" (as stand-ins for showModal do, e.g. in jsdom). */
function isModal(dialog: HTMLDialogElement): boolean {
  if (dialog.getAttribute('aria-modal') === 'true') return true;
  try {
    return dialog.matches(':modal');
  } catch {
    // Where :modal is unknown, an open dialog counts as modal.
    return true;
  }
}

/** What Tab reaches inside `container`, in order: enabled, shown, not taken out with tabindex="-1". */
export function tabbables(container: HTMLElement): HTMLElement[] {
  const found = Array.from(container.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => {
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
    if (el.getClientRects().length === 0 && !navigator.userAgent.includes('jsdom')) return false;
    // Of a group of radio buttons, Tab reaches the checked one (the first when none is).
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      const group = Array.from(container.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`));
      return el.checked || (!group.some((r) => r.checked) && group[0] === el);
    }
    return true;
  });
  return found;
}

/**
 * Keeps Tab inside the modal on top: from its last control Tab goes to its first, and Shift+Tab from the first
 * to the last. (A modal <dialog> makes the page behind it inert, but Tab from its last control still leaves
 * the page for the browser's own controls.)
 */
export function trapTabInModal(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
  const modal = topModal();
  if (!modal) return;
  const inside = tabbables(modal);
  const active = document.activeElement as HTMLElement | null;
  if (inside.length === 0) {
    event.preventDefault();
    modal.focus();
    return;
  }
  const first = inside[0];
  const last = inside[inside.length - 1];
  const at = active ? inside.indexOf(active) : -1;
  const within = active !== null && modal.contains(active);
  if (event.shiftKey && (at === 0 || !within || active === modal)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (at === inside.length - 1 || !within)) {
    event.preventDefault();
    first.focus();
  }
}
