/**
 * Asked before a stage that holds nodes is deleted: its nodes move to a neighbouring stage, or nothing
 * happens. A modal dialog, drawn outside the canvas so it does not scale with the zoom.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface StageRef {
  id: string;
  name: string;
}

interface DeleteStageDialogProps {
  stageName: string;
  nodeCount: number;
  left?: StageRef;
  right?: StageRef;
  onMove: (target: string) => void;
  onCancel: () => void;
}

export function DeleteStageDialog({ stageName, nodeCount, left, right, onMove, onCancel }: DeleteStageDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    // showModal makes the rest of the page inert; where it is missing (jsdom) the dialog is simply open.
    if (typeof el.showModal === 'function') el.showModal();
    else el.setAttribute('open', '');
    el.querySelector<HTMLButtonElement>('button')?.focus();
    return () => {
      if (typeof el.close === 'function' && el.open) el.close();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Keys pressed here are for the dialog, never canvas shortcuts.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  const pronoun = nodeCount === 1 ? 'it' : 'them';
  return createPortal(
    <dialog
      ref={dialog}
      className="jd-dialog jd-stage-dialog nokey nodrag nopan nowheel"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={onKeyDown}
    >
      <header className="jd-dialog__head">
        <h2 id={titleId}>Delete stage {stageName}</h2>
      </header>
      <div className="jd-stage-dialog__body">
        <div id={textId}>
          <p>
            Stage {stageName} holds {nodeCount} node{nodeCount === 1 ? '' : 's'}.
          </p>
          <p>Move {pronoun} to a neighbouring stage and delete this one? Undo (Ctrl+Z) puts everything back.</p>
        </div>
        <div className="jd-stage-dialog__actions">
          {left && (
            <button type="button" className="jd-button jd-button--primary" onClick={() => onMove(left.id)}>
              Move {pronoun} to {left.name}
            </button>
          )}
          {right && (
            <button type="button" className={`jd-button${left ? '' : ' jd-button--primary'}`} onClick={() => onMove(right.id)}>
              Move {pronoun} to {right.name}
            </button>
          )}
          <button type="button" className="jd-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </dialog>,
    document.body,
  );
}
