/**
 * The map library: every map saved in this browser, listed from small summaries. The open map is always
 * one of them (persistence saves it). Deleting moves a map to the trash so it can be restored.
 *
 * Library changes are revisions like saves: a rename or a restore writes the next revision under the acting
 * tab's id, a delete removes only the revision it moved to the trash, and a restore never overwrites a map
 * saved again since — so a tab with the map open notices, as it notices another tab's save.
 */
import type { JourneyMap } from '../domain/types';
import { freshId } from '../domain/ids';
import type { Viewport } from './editorStore';
import {
  mapKey,
  metaKey,
  quarantineKey,
  recordRevision,
  storedRecord,
  summarise,
  trashKey,
  validSummary,
  viewportKey,
  type MapSummary,
  type StoredMap,
} from './keys';
import type { ValidateStored } from './persistence';
import type { KeyValueStorage } from './storage';
import { readViewport } from './viewport';

export type { MapSummary };

export interface TrashedMap {
  record: StoredMap;
  viewport?: unknown;
  deletedAt: number;
}

/** Where repaired or ignored records are reported (the library shows them as one warning). */
export type ReportRepair = (message: string) => void;

/** The name a stored record gives its map, even when the record cannot be read as a whole. */
function storedName(record: unknown, id: string): string {
  const name = (record as { map?: { name?: unknown } } | undefined)?.map?.name;
  return typeof name === 'string' && name.trim() !== '' ? name : id;
}

/**
 * Lists the library from the summaries. A missing or damaged summary is rebuilt from its map (read through the
 * importer); a map that cannot be read is listed with its problems instead of being left out.
 */
export async function listMaps(storage: KeyValueStorage, validate: ValidateStored, report: ReportRepair = () => {}): Promise<MapSummary[]> {
  const keys = await storage.keys();
  const ids = new Set(keys.filter((k) => k.startsWith('map:')).map((k) => k.slice(4)));
  const summaries: MapSummary[] = [];
  for (const id of ids) {
    const storedMeta = await storage.get<unknown>(metaKey(id));
    let meta = validSummary(storedMeta, id);
    if (!meta) {
      const record = await storage.get<unknown>(mapKey(id));
      const read = validate(record);
      if (!read.ok) {
        summaries.push({ id, name: storedName(record, id), updatedAt: 0, nodeCount: 0, problems: read.problems });
        continue;
      }
      meta = summarise(read.map, recordRevision(record).savedAt);
      // Saved before summaries existed (no summary) is normal; a summary that is there but wrong is reported.
      if (storedMeta !== undefined) report(`The library entry of “${read.map.name}” was damaged; it was rebuilt from the map.`);
      await storage.set(metaKey(id), meta).catch(() => {});
    }
    summaries.push(meta);
  }
  const unreadable = (m: MapSummary) => (m.problems ? 1 : 0);
  return summaries.sort((a, b) => unreadable(a) - unreadable(b) || b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}

export type ReadResult =
  | { ok: true; map: JourneyMap; rev: number; savedBy: string; viewport: Viewport | null; repairs: string[] }
  | { ok: false; problems: string[] };

export async function readMap(storage: KeyValueStorage, validate: ValidateStored, id: string): Promise<ReadResult> {
  const record = await storage.get<unknown>(mapKey(id));
  if (record === undefined) return { ok: false, problems: ['this map is no longer saved in this browser'] };
  const result = validate(record);
  if (!result.ok) return result;
  const revision = recordRevision(record);
  const view = readViewport(await storage.get<unknown>(viewportKey(id)));
  const repairs = [...revision.problems, ...(view.problem ? [view.problem] : [])].map((p) => `The saved map “${result.map.name}”: ${p}.`);
  return { ok: true, map: result.map, rev: revision.rev, savedBy: revision.savedBy, viewport: view.viewport, repairs };
}

/** Stores a map that is not yet in the library (import, template, duplicate), under a fresh id if needed. */
export async function addToLibrary(storage: KeyValueStorage, map: JourneyMap, tabId = 'library'): Promise<JourneyMap> {
  const taken = new Set((await storage.keys()).filter((k) => k.startsWith('map:') || k.startsWith('trash:')).map((k) => k.slice(k.indexOf(':') + 1)));
  let stored = taken.has(map.id) ? { ...map, id: freshId('map', taken) } : map;
  const now = Date.now();
  // Written only where nothing is stored yet: another tab may have taken the id since the keys were read.
  for (let attempt = 0; ; attempt++) {
    let occupied = false;
    const candidate = stored;
    await storage.update<unknown>(mapKey(candidate.id), (old) => {
      occupied = old !== undefined;
      return occupied ? old : storedRecord(candidate, 1, tabId, now);
    });
    if (!occupied) break;
    if (attempt >= 3) throw new Error('No free id was found for the new map');
    taken.add(candidate.id);
    stored = { ...map, id: freshId('map', taken) };
  }
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

/** Renames a stored map as the next revision, by `tabId`. Returns that revision. */
export async function renameStored(storage: KeyValueStorage, id: string, name: string, tabId = 'library'): Promise<number> {
  const now = Date.now();
  let renamed: JourneyMap | undefined;
  let rev = 0;
  await storage.update<StoredMap>(mapKey(id), (old) => {
    if (!old || typeof old.map !== 'object' || old.map === null) throw new Error('This map is no longer saved in this browser');
    renamed = { ...old.map, name };
    rev = recordRevision(old).rev + 1;
    return { ...old, map: renamed, rev, savedAt: now, savedBy: tabId };
  });
  if (renamed) await storage.set(metaKey(id), summarise(renamed, now));
  return rev;
}

/**
 * Moves a map to the trash (restorable with restoreFromTrash). The stored map is removed only if it is still
 * the revision copied to the trash, so a save landing meanwhile is trashed too, never lost. Returns false when
 * nothing was stored under the id.
 */
export async function trashMap(storage: KeyValueStorage, id: string): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const record = await storage.get<StoredMap>(mapKey(id));
    if (record === undefined) return false;
    const viewport = await storage.get<unknown>(viewportKey(id));
    await storage.set(trashKey(id), { record, viewport, deletedAt: Date.now() } satisfies TrashedMap);
    const trashed = recordRevision(record);
    let removed = false;
    await storage.update<unknown>(mapKey(id), (old) => {
      const now = recordRevision(old);
      removed = old !== undefined && now.rev === trashed.rev && now.savedBy === trashed.savedBy && now.savedAt === trashed.savedAt;
      return removed ? undefined : old;
    });
    if (removed) {
      await storage.del(metaKey(id));
      await storage.del(viewportKey(id));
      return true;
    }
  }
  throw new Error('The map kept changing in another tab while it was being deleted; try again');
}

