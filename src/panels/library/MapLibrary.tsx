/** The map library: every map saved in this browser, and templates to start a new one from. */
import { useEffect, useId, useRef, useState } from 'react';
import { createMap } from '../../domain/edits';
import { TEMPLATES } from '../../domain/samples';
import { useEditor } from '../../store/editorStore';
import { libraryActions, useLibrary, type MapSummary } from '../../store/libraryStore';

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** A stored time as text; summaries are checked on read, but a bad time must never take the page down. */
function formatTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? 'at an unknown time' : timeFormat.format(date);
}

export default function MapLibrary({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { maps, loading, error, lastDeleted } = useLibrary();
  const openId = useEditor((s) => s.map.id);
  const openName = useEditor((s) => s.map.name);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      void libraryActions.refresh();
    } else if (!open && el.open) el.close();
  }, [open]);

  const openMap = async (id: string) => {
    if (await libraryActions.open(id)) onClose();
  };
  const startFrom = async (create: () => ReturnType<typeof createMap>) => {
    await libraryActions.addAndOpen(create());
    onClose();
  };

  return (
    <dialog ref={dialog} className="jd-dialog jd-library" aria-labelledby={titleId} onClose={onClose}>
      <header className="jd-dialog__head">
        <h2 id={titleId}>Map library</h2>
        <button type="button" className="jd-link-button" onClick={onClose} aria-label="Close the library">
          ✕
        </button>
      </header>
      <section aria-label="Your maps">
        <h3>Your maps</h3>
        {error && <p role="alert">{error}</p>}
        {lastDeleted && (
          <div className="jd-library__deleted" role="status">
            Deleted “{lastDeleted.name}”.
            <button type="button" className="jd-button" onClick={() => void libraryActions.undoDelete()}>
              Undo delete
            </button>
          </div>
        )}
        {loading && maps.length === 0 ? (
          <p className="jd-muted">Loading…</p>
        ) : (
          <ul className="jd-library__list">
            {maps.map((m) =>
              m.problems ? (
                <UnreadableRow key={m.id} map={m} />
              ) : (
                <MapRow key={m.id} map={m.id === openId ? { ...m, name: openName } : m} isOpen={m.id === openId} onOpen={() => void openMap(m.id)} />
              ),
            )}
          </ul>
        )}
      </section>
      <section aria-label="Start a new map">
        <h3>Start a new map</h3>
        <ul className="jd-library__templates">
          <li>
            <button type="button" className="jd-template" onClick={() => void startFrom(() => createMap({ name: 'Untitled journey' }))}>
              <strong>Blank map</strong>
              <span>The five stages and seven channels, no touchpoints yet.</span>
            </button>
          </li>
          {TEMPLATES.map((t) => (
            <li key={t.id}>
              <button type="button" className="jd-template" onClick={() => void startFrom(t.create)}>
                <strong>{t.name}</strong>
                <span>{t.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </dialog>
  );
}

function MapRow({ map, isOpen, onOpen }: { map: MapSummary; isOpen: boolean; onOpen: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(map.name);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();

  const commit = async () => {
    const error = await libraryActions.rename(map.id, name);
    setProblem(error);
    if (!error) setRenaming(false);
  };

  return (
    <li className={`jd-library__row${isOpen ? ' is-open' : ''}`} aria-label={map.name}>
      {renaming ? (
        <form
          className="jd-library__rename"
          onSubmit={(e) => {
            e.preventDefault();
            void commit();
          }}
        >
          <label htmlFor={inputId} className="jd-visually-hidden">
            New name for {map.name}
          </label>
          <input id={inputId} value={name} onChange={(e) => setName(e.target.value)} autoFocus aria-invalid={problem !== null} />
          <button type="submit" className="jd-button jd-button--primary">
            Save name
          </button>
          <button type="button" className="jd-button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
          {problem && <p className="jd-field__error">{problem}</p>}
        </form>
      ) : (
        <div className="jd-library__info">
          <strong className="jd-library__name">{map.name}</strong>
          {isOpen && <span className="jd-kind">open now</span>}
          <span className="jd-muted">
            {map.nodeCount} nodes · edited {formatTime(map.updatedAt)}
          </span>
        </div>
      )}
      {!renaming && (
        <div className="jd-library__actions">
          <button type="button" className="jd-button" onClick={onOpen} disabled={isOpen} aria-label={`Open ${map.name}`}>
            Open
          </button>
          <button
            type="button"
            className="jd-button"
            onClick={() => {
              setName(map.name);
              setRenaming(true);
            }}
            aria-label={`Rename ${map.name}`}
          >
            Rename
          </button>
          <button type="button" className="jd-button" onClick={() => void libraryActions.duplicate(map.id)} aria-label={`Duplicate ${map.name}`}>
            Duplicate
          </button>
          <button type="button" className="jd-button jd-button--danger" onClick={() => void libraryActions.remove(map.id)} aria-label={`Delete ${map.name}`}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** A stored map the importer refuses: listed so it is not silently missing, with the option to set it aside. */
function UnreadableRow({ map }: { map: MapSummary }) {
  return (
    <li className="jd-library__row is-unreadable" aria-label={map.name}>
      <div className="jd-library__info">
        <strong className="jd-library__name">{map.name}</strong>
        <span className="jd-kind">could not be read</span>
        <span className="jd-muted">{(map.problems ?? []).slice(0, 2).join('; ')}</span>
      </div>
      <div className="jd-library__actions">
        <button type="button" className="jd-button" onClick={() => void libraryActions.setAside(map.id)} aria-label={`Set aside ${map.name}`}>
          Set aside
        </button>
      </div>
    </li>
  );
}
