/** What lives where in storage. One record per map, plus a small summary for the library list. */
import type { JourneyMap } from '../domain/types';
import type { Viewport } from './editorStore';

export const CURRENT_KEY = 'current';
export const mapKey = (id: string) => `map:${id}`;
export const metaKey = (id: string) => `meta:${id}`;
export const viewportKey = (id: string) => `viewport:${id}`;
export const quarantineKey = (id: string, at: number) => `quarantine:${id}:${at}`;
export const trashKey = (id: string) => `trash:${id}`;

export interface StoredMap {
  map: JourneyMap;
  /** Incremented on every save; lets a tab see that another tab saved since it last read. */
  rev: number;
  savedAt: number;
  savedBy: string;
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
