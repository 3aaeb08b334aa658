/**
 * The toolbar's "Present" button (shortcut P). The presentation, with the picture renderer, loads when first
 * wanted; focus comes back here when it ends, however it was started.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { loadPresentation, startPresentation, usePresentation } from './presentationState';

const Presentation = lazy(loadPresentation);

export function PresentButton() {
  const open = usePresentation((s) => s.open);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const preload = () => void loadPresentation().catch(() => undefined);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="jd-button"
        aria-keyshortcuts="P"
        title="Present the journey full screen (P)"
        onClick={startPresentation}
        onPointerEnter={preload}
        onFocus={preload}
      >
        <span aria-hidden="true">▷</span> Present
      </button>
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <Presentation />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