export type RestoreResult =
  | { ok: true; map: JourneyMap; rev: number }
  | { ok: false; reason: 'gone' | 'saved-again' | 'unreadable'; problems: string[] };

/**
 * Puts a trashed map back as the next revision, by `tabId`. A map saved again under the same id since it was
 * deleted is newer than the trash copy: it is kept, and the trash copy stays in the trash.
 */
export async function restoreFromTrash(storage: KeyValueStorage, validate: ValidateStored, id: string, tabId = 'library'): Promise<RestoreResult> {
  const trashed = await storage.get<Partial<TrashedMap>>(trashKey(id));
  if (trashed === undefined || trashed === null || typeof trashed !== 'object') return { ok: false, reason: 'gone', problems: ['the deleted map is no longer in the trash'] };
  const read = validate(trashed.record);
  if (!read.ok) return { ok: false, reason: 'unreadable', problems: read.problems };
  const rev = recordRevision(trashed.record).rev + 1;
  const now = Date.now();
  let savedAgain = false;
  await storage.update<unknown>(mapKey(id), (old) => {
    savedAgain = old !== undefined;
    return savedAgain ? old : { ...(trashed.record as StoredMap), rev, savedAt: now, savedBy: tabId };
  });
  if (savedAgain) return { ok: false, reason: 'saved-again', problems: ['the map was saved again in another tab after it was deleted; that newer version was kept'] };
  await storage.set(metaKey(id), summarise(read.map, now));
  const view = readViewport(trashed.viewport);
  if (view.viewport) await storage.set(viewportKey(id), view.viewport);
  await storage.del(trashKey(id));
  return { ok: true, map: read.map, rev };
}

/** Moves a stored map that cannot be read out of the library, unchanged, to a quarantine key. Returns that key. */
export async function quarantineStored(storage: KeyValueStorage, id: string): Promise<string | null> {
  const record = await storage.get<unknown>(mapKey(id));
  if (record === undefined) return null;
  const key = quarantineKey(id, Date.now());
  await storage.set(key, record);
  await storage.del(mapKey(id));
  await storage.del(metaKey(id));
  await storage.del(viewportKey(id));
  return key;
}
