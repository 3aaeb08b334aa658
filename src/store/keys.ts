/** What lives where in storage. One record per map, plus a small summary for the library list. */
import type { JourneyMap } from '../domain/types';
import { FORMAT_NAME, FORMAT_VERSION } from '../format/constants';
import type { Viewport } from './editorStore';

export const CURRENT_KEY = 'current';
export const mapKey = (id: string) => `map:${id}`;
export const metaKey = (id: string) => `meta:${id}`;
export const viewportKey = (id: string) => `viewport:${id}`;
export const quarantineKey = (id: string, at: number) => `quarantine:${id}:${at}`;
export const trashKey = (id: string) => `trash:${id}`;

/**
 * A stored map is a versioned document like a file: `format` and `version` say how to read `map` (the map's
 * fields without the envelope), and reading goes through the file importer and its migrations. Records
 * written before format version 2 have neither field: they are version 1.
 */
export interface StoredMap {
  format: typeof FORMAT_NAME;
  version: number;
  map: JourneyMap;
  /** Incremented on every save; lets a tab see that another tab saved since it last read. */
  rev: number;
  savedAt: number;
  savedBy: string;
}

export function storedRecord(map: JourneyMap, rev: number, savedBy: string, savedAt = Date.now()): StoredMap {
  return { format: FORMAT_NAME, version: FORMAT_VERSION, map, rev, savedAt, savedBy };
}

/** The record's map as a file document, for the importer: version 1 when the record predates versions. */
export function storedDocument(record: unknown): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const rec = record as Partial<Record<'format' | 'version' | 'map', unknown>>;
  const map = rec.map;
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return map;
  return { ...(map as Record<string, unknown>), format: rec.format ?? FORMAT_NAME, version: rec.version ?? 1 };
}

/** What the map library lists, without reading whole maps. */
export interface MapSummary {
  id: string;
  name: string;
  updatedAt: number;
  nodeCount: number;
}

export function summarise(map: JourneyMap, updatedAt: number): MapSummary {
  return { id: map.id, name: map.name, updatedAt, nodeCount: map.nodes.length };
}

/** A stored viewport, or null when what is stored is not one (it is a convenience, never worth a warning). */
export function validViewport(value: unknown): Viewport | null {
  const v = value as Partial<Viewport> | undefined;
  if (!v || typeof v !== 'object') return null;
  const ok = [v.x, v.y, v.zoom].every((n) => typeof n === 'number' && Number.isFinite(n)) && (v.zoom as number) > 0;
  return ok ? { x: v.x as number, y: v.y as number, zoom: v.zoom as number } : null;
}
