/**
 * The toolbar's "Personas" button. The dialog is loaded when first wanted (the pointer or focus reaching the
 * button starts the download), so it stays out of the initial JavaScript. It is rendered into the body, not
 * inside the toolbar, and focus comes back to this button when it closes.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

const loadDialog = () => import('./PersonasDialog');
const PersonasDialog = lazy(loadDialog);

export function PersonasButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Runs once the dialog has left the page (a modal dialog keeps the rest inert while it is open).
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const preload = () => void loadDialog().catch(() => undefined);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="jd-button"
        aria-haspopup="dialog"
        title="Add, describe and weigh the kinds of customer on this map"
        onClick={() => setOpen(true)}
        onPointerEnter={preload}
        onFocus={preload}
      >
        Personas
      </button>
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <PersonasDialog onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
