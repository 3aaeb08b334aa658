/**
 * Keeps the open map in storage: restores it on start, saves it (debounced) after edits, flushes when the
 * tab is hidden or closed, and coordinates with other tabs over a BroadcastChannel so that two tabs on the
 * same map never silently overwrite each other. Storage failures never touch the in-memory map: the app
 * warns, keeps working and retries.
 *
 * Every committed change is also written synchronously to a write-ahead copy (writeAhead.ts): an IndexedDB
 * write started as the page goes does not finish, a localStorage write does. Start-up reconciles the copies
 * with IndexedDB by revision (reconcile.ts).
 */
import type { JourneyMap } from '../domain/types';
import { editorActions, useEditor, type Selection, type Viewport } from './editorStore';
import { CURRENT_KEY, mapKey, metaKey, quarantineKey, recordRevision, sameContent, storedRecord, summarise, validRev, viewportKey, type StoredMap } from './keys';
import { addToLibrary } from './library';
import { readStartPlan, readStoredState, reconcileCopies, type Offer, type Reconciled, type StartPlan } from './reconcile';
import { isQuotaError, isTimeout, withTimeout, type KeyValueStorage } from './storage';
import { createWriteAhead, MAX_WRITE_AHEAD_CHARS, type SyncStorage, type WriteAheadCopy, type WriteAheadProblem } from './writeAhead';

/** Reads a whole stored record (see keys.ts `StoredMap`): its map, upgraded to the current format. */
export type ValidateStored = (record: unknown) => { ok: true; map: JourneyMap } | { ok: false; problems: string[] };

/** Whether the user is typing in a field (a change not yet committed), and when that changes. */
export interface DraftSignal {
  active(): boolean;
  subscribe(listener: () => void): () => void;
}

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
  /** Where the write-ahead copy goes (localStorage in the app); null or absent for none. */
  writeAhead?: SyncStorage | null;
  /** How long the first read may take before the app opens in memory and keeps retrying (ms). */
  readTimeoutMs?: number;
  /** While a draft is active, other tabs' changes wait instead of replacing what is being typed. */
  drafts?: DraftSignal;
}

export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** What tabs tell each other. `replacedTab`: the tab whose save this one replaced ("Keep my version"). */
type ChannelMessage =
  | { type: 'saved'; mapId: string; rev: number; tabId: string; replacedTab?: string }
  | { type: 'deleted'; mapId: string; tabId: string };

/** A library change made by this tab, announced to the others like a save. */
export type LibraryChange = { type: 'saved'; mapId: string; rev: number } | { type: 'deleted'; mapId: string };

export { CURRENT_KEY, mapKey, quarantineKey, viewportKey, type StoredMap } from './keys';

export const SAVE_WARNING_ID = 'save-warning';
export const LOAD_WARNING_ID = 'load-warning';
export const OTHER_TAB_ID = 'other-tab';
export const NOT_ANSWERING_ID = 'storage-not-answering';
export const HELD_ID = 'other-tab-waiting';
export const DELETED_ID = 'deleted-elsewhere';
export const REPLACED_ID = 'replaced-elsewhere';
export const REPAIRS_ID = 'stored-repairs';
export const WRITE_AHEAD_ID = 'write-ahead-warning';
export const UNSAVED_COPY_ID = 'unsaved-copy';

export const NOT_ANSWERING_TEXT = 'Storage is not answering; your work is kept in this tab';
export const HELD_TEXT = 'Another tab changed this map; its changes will load when you finish typing';

export interface Persistence {
  /** Resolves once the stored map (or the fallback) is open; nothing is written before. */
  ready: Promise<void>;
  /** This tab's id: library changes are saved under it. */
  tabId: string;
  /** Writes pending changes now. */
  flush(): Promise<void>;
  /** True while the in-memory map differs from what this tab last saved. */
  isDirty(): boolean;
  /**
   * Opens another map: pending changes to the open one are saved first. A map read from storage passes
   * its `rev` (and `savedBy`) and is not written again until edited, unless an unsaved copy newer than it
   * is found; a new map (imported, from a template) is saved at once.
   */
  open(map: JourneyMap, options?: { rev?: number; savedBy?: string; viewport?: Viewport | null }): Promise<void>;
  /** Tells the other tabs about a library change (rename, delete, restore) this tab made. */
  announce(change: LibraryChange): void;
  /** Warns once about stored records that were repaired or ignored. */
  reportRepairs(messages: readonly string[]): void;
  stop(): void;
}

