/**
 * A question asked before an edit with consequences (marking an opportunity Done, deleting one): a small
 * modal above the panel. The safe answer has focus first; Escape is Cancel. Focus goes back where it was.
 */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

export interface ConfirmRequest {
  question: string;
  details?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  /** Where focus goes if what had it is gone when the question closes (e.g. the row just deleted). */
  focusAfter?: () => HTMLElement | null;
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const focusAfter = useRef(request.focusAfter);

  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const before = document.activeElement;
    if (!el.open) el.showModal();
    cancel.current?.focus();
    return () => {
      if (el.open) el.close();
      // After the whole commit: the edit just confirmed may remove what had focus in the same render.
      queueMicrotask(() => {
        if (before instanceof HTMLElement && before.isConnected) before.focus();
        else focusAfter.current?.()?.focus();
      });
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="jd-dialog jd-confirm"
      role="alertdialog"
      aria-labelledby={questionId}
      onCancel={(event) => {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <p id={questionId} className="jd-confirm__question">
        {request.question}
      </p>
      {request.details}
      <div className="jd-confirm__buttons">
        <button ref={cancel} type="button" className="jd-button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={`jd-button ${request.danger ? 'jd-button--danger-solid' : 'jd-button--primary'}`}
          onClick={() => {
            onClose();
            request.onConfirm();
          }}
        >
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
