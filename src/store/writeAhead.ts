/**
 * The write-ahead copy: every committed change of the open map is also written synchronously to
 * localStorage, because an IndexedDB write started when the page goes (reload, tab closed) does not finish.
 * A copy is a stored record (format, version, map, rev, savedAt, savedBy) plus its map id; `rev` is the
 * revision the next save will carry and `savedBy` the tab, so start-up reconciles it with what IndexedDB
 * holds by revision, as a save would. Each tab writes its own key per map; the copy is removed once
 * IndexedDB holds the same map.
 */
import type { JourneyMap } from '../domain/types';
import { storedRecord, validMapId, validRev, validTime } from './keys';

/** The part of localStorage the copy needs (synchronous by design). */
export interface SyncStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

const PREFIX = 'journey-designer:unsaved:';

/** A copy bigger than this is not written (localStorage holds about 5 MB per site, shared by all tabs). */
export const MAX_WRITE_AHEAD_CHARS = 2_000_000;

export interface WriteAheadCopy {
  key: string;
  mapId: string;
  rev: number;
  savedAt: number;
  savedBy: string;
  /** The stored record, for the importer (validateStored). */
  record: unknown;
}

export type WriteAheadProblem = { kind: 'too-big'; chars: number } | { kind: 'failed'; error: unknown };

export interface WriteAhead {
  /** Writes the tab's copy of `map`; false when it was not written (too big, storage refused). */
  write(map: JourneyMap, rev: number): boolean;
  /** Removes this tab's copy of a map. */
  clear(mapId: string): void;
  remove(key: string): void;
  /** Every readable copy (of every tab), newest first, and the keys of unreadable ones. */
  copies(): { copies: WriteAheadCopy[]; unreadable: string[] };
}

export function createWriteAhead(sync: SyncStorage | null, tabId: string, onProblem: (problem: WriteAheadProblem) => void): WriteAhead {
  const keyOf = (mapId: string) => `${PREFIX}${tabId}:${mapId}`;
  const attempt = (action: () => void) => {
    try {
      action();
    } catch {
      /* localStorage can refuse anything (disabled, full): the copy is a second line, IndexedDB the first */
    }
  };
  return {
    write(map, rev) {
      if (!sync) return false;
      const key = keyOf(map.id);
      try {
        const text = JSON.stringify({ mapId: map.id, ...storedRecord(map, rev, tabId) });
        if (text.length > MAX_WRITE_AHEAD_CHARS) {
          // An older copy must not outlive the change it no longer matches.
          attempt(() => sync.removeItem(key));
          onProblem({ kind: 'too-big', chars: text.length });
          return false;
        }
        sync.setItem(key, text);
        return true;
      } catch (error) {
        attempt(() => sync.removeItem(key));
        onProblem({ kind: 'failed', error });
        return false;
      }
    },
    clear(mapId) {
      if (sync) attempt(() => sync.removeItem(keyOf(mapId)));
    },
    remove(key) {
      if (sync) attempt(() => sync.removeItem(key));
    },
    copies() {
      const copies: WriteAheadCopy[] = [];
      const unreadable: string[] = [];
      if (!sync) return { copies, unreadable };
      let keys: string[] = [];
      try {
        keys = Array.from({ length: sync.length }, (_, i) => sync.key(i)).filter((k): k is string => k !== null && k.startsWith(PREFIX));
      } catch {
        return { copies, unreadable };
      }
      for (const key of keys) {
        let copy: WriteAheadCopy | null = null;
        try {
          copy = parseCopy(key, sync.getItem(key));
        } catch {
          copy = null;
        }
        if (copy) copies.push(copy);
        else unreadable.push(key);
      }
      copies.sort((a, b) => b.savedAt - a.savedAt || b.rev - a.rev);
      return { copies, unreadable };
    },
  };
}

function parseCopy(key: string, text: string | null): WriteAheadCopy | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object') return null;
  const { mapId, rev, savedAt, savedBy, map } = value as Record<string, unknown>;
  const id = validMapId(mapId);
  const revision = validRev(rev);
  const time = validTime(savedAt);
  if (id === null || revision === null || revision < 1 || time === null || typeof savedBy !== 'string') return null;
  if (map === null || typeof map !== 'object' || (map as { id?: unknown }).id !== id) return null;
  return { key, mapId: id, rev: revision, savedAt: time, savedBy, record: value };
}
