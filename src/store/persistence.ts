/**
 * Keeps the open map in storage: restores it on start, saves it (debounced) after edits, flushes when the
 * tab is hidden or closed, and coordinates with other tabs over a BroadcastChannel so that two tabs on the
 * same map never silently overwrite each other. Storage failures never touch the in-memory map: the app
 * warns, keeps working and retries.
 */
import type { JourneyMap } from '../domain/types';
import { editorActions, useEditor, type Viewport } from './editorStore';
import { CURRENT_KEY, mapKey, metaKey, quarantineKey, storedRecord, summarise, validViewport, viewportKey, type StoredMap } from './keys';
import { isQuotaError, type KeyValueStorage } from './storage';


/** Reads a whole stored record (see keys.ts `StoredMap`): its map, upgraded to the current format. */
export type ValidateStored = (record: unknown) => { ok: true; map: JourneyMap } | { ok: false; problems: string[] };

export interface PersistenceOptions {
  storage: KeyValueStorage;
  validate: ValidateStored;
  /** The map to open when nothing is stored, or when what is stored cannot be read. */
  fallback: () => JourneyMap;
  channel?: BroadcastChannelLike | null;
  debounceMs?: number;
  retryMs?: (attempt: number) => number;
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document?: Pick<Document, 'visibilityState'> };
  tabId?: string;
}

export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

type ChannelMessage = { type: 'saved'; mapId: string; rev: number; tabId: string };

export { CURRENT_KEY, mapKey, quarantineKey, viewportKey, type StoredMap } from './keys';

export const SAVE_WARNING_ID = 'save-warning';
export const LOAD_WARNING_ID = 'load-warning';
export const OTHER_TAB_ID = 'other-tab';

export interface Persistence {
  /** Resolves once the stored map (or the fallback) is open; nothing is written before. */
  ready: Promise<void>;
  /** Writes pending changes now. */
  flush(): Promise<void>;
  /** True while the in-memory map differs from what this tab last saved. */
  isDirty(): boolean;
  /**
   * Opens another map: pending changes to the open one are saved first. A map read from storage passes
   * its `rev` and is not written again until edited; a new map (imported, from a template) is saved at once.
   */
  open(map: JourneyMap, options?: { rev?: number; viewport?: Viewport | null }): Promise<void>;
  stop(): void;
}

