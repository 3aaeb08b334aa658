import { freshId } from '../domain/ids';
import type { JourneyMap } from '../domain/types';
import { useEditor } from '../store/editorStore';
import type { DraftSignal, Persistence } from '../store/persistence';
import { indexedDbStorage } from '../store/storage';
import { setSession } from '../store/session';
import type { SyncStorage } from '../store/writeAhead';

/** A fresh copy of the sample with its own id, so it never lands on a map already stored. */
const withFreshId = (map: JourneyMap): JourneyMap => ({ ...map, id: freshId('map', new Set()) });

/**
 * Starts saving and restoring. A `#map=…` share link is read first: in a browser with no saved maps the
 * shared map is the first map (no sample in between); otherwise it is added after the stored map opens.
 */
export function bootSession(): Pick<Persistence, 'ready'> {
  const storage = indexedDbStorage();
  // The importer loads while the shared link (if any) is read; stored maps go through it. Persistence (with
  // its start-up reconciliation) is needed no earlier, so it loads alongside instead of in the first script.
  const importer = import('./validateStored');
  const persisting = import('../store/persistence');
  const sample = import('../domain/samples/onlineStore');
  const shareLink = location.hash.includes('map=')
    ? import('../panels/files/transfer').then(async ({ readSharedLink, openSharedMap }) => ({ map: await readSharedLink(location.hash), openSharedMap }))
    : Promise.resolve(null);
  const ready = shareLink
    .catch(() => null)
    .then(async (link) => {
      const shared = link?.map ?? null;
      const { validateStored } = await importer;
      const { startPersistence } = await persisting;
      const { onlineStoreSample } = await sample;
      const sampleMap = () => withFreshId(onlineStoreSample());
      let sharedOpened = false;
      const fallback = () => {
        if (shared && !sharedOpened) {
          sharedOpened = true;
          return shared;
        }
        return sampleMap();
      };
      const persistence = startPersistence({ storage, validate: validateStored, fallback, writeAhead: localStore(), drafts: watchDrafts(document) });
      setSession({ storage, persistence, validate: validateStored, fallback: sampleMap });
      await persistence.ready;
      if (link && shared && !sharedOpened) await link.openSharedMap(shared);
    });
  return { ready };
}

/** localStorage, or null where the browser refuses it (disabled site data, some sandboxed frames). */
function localStore(): SyncStorage | null {
  try {
    const store = window.localStorage;
    void store.length;
    return store;
  } catch {
    return null;
  }
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'number', 'password']);
type TextField = HTMLInputElement | HTMLTextAreaElement;
const isTextField = (target: EventTarget | null): target is TextField =>
  target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type));

/**
 * A draft in progress: the focused text field holds text that is not committed yet — its value differs from
 * what it held when it got focus or when the map last changed (a field commits on Enter or blur, which
 * changes the map). Read from the page, so every field (inspector, inline names, dialogs) counts without
 * telling anyone.
 */
export function watchDrafts(doc: Document): DraftSignal {
  const listeners = new Set<() => void>();
  let field: TextField | null = null;
  let committed = '';
  // After the event has run its course: a field commits in its own handlers (blur, Enter), after ours.
  const changed = () => setTimeout(() => listeners.forEach((listener) => listener()), 0);
  doc.addEventListener(
    'focusin',
    (event) => {
      field = isTextField(event.target) ? event.target : null;
      committed = field?.value ?? '';
      changed();
    },
    true,
  );
  for (const type of ['focusout', 'input', 'keyup'] as const) doc.addEventListener(type, changed, true);
  useEditor.subscribe((state, prev) => {
    if (state.map === prev.map || !field) return;
    committed = field.value;
    changed();
  });
  return {
    active: () => field !== null && field.isConnected && doc.activeElement === field && field.value !== committed,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
