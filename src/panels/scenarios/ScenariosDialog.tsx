/**
 * The Scenarios dialog: create a scenario (from the as-is map or as a copy of another), rename, delete
 * (asking first), show one, and compare them all with the as-is map.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { changeCount } from '../../domain/scenarios';
import type { Scenario } from '../../domain/types';
import { editorActions, useEditor } from '../../store/editorStore';
import { scenarioActions } from '../../store/scenarioActions';
import { openScenarioPanel } from './scenarioPanel';
import { useModal } from './useModal';

export function ScenariosDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const scenarios = useEditor((s) => s.document.scenarios);
  const shown = useEditor((s) => s.scenario);
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  useModal(dialog, () => nameInput.current);

  const create = (event: FormEvent) => {
    event.preventDefault();
    const id = scenarioActions.createScenario(name, from || undefined);
    if (id === undefined) {
      setError(useEditor.getState().lastEditError ?? 'The scenario was refused');
      return;
    }
    setError(null);
    setName('');
    onClose();
    editorActions.notify('info', `Showing the new scenario “${name.trim()}”: your edits now change it, not the as-is map.`, { id: 'scenario-created' });
  };

  return (
    <dialog
      ref={dialog}
      className="jd-dialog jd-scenarios"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="jd-dialog__head">
        <h2 id={titleId}>Scenarios</h2>
        <button type="button" className="jd-link-button" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <p className="jd-muted">
        A scenario is a “to-be” version of this journey: resolve friction, change drop-offs, add or remove touchpoints and connections. The as-is map stays
        as it is; Compare shows them side by side.
      </p>
      {scenarios.length === 0 ? (
        <p className="jd-muted">No scenarios yet.</p>
      ) : (
        <ul className="jd-scenarios__list" aria-label="Scenarios of this map">
          {scenarios.map((s) => (
            <ScenarioRow key={s.id} scenario={s} shown={s.id === shown} onStatus={setStatus} onShow={onClose} />
          ))}
        </ul>
      )}
      <form className="jd-scenarios__new" onSubmit={create}>
        <div className="jd-field">
          <label htmlFor={`${titleId}-name`}>New scenario</label>
          <input
            id={`${titleId}-name`}
            ref={nameInput}
            value={name}
            placeholder="e.g. Fix checkout"
            aria-invalid={error !== null}
            aria-describedby={error ? `${titleId}-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        {scenarios.length > 0 && (
          <div className="jd-field">
            <label htmlFor={`${titleId}-from`}>Start from</label>
            <select id={`${titleId}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
              <option value="">As-is</option>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="jd-button jd-button--primary">
          Create and show
        </button>
        {error && (
          <p className="jd-field__error" id={`${titleId}-error`} role="alert">
            {error}
          </p>
        )}
      </form>
      <footer className="jd-scenarios__foot">
        <p role="status" className="jd-muted">
          {status}
        </p>
        <button type="button" className="jd-button" disabled={scenarios.length === 0} onClick={() => openScenarioPanel('compare')}>
          Compare with As-is
        </button>
      </footer>
    </dialog>
  );
}

function ScenarioRow({ scenario, shown, onStatus, onShow }: { scenario: Scenario; shown: boolean; onStatus: (text: string) => void; onShow: () => void }) {
  const [draft, setDraft] = useState(scenario.name);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const changes = changeCount(scenario.changes);
  const commit = () => {
    if (draft.trim() === scenario.name) return;
    if (scenarioActions.renameScenario(scenario.id, draft)) setError(null);
    else setError(useEditor.getState().lastEditError ?? 'The name was refused');
  };
  return (
    <li className={shown ? 'is-shown' : undefined}>
      <input
        aria-label={`Name of ${scenario.name}`}
        value={draft}
        aria-invalid={error !== null}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && draft !== scenario.name) {
            e.preventDefault();
            setDraft(scenario.name);
            setError(null);
          }
        }}
      />
      <span className="jd-muted">{changes === 0 ? 'no changes' : `${changes} change${changes === 1 ? '' : 's'}`}</span>
      {shown ? (
        <span className="jd-scenarios__shown">Shown</span>
      ) : (
        <button
          type="button"
          className="jd-button"
          onClick={() => {
            editorActions.chooseScenario(scenario.id);
            onShow();
          }}
        >
          Show
        </button>
      )}
      {confirming ? (
        <>
          <button
            type="button"
            className="jd-button jd-button--danger"
            onClick={() => {
              scenarioActions.removeScenario(scenario.id);
              onStatus(`Deleted “${scenario.name}”. Undo (Ctrl+Z) brings it back.`);
            }}
          >
            Delete {scenario.name}
          </button>
          <button type="button" className="jd-link-button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" className="jd-link-button" aria-label={`Delete ${scenario.name}`} onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
      {error && (
        <p className="jd-field__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
