import { useId, useState, type FormEvent } from 'react';
import { InlineText } from '../canvas/nodes/InlineText';
import type { FrictionNote, JourneyNode, Severity } from '../domain/types';
import { editorActions, useEditor } from '../store/editorStore';

const SEVERITIES: { value: Severity; label: string }[] = [
  { value: 1, label: '1 minor' },
  { value: 2, label: '2 noticeable' },
  { value: 3, label: '3 frustrating' },
  { value: 4, label: '4 severe' },
  { value: 5, label: '5 blocking' },
];

const DEFAULT_SEVERITY: Severity = 3;

/** One friction note: its text is rewritten in place ("Edit"), its severity changed from the select. */
function FrictionItem({ nodeId, note }: { nodeId: string; note: FrictionNote }) {
  const [editing, setEditing] = useState(false);
  return (
    <li className={`jd-friction-note jd-friction-note--s${note.severity}${note.resolved ? ' is-resolved' : ''}`} aria-label={note.note}>
      <select
        className="jd-friction-note__severity"
        aria-label={`Severity of “${note.note}”`}
        value={note.severity}
        onChange={(e) => editorActions.updateFriction(nodeId, note.id, { severity: Number(e.target.value) as Severity })}
      >
        {SEVERITIES.map((s) => (
          <option key={s.value} value={s.value}>
            S{s.value}
          </option>
        ))}
      </select>
      {editing ? (
        <span className="jd-friction-note__text">
          <InlineText
            label="Friction note text"
            initial={note.note}
            commit={(text) => (editorActions.updateFriction(nodeId, note.id, { note: text }) ? null : (useEditor.getState().lastEditError ?? 'The note was refused'))}
            onDone={() => {
              editorActions.clearEditError();
              setEditing(false);
            }}
          />
        </span>
      ) : (
        <span className="jd-friction-note__text">{note.note}</span>
      )}
      <div className="jd-friction-note__actions">
        <label className="jd-toggle">
          <input type="checkbox" checked={note.resolved === true} onChange={(e) => editorActions.resolveFriction(nodeId, note.id, e.target.checked)} />
          Resolve
        </label>
        {!editing && (
          <button type="button" className="jd-link-button" aria-label={`Edit “${note.note}”`} onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <button type="button" className="jd-link-button" aria-label={`Delete “${note.note}”`} onClick={() => editorActions.removeFriction(nodeId, note.id)}>
          Delete
        </button>
        {!note.resolved && !editing && (
          <button
            type="button"
            className="jd-link-button"
            aria-label={`Add opportunity for ${note.note}`}
            // Loads with the Opportunities panel, which opens on the new opportunity.
            onClick={() => void import('./opportunities/OpportunitiesPanel').then((m) => m.addOpportunityForNote(nodeId, note))}
          >
            + Opportunity
          </button>
        )}
      </div>
    </li>
  );
}

export function FrictionList({ node }: { node: JourneyNode }) {
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<Severity>(DEFAULT_SEVERITY);
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
    setSeverity(DEFAULT_SEVERITY);
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
            <FrictionItem key={f.id} nodeId={node.id} note={f} />
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
