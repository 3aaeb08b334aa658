/** Every stored record kind is checked on read, like a file: a bad one is repaired or left out, with a warning. */
import { validateStored } from '../../../src/app/validateStored';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import type { JourneyMap } from '../../../src/domain/types';
import { FORMAT_VERSION } from '../../../src/format/constants';
import { CURRENT_KEY, mapKey, metaKey, trashKey, viewportKey, validRev, validSummary, type StoredMap } from '../../../src/store/keys';
import { listMaps, quarantineStored, restoreFromTrash } from '../../../src/store/library';
import { OTHER_TAB_ID, REPAIRS_ID } from '../../../src/store/persistence';
import { validViewport, ZOOM_LIMITS } from '../../../src/store/viewport';
import { makeMap } from '../../support/maps';
import { channelBus, fakeStorage, openTab, type Tab, advance, settle } from '../../support/persistenceFakes';

const NOW = new Date('2025-03-04T05:06:07Z');
const record = (map: JourneyMap, extra: Record<string, unknown> = {}) => ({ format: 'journey-map', version: FORMAT_VERSION, map, rev: 3, savedAt: 1000, savedBy: 'tab-earlier', ...extra });
const stored = (storage: ReturnType<typeof fakeStorage>, id = 'map-test') => storage.data.get(mapKey(id)) as StoredMap | undefined;

let tabs: Tab[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  for (const t of tabs) t.persistence.stop();
  tabs = [];
  vi.useRealTimers();
});
async function tab(tabId: string, options: Parameters<typeof openTab>[1]) {
  const opened = await openTab(tabId, options);
  tabs.push(opened);
  return opened;
}

describe('library summaries (meta: records)', () => {
  it.each<[string, unknown]>([
    ['updatedAt "not-a-date"', { updatedAt: 'not-a-date' }],
    ['updatedAt 1e20', { updatedAt: 1e20 }],
    ['updatedAt NaN', { updatedAt: NaN }],
    ['a name that is not text', { name: 42 }],
    ['a negative node count', { nodeCount: -1 }],
    ['another map’s id', { id: 'someone-else' }],
  ])('with %s are rebuilt from the map, written back and reported', async (_what, damage) => {
    const map = onlineStoreSample();
    const storage = fakeStorage({
      [mapKey(map.id)]: record(map),
      [metaKey(map.id)]: { id: map.id, name: map.name, updatedAt: 5, nodeCount: 3, ...(damage as object) },
    });
    const reports: string[] = [];
    const maps = await listMaps(storage, validateStored, (m) => reports.push(m));
    expect(maps).toEqual([{ id: map.id, name: 'Online store', updatedAt: 1000, nodeCount: map.nodes.length }]);
    expect(Number.isFinite(new Date(maps[0].updatedAt).getTime())).toBe(true);
    expect(storage.data.get(metaKey(map.id))).toEqual(maps[0]);
    expect(reports).toEqual(['The library entry of “Online store” was damaged; it was rebuilt from the map.']);
  });

  it('accepts a sound one as it is', () => {
    expect(validSummary({ id: 'a', name: 'A', updatedAt: 5, nodeCount: 0 }, 'a')).toEqual({ id: 'a', name: 'A', updatedAt: 5, nodeCount: 0 });
  });
});

describe('a stored map that cannot be read', () => {
  it('is listed as unreadable with its problems (not left out), even without a summary, and can be set aside', async () => {
    const good = makeMap();
    const storage = fakeStorage({
      [mapKey(good.id)]: record(good),
      [metaKey(good.id)]: { id: good.id, name: good.name, updatedAt: 5, nodeCount: 5 },
      [mapKey('broken')]: { rev: 1, map: { id: 'broken', name: 'Broken journey', nodes: 'not a list' } },
    });
    const maps = await listMaps(storage, validateStored);
    expect(maps.map((m) => m.id)).toEqual([good.id, 'broken']);
    expect(maps[1]).toMatchObject({ id: 'broken', name: 'Broken journey', problems: expect.arrayContaining([expect.stringContaining('nodes')]) });

    const key = await quarantineStored(storage, 'broken');
    expect(key).toBe(`quarantine:broken:${NOW.getTime()}`);
    expect(storage.data.get(key!)).toEqual({ rev: 1, map: { id: 'broken', name: 'Broken journey', nodes: 'not a list' } });
    expect(storage.data.has(mapKey('broken'))).toBe(false);
    expect((await listMaps(storage, validateStored)).map((m) => m.id)).toEqual([good.id]);
  });
});

