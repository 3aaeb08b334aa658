import { useId, useState, type FormEvent } from 'react';
import type { JourneyNode, Severity } from '../domain/types';
import { editorActions, useEditor } from '../store/editorStore';

const SEVERITIES: { value: Severity; label: string }[] = [
  { value: 1, label: '1 minor' },
  { value: 2, label: '2 noticeable' },
  { value: 3, label: '3 frustrating' },
  { value: 4, label: '4 severe' },
  { value: 5, label: '5 blocking' },
];

export function FrictionList({ node }: { node: JourneyNode }) {
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<Severity>(3);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  const severityId = useId();

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Write what frustrates the customer first');
      return;
    }
    const added = editorActions.addFriction(node.id, text, severity);
    if (added === undefined) {
      setError(useEditor.getState().lastEditError ?? 'The note was refused');
      return;
    }
    setText('');
    setError(null);
  };

  return (
    <section className="jd-friction-list" aria-label="Friction">
      <h3>Friction</h3>
      {node.friction.length === 0 ? (
        <p className="jd-muted">No friction noted yet.</p>
      ) : (
        <ul>
          {node.friction.map((f) => (
            <li key={f.id} className={`jd-friction-note jd-friction-note--s${f.severity}${f.resolved ? ' is-resolved' : ''}`} aria-label={f.note}>
              <span className="jd-friction-note__severity" title={`Severity ${f.severity}`}>
                S{f.severity}
              </span>
              <span className="jd-friction-note__text">{f.note}</span>
              <label className="jd-toggle">
                <input type="checkbox" checked={f.resolved === true} onChange={(e) => editorActions.resolveFriction(node.id, f.id, e.target.checked)} />
                Resolve
              </label>
              <button type="button" className="jd-link-button" onClick={() => editorActions.removeFriction(node.id, f.id)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="jd-friction-form" onSubmit={add}>
        <div className="jd-field">
          <label htmlFor={noteId}>New friction note</label>
          <input
            id={noteId}
            type="text"
            value={text}
            placeholder="e.g. Surprise shipping costs"
            aria-invalid={error !== null}
            aria-describedby={error ? `${noteId}-error` : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          {error && (
            <p className="jd-field__error" id={`${noteId}-error`}>
              {error}
            </p>
          )}
        </div>
        <div className="jd-field-row">
          <div className="jd-field">
            <label htmlFor={severityId}>Severity</label>
            <select id={severityId} value={severity} onChange={(e) => setSeverity(Number(e.target.value) as Severity)}>
              {SEVERITIES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="jd-button jd-button--primary">
            Add friction note
          </button>
        </div>
      </form>
    </section>
  );
}
