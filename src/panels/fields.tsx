/**
 * Inspector fields that commit on Enter or when focus leaves (one undo step per committed change) and
 * refuse invalid input with a message next to the field, keeping the map's last valid value.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { editorActions, useEditor } from '../store/editorStore';

/** Returns an error message, or null when the value was accepted. */
export type Commit = (text: string) => string | null;

/**
 * Turns a store action's answer into a field's message: null when accepted, else why it was refused.
 * The field shows the message itself, so the global one is cleared.
 */
export function refusal(accepted: boolean): string | null {
  if (accepted) return null;
  const message = useEditor.getState().lastEditError ?? 'That value was refused';
  editorActions.clearEditError();
  return message;
}

interface CommitFieldProps {
  label: string;
  value: string;
  commit: Commit;
  hint?: ReactNode;
  multiline?: boolean;
  inputMode?: 'text' | 'decimal' | 'numeric';
  placeholder?: string;
  suffix?: string;
}

export function CommitField({ label, value, commit, hint, multiline, inputMode = 'text', placeholder, suffix }: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? value;

  const tryCommit = () => {
    if (draft === null) return;
    if (draft === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const problem = commit(draft);
    setError(problem);
    if (problem === null) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
      event.preventDefault();
      tryCommit();
    } else if (event.key === 'Escape') {
      setDraft(null);
      setError(null);
    }
  };
  const common = {
    id,
    value: shown,
    placeholder,
    'aria-invalid': error !== null,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: tryCommit,
    onKeyDown,
  };
  return (
    <div className={`jd-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="jd-field__control">
        {multiline ? <textarea rows={3} {...common} /> : <input type="text" inputMode={inputMode} autoComplete="off" {...common} />}
        {suffix && <span className="jd-field__suffix">{suffix}</span>}
      </div>
      {error ? (
        <p className="jd-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        hint && (
          <p className="jd-field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | '';
  options: readonly { value: T | ''; label: string }[];
  onChange: (value: T | '') => void;
}

export function SelectField<T extends string>({ label, value, options, onChange }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="jd-field">
      <label htmlFor={id}>{label}</label>
      <div className="jd-field__control">
        <select id={id} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export type Parsed = { ok: true; value: number | undefined } | { ok: false; error: string };

/** Parses a number typed by a person: blank clears the value; "7,5" is accepted as 7.5. */
export function parseNumber(text: string, name: string, range: { min: number; max: number; maxExclusive?: boolean; integer?: boolean }): Parsed {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false, error: `${name} must be a number` };
  const value = Number(trimmed);
  if (range.integer && !Number.isInteger(value)) return { ok: false, error: `${name} must be a whole number` };
  const tooHigh = range.maxExclusive ? value >= range.max : value > range.max;
  if (value < range.min || tooHigh) {
    return {
      ok: false,
      error: range.maxExclusive
        ? `${name} must be at least ${range.min} and below ${range.max}`
        : Number.isFinite(range.max)
          ? `${name} must be between ${range.min} and ${range.max}`
          : `${name} must be at least ${range.min}`,
    };
  }
  return { ok: true, value };
}

export function formatNumber(value: number | undefined): string {
  return value === undefined ? '' : String(Number(value.toFixed(4)));
}
