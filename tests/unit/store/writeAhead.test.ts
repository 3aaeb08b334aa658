import { createMap } from '../../../src/domain/edits';
import type { JourneyMap } from '../../../src/domain/types';
import { FORMAT_VERSION } from '../../../src/format/constants';
import { CURRENT_KEY, mapKey, type StoredMap } from '../../../src/store/keys';
import { NOT_ANSWERING_ID, NOT_ANSWERING_TEXT, UNSAVED_COPY_ID, WRITE_AHEAD_ID } from '../../../src/store/persistence';
import { createWriteAhead, MAX_WRITE_AHEAD_CHARS } from '../../../src/store/writeAhead';
import { makeMap } from '../../support/maps';
import { channelBus, fakeStorage, fakeSyncStorage, openTab, pageStorage, type FakeStorage, type Tab, type TabOptions, advance, settle } from '../../support/persistenceFakes';

const DEBOUNCE = 400;
const RETRY = 1000;
const TIMEOUT = 3000;
const NOW = new Date('2025-03-04T05:06:07Z');

const record = (map: JourneyMap, rev = 3, savedBy = 'tab-earlier'): StoredMap => ({ format: 'journey-map', version: FORMAT_VERSION, map, rev, savedAt: 1, savedBy });
const storedWithTestMap = () => fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: record(makeMap()) });
const stored = (storage: FakeStorage, id = 'map-test') => storage.data.get(mapKey(id)) as StoredMap | undefined;


let tabs: Tab[] = [];
async function tab(tabId: string, options: TabOptions): Promise<Tab> {
  const opened = await openTab(tabId, options);
  tabs.push(opened);
  return opened;
}
/** The page goes away: nothing of it runs any more. */
function close(page: Tab): void {
  page.persistence.stop();
}

