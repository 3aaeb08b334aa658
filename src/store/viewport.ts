/**
 * The canvas's zoom range, in one place: the canvas passes it to React Flow (minZoom/maxZoom) and storage
 * clamps a restored viewport to it, so a stored zoom can never show an empty or unusable canvas.
 */
import { MAX_COORDINATE } from '../domain/edits';
import type { Viewport } from './editorStore';

export const ZOOM_LIMITS = { min: 0.05, max: 2.5 } as const;

/** How far a viewport may be panned: the farthest node position at the largest zoom, with a margin. */
const MAX_PAN = (MAX_COORDINATE + 100_000) * ZOOM_LIMITS.max;

/**
 * A stored viewport fit to show: the zoom clamped to ZOOM_LIMITS; null (the canvas then fits the journey)
 * when it is missing or not a viewport. `problem` says what was wrong with a stored one.
 */
export function readViewport(value: unknown): { viewport: Viewport | null; problem: string | null } {
  if (value === undefined) return { viewport: null, problem: null };
  const ignored = { viewport: null, problem: 'its saved view is not a view; the whole journey is shown instead' };
  if (value === null || typeof value !== 'object') return ignored;
  const { x, y, zoom } = value as Partial<Record<keyof Viewport, unknown>>;
  if (typeof x !== 'number' || typeof y !== 'number' || typeof zoom !== 'number') return ignored;
  if (![x, y, zoom].every(Number.isFinite) || zoom <= 0 || Math.abs(x) > MAX_PAN || Math.abs(y) > MAX_PAN) return ignored;
  const clamped = Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, zoom));
  return {
    viewport: { x, y, zoom: clamped },
    problem: clamped === zoom ? null : `its saved zoom (${zoom}) is outside ${ZOOM_LIMITS.min}–${ZOOM_LIMITS.max}; it was brought within`,
  };
}

/** A stored viewport fit to show, or null (see readViewport). */
export function validViewport(value: unknown): Viewport | null {
  return readViewport(value).viewport;
}
