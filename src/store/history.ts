import type { JourneyMap } from '../domain';

/**
 * Undo history of the document. Immer's structural sharing makes a snapshot of the map cheap (unchanged
 * nodes are shared between snapshots), so each undoable edit records the map as it was before.
 */
export const HISTORY_LIMIT = 200;

export interface History {
  past: JourneyMap[];
  future: JourneyMap[];
  /**
   * The open merge: the last step was recorded with this key, and edits recorded with the same key join it
   * (arrow-key nudges while one key is held) until closeMerge() or any other step, undo or redo.
   */
  merging?: string;
}

export const emptyHistory = (): History => ({ past: [], future: [] });

/**
 * Records `before` as a new step, or, when `mergeKey` is the open merge's key, folds the edit into the last
 * step (which keeps the map as it was before the first of the merged edits).
 */
export function record(history: History, before: JourneyMap, mergeKey?: string): History {
  if (mergeKey !== undefined && history.merging === mergeKey && history.past.length > 0) {
    return { past: history.past, future: [], merging: mergeKey };
  }
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1) : history.past.slice();
  past.push(before);
  return mergeKey === undefined ? { past, future: [] } : { past, future: [], merging: mergeKey };
}

/** Ends the open merge: the next edit is a step of its own. */
export function closeMerge(history: History): History {
  if (history.merging === undefined) return history;
  return { past: history.past, future: history.future };
}

export function undo(history: History, current: JourneyMap): { history: History; map: JourneyMap } | undefined {
  const map = history.past[history.past.length - 1];
  if (!map) return undefined;
  return { map, history: { past: history.past.slice(0, -1), future: [...history.future, current] } };
}

export function redo(history: History, current: JourneyMap): { history: History; map: JourneyMap } | undefined {
  const map = history.future[history.future.length - 1];
  if (!map) return undefined;
  return { map, history: { past: [...history.past, current], future: history.future.slice(0, -1) } };
}
