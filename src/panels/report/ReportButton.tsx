/**
 * The toolbar's "Report" button. The report (and the simulation code it uses) is loaded when first wanted,
 * so it stays out of the initial JavaScript; the pointer or focus reaching the button starts the download.
 * Focus comes back to this button when the report closes.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

const loadReport = () => import('./Report');
const Report = lazy(loadReport);

export function ReportButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const preload = () => void loadReport().catch(() => undefined);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="jd-button"
        aria-haspopup="dialog"
        title="A one-page report of the journey and its results, to print or save as PDF"
        onClick={() => setOpen(true)}
        onPointerEnter={preload}
        onFocus={preload}
      >
        Report
      </button>
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <Report onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
