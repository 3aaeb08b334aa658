import { validateStored } from '../../../src/app/validateStored';
import { createMap } from '../../../src/domain/edits';
import type { JourneyMap } from '../../../src/domain/types';
import { FORMAT_VERSION } from '../../../src/format/constants';
import { editorActions, resetEditor, useEditor } from '../../../src/store/editorStore';
import {
  CURRENT_KEY,
  LOAD_WARNING_ID,
  mapKey,
  OTHER_TAB_ID,
  quarantineKey,
  HELD_ID,
  HELD_TEXT,
  REPLACED_ID,
  SAVE_WARNING_ID,
  startPersistence,
  viewportKey,
  type Persistence,
  type PersistenceOptions,
  type StoredMap,
} from '../../../src/store/persistence';
import { isQuotaError } from '../../../src/store/storage';
import { makeMap } from '../../support/maps';
import { channelBus, fakeDrafts, fakeStorage, fakeWindow, openTab as openSharedTab, type FakeStorage, advance, settle } from '../../support/persistenceFakes';

const DEBOUNCE = 400;
const RETRY = 1000;
const NOW = new Date('2025-03-04T05:06:07Z');
const fallbackMap = (): JourneyMap => createMap({ id: 'map-fallback', name: 'Sample journey' });

const record = (map: JourneyMap, rev = 3, savedBy = 'tab-earlier'): StoredMap => ({ format: 'journey-map', version: FORMAT_VERSION, map, rev, savedAt: 1, savedBy });
const storedWithTestMap = (extra: Record<string, unknown> = {}) =>
  fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: record(makeMap()), ...extra });
const storedRecord = (storage: FakeStorage, id = 'map-test') => storage.data.get(mapKey(id)) as StoredMap | undefined;
const updatesOf = (storage: FakeStorage, id = 'map-test') => storage.calls.filter(([m, k]) => m === 'update' && k === mapKey(id)).length;

/** Lets every pending promise (storage calls, channel messages) run; timers stay where they are. */

const notice = (id: string) => useEditor.getState().notices.find((n) => n.id === id);

let running: Persistence[] = [];
function start(storage: FakeStorage, options: Partial<PersistenceOptions> = {}) {
  const win = fakeWindow();
  const persistence = startPersistence({
    storage,
    validate: validateStored,
    fallback: fallbackMap,
    channel: null,
    window: win,
    debounceMs: DEBOUNCE,
    retryMs: () => RETRY,
    tabId: 'tab-a',
    ...options,
  });
  running.push(persistence);
  return { persistence, win };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
  resetEditor();
});

afterEach(() => {
  for (const p of running) p.stop();
  running = [];
  vi.useRealTimers();
  resetEditor();
});

