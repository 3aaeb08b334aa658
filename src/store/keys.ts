/** What lives where in storage. One record per map, plus a small summary for the library list. */
import type { JourneyMap } from '../domain/types';
import { FORMAT_NAME, FORMAT_VERSION, MAX_ID_LENGTH } from '../format/constants';

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
  /** Set when the stored map could not be read: why (the library offers to set it aside). */
  problems?: string[];
}

export function summarise(map: JourneyMap, updatedAt: number): MapSummary {
  return { id: map.id, name: map.name, updatedAt, nodeCount: map.nodes.length };
}

export { validViewport } from './viewport';

// Every stored field is checked on read like a file's: a bad value is repaired or ignored, never trusted.

/** Largest revision a record may carry, so that the next one (rev + 1) is still an exact integer. */
export const MAX_REV = Number.MAX_SAFE_INTEGER - 1;

/** A revision: a safe whole number from 0 to MAX_REV (not Infinity, not 2**53, not the string "5"). */
export function validRev(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_REV ? value : null;
}

/** A time in ms that a Date can show (0 to 8.64e15), or null. */
export function validTime(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 8.64e15 ? value : null;
}

/** The `current` record: a map id, or null. */
export function validMapId(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH ? value : null;
}

/** The revision fields of a stored record, repaired where they are bad, with what was wrong. */
export interface RecordRevision {
  rev: number;
  savedAt: number;
  savedBy: string;
  problems: string[];
}

export function recordRevision(record: unknown): RecordRevision {
  const rec = (record !== null && typeof record === 'object' ? record : {}) as Partial<Record<'rev' | 'savedAt' | 'savedBy', unknown>>;
  const problems: string[] = [];
  const rev = validRev(rec.rev);
  // Records of the first releases may lack a revision: that is 0, not a problem.
  if (rev === null && rec.rev !== undefined) problems.push(`its revision number (${describeValue(rec.rev)}) is not a whole number from 0 to ${MAX_REV}`);
  const savedAt = validTime(rec.savedAt);
  if (savedAt === null && rec.savedAt !== undefined) problems.push(`its save time (${describeValue(rec.savedAt)}) is not a time`);
  return { rev: rev ?? 0, savedAt: savedAt ?? 0, savedBy: typeof rec.savedBy === 'string' ? rec.savedBy : '', problems };
}

/** A library summary as stored, or null when it is not one (then it is rebuilt from the map). */
export function validSummary(value: unknown, id: string): MapSummary | null {
  if (value === null || typeof value !== 'object') return null;
  const { id: storedId, name, updatedAt, nodeCount } = value as Partial<Record<keyof MapSummary, unknown>>;
  if (storedId !== id || typeof name !== 'string' || validTime(updatedAt) === null) return null;
  if (typeof nodeCount !== 'number' || !Number.isSafeInteger(nodeCount) || nodeCount < 0) return null;
  return { id, name, updatedAt: updatedAt as number, nodeCount };
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeof value;
}

/**
 * Whether two maps (or any JSON-like values) have the same content, whatever their key order: used to tell
 * another tab's save of the very same edit from a real conflict.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameContent(item, other[i]));
  }
  const left = Object.entries(a).filter(([, v]) => v !== undefined);
  const right = b as Record<string, unknown>;
  const rightCount = Object.values(right).filter((v) => v !== undefined).length;
  return left.length === rightCount && left.every(([k, v]) => Object.hasOwn(right, k) && sameContent(v, right[k]));
}