/** A page on the shared storage that can be reloaded: its pagehide flush starts but never reaches storage. */
async function reloadable(tabId: string, shared: FakeStorage, options: Omit<TabOptions, 'storage'>) {
  const view = pageStorage(shared);
  const page = await tab(tabId, { ...options, storage: view.storage });
  return {
    page,
    reload() {
      page.win.pageHide();
      view.goAway();
      close(page);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  for (const t of tabs) t.persistence.stop();
  tabs = [];
  vi.useRealTimers();
});

describe('the write-ahead copy', () => {
  it('is written synchronously on every committed change, with the revision the next save will carry, and cleared once IndexedDB holds it', async () => {
    const storage = storedWithTestMap();
    const sync = fakeSyncStorage();
    const page = await tab('tab-a', { storage, sync });

    page.actions.renameMap('Copied at once');
    expect(sync.copies()).toHaveLength(1);
    const copy = JSON.parse(sync.data.get(sync.copies()[0])!);
    expect(copy).toMatchObject({ mapId: 'map-test', format: 'journey-map', version: FORMAT_VERSION, rev: 4, savedBy: 'tab-a', map: { name: 'Copied at once' } });

    await advance(DEBOUNCE);
    expect(stored(storage)).toMatchObject({ rev: 4, map: { name: 'Copied at once' } });
    expect(sync.copies()).toEqual([]);
  });

  it('keeps an edit whose save never finished when the page went away, opens it after the reload and saves it', async () => {
    const storage = storedWithTestMap();
    const sync = fakeSyncStorage();
    const before = await reloadable('tab-a', storage, { sync });
    before.page.actions.renameMap('Renamed just before the reload');
    before.reload();
    await settle();
    expect(stored(storage)?.map.name).toBe('Test journey');

    const after = await tab('tab-b', { storage, sync });
    expect(after.map().name).toBe('Renamed just before the reload');
    await advance(0);
    expect(stored(storage)).toMatchObject({ rev: 4, savedBy: 'tab-b', map: { name: 'Renamed just before the reload' } });
    expect(sync.copies()).toEqual([]);
    expect(after.persistence.isDirty()).toBe(false);
  });

  it('loses no committed edit over 100 reloads at random moments 0–1,500 ms after it', async () => {
    const storage = storedWithTestMap();
    const sync = fakeSyncStorage();
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const lost: string[] = [];
    let current = await reloadable('tab-0', storage, { sync });
    for (let i = 0; i < 100; i++) {
      // Renames committed with Enter and node drags (committed on drop), as in the report.
      if (i % 2 === 0) current.page.actions.renameMap(`Edit ${i}`);
      else current.page.actions.endDrag({ 'tp-web': { x: 100 + i, y: i } });
      const expected = current.page.map();
      const delay = Math.floor(random() * 1500);
      await advance(delay);
      current.reload();
      current = await reloadable(`tab-${i + 1}`, storage, { sync });
      if (JSON.stringify(current.page.map()) !== JSON.stringify(expected)) lost.push(`#${i} after ${delay} ms`);
    }
    expect(lost).toEqual([]);
  });

  it('is removed when an undo returns to the saved map, so a reload does not bring the undone edit back', async () => {
    const storage = storedWithTestMap();
    const sync = fakeSyncStorage();
    const page = await tab('tab-a', { storage, sync });
    page.actions.renameMap('Undone');
    page.actions.undo();
    expect(sync.copies()).toEqual([]);
    close(page);
    const after = await tab('tab-b', { storage, sync });
    expect(after.map().name).toBe('Test journey');
  });

  it('of a first map never saved (the sample, edited at once) opens after a reload', async () => {
    const storage = fakeStorage();
    const sync = fakeSyncStorage();
    const page = await tab('tab-a', { storage, sync });
    page.actions.renameMap('My first journey');
    close(page);
    expect(storage.data.size).toBe(0);
    const after = await tab('tab-b', { storage, sync });
    expect(after.map()).toMatchObject({ id: 'map-fallback', name: 'My first journey' });
  });

  it('behind another tab’s newer save is not applied: the save stays and the changes are offered as a copy', async () => {
    const storage = storedWithTestMap();
    const sync = fakeSyncStorage();
    const bus = channelBus();
    const other = await tab('tab-b', { storage, sync, bus });
    const closing = await tab('tab-a', { storage, sync, bus });
    closing.actions.renameMap('Unsaved in the closed tab');
    close(closing);
    other.actions.renameMap('Saved by the other tab');
    await other.persistence.flush();
    expect(stored(storage)).toMatchObject({ rev: 4, savedBy: 'tab-b' });

    const reopened = await tab('tab-c', { storage, sync, bus });
    expect(reopened.map().name).toBe('Saved by the other tab');
    await advance(10_000);
    expect(stored(storage)).toMatchObject({ rev: 4, savedBy: 'tab-b', map: { name: 'Saved by the other tab' } });
    const offer = reopened.state().notices.find((n) => n.id.startsWith(UNSAVED_COPY_ID));
    expect(offer?.text).toContain('Unsaved in the closed tab');
    expect(offer?.actions?.map((a) => a.label)).toEqual(['Keep them as a copy', 'Discard them']);

    reopened.answer(offer!.id, 'Keep them as a copy');
    await settle();
    const copies = [...storage.data.entries()].filter(([k]) => k.startsWith('map:') && k !== mapKey('map-test'));
    expect(copies.map(([, v]) => (v as StoredMap).map.name)).toEqual(['Unsaved in the closed tab (unsaved changes)']);
    expect(sync.copies()).toEqual([]);
  });

  it('of a map deleted in another tab since is offered, never re-created', async () => {
    const storage = storedWithTestMap();
    const sync = fakeSyncStorage();
    const bus = channelBus();
    const closing = await tab('tab-a', { storage, sync, bus });
    closing.actions.renameMap('Changed, then the tab closed');
    close(closing);
    const other = await tab('tab-b', { storage, sync: null, bus });
    await other.library.addAndOpen(createMap({ id: 'map-other', name: 'Other' }));
    await other.library.remove('map-test');
    expect(stored(storage)).toBeUndefined();

    const reopened = await tab('tab-c', { storage, sync, bus });
    await advance(10_000);
    expect(stored(storage)).toBeUndefined();
    expect(reopened.map().id).not.toBe('map-test');
    expect(reopened.state().notices.find((n) => n.id.startsWith(UNSAVED_COPY_ID))?.text).toMatch(/deleted in another tab/);
  });

  it('that localStorage refuses, or that is too big, is skipped with one warning; saving goes on', async () => {
    const storage = storedWithTestMap();
    const sync = fakeSyncStorage();
    const page = await tab('tab-a', { storage, sync });
    sync.failWrites(new DOMException('full', 'QuotaExceededError'));
    page.actions.renameMap('Not copied');
    expect(page.notice(WRITE_AHEAD_ID)?.text).toMatch(/local storage is full/);
    page.actions.dismiss(WRITE_AHEAD_ID);
    page.actions.renameMap('Not copied either');
    expect(page.notice(WRITE_AHEAD_ID)).toBeUndefined();
    await advance(DEBOUNCE);
    expect(stored(storage)?.map.name).toBe('Not copied either');

    const problems: unknown[] = [];
    const big = createWriteAhead(fakeSyncStorage(), 'tab-x', (p) => problems.push(p));
    expect(big.write({ ...makeMap(), description: 'x'.repeat(MAX_WRITE_AHEAD_CHARS) }, 1)).toBe(false);
    expect(problems).toEqual([{ kind: 'too-big', chars: expect.any(Number) }]);
  });
});

describe('without IndexedDB at all', () => {
  it('each reload opens the latest copy, and copies do not pile up', async () => {
    const storage = fakeStorage();
    for (const method of ['get', 'set', 'update', 'del', 'keys'] as const) storage.failAlways(method, new DOMException('IndexedDB is not available', 'NotSupportedError'));
    const sync = fakeSyncStorage();
    let page = await tab('tab-0', { storage, sync });
    for (let i = 1; i <= 5; i++) {
      page.actions.renameMap(`Only in local storage ${i}`);
      close(page);
      page = await tab(`tab-${i}`, { storage, sync });
      expect(page.map().name).toBe(`Only in local storage ${i}`);
    }
    page.actions.renameMap('Latest');
    expect(sync.copies()).toHaveLength(1);
  });
});

describe('storage that does not answer', () => {
  it('opens the fallback in memory after a few seconds, warns, writes nothing, and opens the stored map once storage answers', async () => {
    const storage = storedWithTestMap();
    storage.hold('get');
    const page = await tab('tab-a', { storage, sync: fakeSyncStorage(), ready: false });
    let ready = false;
    void page.persistence.ready.then(() => (ready = true));
    await advance(TIMEOUT);
    expect(ready).toBe(true);
    expect(page.map().id).toBe('map-fallback');
    expect(page.notice(NOT_ANSWERING_ID)?.text).toContain(NOT_ANSWERING_TEXT);

    // The next read (after a pause) answers: nothing was done here, so the stored map opens.
    await advance(RETRY);
    expect(page.map()).toEqual(makeMap());
    expect(page.notice(NOT_ANSWERING_ID)).toBeUndefined();
    await advance(10_000);
    expect(storage.writes()).toEqual([]);
  });

  it('keeps the work done meanwhile and never writes it over the stored map', async () => {
    const storage = storedWithTestMap();
    const hung = storage.hold('get');
    const page = await tab('tab-a', { storage, sync: fakeSyncStorage(), ready: false });
    await advance(TIMEOUT);
    page.actions.renameMap('Worked in memory');
    await advance(DEBOUNCE);
    expect(storage.writes()).toEqual([]);

    await advance(RETRY);
    expect(page.map().name).toBe('Worked in memory');
    expect(stored(storage)).toEqual(record(makeMap()));
    expect(stored(storage, 'map-fallback')?.map.name).toBe('Worked in memory');
    expect(page.noticeWith('Storage answers again')?.actions?.[0].label).toBe('Open “Test journey”');
    hung.release();
  });

  it('a reload while storage still hangs opens the write-ahead copy', async () => {
    const storage = storedWithTestMap();
    const sync = fakeSyncStorage();
    storage.hold('get');
    const first = await tab('tab-a', { storage, sync, ready: false, retryMs: 60_000 });
    await advance(TIMEOUT);
    first.actions.renameMap('Kept across the reload');
    close(first);

    storage.hold('get');
    const second = await tab('tab-b', { storage, sync, ready: false, retryMs: 60_000 });
    await advance(TIMEOUT);
    expect(second.map().name).toBe('Kept across the reload');
    expect(second.notice(NOT_ANSWERING_ID)).toBeDefined();
  });
});