describe('restoring', () => {
  it('opens the stored map exactly, with its viewport, and writes nothing back', async () => {
    const storage = storedWithTestMap({ [viewportKey('map-test')]: { x: 12, y: -30, zoom: 0.75 } });
    const { persistence } = start(storage);
    await persistence.ready;

    const state = useEditor.getState();
    expect(state.map).toEqual(makeMap());
    expect(state.viewport).toEqual({ x: 12, y: -30, zoom: 0.75 });
    expect(state.history).toEqual({ past: [], future: [] });
    expect(state.mapEpoch).toBe(1);
    expect(persistence.isDirty()).toBe(false);

    await advance(10_000);
    expect(storage.writes()).toEqual([]);
  });

  it('opens a record stored by format version 1 (no format or version fields) upgraded through the importer', async () => {
    const v1 = makeMap();
    const { notes: _notes, personas: _personas, opportunities: _opportunities, ...v1Body } = v1;
    // Version 1 records: the bare map body, channels without colours, no sticky notes, personas or opportunities.
    const legacy = { map: { ...v1Body, channels: v1Body.channels.map(({ colour: _c, ...c }) => c) }, rev: 7, savedAt: 1, savedBy: 'old-release' };
    const storage = fakeStorage({ [CURRENT_KEY]: v1.id, [mapKey(v1.id)]: legacy });
    const { persistence } = start(storage);
    await persistence.ready;
    const opened = useEditor.getState().map;
    expect(opened.notes).toEqual([]);
    expect(opened.personas).toEqual([]);
    expect(opened.opportunities).toEqual([]);
    expect(opened.nodes).toEqual(v1.nodes);
    expect(opened.edges).toEqual(v1.edges);
    expect(opened.channels.find((c) => c.id === 'website')?.colour).toBe('#1d4ed8');
    // Opening writes nothing; the first edit saves it at the current version on top of its revision.
    expect(updatesOf(storage, v1.id)).toBe(0);
    editorActions.renameMap('Upgraded');
    await persistence.flush();
    expect(storedRecord(storage, v1.id)).toMatchObject({ format: 'journey-map', version: FORMAT_VERSION, rev: 8, map: { name: 'Upgraded', notes: [], personas: [], opportunities: [] } });
  });

  it('ignores a stored viewport that makes no sense', async () => {
    const storage = storedWithTestMap({ [viewportKey('map-test')]: { x: 1, y: 2, zoom: 0 } });
    const { persistence } = start(storage);
    await persistence.ready;
    expect(useEditor.getState().viewport).toBeNull();
  });

  it('writes nothing before hydration has finished, whatever happens meanwhile', async () => {
    const storage = storedWithTestMap();
    const slowRead = storage.hold('get');
    const { persistence, win } = start(storage);

    // While the stored map is still being read: an edit of the placeholder map, the tab hidden and closed.
    editorActions.renameMap('Typed before the map was open');
    win.hide();
    win.pageHide();
    await advance(10_000);
    expect(storage.writes()).toEqual([]);

    slowRead.release();
    await persistence.ready;
    expect(useEditor.getState().map).toEqual(makeMap());
    await advance(10_000);
    expect(storage.writes()).toEqual([]);
    expect(storedRecord(storage)).toEqual(record(makeMap()));
  });

  it('on first run opens the fallback map and saves it', async () => {
    const storage = fakeStorage();
    const { persistence } = start(storage);
    await persistence.ready;
    expect(useEditor.getState().map).toEqual(fallbackMap());

    await advance(DEBOUNCE);
    expect(storage.data.get(CURRENT_KEY)).toBe('map-fallback');
    expect(storedRecord(storage, 'map-fallback')).toEqual({ format: 'journey-map', version: FORMAT_VERSION, map: fallbackMap(), rev: 1, savedAt: NOW.getTime() + DEBOUNCE, savedBy: 'tab-a' });
    expect(persistence.isDirty()).toBe(false);
  });

  it('opens the fallback when the current key names a map that is not stored', async () => {
    const storage = fakeStorage({ [CURRENT_KEY]: 'map-gone' });
    const { persistence } = start(storage);
    await persistence.ready;
    expect(useEditor.getState().map.id).toBe('map-fallback');
    expect(useEditor.getState().notices).toEqual([]);
  });
});

describe('saving', () => {
  it('saves a burst of edits once, after the edits pause', async () => {
    const storage = storedWithTestMap();
    const { persistence } = start(storage);
    await persistence.ready;

    for (let i = 1; i <= 10; i++) {
      editorActions.renameMap(`Draft ${i}`);
      await advance(DEBOUNCE / 4);
    }
    expect(updatesOf(storage)).toBe(0);
    expect(persistence.isDirty()).toBe(true);

    await advance(DEBOUNCE);
    expect(updatesOf(storage)).toBe(1);
    expect(storedRecord(storage)).toEqual({ format: 'journey-map', version: FORMAT_VERSION, map: useEditor.getState().map, rev: 4, savedAt: expect.any(Number), savedBy: 'tab-a' });
    expect(storedRecord(storage)?.map.name).toBe('Draft 10');
    expect(storage.data.get(CURRENT_KEY)).toBe('map-test');
    expect(persistence.isDirty()).toBe(false);

    await advance(10_000);
    expect(updatesOf(storage)).toBe(1);
  });

  it('does not save selection changes', async () => {
    const storage = storedWithTestMap();
    const { persistence } = start(storage);
    await persistence.ready;
    editorActions.select({ nodes: ['tp-web'], edges: [] });
    await advance(10_000);
    expect(storage.writes()).toEqual([]);
  });

  it('saves the viewport on its own key, debounced', async () => {
    const storage = storedWithTestMap();
    const { persistence } = start(storage);
    await persistence.ready;
    editorActions.setViewport({ x: 1, y: 2, zoom: 1 });
    editorActions.setViewport({ x: 5, y: 6, zoom: 2 });
    await advance(DEBOUNCE);
    expect(storage.data.get(viewportKey('map-test'))).toEqual({ x: 5, y: 6, zoom: 2 });
    expect(storage.writes()).toEqual([['set', viewportKey('map-test')]]);
  });

  it('writes at once when the tab is hidden', async () => {
    const storage = storedWithTestMap();
    const { persistence, win } = start(storage);
    await persistence.ready;
    editorActions.renameMap('Before hiding');

    win.show();
    await settle();
    expect(updatesOf(storage)).toBe(0);

    win.hide();
    await settle();
    expect(storedRecord(storage)?.map.name).toBe('Before hiding');
    expect(persistence.isDirty()).toBe(false);
  });

  it('writes at once when the page is hidden for good (pagehide)', async () => {
    const storage = storedWithTestMap();
    const { persistence, win } = start(storage);
    await persistence.ready;
    editorActions.setScores('tp-web', { csat: 12 });
    editorActions.setViewport({ x: 3, y: 4, zoom: 1.25 });

    win.pageHide();
    await settle();
    expect(storedRecord(storage)?.map.nodes[1].scores?.csat).toBe(12);
    expect(storage.data.get(viewportKey('map-test'))).toEqual({ x: 3, y: 4, zoom: 1.25 });
  });

  it('flush() writes pending edits and nothing when there are none', async () => {
    const storage = storedWithTestMap();
    const { persistence } = start(storage);
    await persistence.flush();
    expect(storage.writes()).toEqual([]);
    editorActions.renameMap('Flushed');
    await persistence.flush();
    expect(storedRecord(storage)?.map.name).toBe('Flushed');
  });

  it('stops saving when stopped', async () => {
    const storage = storedWithTestMap();
    const { persistence, win } = start(storage);
    await persistence.ready;
    persistence.stop();
    editorActions.renameMap('After stop');
    win.pageHide();
    await advance(10_000);
    expect(storage.writes()).toEqual([]);
  });
});

