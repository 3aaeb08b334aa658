/**
 * The "Personas" dialog: the kinds of customer on this map, to add, rename, describe, colour, weigh and delete.
 * Every change is one undoable edit through the store; a refused one (an empty or duplicate name, a share not
 * above 0) is explained next to its field and leaves the map as it was. Deleting a persona takes its overrides
 * with it, so the dialog asks first and says how many.
 */
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { personaStyle } from '../../canvas/persona/personaStyle';
import { MAX_WEIGHT } from '../../domain/edits';
import { personaShares } from '../../domain/personas';
import { COLOUR_PALETTE, type JourneyMap, type Persona } from '../../domain/types';
import { editorActions, useEditor } from '../../store/editorStore';
import { personaActions } from '../../store/personaActions';
import { formatNumber, parseNumber, refusal } from '../fields';
import { useListDialog } from '../useListDialog';
// The colour swatches are the Channels dialog's.
import '../channels/channels.css';
import './personas.css';

/** How many values the persona overrides: each node field, and each edge weight. */
export function overrideCount(persona: Persona): number {
  let count = persona.edges.length;
  for (const o of persona.nodes) count += Number(o.share !== undefined) + Number(o.dropOff !== undefined) + Number(o.emotion !== undefined);
  return count;
}

const overrides = (n: number) => `${n} override${n === 1 ? '' : 's'}`;

/** A share of all customers as people say it: "60%", "<1%" for a sliver. */
export function percentOfCustomers(share: number): string {
  const percent = share * 100;
  if (percent > 0 && percent < 1) return '<1%';
  return `${Math.round(percent)}%`;
}

/** A new persona gets the palette colour fewest personas have, so it is told apart on the canvas. */
function colourForNewPersona(personas: readonly Persona[]): string {
  const uses = (hex: string) => personas.filter((p) => p.colour === hex).length;
  // Slate first would read as "no colour": start from the second.
  const choices = [...COLOUR_PALETTE.slice(1), COLOUR_PALETTE[0]];
  return choices.reduce((best, c) => (uses(c.hex) < uses(best.hex) ? c : best)).hex;
}

/** A new persona takes an equal part: the mean of the others' shares (1 for the first). */
function defaultShare(personas: readonly Persona[]): number {
  if (personas.length === 0) return 1;
  return Number((personas.reduce((sum, p) => sum + p.share, 0) / personas.length).toFixed(2));
}

const parseShare = (text: string, name: string): { ok: true; value: number | undefined } | { ok: false; error: string } => {
  const parsed = parseNumber(text, name, { min: -Infinity, max: Infinity });
  if (parsed.ok && parsed.value !== undefined && !(parsed.value > 0 && parsed.value <= MAX_WEIGHT)) {
    return { ok: false, error: `${name} must be above 0 and at most ${MAX_WEIGHT.toLocaleString('en')}` };
  }
  return parsed;
};

