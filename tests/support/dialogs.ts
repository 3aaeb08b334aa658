import { preloadModalFocusTrap } from '../../src/panels/useModalFocusTrap';

/**
 * jsdom has <dialog> but not its modal methods: these stand in for the browser's (the browser tests use the
 * real ones), marking the dialog aria-modal as the app's Tab trap recognises a modal without `:modal`. The
 * trap itself (installed by useShortcuts) loads when focus first enters a dialog; tests Tab at once, so it is
 * loaded here.
 */
export function standInForModalDialogs(): Promise<void> {
  if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.open = true;
      this.setAttribute('aria-modal', 'true');
    };
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
      this.open = false;
      this.removeAttribute('aria-modal');
      this.dispatchEvent(new Event('close'));
    };
  }
  return preloadModalFocusTrap();
}
