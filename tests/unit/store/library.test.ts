import { beforeEach, describe, expect, it } from 'vitest';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { addToLibrary, listMaps, readMap, renameStored, restoreFromTrash, trashMap, uniqueName } from '../../../src/store/library';
import { mapKey, metaKey, trashKey, viewportKey, type StoredMap } from '../../../src/store/keys';
import { editorActions, resetEditor, useEditor } from '../../../src/store/editorStore';
import { startPersistence } from '../../../src/store/persistence';
import { validateStored } from '../../../src/app/validateStored';
import { fakeStorage } from '../../support/persistenceFakes';

const sample = () => onlineStoreSample();

describe('map library storage', () => {
  it('adds a map with a summary, and gives it a fresh id when its id is taken', async () => {
    const storage = fakeStorage();
    const first = await addToLibrary(storage, sample());
    expect(first.id).toBe('sample-online-store');
    const second = await addToLibrary(storage, sample());
    expect(second.id).not.toBe(first.id);
    const maps = await listMaps(storage, validateStored);
    expect(maps.map((m) => m.id).sort()).toEqual([first.id, second.id].sort());
    expect(maps[0]).toMatchObject({ name: 'Online store', nodeCount: sample().nodes.length });
  });

  it('lists maps saved before summaries existed by reading their record once', async () => {
    const map = sample();
    const storage = fakeStorage({ [mapKey(map.id)]: { map, rev: 4, savedAt: 1000, savedBy: 't' } });
    expect(await listMaps(storage, validateStored)).toEqual([{ id: map.id, name: 'Online store', updatedAt: 1000, nodeCount: map.nodes.length }]);
    expect(storage.data.has(metaKey(map.id))).toBe(true);
  });

  it('lists the most recently edited first', async () => {
    const storage = fakeStorage({
      [metaKey('a')]: { id: 'a', name: 'Older', updatedAt: 1, nodeCount: 0 },
      [mapKey('a')]: {},
      [metaKey('b')]: { id: 'b', name: 'Newer', updatedAt: 2, nodeCount: 0 },
      [mapKey('b')]: {},
    });
    expect((await listMaps(storage, validateStored)).map((m) => m.name)).toEqual(['Newer', 'Older']);
  });

  it('reads a stored map through validation, with its viewport', async () => {
    const map = sample();
    const storage = fakeStorage({ [mapKey(map.id)]: { map, rev: 3, savedAt: 0, savedBy: 't' }, [viewportKey(map.id)]: { x: 1, y: 2, zoom: 0.5 } });
    const read = await readMap(storage, validateStored, map.id);
    expect(read).toMatchObject({ ok: true, rev: 3, viewport: { x: 1, y: 2, zoom: 0.5 } });
    storage.data.set(mapKey('bad'), { map: { ...map, nodes: [{ ...map.nodes[3], scores: { csat: 140 } }] }, rev: 1 });
    const bad = await readMap(storage, validateStored, 'bad');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join()).toContain('csat');
  });

  it('renames a stored map and its summary', async () => {
    const storage = fakeStorage();
    const stored = await addToLibrary(storage, sample());
    await renameStored(storage, stored.id, 'Web shop');
    expect((storage.data.get(mapKey(stored.id)) as { map: { name: string } }).map.name).toBe('Web shop');
    expect((await listMaps(storage, validateStored))[0].name).toBe('Web shop');
  });

  it('moves a deleted map to the trash and restores it unchanged, as the next revision', async () => {
    const storage = fakeStorage();
    const stored = await addToLibrary(storage, sample());
    await storage.set(viewportKey(stored.id), { x: 0, y: 0, zoom: 1 });
    const before = storage.data.get(mapKey(stored.id));
    await trashMap(storage, stored.id);
    expect(await listMaps(storage, validateStored)).toEqual([]);
    expect(storage.data.has(trashKey(stored.id))).toBe(true);
    expect(await restoreFromTrash(storage, validateStored, stored.id)).toMatchObject({ ok: true });
    // Restored as the next revision, so a tab that still has it open notices.
    const { rev, savedAt: _savedAt, ...rest } = storage.data.get(mapKey(stored.id)) as StoredMap;
    const { rev: beforeRev, savedAt: _before, ...beforeRest } = before as StoredMap;
    expect(rest).toEqual(beforeRest);
    expect(rev).toBe(beforeRev + 1);
    expect(storage.data.get(viewportKey(stored.id))).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(storage.data.has(trashKey(stored.id))).toBe(false);
  });

  it('makes names unique', () => {
    const existing = [{ id: '1', name: 'Online store', updatedAt: 0, nodeCount: 0 }, { id: '2', name: 'Online store (2)', updatedAt: 0, nodeCount: 0 }];
    expect(uniqueName('Telecom', existing)).toBe('Telecom');
    expect(uniqueName('Online store', existing)).toBe('Online store (3)');
    expect(uniqueName('Online store (2)', existing)).toBe('Online store (3)');
  });
});

describe('persistence.open', () => {
  beforeEach(() => resetEditor());

  it('saves the open map first, then opens a stored map without writing it again', async () => {
    const storage = fakeStorage();
    const persistence = startPersistence({ storage, validate: validateStored, fallback: sample, channel: null, debounceMs: 10_000, window: new EventTarget() as never });
    await persistence.ready;
    await persistence.flush();
    const firstId = useEditor.getState().map.id;
    editorActions.renameMap('Edited before switching');
    const other = await addToLibrary(storage, { ...sample(), id: 'other', name: 'Other map' });
    const writesBefore = storage.writes().length;
    await persistence.open(other, { rev: 1 });
    expect((storage.data.get(mapKey(firstId)) as { map: { name: string } }).map.name).toBe('Edited before switching');
    expect(useEditor.getState().map.name).toBe('Other map');
    expect(useEditor.getState().history.past).toHaveLength(0);
    await persistence.flush();
    const newWrites = storage.writes().slice(writesBefore).map(([, key]) => key);
    expect(newWrites).not.toContain(mapKey('other'));
    expect(storage.data.get('current')).toBe('other');
    persistence.stop();
  });
});