export default function PersonasDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const descriptionId = useId();
  const addId = useId();
  const map = useEditor((s) => s.map);
  const personas = map.personas;
  const { dialog, list, addInput, focusAfterChange, onKeyDown } = useListDialog({ block: 'jd-personas', rowKey: 'persona', items: personas, onClose });
  const shares = personaShares(map);
  const [name, setName] = useState('');
  const [share, setShare] = useState('');
  const [addError, setAddError] = useState<{ field: 'name' | 'share'; text: string } | null>(null);
  /** What just happened, for the status line; a deletion offers Undo while it is still the latest edit. */
  const [notice, setNotice] = useState<{ text: string; undoable?: JourneyMap } | null>(null);

  const add = () => {
    const parsed = parseShare(share, 'Share');
    if (!parsed.ok) {
      setAddError({ field: 'share', text: parsed.error });
      return;
    }
    const id = personaActions.addPersona({ name, share: parsed.value ?? defaultShare(personas), colour: colourForNewPersona(personas) });
    if (id === undefined) {
      setAddError({ field: 'name', text: refusal(false) ?? 'That persona was refused' });
    } else {
      setNotice({ text: `Added “${name.trim()}”. Choose it in the Persona menu on the canvas to see and edit its view.` });
      setAddError(null);
      setName('');
      setShare('');
      focusAfterChange.current = { added: id };
    }
    addInput.current?.focus();
  };

  const onDeleted = (index: number, deleted: Persona, count: number) => {
    setNotice({ text: `Deleted “${deleted.name}”${count > 0 ? ` and its ${overrides(count)}` : ''}.`, undoable: useEditor.getState().map });
    focusAfterChange.current = { row: index };
  };

  const canUndo = notice?.undoable !== undefined && notice.undoable === map;
  const undo = () => {
    editorActions.undo();
    setNotice(null);
    addInput.current?.focus();
  };
  const errorId = `${addId}-error`;

  return (
    <dialog
      ref={dialog}
      className="jd-dialog jd-personas"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="jd-dialog__head">
        <h2 id={titleId}>Personas</h2>
        <button type="button" className="jd-link-button jd-personas__close" onClick={onClose} aria-label="Close" title="Close (Esc)">
          ✕
        </button>
      </header>
      <p id={descriptionId} className="jd-personas__intro">
        The kinds of customer on this map and their share of all customers. A persona can start, leave, branch and feel
        differently: choose it in the Persona menu at the bottom left of the canvas, then edit its values in the Inspector.
      </p>
      {personas.length === 0 ? (
        <p className="jd-personas__empty">No personas yet: the map describes all customers alike. Add one below.</p>
      ) : (
        <div className="jd-personas__scroll">
          <div className="jd-personas__columns" aria-hidden="true">
            <span>Name</span>
            <span>Colour</span>
            <span>Share</span>
            <span>Of customers</span>
          </div>
          <ul ref={list} className="jd-personas__list" aria-label="Personas of this map">
            {personas.map((persona, i) => (
              <PersonaRow key={persona.id} persona={persona} share={shares[i] ?? 0} onDeleted={(count) => onDeleted(i, persona, count)} />
            ))}
          </ul>
        </div>
      )}
      <footer className="jd-personas__footer">
        <form
          className="jd-personas__add"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <div className={`jd-field${addError?.field === 'name' ? ' has-error' : ''}`}>
            <label htmlFor={addId}>Persona name</label>
            <input
              ref={addInput}
              id={addId}
              type="text"
              autoComplete="off"
              placeholder="e.g. Mobile-first shopper"
              value={name}
              aria-invalid={addError?.field === 'name'}
              aria-describedby={addError?.field === 'name' ? errorId : undefined}
              onChange={(event) => {
                setName(event.target.value);
                if (addError) setAddError(null);
              }}
            />
          </div>
          <div className={`jd-field jd-personas__add-share${addError?.field === 'share' ? ' has-error' : ''}`}>
            <label htmlFor={`${addId}-share`}>Share</label>
            <input
              id={`${addId}-share`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              placeholder={formatNumber(defaultShare(personas))}
              value={share}
              aria-invalid={addError?.field === 'share'}
              aria-describedby={addError?.field === 'share' ? errorId : undefined}
              onChange={(event) => {
                setShare(event.target.value);
                if (addError) setAddError(null);
              }}
            />
          </div>
          <button type="submit" className="jd-button jd-button--primary">
            Add persona
          </button>
        </form>
        {addError && (
          <p className="jd-field__error" id={errorId} role="alert">
            {addError.text}
          </p>
        )}
        <div className="jd-personas__status">
          <p role="status">{notice && (notice.undoable === undefined || canUndo) ? notice.text : ''}</p>
          {canUndo && (
            <button type="button" className="jd-button" onClick={undo}>
              Undo
            </button>
          )}
        </div>
      </footer>
    </dialog>
  );
}

interface PersonaRowProps {
  persona: Persona;
  /** Its share of all customers, 0..1. */
  share: number;
  onDeleted: (overrides: number) => void;
}

