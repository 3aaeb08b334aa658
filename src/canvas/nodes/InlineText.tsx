/**
 * Typing a name in place on the canvas: a text field over the card that commits on Enter or when focus
 * leaves, and reverts on Escape. A refused value (an empty name) keeps the field open with the reason.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface InlineTextProps {
  label: string;
  initial: string;
  /** Returns null when accepted, or why not. */
  commit: (text: string) => string | null;
  onDone: () => void;
  multiline?: boolean;
  className?: string;
}

export function InlineText({ label, initial, commit, onDone, multiline = false, className = '' }: InlineTextProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const finished = useRef(false);
  const errorId = useId();

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (save: boolean) => {
    if (finished.current) return;
    if (save && text !== initial) {
      const refusal = commit(text);
      if (refusal !== null) {
        setError(refusal);
        return;
      }
    }
    finished.current = true;
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed here are text, never canvas shortcuts.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish(true);
    }
  };

  const common = {
    ref,
    value: text,
    'aria-label': label,
    'aria-invalid': error !== null,
    'aria-describedby': error ? errorId : undefined,
    className: `jd-inline-text nodrag nopan nowheel ${className}`,
    onChange: (e: { target: { value: string } }) => {
      setText(e.target.value);
      setError(null);
    },
    onKeyDown,
    onBlur: () => finish(true),
    onDoubleClick: (e: { stopPropagation: () => void }) => e.stopPropagation(),
  };
  return (
    <>
      {multiline ? <textarea {...common} rows={Math.min(12, Math.max(3, text.split('\n').length + 1))} /> : <input type="text" {...common} />}
      {error && (
        <span className="jd-inline-text__error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </>
  );
}