export function startPersistence(options: PersistenceOptions): Persistence {
  const { storage, validate } = options;
  const debounceMs = options.debounceMs ?? 400;
  const retryMs = options.retryMs ?? ((attempt: number) => Math.min(30_000, 1000 * 2 ** attempt));
  const tabId = options.tabId ?? Math.random().toString(36).slice(2);
  const win = options.window ?? (typeof window !== 'undefined' ? window : undefined);
  const channel = options.channel === undefined ? openChannel() : options.channel;

  /** What this tab last wrote or read, per map: the base for detecting other tabs' saves. */
  const knownRev = new Map<string, number>();
  let savedMap: JourneyMap | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let viewportTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let saving: Promise<void> | null = null;
  let conflict: { mapId: string } | null = null;
  let stopped = false;
  /** False until the stored map (or the fallback) is open: before that the store holds a placeholder. */
  let hydrated = false;
  let unsubscribe = () => {};

  const dirty = () => useEditor.getState().map !== savedMap;

  type Parsed = { ok: true; map: JourneyMap; rev: number } | { ok: false; problems: string[]; raw: unknown };

  async function readStored(id: string): Promise<Parsed> {
    return parseStored(await storage.get<unknown>(mapKey(id)));
  }

  function parseStored(raw: unknown): Parsed {
    const rec = raw as Partial<StoredMap> | undefined;
    const result = validate(raw);
    if (!result.ok) return { ok: false, problems: result.problems, raw };
    return { ok: true, map: result.map, rev: typeof rec?.rev === 'number' ? rec.rev : 0 };
  }

  async function hydrate(): Promise<void> {
    let map: JourneyMap | null = null;
    let viewport: Viewport | null = null;
    let readable = true;
    try {
      const currentId = await storage.get<string>(CURRENT_KEY);
      if (typeof currentId === 'string') {
        // Read once: a big map's record is costly to clone out of IndexedDB.
        const raw = await storage.get<unknown>(mapKey(currentId));
        if (raw !== undefined) {
          const stored = parseStored(raw);
          if (stored.ok) {
            map = stored.map;
            knownRev.set(map.id, stored.rev);
            viewport = validViewport(await storage.get<unknown>(viewportKey(currentId)));
          } else {
            const at = Date.now();
            let keptAside = true;
            try {
              await storage.set(quarantineKey(currentId, at), stored.raw);
            } catch {
              keptAside = false;
            }
            editorActions.notify(
              'warning',
              `The saved map could not be opened: ${stored.problems.slice(0, 3).join('; ')}. ` +
                (keptAside
                  ? `It was kept aside unchanged (as "${quarantineKey(currentId, at)}") and you are on the sample map.`
                  : 'It was left in storage unchanged and you are on the sample map.'),
              { id: LOAD_WARNING_ID },
            );
          }
        }
      }
    } catch (error) {
      readable = false;
      warnStorage(error, 'Saved maps could not be read');
    }
    if (stopped) return;
    const opened = map ?? options.fallback();
    editorActions.loadMap(opened, viewport);
    // A restored map is already saved; a fallback map is new and gets its first save once edited or now
    // (or, when storage could not be read, only once edited: see below).
    savedMap = map || !readable ? opened : null;
    hydrated = true;
    unsubscribe = useEditor.subscribe((state, prev) => {
      if (state.map !== prev.map) schedule();
      if (state.viewport !== prev.viewport && state.viewport) scheduleViewport(state.map.id, state.viewport);
    });
    // A fresh fallback is written at once so a reload finds it, unless storage could not even be read:
    // then nothing is written until the user edits, so a passing read failure never moves the saved map aside.
    if (!map && readable) schedule();
  }

  function schedule(delay = debounceMs): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  }

  function scheduleViewport(mapId: string, viewport: Viewport): void {
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(() => {
      storage.set(viewportKey(mapId), viewport).catch(() => {
        /* the viewport is a convenience: losing it is not worth a warning */
      });
    }, debounceMs);
  }

  async function save(force = false): Promise<void> {
    clearTimeout(timer);
    if (saving) {
      await saving;
      if (dirty()) return save(force);
      return;
    }
    if (!dirty() || (conflict && !force)) return;
    const map = useEditor.getState().map;
    saving = (async () => {
      let rev = 0;
      let otherTabSaved = false;
      try {
        await storage.update<StoredMap>(mapKey(map.id), (old) => {
          const base = knownRev.get(map.id) ?? 0;
          if (old && old.rev > base && old.savedBy !== tabId && !force) {
            otherTabSaved = true;
            return old;
          }
          rev = Math.max(base, old?.rev ?? 0) + 1;
          return storedRecord(map, rev, tabId);
        });
        if (otherTabSaved) {
          raiseConflict(map.id);
          return;
        }
        await storage.set(metaKey(map.id), summarise(map, Date.now()));
        await storage.set(CURRENT_KEY, map.id);
        knownRev.set(map.id, rev);
        savedMap = map;
        conflict = null;
        // Clears a write warning and a read warning alike: storage works again.
        editorActions.dismiss(SAVE_WARNING_ID);
        failures = 0;
        channel?.postMessage({ type: 'saved', mapId: map.id, rev, tabId } satisfies ChannelMessage);
      } catch (error) {
        failures += 1;
        warnStorage(error, 'Your changes could not be saved');
        if (!stopped) schedule(retryMs(failures - 1));
      }
    })();
    try {
      await saving;
    } finally {
      saving = null;
    }
    if (dirty() && !conflict && failures === 0) schedule();
  }

  function warnStorage(error: unknown, what: string): void {
    const why = isQuotaError(error)
      ? 'the browser storage is full'
      : error instanceof Error || error instanceof DOMException
        ? `storage is unavailable (${error.name})`
        : 'storage is unavailable';
    editorActions.notify(
      'warning',
      `${what}: ${why}. Your map is safe in this tab and saving will be retried; keep the tab open.`,
      { id: SAVE_WARNING_ID },
    );
  }

  function raiseConflict(mapId: string): void {
    conflict = { mapId };
    editorActions.notify('warning', 'This map was changed in another tab. Which version do you want to keep?', {
      id: OTHER_TAB_ID,
      actions: [
        { label: 'Load the other tab’s version', run: () => void follow(mapId) },
        {
          label: 'Keep my version',
          run: () => {
            editorActions.dismiss(OTHER_TAB_ID);
            conflict = null;
            void save(true);
          },
        },
      ],
    });
  }

  async function follow(mapId: string): Promise<void> {
    try {
      const stored = await readStored(mapId);
      if (!stored.ok || useEditor.getState().map.id !== mapId) return;
      knownRev.set(mapId, stored.rev);
      savedMap = stored.map;
      conflict = null;
      editorActions.dismiss(OTHER_TAB_ID);
      editorActions.loadMap(stored.map, useEditor.getState().viewport);
      savedMap = useEditor.getState().map;
    } catch (error) {
      warnStorage(error, 'The other tab’s version could not be read');
    }
  }

  async function onMessage(data: unknown): Promise<void> {
    const msg = data as Partial<ChannelMessage>;
    if (msg?.type !== 'saved' || msg.tabId === tabId || typeof msg.mapId !== 'string' || typeof msg.rev !== 'number') return;
    if (msg.mapId !== useEditor.getState().map.id || msg.rev <= (knownRev.get(msg.mapId) ?? 0)) return;
    if (!dirty() && !saving) {
      await follow(msg.mapId);
      editorActions.notify('info', 'Updated with changes made in another tab.', { id: 'followed-other-tab' });
    } else {
      raiseConflict(msg.mapId);
    }
  }

  const onHidden = () => {
    if (win?.document?.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();

  async function flush(): Promise<void> {
    // The tab can be hidden while the stored map is still being read: the placeholder must not be saved.
    if (!hydrated) return;
    if (viewportTimer) {
      clearTimeout(viewportTimer);
      const { viewport, map } = useEditor.getState();
      if (viewport) await storage.set(viewportKey(map.id), viewport).catch(() => {});
    }
    if (dirty()) await save();
  }

  channel?.addEventListener('message', (event) => void onMessage(event.data));
  win?.addEventListener('visibilitychange', onHidden);
  win?.addEventListener('pagehide', onPageHide);

  const ready = hydrate();

  return {
    ready,
    flush: async () => {
      await ready;
      await flush();
    },
    isDirty: dirty,
    async open(map, { rev, viewport = null } = {}) {
      await ready;
      await flush();
      conflict = null;
      editorActions.dismiss(OTHER_TAB_ID);
      if (rev !== undefined) {
        knownRev.set(map.id, rev);
        savedMap = map;
      }
      editorActions.loadMap(map, viewport);
      if (rev !== undefined) await storage.set(CURRENT_KEY, map.id).catch((error) => warnStorage(error, 'The map could not be opened for next time'));
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(viewportTimer);
      unsubscribe();
      channel?.close();
      win?.removeEventListener('visibilitychange', onHidden);
      win?.removeEventListener('pagehide', onPageHide);
    },
  };
}

function openChannel(): BroadcastChannelLike | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('journey-designer');
}

