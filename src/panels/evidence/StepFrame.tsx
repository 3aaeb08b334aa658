/** The frame every import step shares: its heading with the way back, and a footer with its one action. */
import type { ReactNode } from 'react';

export function StepHeader({ title, onBack, children }: { title: string; onBack: () => void; children?: ReactNode }) {
  return (
    <div className="jd-evidence-dialog__step">
      <div>
        <h3 className="jd-evidence-dialog__step-title" tabIndex={-1}>
          {title}
        </h3>
        {children && <p className="jd-evidence-dialog__file-info">{children}</p>}
      </div>
      <button type="button" className="jd-button" onClick={onBack}>
        Choose another file
      </button>
    </div>
  );
}

interface StepFooterProps {
  /** Why the store refused the change, if it did. */
  refused: string | null;
  note: ReactNode;
  action: string;
  disabled?: boolean;
  describedBy?: string;
  onAction: () => void;
}

export function StepFooter({ refused, note, action, disabled, describedBy, onAction }: StepFooterProps) {
  return (
    <footer className="jd-evidence-dialog__footer">
      {refused && (
        <p className="jd-field__error" role="alert">
          {refused}
        </p>
      )}
      <p className="jd-evidence-dialog__note">{note}</p>
      <button type="button" className="jd-button jd-button--primary" disabled={disabled} aria-describedby={describedBy} onClick={onAction}>
        {action}
      </button>
    </footer>
  );
}
