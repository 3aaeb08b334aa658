/**
 * "Connect to…": connects a card without the mouse. A modal with a combobox over the cards this one may lead
 * to (connectTargets: the domain's rule), filtered as the name is typed; ArrowDown and ArrowUp move through
 * them, Enter connects the one highlighted through the store's `connect` action (one undo step, as a drag
 * between handles), Escape cancels. Either way focus goes back to where the picker was opened from.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { editorActions, useEditor } from '../../store/editorStore';
import { nodeIndex } from '../../store/selectors';
import { useModal } from '../scenarios/useModal';
import { closeConnectPicker } from './closeConnectPicker';
import { connectTargets, filterTargets, whyNoTargets, type ConnectTarget } from './connectTargets';
import './connect.css';

const KIND_NAMES = { entry: 'Entry', touchpoint: 'Touchpoint', outcome: 'Outcome' } as const;

export default function ConnectDialog({ source }: { source: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const map = useEditor((s) => s.map);
  const sourceName = nodeIndex(map.nodes).get(source)?.label ?? source;
  const targets = useMemo(() => connectTargets(map, source), [map, source]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => filterTargets(targets, query), [targets, query]);
  const activeIndex = matches.length === 0 ? -1 : Math.min(active, matches.length - 1);
  const ids = useId();
  const titleId = `${ids}-title`;
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${i}`;
  useModal(dialog, () => input.current, { returnFocus: false });

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView?.({ block: 'nearest' });
    // optionId is derived from ids, stable for the dialog's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeIndex]);

  const connect = (target: ConnectTarget) => {
    if (editorActions.connect({ source, target: target.id }) === undefined) return;
    closeConnectPicker();
    editorActions.notify('info', `Connected ${sourceName} to ${target.label}.`, { id: 'connected' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Keys typed here are for the picker, never the editor's shortcuts.
    event.stopPropagation();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length > 0) setActive(Math.max(0, Math.min(matches.length - 1, activeIndex + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      if (activeIndex >= 0) connect(matches[activeIndex]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeConnectPicker();
    }
  };

  const count =
    targets.length === 0
      ? `No card can follow ${sourceName}: ${whyNoTargets(map, source) ?? 'it already leads to every card that may come after it'}.`
      : matches.length === 0
        ? 'No card of that name.'
        : `${matches.length} of ${targets.length} cards.`;

  return (
    <dialog
      ref={dialog}
      className="jd-dialog jd-connect"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        closeConnectPicker();
      }}
    >
      <header className="jd-dialog__head">
        <h2 id={titleId}>Connect {sourceName} to…</h2>
      </header>
      <div className="jd-connect__body">
        <div className="jd-field">
          <label htmlFor={`${ids}-input`}>Card to lead to</label>
          <input
            ref={input}
            id={`${ids}-input`}
            type="text"
            role="combobox"
            aria-expanded={matches.length > 0}
            aria-controls={matches.length > 0 ? listId : undefined}
            aria-autocomplete="list"
            aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
          />
        </div>
        {matches.length > 0 && (
          <ul id={listId} className="jd-connect__list" role="listbox" aria-label={`Cards ${sourceName} may lead to`}>
            {matches.map((target, i) => (
              <li
                key={target.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={`jd-connect__option${i === activeIndex ? ' is-active' : ''}`}
                // The input keeps focus (and the highlighted option) while an option is clicked.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => i !== activeIndex && setActive(i)}
                onClick={() => connect(target)}
              >
                <span className="jd-connect__name">{target.label}</span>
                <span className="jd-visually-hidden">, </span>
                <span className="jd-connect__meta">
                  {KIND_NAMES[target.kind]}
                  {target.stage ? ` · ${target.stage}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="jd-connect__count" role="status">
          {count}
        </p>
        <div className="jd-connect__actions">
          <button type="button" className="jd-button" onClick={closeConnectPicker}>
            Cancel
          </button>
        </div>
      </div>
    </dialog>
  );
}
