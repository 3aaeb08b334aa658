import type { JourneyMap } from '../domain';

/**
 * Undo history of the document. Immer's structural sharing makes a snapshot of the map cheap (unchanged
 * nodes are shared between snapshots), so each undoable edit records the map as it was before.
 */
export const HISTORY_LIMIT = 200;

export interface History {
  past: JourneyMap[];
  future: JourneyMap[];
}

export const emptyHistory = (): History => ({ past: [], future: [] });

export function record(history: History, before: JourneyMap): History {
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1) : history.past.slice();
  past.push(before);
  return { past, future: [] };
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