describe('a failing write', () => {
  const legacyQuota = Object.assign(new Error('Quota exceeded'), { code: 22 });
  const firefoxQuota = Object.assign(new Error('Persistent storage maximum size reached'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' });
  it.each<[string, unknown]>([
    ['QuotaExceededError', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['NS_ERROR_DOM_QUOTA_REACHED', firefoxQuota],
    ['legacy code 22', legacyQuota],
  ])('(%s) warns that storage is full, keeps the map, retries and clears the warning once saved', async (_name, error) => {
    const storage = storedWithTestMap();
    const { persistence } = start(storage);
    await persistence.ready;
    storage.failNext('update', error);

    editorActions.renameMap('Unsaved so far');
    const map = useEditor.getState().map;
    await advance(DEBOUNCE);

    const warning = notice(SAVE_WARNING_ID);
    expect(warning?.kind).toBe('warning');
    expect(warning?.text).toMatch(/could not be saved: the browser storage is full/);
    expect(warning?.text).toMatch(/saving will be retried/);
    expect(useEditor.getState().map).toBe(map);
    expect(useEditor.getState().history.past).toHaveLength(1);
    expect(persistence.isDirty()).toBe(true);
    expect(storedRecord(storage)?.map.name).toBe('Test journey');

    await advance(RETRY);
    expect(storedRecord(storage)?.map.name).toBe('Unsaved so far');
    expect(notice(SAVE_WARNING_ID)).toBeUndefined();
    expect(persistence.isDirty()).toBe(false);
  });

  it('keeps retrying while storage fails, saving the latest map once it works', async () => {
    const storage = storedWithTestMap();
    const { persistence } = start(storage);
    await persistence.ready;
    storage.failAlways('update', new DOMException('disk error', 'UnknownError'));

    editorActions.renameMap('First');
    await advance(DEBOUNCE);
    expect(notice(SAVE_WARNING_ID)?.text).toMatch(/storage is unavailable \(UnknownError\)/);
    await advance(RETRY);
    await advance(RETRY);
    expect(updatesOf(storage)).toBe(3);
    editorActions.renameMap('Second');

    storage.failAlways('update', null);
    await advance(RETRY);
    expect(storedRecord(storage)?.map.name).toBe('Second');
    expect(notice(SAVE_WARNING_ID)).toBeUndefined();
  });
});

describe('reading failures', () => {
  it('storage unavailable on read: fallback map, a warning, and nothing written until the user edits', async () => {
    const storage = storedWithTestMap();
    storage.failAlways('get', new DOMException('IndexedDB is not available', 'NotSupportedError'));
    const { persistence, win } = start(storage);
    await persistence.ready;

    expect(useEditor.getState().map).toEqual(fallbackMap());
    expect(notice(SAVE_WARNING_ID)?.text).toMatch(/Saved maps could not be read: storage is unavailable \(NotSupportedError\)/);

    await advance(10_000);
    win.hide();
    win.pageHide();
    await advance(10_000);
    expect(storage.writes()).toEqual([]);
    expect(storage.data.get(CURRENT_KEY)).toBe('map-test');

    editorActions.renameMap('My new map');
    await advance(DEBOUNCE);
    expect(storedRecord(storage, 'map-fallback')?.map.name).toBe('My new map');
    expect(storedRecord(storage)).toEqual(record(makeMap()));
  });

  it('a stored map failing validation: warned by name, kept aside unchanged, and the fallback opened', async () => {
    const bad = makeMap();
    bad.nodes[1].scores = { csat: 140 };
    const badRecord = record(bad);
    const storage = fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: badRecord });
    const { persistence } = start(storage);
    await persistence.ready;

    const aside = quarantineKey('map-test', NOW.getTime());
    const warning = notice(LOAD_WARNING_ID);
    expect(warning?.kind).toBe('warning');
    expect(warning?.text).toContain('nodes[1].scores.csat');
    expect(warning?.text).toContain(aside);
    expect(storage.data.get(aside)).toEqual(badRecord);
    expect(useEditor.getState().map).toEqual(fallbackMap());

    await advance(10_000);
    expect(storedRecord(storage)).toEqual(badRecord);
    expect(storage.writes().filter(([, key]) => key === mapKey('map-test'))).toEqual([]);
  });

  it('a stored record that is not a map at all is kept aside too', async () => {
    const storage = fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: 'garbage' });
    const { persistence } = start(storage);
    await persistence.ready;
    expect(storage.data.get(quarantineKey('map-test', NOW.getTime()))).toBe('garbage');
    expect(storage.data.get(mapKey('map-test'))).toBe('garbage');
    expect(notice(LOAD_WARNING_ID)).toBeDefined();
    expect(useEditor.getState().map.id).toBe('map-fallback');
  });

  it('says so when the bad record could not be kept aside', async () => {
    const bad = makeMap();
    bad.edges.push({ id: 'e-bad', source: 'out-success', target: 'tp-web', weight: 1 });
    const storage = fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: record(bad) });
    storage.failNext('set', new DOMException('full', 'QuotaExceededError'));
    const { persistence } = start(storage);
    await persistence.ready;
    expect(notice(LOAD_WARNING_ID)?.text).toMatch(/left in storage unchanged/);
    expect(storedRecord(storage)).toEqual(record(bad));
  });
});