describe('stored viewports', () => {
  it('are clamped to the canvas zoom limits, and ignored when they are not viewports', () => {
    expect(ZOOM_LIMITS).toEqual({ min: 0.05, max: 2.5 });
    expect(validViewport({ x: 0, y: 0, zoom: 1e-300 })).toEqual({ x: 0, y: 0, zoom: 0.05 });
    expect(validViewport({ x: 10, y: 20, zoom: 1e9 })).toEqual({ x: 10, y: 20, zoom: 2.5 });
    expect(validViewport({ x: 10, y: 20, zoom: 0.75 })).toEqual({ x: 10, y: 20, zoom: 0.75 });
    for (const bad of [{ x: 1e300, y: 0, zoom: 1 }, { x: 0, y: 0, zoom: 0 }, { x: 0, y: 0, zoom: -1 }, { x: '0', y: 0, zoom: 1 }, null, 'v', { x: 0, y: NaN, zoom: 1 }]) {
      expect(validViewport(bad)).toBeNull();
    }
  });

  it('zoomed to 1e-300 opens clamped, with a warning', async () => {
    const storage = fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: record(makeMap()), [viewportKey('map-test')]: { x: 5, y: 6, zoom: 1e-300 } });
    const page = await tab('tab-a', { storage });
    expect(page.state().viewport).toEqual({ x: 5, y: 6, zoom: 0.05 });
    expect(page.notice(REPAIRS_ID)?.details?.join()).toMatch(/zoom/);
  });
});

describe('the current record', () => {
  it('that is not a map id is ignored with a warning', async () => {
    const storage = fakeStorage({ [CURRENT_KEY]: 42, [mapKey('map-test')]: record(makeMap()) });
    const page = await tab('tab-a', { storage });
    expect(page.map().id).toBe('map-fallback');
    expect(page.notice(REPAIRS_ID)?.details).toEqual(['The record of which map was open last is not a map id; it was ignored.']);
  });
});

describe('trash records', () => {
  it('that cannot be read are not restored over the library', async () => {
    const storage = fakeStorage({ [trashKey('gone')]: { record: { rev: 2, map: { id: 'gone', name: 'Gone', nodes: 'x' } }, deletedAt: 1 } });
    const result = await restoreFromTrash(storage, validateStored, 'gone');
    expect(result).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(storage.data.has(mapKey('gone'))).toBe(false);
    expect(storage.data.has(trashKey('gone'))).toBe(true);
  });
});

describe('revisions', () => {
  it.each<[string, unknown, number | null]>([
    ['0', 0, 0],
    ['41', 41, 41],
    ['Infinity', Infinity, null],
    ['2**53', 2 ** 53, null],
    ['MAX_SAFE_INTEGER (its successor would not be exact)', Number.MAX_SAFE_INTEGER, null],
    ['"5"', '5', null],
    ['-1', -1, null],
    ['1.5', 1.5, null],
    ['NaN', NaN, null],
  ])('%s', (_what, value, expected) => {
    expect(validRev(value)).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['Infinity', Infinity],
    ['2**53', 2 ** 53],
    ['"5"', '5'],
  ])('a record with rev %s opens with a warning; the next save, with one tab open, asks nothing and writes a safe revision', async (_what, rev) => {
    const storage = fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: record(makeMap(), { rev }) });
    const page = await tab('tab-a', { storage });
    expect(page.map()).toEqual(makeMap());
    expect(page.notice(REPAIRS_ID)?.details?.join()).toMatch(/revision number/);
    page.actions.renameMap('Saved once');
    await advance(400);
    expect(page.notice(OTHER_TAB_ID)).toBeUndefined();
    expect(stored(storage)).toMatchObject({ map: { name: 'Saved once' }, savedBy: 'tab-a' });
    expect(validRev(stored(storage)?.rev)).not.toBeNull();
  });

  it.each<[string, unknown]>([
    ['Infinity', Infinity],
    ['2**53', 2 ** 53],
  ])('a record with rev %s does not hide another tab’s save: the idle tab follows it, a tab with edits asks', async (_what, rev) => {
    const storage = fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: record(makeMap(), { rev }) });
    const bus = channelBus();
    const a = await tab('tab-a', { storage, bus });
    const b = await tab('tab-b', { storage, bus });
    b.actions.renameMap('Saved by B');
    await b.persistence.flush();
    await settle();
    expect(a.map().name).toBe('Saved by B');

    // Without the channel, the revision check at save time still notices.
    const c = await tab('tab-c', { storage, bus: null });
    c.actions.renameMap('Edited in C');
    a.actions.renameMap('Saved by A');
    await a.persistence.flush();
    await c.persistence.flush();
    expect(stored(storage)?.map.name).toBe('Saved by A');
    expect(c.notice(OTHER_TAB_ID)).toBeDefined();
  });

  it('messages from other tabs with revisions that are not safe integers are ignored', async () => {
    const storage = fakeStorage({ [CURRENT_KEY]: 'map-test', [mapKey('map-test')]: record(makeMap()) });
    const bus = channelBus();
    const page = await tab('tab-a', { storage, bus });
    const stray = bus.open();
    for (const rev of [Infinity, 2 ** 53, '9', 4.5, -7]) stray.postMessage({ type: 'saved', mapId: 'map-test', rev, tabId: 'tab-x' });
    await settle();
    expect(page.state().notices).toEqual([]);
  });
});
