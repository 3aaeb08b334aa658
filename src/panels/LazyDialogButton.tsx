/**
 * A toolbar button that opens a dialog loaded when first wanted (the pointer or focus reaching the button
 * starts the download), so the dialog stays out of the initial JavaScript. The dialog is rendered into the
 * body, not inside the toolbar, and focus comes back to this button once it has closed.
 */
import { Suspense, useEffect, useRef, useState, type ComponentType } from 'react';
import { createPortal } from 'react-dom';

export interface LazyDialogButtonProps {
  label: string;
  title: string;
  /** The dialog, made with React.lazy at module level. */
  dialog: ComponentType<{ onClose: () => void }>;
  /** The dialog's import, started early to hide the download. */
  preload: () => Promise<unknown>;
}

export function LazyDialogButton({ label, title, dialog: Dialog, preload }: LazyDialogButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Runs once the dialog has left the page (a modal dialog keeps the rest inert while it is open).
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const start = () => void preload().catch(() => undefined);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="jd-button"
        aria-haspopup="dialog"
        title={title}
        onClick={() => setOpen(true)}
        onPointerEnter={start}
        onFocus={start}
      >
        {label}
      </button>
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <Dialog onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