function PersonaRow({ persona, share, onDeleted }: PersonaRowProps) {
  const colourGroup = useId();
  const confirmId = useId();
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const count = overrideCount(persona);
  const custom = persona.colour !== undefined && !COLOUR_PALETTE.some((c) => c.hex === persona.colour);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const confirm = () => {
    if (personaActions.removePersona(persona.id)) onDeleted(count);
    else setDeleteError(refusal(false));
  };
  const cancel = () => {
    setConfirming(false);
    setDeleteError(null);
    deleteButton.current?.focus();
  };

  return (
    <li className="jd-personas__row" data-persona={persona.id} style={personaStyle(persona.colour)}>
      <RowField
        className="jd-personas__name"
        label={`Name of ${persona.name}`}
        value={persona.name}
        commit={(text) => refusal(personaActions.updatePersona(persona.id, { name: text }))}
      />
      <div className="jd-swatches jd-personas__colour" role="radiogroup" aria-label={`Colour of ${persona.name}`}>
        {COLOUR_PALETTE.map((colour) => (
          <input
            key={colour.hex}
            type="radio"
            className="jd-swatch"
            name={colourGroup}
            value={colour.hex}
            aria-label={colour.name}
            title={colour.name}
            checked={persona.colour === colour.hex}
            style={{ '--swatch': colour.hex } as CSSProperties}
            onChange={() => personaActions.updatePersona(persona.id, { colour: colour.hex })}
          />
        ))}
        {custom && (
          <input
            type="radio"
            className="jd-swatch"
            name={colourGroup}
            value={persona.colour}
            aria-label={`Custom colour ${persona.colour}`}
            title={`Custom colour ${persona.colour}`}
            checked
            readOnly
            style={{ '--swatch': persona.colour } as CSSProperties}
          />
        )}
      </div>
      <RowField
        className="jd-personas__share"
        label={`Share of ${persona.name}`}
        value={formatNumber(persona.share)}
        inputMode="decimal"
        commit={(text) => {
          const parsed = parseShare(text, 'Share');
          if (!parsed.ok) return parsed.error;
          if (parsed.value === undefined) return 'A persona needs a share above 0';
          return refusal(personaActions.updatePersona(persona.id, { share: parsed.value }));
        }}
      />
      <span className="jd-personas__percent" title={`${persona.name}: ${percentOfCustomers(share)} of all customers`}>
        {percentOfCustomers(share)}
      </span>
      <button
        ref={deleteButton}
        type="button"
        className="jd-button jd-button--danger jd-personas__delete"
        aria-label={`Delete ${persona.name}`}
        aria-expanded={confirming}
        onClick={confirming ? cancel : () => setConfirming(true)}
      >
        Delete
      </button>
      <RowField
        className="jd-personas__description"
        label={`Description of ${persona.name}`}
        value={persona.description ?? ''}
        placeholder="Who they are, what they want"
        commit={(text) => refusal(personaActions.updatePersona(persona.id, { description: text }))}
      />
      <span className="jd-personas__overrides">{count === 0 ? 'No overrides yet' : overrides(count)}</span>
      {confirming && (
        <div className="jd-personas__replace" role="group" aria-label={`Delete ${persona.name}`} aria-describedby={confirmId}>
          <p className="jd-personas__replace-text" id={confirmId}>
            {count === 0
              ? `Delete ${persona.name}? It has no overrides; the map's own values stay as they are.`
              : `Delete ${persona.name} and its ${overrides(count)}? The map's own values stay as they are.`}
          </p>
          <button ref={confirmButton} type="button" className="jd-button jd-button--danger" onClick={confirm}>
            {count === 0 ? 'Delete persona' : `Delete persona and ${overrides(count)}`}
          </button>
          <button type="button" className="jd-button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {deleteError && (
        <p className="jd-field__error jd-personas__row-error" role="alert">
          {deleteError}
        </p>
      )}
    </li>
  );
}

interface RowFieldProps {
  className: string;
  label: string;
  value: string;
  /** Returns why the value was refused, or null once it is in the map. */
  commit: (text: string) => string | null;
  placeholder?: string;
  inputMode?: 'text' | 'decimal';
}

/** A persona's name, description or share: committed on Enter or when focus leaves; Escape puts the saved value back. */
function RowField({ className, label, value, commit, placeholder, inputMode = 'text' }: RowFieldProps) {
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
    const problem = commit(draft);
    setError(problem);
    if (problem === null) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      tryCommit();
    } else if (event.key === 'Escape' && (draft !== null || error !== null)) {
      // Revert only: the dialog stays open (an unedited field lets Escape close it).
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  };

  return (
    <div className={`jd-field ${className}${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="jd-visually-hidden">
        {label}
      </label>
      <div className="jd-field__control">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          placeholder={placeholder}
          value={draft ?? value}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={tryCommit}
          onKeyDown={onKeyDown}
        />
      </div>
      {error && (
        <p className="jd-field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
