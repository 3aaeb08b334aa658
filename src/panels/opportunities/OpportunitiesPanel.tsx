/**
 * The Opportunities panel: a large modal with the map's opportunities as a sortable, editable table and as a
 * value-vs-effort chart. Value is the exact rise in completion if the friction an opportunity addresses were
 * all resolved (for the chosen persona, or all customers), computed after the panel has drawn. Marking one
 * Done resolves its friction notes, so the panel asks first; every change is one undo step.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { JourneyMap, Opportunity, OpportunityStatus } from '../../domain/types';
import { editorActions, useEditor } from '../../store/editorStore';
import { opportunityActions } from '../../store/opportunityActions';
import { closeOpportunities, useOpportunityPanel } from '../../store/opportunityPanel';
import { activePersona } from '../../store/selectors';
import { refusal } from '../fields';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { doneQuestion, frictionNotes, statusName } from './opportunityView';
import { OpportunityTable, type FocusRequest } from './OpportunityTable';
import { useOpportunityValues } from './useOpportunityValues';
import { ValueEffortChart } from './ValueEffortChart';
import './opportunities.css';

// The Inspector's friction list loads this module to add an opportunity from a note.
export { addOpportunityForNote } from './addFromNote';

type View = 'table' | 'chart';
const VIEWS: { id: View; name: string }[] = [
  { id: 'table', name: 'Table' },
  { id: 'chart', name: 'Value vs effort' },
];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default function OpportunitiesPanel() {
  const dialog = useRef<HTMLDialogElement>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const tabId = useId();
  const map = useEditor((s) => s.map);
  const persona = useEditor(activePersona);
  const personaName = map.personas.find((p) => p.id === persona)?.name;
  const requested = useOpportunityPanel((s) => s.focus);
  const values = useOpportunityValues(map, persona);
  const [view, setView] = useState<View>('table');
  const [focus, setFocus] = useState<FocusRequest | null>(() => (requested ? { id: requested, seq: 0 } : null));
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  /** What just happened; an edit offers Undo while it is still the latest one. */
  const [notice, setNotice] = useState<{ text: string; undoable?: JourneyMap } | null>(null);

  // Open as a modal before the first paint; give focus back to whatever opened the panel when it closes.
  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const opener = document.activeElement;
    if (!el.open) el.showModal();
    if (!useOpportunityPanel.getState().focus) tabs.current[0]?.focus();
    return () => {
      if (el.open) el.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    if (requested) setFocus((f) => (f?.id === requested ? f : { id: requested, seq: (f?.seq ?? 0) + 1 }));
  }, [requested]);

  const show = (id: string) => {
    setView('table');
    setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 }));
  };

  const done = (text: string) => setNotice({ text, undoable: useEditor.getState().map });
  const accepted = (ok: boolean) => {
    const problem = refusal(ok);
    if (problem) setNotice({ text: problem });
    return problem === null;
  };

  const add = () => {
    const id = opportunityActions.addOpportunity({ title: 'New opportunity' });
    if (id === undefined) accepted(false);
    else {
      done('Added “New opportunity”. Give it a title, an owner and what it addresses.');
      show(id);
    }
  };

  const setStatus = (o: Opportunity, status: OpportunityStatus) => {
    if (status !== 'done') {
      if (accepted(opportunityActions.setOpportunityStatus(o.id, status))) done(`“${o.title}” is now ${statusName(status)}.`);
      return;
    }
    const { question, notes } = doneQuestion(map, o);
    const markDone = () => {
      if (!accepted(opportunityActions.setOpportunityStatus(o.id, 'done'))) return;
      done(notes.length === 0 ? `Marked “${o.title}” done.` : `Marked “${o.title}” done and resolved ${frictionNotes(notes.length)}.`);
    };
    // Nothing else changes with it, so there is nothing to ask.
    if (notes.length === 0) return markDone();
    setConfirm({
      question,
      details: (
        <ul className="jd-confirm__list">
          {notes.map((n) => (
            <li key={`${n.node} ${n.note}`}>
              {n.text} <span className="jd-muted">({n.touchpoint})</span>
            </li>
          ))}
        </ul>
      ),
      confirmLabel: 'Mark done',
      onConfirm: markDone,
    });
  };

  const remove = (o: Opportunity) =>
    setConfirm({
      question: `Delete “${o.title}”?`,
      details: <p className="jd-confirm__text">The touchpoints and friction notes it addresses stay as they are.</p>,
      confirmLabel: 'Delete',
      danger: true,
      focusAfter: () => addButton.current,
      onConfirm: () => {
        if (accepted(opportunityActions.removeOpportunity(o.id))) done(`Deleted “${o.title}”.`);
      },
    });

  const onTabKey = (event: KeyboardEvent, index: number) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = (index + (event.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length;
    setView(VIEWS[next].id);
    tabs.current[next]?.focus();
  };

  const open = map.opportunities.filter((o) => o.status !== 'done');
  const canUndo = notice?.undoable !== undefined && notice.undoable === map;

  return (
    <dialog
      ref={dialog}
      className="jd-dialog jd-opps"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        closeOpportunities();
      }}
    >
      <header className="jd-dialog__head jd-opps__head">
        <div>
          <h2 id={titleId}>Opportunities</h2>
          <p className="jd-opps__summary">
            {count(map.opportunities.length, 'opportunity', 'opportunities')} · {open.length} open · value for{' '}
            <strong>{personaName ?? 'all customers'}</strong>
          </p>
        </div>
        <div className="jd-opps__head-actions">
          <button ref={addButton} type="button" className="jd-button jd-button--primary" onClick={add}>
            + Add opportunity
          </button>
          <button type="button" className="jd-link-button jd-opps__close" onClick={closeOpportunities} aria-label="Close" title="Close (Esc)">
            ✕
          </button>
        </div>
      </header>
      <div className="jd-opps__bar">
        <div role="tablist" aria-label="View" className="jd-opps__tabs">
          {VIEWS.map((v, i) => (
            <button
              key={v.id}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${tabId}-${v.id}`}
              aria-selected={view === v.id}
              aria-controls={`${tabId}-${v.id}-panel`}
              tabIndex={view === v.id ? 0 : -1}
              className="jd-opps__tab"
              onClick={() => setView(v.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {v.name}
            </button>
          ))}
        </div>
        <p className="jd-opps__note">
          Value: how many points completion rises if all the friction an opportunity addresses is resolved. Exact, from the journey&apos;s
          flows — not a Monte Carlo estimate.
          {values.status === 'error' && <span className="jd-field__error"> Values could not be computed: {values.message}</span>}
        </p>
      </div>
      <div className="jd-opps__body" role="tabpanel" id={`${tabId}-${view}-panel`} aria-labelledby={`${tabId}-${view}`}>
        {map.opportunities.length === 0 ? (
          <div className="jd-opps__empty">
            <p>No opportunities yet.</p>
            <p className="jd-muted">
              Add one here, or from a friction note in the Inspector (“+ Opportunity”): it will address that note, and its value shows what
              fixing it is worth.
            </p>
          </div>
        ) : view === 'table' ? (
          <OpportunityTable map={map} values={values} focus={focus} onStatus={setStatus} onDelete={remove} />
        ) : values.status === 'computing' ? (
          <p className="jd-opps__computing" role="status">
            Computing values…
          </p>
        ) : values.status === 'error' ? (
          <p className="jd-opps__computing">No values to plot.</p>
        ) : open.length === 0 ? (
          <p className="jd-opps__computing">Every opportunity is done: nothing left to plot.</p>
        ) : (
          <figure className="jd-opps__figure">
            <ValueEffortChart opportunities={open} values={values.values} onOpen={show} />
            <figcaption className="jd-muted">
              {count(open.length, 'open opportunity', 'open opportunities')}. Quadrants split at the middle effort and at half the top of the
              value axis.
              {open.length < map.opportunities.length && ` Done ones are not plotted (${map.opportunities.length - open.length}).`} Choose a
              point to edit it in the table.
            </figcaption>
          </figure>
        )}
      </div>
      <footer className="jd-opps__footer">
        <p role="status">{notice && (notice.undoable === undefined || canUndo) ? notice.text : ''}</p>
        {canUndo && (
          <button
            type="button"
            className="jd-button"
            onClick={() => {
              editorActions.undo();
              setNotice(null);
            }}
          >
            Undo
          </button>
        )}
      </footer>
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />}
    </dialog>
  );
}
