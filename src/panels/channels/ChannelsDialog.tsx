/**
 * The "Channels" dialog: the map's channels, to add, rename, recolour and delete. Every change is one
 * undoable edit through the store; a refused one (an empty or duplicate name) is explained next to its field
 * and leaves the map as it was. A channel that touchpoints use is deleted only once the user has chosen
 * where those touchpoints go.
 */
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { channelStyle, NEUTRAL_CHANNEL_COLOUR } from '../../canvas/channelColour';
import { nodesOnChannel } from '../../domain/structure';
import { COLOUR_PALETTE, type Channel, type JourneyMap } from '../../domain/types';
import { editorActions, useEditor } from '../../store/editorStore';
import { refusal } from '../fields';
import { useListDialog } from '../useListDialog';
import './channels.css';

const touchpoints = (n: number) => `${n} touchpoint${n === 1 ? '' : 's'}`;

/** A new channel gets the palette colour fewest channels have (never the neutral slate), so it stands out. */
function colourForNewChannel(channels: readonly Channel[]): string {
  const uses = (hex: string) => channels.filter((c) => c.colour === hex).length;
  const choices = COLOUR_PALETTE.filter((c) => c.hex !== NEUTRAL_CHANNEL_COLOUR);
  return choices.reduce((best, c) => (uses(c.hex) < uses(best.hex) ? c : best)).hex;
}