describe('two tabs on the same map', () => {
  type StoreModule = typeof import('../../../src/store/editorStore');

  /** A tab: its own copy of the store module (as each browser tab has), sharing storage and a channel bus. */
  async function openTab(tabId: string, storage: FakeStorage, bus: ReturnType<typeof channelBus> | null) {
    vi.resetModules();
    const store: StoreModule = await import('../../../src/store/editorStore');
    const { startPersistence: startInTab } = await import('../../../src/store/persistence');
    const win = fakeWindow();
    const persistence = startInTab({
      storage,
      validate: validateStored,
      fallback: fallbackMap,
      channel: bus ? bus.open() : null,
      window: win,
      debounceMs: DEBOUNCE,
      retryMs: () => RETRY,
      tabId,
    });
    running.push(persistence);
    await persistence.ready;
    const state = () => store.useEditor.getState();
    return {
      actions: store.editorActions,
      persistence,
      win,
      map: () => state().map,
      state,
      notice: (id: string) => state().notices.find((n) => n.id === id),
    };
  }

  async function twoTabs(withChannel = true) {
    const storage = storedWithTestMap();
    const bus = withChannel ? channelBus() : null;
    const a = await openTab('tab-a', storage, bus);
    const b = await openTab('tab-b', storage, bus);
    return { storage, bus, a, b };
  }

  it('gives each tab its own store', async () => {
    const { a, b } = await twoTabs();
    a.actions.renameMap('Only in A');
    expect(b.map().name).toBe('Test journey');
  });

  it('a tab with no unsaved edits follows the other tab’s save', async () => {
    const { storage, a, b } = await twoTabs();
    a.actions.renameMap('Saved by A');
    await a.persistence.flush();
    await settle();

    expect(b.map()).toEqual(a.map());
    expect(b.notice('followed-other-tab')?.kind).toBe('info');
    expect(b.persistence.isDirty()).toBe(false);
    expect(b.state().history.past).toEqual([]);

    await advance(10_000);
    expect(storedRecord(storage)).toMatchObject({ rev: 4, savedBy: 'tab-a' });
    expect(updatesOf(storage)).toBe(1);
  });

  it('a tab with unsaved edits asks which version to keep and does not overwrite the other tab’s save', async () => {
    const { storage, a, b } = await twoTabs();
    b.actions.renameMap('Edited in B');
    a.actions.renameMap('Saved by A');
    await a.persistence.flush();
    await settle();

    const question = b.notice(OTHER_TAB_ID);
    expect(question?.text).toMatch(/changed in another tab/);
    expect(question?.actions?.map((action) => action.label)).toEqual(['Load the other tab’s version', 'Keep my version']);
    expect(b.map().name).toBe('Edited in B');

    // B's debounce, a hide and an explicit flush all leave A's save alone while the question is open.
    await advance(10_000);
    b.win.hide();
    await b.persistence.flush();
    await settle();
    expect(storedRecord(storage)).toMatchObject({ rev: 4, savedBy: 'tab-a', map: { name: 'Saved by A' } });
    expect(b.map().name).toBe('Edited in B');
  });

  it('“Keep my version” saves this tab’s map, and the other tab follows it', async () => {
    const { storage, a, b } = await twoTabs();
    b.actions.renameMap('Edited in B');
    a.actions.renameMap('Saved by A');
    await a.persistence.flush();
    await settle();

    b.notice(OTHER_TAB_ID)?.actions?.find((action) => action.label === 'Keep my version')?.run();
    await settle();
    expect(storedRecord(storage)).toMatchObject({ rev: 5, savedBy: 'tab-b', map: { name: 'Edited in B' } });
    expect(b.notice(OTHER_TAB_ID)).toBeUndefined();
    expect(b.persistence.isDirty()).toBe(false);
    expect(a.map().name).toBe('Edited in B');

    // Saving goes on normally afterwards.
    b.actions.renameMap('B again');
    await advance(DEBOUNCE);
    expect(storedRecord(storage)).toMatchObject({ rev: 6, savedBy: 'tab-b', map: { name: 'B again' } });
  });

  it('“Load the other tab’s version” replaces this tab’s map with the saved one', async () => {
    const { storage, a, b } = await twoTabs();
    b.actions.renameMap('Edited in B');
    a.actions.renameMap('Saved by A');
    await a.persistence.flush();
    await settle();

    b.notice(OTHER_TAB_ID)?.actions?.find((action) => action.label.startsWith('Load'))?.run();
    await settle();
    expect(b.map()).toEqual(a.map());
    expect(b.notice(OTHER_TAB_ID)).toBeUndefined();
    expect(b.persistence.isDirty()).toBe(false);

    b.actions.renameMap('B after loading');
    await advance(DEBOUNCE);
    expect(storedRecord(storage)).toMatchObject({ rev: 5, savedBy: 'tab-b', map: { name: 'B after loading' } });
  });

  it('without a channel, a save still notices the other tab’s newer save instead of overwriting it', async () => {
    const { storage, a, b } = await twoTabs(false);
    a.actions.renameMap('Saved by A');
    await a.persistence.flush();
    b.actions.renameMap('Edited in B');
    await b.persistence.flush();

    expect(storedRecord(storage)).toMatchObject({ rev: 4, savedBy: 'tab-a', map: { name: 'Saved by A' } });
    expect(b.notice(OTHER_TAB_ID)?.actions).toHaveLength(2);
  });

  it('ignores stale revisions, other maps, its own tab id and junk on the channel', async () => {
    const { b, bus } = await twoTabs();
    const before = b.map();
    const stray = bus!.open();
    for (const data of [
      { type: 'saved', mapId: 'map-test', rev: 3, tabId: 'tab-x' },
      { type: 'saved', mapId: 'map-other', rev: 99, tabId: 'tab-x' },
      { type: 'saved', mapId: 'map-test', rev: 99, tabId: 'tab-b' },
      { type: 'saved', mapId: 'map-test', rev: '99', tabId: 'tab-x' },
      { type: 'other', mapId: 'map-test', rev: 99 },
      null,
      'junk',
    ]) {
      stray.postMessage(data);
    }
    await settle();
    expect(b.map()).toBe(before);
    expect(b.state().notices).toEqual([]);
  });
});

