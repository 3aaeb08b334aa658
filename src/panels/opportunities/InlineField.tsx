/**
 * A text field inside the opportunities table: commits on Enter or when focus leaves (one undo step), Escape
 * puts the saved text back (and only then closes the panel), a refused value is explained under the field.
 */
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { refusal } from '../fields';

interface InlineFieldProps {
  label: string;
  value: string;
  /** Returns whether the store accepted the text. */
  commit: (text: string) => boolean;
  multiline?: boolean;
  /** One line of text that wraps instead of scrolling (a long title stays readable); Enter commits. */
  wrap?: boolean;
  placeholder?: string;
  className?: string;
  /** The wrapping field, for focusing it from outside. */
  inputRef?: Ref<HTMLTextAreaElement>;
}

export function InlineField({ label, value, commit, multiline, wrap, placeholder, className, inputRef }: InlineFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const tryCommit = () => {
    if (draft === null) return;
    if (draft === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const problem = refusal(commit(draft));
    setError(problem);
    if (problem === null) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
      event.preventDefault();
      tryCommit();
    } else if (event.key === 'Escape' && (draft !== null || error !== null)) {
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  };
  const common = {
    id,
    value: draft ?? value,
    placeholder,
    'aria-label': label,
    'aria-invalid': error !== null,
    'aria-describedby': error ? `${id}-error` : undefined,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: tryCommit,
    onKeyDown,
  };
  return (
    <div className={`jd-opps__field${className ? ` ${className}` : ''}`}>
      {multiline || wrap ? <textarea ref={inputRef} rows={multiline ? 3 : 1} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      {error && (
        <p className="jd-field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