export default function ChannelsDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const descriptionId = useId();
  const addId = useId();
  const map = useEditor((s) => s.map);
  const channels = map.channels;
  const { dialog, list, addInput, focusAfterChange, onKeyDown } = useListDialog({ block: 'jd-channels', rowKey: 'channel', items: channels, onClose });
  const usage = useMemo(() => map.channels.map((c) => nodesOnChannel(map, c.id).length), [map]);
  const [name, setName] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  /** What just happened, for the status line; a deletion offers Undo while it is still the latest edit. */
  const [notice, setNotice] = useState<{ text: string; undoable?: JourneyMap } | null>(null);

  const add = () => {
    const id = editorActions.addChannel(name, colourForNewChannel(channels));
    if (id === undefined) {
      setAddError(refusal(false));
    } else {
      setNotice({ text: `Added “${name.trim()}”. It is in the palette now.` });
      setAddError(null);
      setName('');
      focusAfterChange.current = { added: id };
    }
    addInput.current?.focus();
  };

  const onDeleted = (index: number, deleted: Channel, moved: number, to: string) => {
    const where = moved === 0 ? '' : ` Its ${touchpoints(moved)} ${moved === 1 ? 'now has' : 'now have'} ${to}.`;
    setNotice({ text: `Deleted “${deleted.name}”.${where}`, undoable: useEditor.getState().map });
    focusAfterChange.current = { row: index };
  };

  const canUndo = notice?.undoable !== undefined && notice.undoable === map;
  const undo = () => {
    editorActions.undo();
    setNotice(null);
    addInput.current?.focus();
  };

  return (
    <dialog
      ref={dialog}
      className="jd-dialog jd-channels"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="jd-dialog__head">
        <h2 id={titleId}>Channels</h2>
        <button type="button" className="jd-link-button jd-channels__close" onClick={onClose} aria-label="Close" title="Close (Esc)">
          ✕
        </button>
      </header>
      <p id={descriptionId} className="jd-channels__intro">
        Where customers meet you. Each channel is a palette item; its touchpoints show it in its colour.
      </p>
      {channels.length === 0 ? (
        <p className="jd-channels__empty">This map has no channels yet. Add one below.</p>
      ) : (
        <div className="jd-channels__scroll">
          <div className="jd-channels__columns" aria-hidden="true">
            <span>Name</span>
            <span>Colour</span>
            <span>Used by</span>
          </div>
          <ul ref={list} className="jd-channels__list" aria-label="Channels of this map">
            {channels.map((channel, i) => (
              <ChannelRow
                key={channel.id}
                channel={channel}
                uses={usage[i] ?? 0}
                others={channels.filter((c) => c.id !== channel.id)}
                onDeleted={(moved, to) => onDeleted(i, channel, moved, to)}
              />
            ))}
          </ul>
        </div>
      )}
      <footer className="jd-channels__footer">
        <form
          className="jd-channels__add"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <div className={`jd-field${addError ? ' has-error' : ''}`}>
            <label htmlFor={addId}>Channel name</label>
            <input
              ref={addInput}
              id={addId}
              type="text"
              autoComplete="off"
              placeholder="e.g. Kiosk"
              value={name}
              aria-invalid={addError !== null}
              aria-describedby={addError ? `${addId}-error` : undefined}
              onChange={(event) => {
                setName(event.target.value);
                if (addError) setAddError(null);
              }}
            />
          </div>
          <button type="submit" className="jd-button jd-button--primary">
            Add channel
          </button>
        </form>
        {addError && (
          <p className="jd-field__error" id={`${addId}-error`} role="alert">
            {addError}
          </p>
        )}
        <div className="jd-channels__status">
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

interface ChannelRowProps {
  channel: Channel;
  /** How many touchpoints use this channel. */
  uses: number;
  others: Channel[];
  onDeleted: (moved: number, to: string) => void;
}

const NO_CHANNEL = 'none';
const asOption = (id: string) => `channel:${id}`;

function ChannelRow({ channel, uses, others, onDeleted }: ChannelRowProps) {
  const colourGroup = useId();
  const replacementId = useId();
  const [confirming, setConfirming] = useState(false);
  const [replacement, setReplacement] = useState('');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const replacementSelect = useRef<HTMLSelectElement>(null);
  const custom = channel.colour !== undefined && !COLOUR_PALETTE.some((c) => c.hex === channel.colour);

  useEffect(() => {
    if (confirming) replacementSelect.current?.focus();
  }, [confirming]);

  const askOrDelete = () => {
    if (uses > 0) {
      setConfirming(true);
      return;
    }
    if (editorActions.removeChannel(channel.id)) onDeleted(0, '');
    else setDeleteError(refusal(false));
  };
  const confirm = () => {
    if (replacement === '') {
      setDeleteError('Choose where its touchpoints go first');
      replacementSelect.current?.focus();
      return;
    }
    const to = replacement === NO_CHANNEL ? null : replacement.slice(asOption('').length);
    const toName = to === null ? 'no channel' : (others.find((c) => c.id === to)?.name ?? to);
    if (editorActions.removeChannel(channel.id, to)) onDeleted(uses, toName);
    else setDeleteError(refusal(false));
  };
  const cancel = () => {
    setConfirming(false);
    setReplacement('');
    setDeleteError(null);
    deleteButton.current?.focus();
  };

  return (
    <li className="jd-channels__row" data-channel={channel.id} style={channelStyle(channel.colour)}>
      <ChannelNameField channel={channel} />
      <div className="jd-swatches" role="radiogroup" aria-label={`Colour of ${channel.name}`}>
        {COLOUR_PALETTE.map((colour) => (
          <input
            key={colour.hex}
            type="radio"
            className="jd-swatch"
            name={colourGroup}
            value={colour.hex}
            aria-label={colour.name}
            title={colour.name}
            checked={channel.colour === colour.hex}
            style={{ '--swatch': colour.hex } as CSSProperties}
            onChange={() => editorActions.setChannelColour(channel.id, colour.hex)}
          />
        ))}
        {custom && (
          <input
            type="radio"
            className="jd-swatch"
            name={colourGroup}
            value={channel.colour}
            aria-label={`Custom colour ${channel.colour}`}
            title={`Custom colour ${channel.colour}`}
            checked
            readOnly
            style={{ '--swatch': channel.colour } as CSSProperties}
          />
        )}
      </div>
      <span className="jd-channels__uses">{touchpoints(uses)}</span>
      <button
        ref={deleteButton}
        type="button"
        className="jd-button jd-button--danger jd-channels__delete"
        aria-label={`Delete ${channel.name}`}
        aria-expanded={uses > 0 ? confirming : undefined}
        onClick={confirming ? cancel : askOrDelete}
      >
        Delete
      </button>
      {confirming && (
        <div className="jd-channels__replace" role="group" aria-label={`Delete ${channel.name}`}>
          <p className="jd-channels__replace-text">
            {touchpoints(uses)} {uses === 1 ? 'uses' : 'use'} {channel.name}. Choose their channel before deleting it.
          </p>
          <div className="jd-field">
            <label htmlFor={replacementId}>Replacement for {channel.name}</label>
            <select
              ref={replacementSelect}
              id={replacementId}
              value={replacement}
              aria-invalid={deleteError !== null}
              aria-describedby={deleteError ? `${replacementId}-error` : undefined}
              onChange={(event) => {
                setReplacement(event.target.value);
                setDeleteError(null);
              }}
            >
              <option value="" disabled>
                Choose…
              </option>
              {others.map((c) => (
                <option key={c.id} value={asOption(c.id)}>
                  {c.name}
                </option>
              ))}
              <option value={NO_CHANNEL}>No channel</option>
            </select>
          </div>
          <button type="button" className="jd-button jd-button--danger jd-channels__confirm" onClick={confirm}>
            Delete and move {touchpoints(uses)}
          </button>
          <button type="button" className="jd-button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {deleteError && (
        <p className="jd-field__error jd-channels__row-error" id={`${replacementId}-error`} role="alert">
          {deleteError}
        </p>
      )}
    </li>
  );
}

/** The channel's name: committed on Enter or when focus leaves; Escape puts the saved name back. */
function ChannelNameField({ channel }: { channel: Channel }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    if (draft === channel.name) {
      setDraft(null);
      setError(null);
      return;
    }
    const problem = refusal(editorActions.renameChannel(channel.id, draft));
    setError(problem);
    if (problem === null) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && (draft !== null || error !== null)) {
      // Revert only: the dialog stays open (an unedited field lets Escape close it).
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  };

  return (
    <div className={`jd-field jd-channels__name${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="jd-visually-hidden">
        Name of {channel.name}
      </label>
      <div className="jd-field__control">
        <input
          id={id}
          type="text"
          autoComplete="off"
          value={draft ?? channel.name}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
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