export function startPersistence(options: PersistenceOptions): Persistence {
  const { storage, validate } = options;
  const debounceMs = options.debounceMs ?? 400;
  const retryMs = options.retryMs ?? ((attempt: number) => Math.min(30_000, 1000 * 2 ** attempt));
  const readTimeoutMs = options.readTimeoutMs ?? 3000;
  const tabId = options.tabId ?? Math.random().toString(36).slice(2);
  const win = options.window ?? (typeof window !== 'undefined' ? window : undefined);
  const channel = options.channel === undefined ? openChannel() : options.channel;
  const drafts = options.drafts;
  const writeAhead = createWriteAhead(options.writeAhead ?? null, tabId, warnWriteAhead);

  /** What this tab last wrote or read, per map: the base for detecting other tabs' saves. */
  const knownRev = new Map<string, number>();
  /** Maps this tab has read from or written to storage: one missing at save time was deleted elsewhere. */
  const knownStored = new Set<string>();
  /**
   * Other (closed) tabs' write-ahead copies this tab took over, per map. Their keys are removed once this tab
   * has its own copy or a save of the map (both contain them); they are remembered until a save lands.
   */
  const adopted = new Map<string, WriteAheadCopy[]>();
  let savedMap: JourneyMap | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let viewportTimer: ReturnType<typeof setTimeout> | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let saving: Promise<void> | null = null;
  /** Saves of this map wait for the user: another tab saved it (conflict) or deleted it. */
  let blocked: { kind: 'conflict' | 'deleted'; mapId: string } | null = null;
  /** Another tab's save that arrived while the user was typing: handled when the draft ends. */
  let held: { mapId: string; replacedTab?: string } | null = null;
  /** False while storage has not answered the first read: the map lives in memory, reads are retried. */
  let answering = true;
  /** The map opened while storage was not answering, to tell whether the user worked on it meanwhile. */
  let openedInMemory: JourneyMap | null = null;
  let stopped = false;
  /** False until the stored map (or the fallback) is open: before that the store holds a placeholder. */
  let hydrated = false;
  let writeAheadWarned = false;
  const repairsShown = new Set<string>();
  let unsubscribe = () => {};
  let unsubscribeDrafts = () => {};

  const dirty = () => useEditor.getState().document !== savedMap;
  const copiesOf = (mapId: string) => writeAhead.copies().copies.filter((c) => c.mapId === mapId);

  // ---- Start-up ----------------------------------------------------------------------------------------

  async function readPlan(): Promise<StartPlan> {
    const { copies, unreadable } = writeAhead.copies();
    // This tab's own copies are live (it saves them itself); only other tabs' copies are reconciled.
    const plan = await readStartPlan(storage, validate, copies.filter((c) => c.savedBy !== tabId));
    if (unreadable.length > 0) plan.repairs.push(`${unreadable.length} unsaved copies in this browser's local storage could not be read; they were left there untouched.`);
    return plan;
  }

  async function hydrate(): Promise<void> {
    let plan: StartPlan | null = null;
    let failure: unknown = null;
    try {
      plan = await withTimeout(readPlan(), readTimeoutMs);
    } catch (error) {
      failure = error;
    }
    if (stopped) return;
    if (plan) {
      await begin(plan);
    } else {
      // Storage failed or did not answer: the newest unsaved copy (or the fallback) opens in memory.
      const newest = newestReadableCopy();
      openInMemory(newest);
      if (isTimeout(failure)) {
        answering = false;
        openedInMemory = useEditor.getState().document;
        editorActions.notify('warning', `${NOT_ANSWERING_TEXT}. Saving resumes as soon as it answers.`, { id: NOT_ANSWERING_ID });
        reconnect(0);
      } else {
        warnStorage(failure, 'Saved maps could not be read');
      }
    }
    hydrated = true;
    unsubscribe = useEditor.subscribe((state, prev) => {
      if (state.document !== prev.document) {
        keepWriteAhead(state.document);
        schedule();
      }
      if (state.viewport !== prev.viewport && state.viewport) scheduleViewport(state.document.id, state.viewport);
    });
    if (dirty()) schedule(plan?.unsaved ? 0 : debounceMs);
  }

  /** Opens what the plan says; a fresh fallback is saved at once, an unsaved copy too. */
  async function begin(plan: StartPlan): Promise<void> {
    await applySideEffects(plan);
    if (stopped) return;
    const opened = plan.map ?? options.fallback();
    if (plan.map) {
      knownRev.set(opened.id, plan.rev);
      if (plan.exists) knownStored.add(opened.id);
      rememberAdopted(opened.id, plan.adoptedCopies);
    }
    // Set before loading, so that (when storage answers late) the load itself writes no write-ahead copy.
    savedMap = plan.map && !plan.unsaved ? opened : null;
    editorActions.loadMap(opened, plan.viewport);
  }

  /** What a plan asks besides opening: clean up copies, keep a bad record aside, warn, offer conflicting copies. */
  async function applySideEffects(plan: Reconciled & { quarantine?: StartPlan['quarantine'] }): Promise<void> {
    for (const key of plan.doneKeys) writeAhead.remove(key);
    reportRepairs(plan.repairs);
    for (const offer of plan.offers) offerCopy(offer);
    if (plan.quarantine) await keepAside(plan.quarantine, plan.map !== null);
  }

  async function keepAside({ id, raw, problems }: NonNullable<StartPlan['quarantine']>, copyOpened: boolean): Promise<void> {
    const at = Date.now();
    let keptAside = true;
    try {
      await storage.set(quarantineKey(id, at), raw);
    } catch {
      keptAside = false;
    }
    const opened = copyOpened ? 'your unsaved copy of it is open' : 'you are on the sample map';
    editorActions.notify(
      'warning',
      `The saved map could not be opened: ${problems.slice(0, 3).join('; ')}. ` +
        (keptAside ? `It was kept aside unchanged (as "${quarantineKey(id, at)}") and ${opened}.` : `It was left in storage unchanged and ${opened}.`),
      { id: LOAD_WARNING_ID },
    );
  }

  function newestReadableCopy(): { copy: WriteAheadCopy; map: JourneyMap } | null {
    for (const copy of writeAhead.copies().copies) {
      const read = validate(copy.record);
      if (read.ok) return { copy, map: read.map };
    }
    return null;
  }

  /** Without storage: the newest unsaved copy, based on the revision it was made from, or the fallback. */
  function openInMemory(newest: { copy: WriteAheadCopy; map: JourneyMap } | null): void {
    if (newest) {
      knownRev.set(newest.map.id, newest.copy.rev - 1);
      rememberAdopted(newest.map.id, [newest.copy]);
    }
    const opened = newest?.map ?? options.fallback();
    // Nothing is written until the user edits, so a passing read failure never moves the saved map aside.
    savedMap = opened;
    editorActions.loadMap(opened, null);
  }

  /** Reads again, with growing pauses, until storage answers; then reconciles with what was done meanwhile. */
  function reconnect(attempt: number): void {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(async () => {
      let plan: StartPlan;
      try {
        plan = await withTimeout(readPlan(), readTimeoutMs);
      } catch {
        if (!stopped) reconnect(attempt + 1);
        return;
      }
      if (!stopped) await storageAnswered(plan);
    }, retryMs(attempt));
  }

  async function storageAnswered(plan: StartPlan): Promise<void> {
    answering = true;
    editorActions.dismiss(NOT_ANSWERING_ID);
    const shown = useEditor.getState().document;
    const untouched = shown === openedInMemory;
    openedInMemory = null;
    if (untouched) {
      // Nothing was done in this tab meanwhile: open what storage holds, as a start-up would have.
      const before = shown;
      await begin(plan);
      if (useEditor.getState().document.id !== before.id) editorActions.notify('info', 'Storage answers again; your saved map is open.', { id: 'storage-back' });
      if (dirty()) schedule(0);
      return;
    }
    // The user worked in memory: that work stays and is saved now, checked against storage like any save.
    const builtOn = adopted.get(shown.id) ?? [];
    if (builtOn.length > 0) {
      try {
        const state = await readStoredState(storage, validate, shown.id);
        const base = reconcileCopies(state, builtOn, validate);
        // The copy this tab continued is not behind storage: saving continues it, no conflict to ask about.
        if (base.unsaved || base.doneKeys.length > 0) knownRev.set(shown.id, base.rev);
        if (base.exists) knownStored.add(shown.id);
      } catch {
        /* read again at the save, which checks the revision anyway */
      }
    }
    const mine = (o: Offer) => o.copy.savedBy === tabId || isAdopted(o.copy.key);
    await applySideEffects({
      ...plan,
      doneKeys: plan.doneKeys.filter((k) => !isAdopted(k)),
      offers: plan.offers.filter((o) => !mine(o)),
      quarantine: plan.quarantine?.id === shown.id ? plan.quarantine : null,
    });
    if (plan.map && plan.map.id !== shown.id) {
      const other = plan.map;
      editorActions.notify('info', `Storage answers again. Your work here is saved as its own map; “${other.name}” is in your Maps library.`, {
        id: 'storage-back',
        actions: [{ label: `Open “${other.name}”`, run: () => void openStored(other.id) }],
      });
    }
    if (dirty()) schedule(0);
  }

  const isAdopted = (key: string) => [...adopted.values()].some((copies) => copies.some((c) => c.key === key));

  function rememberAdopted(mapId: string, copies: readonly WriteAheadCopy[]): void {
    if (copies.length > 0) adopted.set(mapId, [...(adopted.get(mapId) ?? []), ...copies]);
  }

  /** This tab's own copy or save now holds what the adopted copies held: their keys can go. */
  function supersedeAdopted(mapId: string): void {
    for (const copy of adopted.get(mapId) ?? []) writeAhead.remove(copy.key);
  }

  function releaseAdopted(mapId: string): void {
    supersedeAdopted(mapId);
    adopted.delete(mapId);
  }

  async function openStored(mapId: string): Promise<void> {
    try {
      const state = await readStoredState(storage, validate, mapId);
      if (state.kind !== 'ok') return;
      await open(state.map, { rev: state.rev, savedBy: state.savedBy });
    } catch (error) {
      warnStorage(error, 'That map could not be opened');
    }
  }

  // ---- Write-ahead copy ------------------------------------------------------------------------------------

  /** Keeps the copy equal to the latest committed map: written on every change, removed when back to saved. */
  function keepWriteAhead(map: JourneyMap): void {
    if (map === savedMap) writeAhead.clear(map.id);
    else if (writeAhead.write(map, (knownRev.get(map.id) ?? 0) + 1)) supersedeAdopted(map.id);
  }

  function warnWriteAhead(problem: WriteAheadProblem): void {
    if (writeAheadWarned) return;
    writeAheadWarned = true;
    const why =
      problem.kind === 'too-big'
        ? `this map is too large for it (${(problem.chars / 1e6).toFixed(1)} MB; the limit is ${MAX_WRITE_AHEAD_CHARS / 1e6} MB)`
        : isQuotaError(problem.error)
          ? 'the browser’s local storage is full'
          : 'the browser’s local storage refused it';
    editorActions.notify(
      'warning',
      `Changes cannot be copied instantly to this browser (${why}). They are still saved about half a second after each change: wait a moment before closing or reloading the tab.`,
      { id: WRITE_AHEAD_ID, dismissable: true },
    );
  }

  /** A copy from a closed tab that conflicts with a newer save: offered as its own map, never written over. */
  function offerCopy({ copy, map, why }: Offer): void {
    const reason =
      why === 'deleted'
        ? `“${map.name}” was deleted in another tab, but a tab that closed before saving had changes to it.`
        : `A tab that closed before saving had changes to “${map.name}” that another tab has saved over since.`;
    const id = `${UNSAVED_COPY_ID}:${copy.key}`;
    editorActions.notify('warning', `${reason} Keep those changes as a copy?`, {
      id,
      actions: [
        {
          label: 'Keep them as a copy',
          run: () =>
            void (async () => {
              try {
                const kept = await addToLibrary(storage, { ...map, name: `${map.name} (unsaved changes)` }, tabId);
                writeAhead.remove(copy.key);
                editorActions.dismiss(id);
                editorActions.notify('info', `Kept as “${kept.name}” in your Maps library.`, { id: `${id}:kept` });
              } catch (error) {
                warnStorage(error, 'The copy could not be kept');
              }
            })(),
        },
        {
          label: 'Discard them',
          run: () => {
            writeAhead.remove(copy.key);
            editorActions.dismiss(id);
          },
        },
      ],
    });
  }

  function reportRepairs(messages: readonly string[]): void {
    const fresh = messages.filter((m) => !repairsShown.has(m));
    if (fresh.length === 0) return;
    for (const m of fresh) repairsShown.add(m);
    editorActions.notify('warning', 'Some saved records were damaged; they were repaired or left out:', {
      id: REPAIRS_ID,
      dismissable: true,
      details: [...repairsShown].slice(-5),
    });
  }

  // ---- Saving ------------------------------------------------------------------------------------------

  function schedule(delay = debounceMs): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  }

  function scheduleViewport(mapId: string, viewport: Viewport): void {
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(() => void writeViewport(mapId, viewport), debounceMs);
  }

  async function writeViewport(mapId: string, viewport: Viewport): Promise<void> {
    viewportTimer = undefined;
    if (!answering) return;
    try {
      await storage.set(viewportKey(mapId), viewport);
    } catch {
      /* the viewport is a convenience: losing it is not worth a warning */
    }
  }

  async function save(force = false): Promise<void> {
    clearTimeout(timer);
    if (saving) {
      await saving;
      if (dirty()) return save(force);
      return;
    }
    // While storage is not answering, writes would hang too: the write-ahead copy holds the work meanwhile.
    if (!hydrated || !answering || !dirty() || (blocked && !force)) return;
    const map = useEditor.getState().document;
    saving = (async () => {
      let rev = 0;
      // Set inside the updater, which TypeScript cannot follow: hence the widening cast.
      let outcome = 'saved' as 'saved' | 'same' | 'conflict' | 'deleted';
      let replacedTab: string | undefined;
      try {
        const base = knownRev.get(map.id) ?? 0;
        const wasStored = knownStored.has(map.id);
        await storage.update<StoredMap>(mapKey(map.id), (old) => {
          if (old === undefined) {
            // This tab read or wrote it before: it was deleted since (in another tab), never silently re-created.
            if (wasStored && !force) {
              outcome = 'deleted';
              return undefined;
            }
            outcome = 'saved';
            rev = base + 1;
            return storedRecord(map, rev, tabId);
          }
          const stored = recordRevision(old);
          if (stored.rev > base && stored.savedBy !== tabId) {
            if (sameContent(old.map, map)) {
              outcome = 'same';
              rev = stored.rev;
              return old;
            }
            if (!force) {
              outcome = 'conflict';
              return old;
            }
            replacedTab = stored.savedBy;
          }
          outcome = 'saved';
          rev = Math.max(base, stored.rev) + 1;
          return storedRecord(map, rev, tabId);
        });
        if (outcome === 'conflict') return raiseConflict(map.id);
        if (outcome === 'deleted') return markDeleted(map.id);
        knownRev.set(map.id, rev);
        knownStored.add(map.id);
        savedMap = map;
        blocked = null;
        if (useEditor.getState().document === map) writeAhead.clear(map.id);
        releaseAdopted(map.id);
        if (outcome === 'saved') await storage.set(metaKey(map.id), summarise(map, Date.now()));
        await storage.set(CURRENT_KEY, map.id);
        // Clears a write warning and a read warning alike: storage works again.
        editorActions.dismiss(SAVE_WARNING_ID);
        failures = 0;
        if (outcome === 'saved') post({ type: 'saved', mapId: map.id, rev, tabId, ...(replacedTab ? { replacedTab } : {}) });
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
    if (dirty() && !blocked && failures === 0) schedule();
  }

  function post(message: ChannelMessage): void {
    try {
      channel?.postMessage(message);
    } catch {
      /* a closed channel: the other tabs still see the revision when they save */
    }
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

  // ---- Other tabs ---------------------------------------------------------------------------------------

  function raiseConflict(mapId: string): void {
    blocked = { kind: 'conflict', mapId };
    editorActions.dismiss(DELETED_ID);
    editorActions.notify('warning', 'This map was changed in another tab. Which version do you want to keep?', {
      id: OTHER_TAB_ID,
      actions: [
        { label: 'Load the other tab’s version', run: () => void follow(mapId) },
        {
          label: 'Keep my version',
          run: () => {
            editorActions.dismiss(OTHER_TAB_ID);
            blocked = null;
            void save(true);
          },
        },
      ],
    });
  }

  function markDeleted(mapId: string): void {
    if (useEditor.getState().document.id !== mapId) return;
    blocked = { kind: 'deleted', mapId };
    held = null;
    editorActions.dismiss(OTHER_TAB_ID);
    editorActions.dismiss(HELD_ID);
    const name = useEditor.getState().document.name;
    editorActions.notify('warning', `“${name}” was deleted in another tab, so changes here are no longer saved. Keep a copy of it as you see it here?`, {
      id: DELETED_ID,
      actions: [{ label: 'Keep a copy', run: () => void keepCopy(mapId) }],
    });
  }

  async function keepCopy(mapId: string): Promise<void> {
    const map = useEditor.getState().document;
    if (map.id !== mapId) return;
    try {
      const kept = await addToLibrary(storage, map, tabId);
      const { viewport } = useEditor.getState();
      writeAhead.clear(mapId);
      blocked = null;
      editorActions.dismiss(DELETED_ID);
      await open(kept, { rev: 1, savedBy: tabId, viewport });
      editorActions.notify('info', `Kept a copy of “${kept.name}” in your Maps library; it is open now.`, { id: 'kept-copy' });
    } catch (error) {
      warnStorage(error, 'The copy could not be kept');
    }
  }

  /** Loads the stored version of the open map, keeping what is still selected and the view. */
  async function follow(mapId: string): Promise<JourneyMap | null> {
    try {
      const stored = await readStoredState(storage, validate, mapId);
      if (stored.kind !== 'ok' || useEditor.getState().document.id !== mapId) return null;
      const previous = useEditor.getState();
      knownRev.set(mapId, stored.rev);
      knownStored.add(mapId);
      savedMap = stored.map;
      blocked = null;
      editorActions.dismiss(OTHER_TAB_ID);
      editorActions.dismiss(DELETED_ID);
      editorActions.loadMap(stored.map, previous.viewport);
      savedMap = useEditor.getState().document;
      writeAhead.clear(mapId);
      releaseAdopted(mapId);
      editorActions.select(keepExisting(stored.map, previous.selection));
      return previous.map;
    } catch (error) {
      warnStorage(error, 'The other tab’s version could not be read');
      return null;
    }
  }

  async function onMessage(data: unknown): Promise<void> {
    if (data === null || typeof data !== 'object') return;
    const msg = data as Partial<Record<keyof ChannelMessage | 'rev' | 'replacedTab', unknown>>;
    if (typeof msg.tabId !== 'string' || msg.tabId === tabId || typeof msg.mapId !== 'string') return;
    if (!hydrated || msg.mapId !== useEditor.getState().document.id) return;
    if (msg.type === 'deleted') return markDeleted(msg.mapId);
    const rev = validRev(msg.rev);
    if (msg.type !== 'saved' || rev === null || rev <= (knownRev.get(msg.mapId) ?? 0)) return;
    await incoming({ mapId: msg.mapId, ...(typeof msg.replacedTab === 'string' ? { replacedTab: msg.replacedTab } : {}) });
  }

  /** Another tab saved the open map: follow it, or ask — but never while the user is typing. */
  async function incoming(change: { mapId: string; replacedTab?: string }): Promise<void> {
    if (drafts?.active()) {
      held = change;
      editorActions.notify('warning', `${HELD_TEXT}.`, { id: HELD_ID, dismissable: true });
      return;
    }
    if (!dirty() && !saving) {
      const mine = await follow(change.mapId);
      if (!mine) return;
      if (change.replacedTab === tabId) {
        editorActions.notify('warning', `Another tab chose to keep its own version of “${mine.name}”, so your last saved change here was replaced.`, {
          id: REPLACED_ID,
          dismissable: true,
          actions: [{ label: 'Keep my version as a copy', run: () => void keepReplaced(mine) }],
        });
      } else {
        editorActions.notify('info', 'Updated with changes made in another tab.', { id: 'followed-other-tab' });
      }
      return;
    }
    // Unsaved edits here: another tab's save of the very same content is no conflict.
    try {
      const stored = await readStoredState(storage, validate, change.mapId);
      const current = useEditor.getState().document;
      if (stored.kind === 'ok' && current.id === change.mapId && sameContent(stored.map, current)) {
        knownRev.set(current.id, stored.rev);
        savedMap = current;
        writeAhead.clear(current.id);
        return;
      }
    } catch {
      /* unreadable now: ask */
    }
    raiseConflict(change.mapId);
  }

  async function keepReplaced(map: JourneyMap): Promise<void> {
    try {
      const kept = await addToLibrary(storage, { ...map, name: `${map.name} (my version)` }, tabId);
      editorActions.dismiss(REPLACED_ID);
      editorActions.notify('info', `Kept as “${kept.name}” in your Maps library.`, { id: 'kept-replaced' });
    } catch (error) {
      warnStorage(error, 'The copy could not be kept');
    }
  }

  function draftChanged(): void {
    if (!held || drafts?.active()) return;
    const change = held;
    held = null;
    editorActions.dismiss(HELD_ID);
    if (change.mapId === useEditor.getState().document.id) void incoming(change);
  }

  // ---- Page lifecycle ------------------------------------------------------------------------------------

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
      if (viewport) await writeViewport(map.id, viewport);
    }
    if (dirty()) await save();
  }

  async function open(map: JourneyMap, { rev, savedBy = '', viewport = null }: { rev?: number; savedBy?: string; viewport?: Viewport | null } = {}): Promise<void> {
    await ready;
    await flush();
    blocked = null;
    held = null;
    for (const id of [OTHER_TAB_ID, DELETED_ID, HELD_ID, REPLACED_ID]) editorActions.dismiss(id);
    let opening = map;
    let unsaved = false;
    if (rev !== undefined) {
      const reconciled = reconcileCopies({ kind: 'ok', map, rev, savedBy, repairs: [] }, copiesOf(map.id), validate);
      await applySideEffects(reconciled);
      if (reconciled.unsaved && reconciled.map) {
        opening = reconciled.map;
        unsaved = true;
        rememberAdopted(map.id, reconciled.adoptedCopies);
      }
      knownRev.set(map.id, rev);
      knownStored.add(map.id);
      savedMap = unsaved ? null : map;
    }
    editorActions.loadMap(opening, viewport);
    if (unsaved) schedule(0);
    if (rev !== undefined) await storage.set(CURRENT_KEY, map.id).catch((error: unknown) => warnStorage(error, 'The map could not be opened for next time'));
  }

  channel?.addEventListener('message', (event) => void onMessage(event.data));
  win?.addEventListener('visibilitychange', onHidden);
  win?.addEventListener('pagehide', onPageHide);
  if (drafts) unsubscribeDrafts = drafts.subscribe(draftChanged);

  const ready = hydrate();

  return {
    ready,
    tabId,
    flush: async () => {
      await ready;
      await flush();
    },
    isDirty: dirty,
    open,
    announce(change) {
      post({ ...change, tabId });
      // This tab's own knowledge follows its own library change.
      if (change.type === 'saved') {
        knownRev.set(change.mapId, Math.max(knownRev.get(change.mapId) ?? 0, change.rev));
        knownStored.add(change.mapId);
      } else {
        knownStored.delete(change.mapId);
        knownRev.delete(change.mapId);
      }
    },
    reportRepairs,
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(viewportTimer);
      clearTimeout(reconnectTimer);
      unsubscribe();
      unsubscribeDrafts();
      channel?.close();
      win?.removeEventListener('visibilitychange', onHidden);
      win?.removeEventListener('pagehide', onPageHide);
    },
  };
}

/** The selection minus what the loaded map no longer has. */
function keepExisting(map: JourneyMap, selection: Selection): Selection {
  const nodeIds = new Set([...map.nodes.map((n) => n.id), ...map.notes.map((n) => n.id)]);
  const edgeIds = new Set(map.edges.map((e) => e.id));
  return { nodes: selection.nodes.filter((id) => nodeIds.has(id)), edges: selection.edges.filter((id) => edgeIds.has(id)) };
}

function openChannel(): BroadcastChannelLike | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('journey-designer');
}

