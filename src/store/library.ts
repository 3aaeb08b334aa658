/**
 * The map library: every map saved in this browser, listed from small summaries. The open map is always
 * one of them (persistence saves it). Deleting moves a map to the trash so it can be restored.
 */
import type { JourneyMap } from '../domain/types';
import { freshId } from '../domain/ids';
import type { Viewport } from './editorStore';
import { mapKey, metaKey, storedRecord, summarise, trashKey, validViewport, viewportKey, type MapSummary, type StoredMap } from './keys';
import type { ValidateStored } from './persistence';
import type { KeyValueStorage } from './storage';

export type { MapSummary };

interface TrashedMap {
  record: StoredMap;
  viewport?: unknown;
  deletedAt: number;
}

export async function listMaps(storage: KeyValueStorage): Promise<MapSummary[]> {
  const keys = await storage.keys();
  const ids = new Set(keys.filter((k) => k.startsWith('map:')).map((k) => k.slice(4)));
  const summaries: MapSummary[] = [];
  for (const id of ids) {
    let meta = await storage.get<MapSummary>(metaKey(id));
    if (!meta || typeof meta.name !== 'string') {
      // Saved before summaries existed (or the summary was lost): read the record once and write one.
      const record = await storage.get<StoredMap>(mapKey(id));
      if (!record?.map || typeof record.map.name !== 'string' || !Array.isArray(record.map.nodes)) continue;
      meta = summarise(record.map, record.savedAt ?? 0);
      await storage.set(metaKey(id), meta).catch(() => {});
    }
    summaries.push(meta);
  }
  return summaries.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}

export type ReadResult = { ok: true; map: JourneyMap; rev: number; viewport: Viewport | null } | { ok: false; problems: string[] };

export async function readMap(storage: KeyValueStorage, validate: ValidateStored, id: string): Promise<ReadResult> {
  const record = await storage.get<Partial<StoredMap>>(mapKey(id));
  if (!record) return { ok: false, problems: ['this map is no longer saved in this browser'] };
  const result = validate(record);
  if (!result.ok) return result;
  const viewport = validViewport(await storage.get<unknown>(viewportKey(id)));
  return { ok: true, map: result.map, rev: typeof record.rev === 'number' ? record.rev : 0, viewport };
}

/** Stores a map that is not yet in the library (import, template, duplicate), under a fresh id if needed. */
export async function addToLibrary(storage: KeyValueStorage, map: JourneyMap, tabId = 'library'): Promise<JourneyMap> {
  const taken = new Set((await storage.keys()).filter((k) => k.startsWith('map:') || k.startsWith('trash:')).map((k) => k.slice(k.indexOf(':') + 1)));
  const stored = taken.has(map.id) ? { ...map, id: freshId('map', taken) } : map;
  const now = Date.now();
  await storage.set(mapKey(stored.id), storedRecord(stored, 1, tabId, now));
  await storage.set(metaKey(stored.id), summarise(stored, now));
  return stored;
}

/** A name not yet used in the library: "Online store", "Online store (2)", … */
export function uniqueName(name: string, existing: readonly MapSummary[]): string {
  const names = new Set(existing.map((m) => m.name));
  if (!names.has(name)) return name;
  const base = name.replace(/ \(\d+\)$/, '');
  for (let i = 2; ; i++) if (!names.has(`${base} (${i})`)) return `${base} (${i})`;
}

export async function renameStored(storage: KeyValueStorage, id: string, name: string): Promise<void> {
  const now = Date.now();
  let renamed: JourneyMap | undefined;
  await storage.update<StoredMap>(mapKey(id), (old) => {
    if (!old) throw new Error('This map is no longer saved in this browser');
    renamed = { ...old.map, name };
    return { ...old, map: renamed, rev: old.rev + 1, savedAt: now };
  });
  if (renamed) await storage.set(metaKey(id), summarise(renamed, now));
}

/** Moves a map to the trash (restorable with restoreFromTrash). */
export async function trashMap(storage: KeyValueStorage, id: string): Promise<void> {
  const record = await storage.get<StoredMap>(mapKey(id));
  if (!record) return;
  const viewport = await storage.get<unknown>(viewportKey(id));
  await storage.set(trashKey(id), { record, viewport, deletedAt: Date.now() } satisfies TrashedMap);
  await storage.del(mapKey(id));
  await storage.del(metaKey(id));
  await storage.del(viewportKey(id));
}

export async function restoreFromTrash(storage: KeyValueStorage, id: string): Promise<void> {
  const trashed = await storage.get<TrashedMap>(trashKey(id));
  if (!trashed) return;
  await storage.set(mapKey(id), trashed.record);
  await storage.set(metaKey(id), summarise(trashed.record.map, trashed.record.savedAt));
  if (trashed.viewport !== undefined) await storage.set(viewportKey(id), trashed.viewport);
  await storage.del(trashKey(id));
}
