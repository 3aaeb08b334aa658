/**
 * Library operations go through the same revision check as saves: a tab with the map open follows a rename
 * or restore made elsewhere (or asks), learns that it was deleted (and may keep a copy), and never writes an
 * older version back.
 */
import { createMap } from '../../../src/domain/edits';
import type { JourneyMap } from '../../../src/domain/types';
import { FORMAT_VERSION } from '../../../src/format/constants';
import { CURRENT_KEY, mapKey, trashKey, type StoredMap } from '../../../src/store/keys';
import { DELETED_ID, OTHER_TAB_ID } from '../../../src/store/persistence';
import { makeMap } from '../../support/maps';
import { channelBus, fakeStorage, openTab, type FakeStorage, type Tab, advance, settle } from '../../support/persistenceFakes';

const record = (map: JourneyMap, rev = 3): StoredMap => ({ format: 'journey-map', version: FORMAT_VERSION, map, rev, savedAt: 1, savedBy: 'tab-earlier' });
const stored = (storage: FakeStorage, id = 'map-test') => storage.data.get(mapKey(id)) as StoredMap | undefined;

let tabs: Tab[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2025-03-04T05:06:07Z'));
});
afterEach(() => {
  for (const t of tabs) t.persistence.stop();
  tabs = [];
  vi.useRealTimers();
});

/** Tab A has map-test open; tab B has moved on to another map and works on map-test from its library. */
async function editorAndLibrary(withChannel = true) {
  const storage = fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: record(makeMap()) });
  const bus = withChannel ? channelBus() : null;
  const a = await openTab('tab-a', { storage, bus });
  const b = await openTab('tab-b', { storage, bus });
  tabs.push(a, b);
  // A has saved the map once: the stored record is A's own save.
  a.actions.updateNode('tp-checkout', { label: 'Pay' });
  await a.persistence.flush();
  await settle();
  await b.library.addAndOpen(createMap({ id: 'map-other', name: 'Other map' }));
  await settle();
  expect(stored(storage)).toMatchObject({ rev: 4, savedBy: 'tab-a' });
  return { storage, a, b };
}

describe('renaming from the library a map open in another tab', () => {
  it('reaches that tab, whose next save keeps the new name', async () => {
    const { storage, a, b } = await editorAndLibrary();
    expect(await b.library.rename('map-test', 'Renamed in B')).toBeNull();
    await settle();
    expect(stored(storage)).toMatchObject({ rev: 5, savedBy: 'tab-b', map: { name: 'Renamed in B' } });
    expect(a.map().name).toBe('Renamed in B');

    a.actions.updateNode('tp-web', { label: 'Product details' });
    await advance(400);
    expect(stored(storage)).toMatchObject({ rev: 6, savedBy: 'tab-a', map: { name: 'Renamed in B' } });
  });

  it('without the channel, that tab’s next save asks instead of writing the old name back', async () => {
    const { storage, a, b } = await editorAndLibrary(false);
    await b.library.rename('map-test', 'Renamed in B');
    a.actions.updateNode('tp-web', { label: 'Product details' });
    await advance(400);
    expect(stored(storage)?.map.name).toBe('Renamed in B');
    expect(a.notice(OTHER_TAB_ID)).toBeDefined();
  });
});

describe('deleting from the library a map open in another tab', () => {
  it('tells that tab, whose saves never re-create the map, and which can keep a copy', async () => {
    const { storage, a, b } = await editorAndLibrary();
    await b.library.remove('map-test');
    await settle();
    expect(stored(storage)).toBeUndefined();
    expect(a.notice(DELETED_ID)?.actions?.map((x) => x.label)).toEqual(['Keep a copy']);

    a.actions.renameMap('Edited after the delete');
    await advance(10_000);
    a.win.pageHide();
    await settle();
    expect(stored(storage)).toBeUndefined();

    a.answer(DELETED_ID, 'Keep a copy');
    await advance(0);
    const copyId = a.map().id;
    expect(copyId).not.toBe('map-test');
    expect(a.map().name).toBe('Edited after the delete');
    expect(stored(storage, copyId)?.map.name).toBe('Edited after the delete');
    expect(storage.data.get(CURRENT_KEY)).toBe(copyId);
    expect(a.notice(DELETED_ID)).toBeUndefined();
  });

  it('without the channel, that tab’s next save finds it gone and says so instead of re-creating it', async () => {
    const { storage, a, b } = await editorAndLibrary(false);
    await b.library.remove('map-test');
    a.actions.renameMap('Edited after the delete');
    await advance(400);
    expect(stored(storage)).toBeUndefined();
    expect(a.notice(DELETED_ID)).toBeDefined();
  });

  it('“Undo delete” brings the map back as a newer revision, which the other tab follows', async () => {
    const { storage, a, b } = await editorAndLibrary();
    await b.library.remove('map-test');
    await settle();
    await b.library.undoDelete();
    await settle();
    expect(stored(storage)).toMatchObject({ rev: 5, savedBy: 'tab-b', map: { name: 'Test journey' } });
    expect(a.notice(DELETED_ID)).toBeUndefined();
    expect(a.map().nodes.find((n) => n.id === 'tp-checkout')?.label).toBe('Pay');
    a.actions.renameMap('Saved after the restore');
    await advance(400);
    expect(stored(storage)).toMatchObject({ rev: 6, savedBy: 'tab-a', map: { name: 'Saved after the restore' } });
  });

  it('“Undo delete” never restores the older trash copy over a map saved again since', async () => {
    const { storage, b } = await editorAndLibrary(false);
    await b.library.remove('map-test');
    const newer = record({ ...makeMap(), name: 'Saved again elsewhere' }, 9);
    storage.data.set(mapKey('map-test'), newer);
    await b.library.undoDelete();
    expect(stored(storage)).toEqual(newer);
    expect(storage.data.has(trashKey('map-test'))).toBe(true);
    expect(b.noticeWith('was not restored')?.text).toMatch(/saved again in another tab/);
  });
});

describe('duplicating', () => {
  it('the open map copies it as shown, even with changes another tab’s save keeps from being saved', async () => {
    const storage = fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: record(makeMap()) });
    const a = await openTab('tab-a', { storage, bus: null });
    const b = await openTab('tab-b', { storage, bus: null });
    tabs.push(a, b);
    b.actions.renameMap('Saved by B');
    await b.persistence.flush();
    a.actions.renameMap('Only on screen in A');
    await advance(400);
    expect(a.notice(OTHER_TAB_ID)).toBeDefined();

    await a.library.duplicate('map-test');
    const names = [...storage.data.entries()].filter(([k]) => k.startsWith('map:')).map(([, v]) => (v as StoredMap).map.name);
    expect(names.sort()).toEqual(['Only on screen in A (copy)', 'Saved by B']);
  });
});