describe('another tab’s save while this tab has a draft or a conflict', () => {
  async function typingAndSaving() {
    const storage = storedWithTestMap();
    const bus = channelBus();
    const drafts = fakeDrafts();
    const typing = await openSharedTab('tab-typing', { storage, bus, drafts, debounceMs: DEBOUNCE, retryMs: RETRY });
    const saving = await openSharedTab('tab-saving', { storage, bus, debounceMs: DEBOUNCE, retryMs: RETRY });
    running.push(typing.persistence, saving.persistence);
    return { storage, drafts, typing, saving };
  }

  it('waits while the user is typing (nothing replaced, selection kept), says so, and loads when typing ends', async () => {
    const { drafts, typing, saving } = await typingAndSaving();
    typing.actions.select({ nodes: ['tp-web'], edges: [] });
    drafts.set(true);
    saving.actions.updateNode('tp-checkout', { label: 'Pay' });
    await saving.persistence.flush();
    await settle();

    const before = typing.map();
    expect(typing.map()).toBe(before);
    expect(typing.map().nodes.find((n) => n.id === 'tp-checkout')?.label).toBe('Checkout');
    expect(typing.state().selection.nodes).toEqual(['tp-web']);
    expect(typing.notice(HELD_ID)?.text).toContain(HELD_TEXT);

    drafts.set(false);
    await settle();
    expect(typing.map()).toEqual(saving.map());
    expect(typing.notice(HELD_ID)).toBeUndefined();
    expect(typing.notice('followed-other-tab')).toBeDefined();
    // Following keeps what is selected (the Inspector stays where it was).
    expect(typing.state().selection.nodes).toEqual(['tp-web']);
  });

  it('asks which version to keep when the draft is committed instead', async () => {
    const { storage, drafts, typing, saving } = await typingAndSaving();
    drafts.set(true);
    saving.actions.renameMap('Saved by the other tab');
    await saving.persistence.flush();
    await settle();
    typing.actions.renameMap('Typed here');
    drafts.set(false);
    await settle();
    expect(typing.map().name).toBe('Typed here');
    expect(typing.notice(OTHER_TAB_ID)).toBeDefined();
    await advance(10_000);
    expect(storedRecord(storage)?.map.name).toBe('Saved by the other tab');
  });

  it('“Keep my version” tells the other tab that its change was replaced, and offers it a copy', async () => {
    const { storage, typing: keeping, saving: replaced } = await typingAndSaving();
    keeping.actions.renameMap('Kept version');
    replaced.actions.renameMap('Replaced version');
    await replaced.persistence.flush();
    await settle();
    keeping.answer(OTHER_TAB_ID, 'Keep my version');
    await settle();
    expect(storedRecord(storage)).toMatchObject({ savedBy: 'tab-typing', map: { name: 'Kept version' } });
    expect(replaced.map().name).toBe('Kept version');
    const told = replaced.notice(REPLACED_ID);
    expect(told?.kind).toBe('warning');
    expect(told?.text).toMatch(/chose to keep its own version of “Replaced version”/);
    replaced.answer(REPLACED_ID, 'Keep my version as a copy');
    await settle();
    const names = [...storage.data.entries()].filter(([k]) => k.startsWith('map:')).map(([, v]) => (v as StoredMap).map.name);
    expect(names.sort()).toEqual(['Kept version', 'Replaced version (my version)']);
  });
});

describe('isQuotaError', () => {
  it.each<[string, unknown]>([
    ['a QuotaExceededError DOMException', new DOMException('full', 'QuotaExceededError')],
    ['Firefox’s NS_ERROR_DOM_QUOTA_REACHED', { name: 'NS_ERROR_DOM_QUOTA_REACHED' }],
    ['the legacy code 22', { name: 'Error', code: 22 }],
    ['Firefox’s legacy code 1014', { code: 1014 }],
  ])('recognises %s', (_what, error) => {
    expect(isQuotaError(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['another DOMException', new DOMException('gone', 'NotFoundError')],
    ['a plain Error mentioning quota', new Error('QuotaExceededError')],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'QuotaExceededError'],
    ['the number 22', 22],
    ['code 22 as a string', { code: '22' }],
  ])('does not mistake %s for one', (_what, error) => {
    expect(isQuotaError(error)).toBe(false);
  });
});
