/**
 * The emotion curve lane: where each touchpoint's emotion (−2…+2) sits in a lane under the cards, the smooth
 * line through them, and the lowest points ("moments of truth" candidates). Pure data in flow coordinates,
 * read by the canvas lane and by the image export; no React, no DOM.
 *
 * Decisions:
 * - The lane lies below the lowest card or sticky note (a card's height estimated, LANE_GAP clear of it), so
 *   it never covers a card; it spans the stage bands' width (wider only when a point lies outside them).
 * - A point's x is its card's centre, ordered by stage, then x, then y. Cards stacked in one column (centres
 *   within half a card of each other, same stage) are spread a little across the card's width, top card
 *   first, so the curve stays a function of x and each point stays under its own card. x always increases.
 * - When several curves are drawn (one per persona), the x of a touchpoint is the same on all of them.
 * - Moments of truth: the touchpoints at the curve's minimum (all of them on a tie), and only when that
 *   minimum is below 0: a journey that never dips has no make-or-break low point.
 * - The line is a monotone cubic (Fritsch–Carlson): it never swings above or below its neighbouring points,
 *   so it stays within −2…+2 and shows no dip or peak the data does not have.
 */
import { bandsRight, GRID, LANE_CARD_HEIGHT, LANE_GAP, LANE_HEIGHT as LANE_HEIGHT_PLANNED, NODE_WIDTH, stageAtX, stageBands } from '../domain/layout';
import { personaView } from '../domain/personaView';
import type { Emotion, JourneyMap, JourneyNode } from '../domain/types';

/** What the lane reads from a map (nothing else, so the canvas can subscribe to just these). */
export type LaneMap = Pick<JourneyMap, 'nodes' | 'stages' | 'personas' | 'notes'>;

/** Cards are measured only in the browser; the tallest usual touchpoint card (name, chip, scores, friction). */
export const CARD_HEIGHT_ESTIMATE = LANE_CARD_HEIGHT;
/** Room between the lowest card and the lane. */
export { LANE_GAP };
/** The lane's title row, above the plot. */
export const LANE_HEADER = 50;
/** Height of one emotion step in the plot (four steps from −2 to +2). */
export const LANE_STEP = 32;
/** Below the plot: room for the "Moment of truth" captions under the lowest points. */
export const LANE_FOOTER = 38;
export const LANE_HEIGHT = LANE_HEADER + 4 * LANE_STEP + LANE_FOOTER;
if (LANE_HEIGHT !== LANE_HEIGHT_PLANNED) throw new Error('domain/layout LANE_HEIGHT must equal the lane drawn here');
/** Space kept around points that lie outside the stage bands. */
const SIDE_ROOM = 60;
/** Cards in one column are spread this far apart at most, and over this span at most (within a card's width). */
const COLUMN_STEP = 48;
const COLUMN_SPAN = NODE_WIDTH - 40;
/** Points never sit closer than this to the edge of their band, nor to each other along x. */
const BAND_INSET = 12;
const MIN_DX = 6;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CurvePoint {
  node: string;
  label: string;
  emotion: Emotion;
  x: number;
  y: number;
  momentOfTruth: boolean;
}

export interface EmotionCurve {
  /** The persona whose curve this is; null for the map's own values. */
  persona: string | null;
  name: string;
  colour?: string;
  points: CurvePoint[];
  /** SVG path data through the points, in flow coordinates ('' for no point, a lone move for one). */
  path: string;
  /** The lowest emotion on the curve, or null without points. */
  lowest: Emotion | null;
}

export interface EmotionLane {
  /** The lane's box in flow coordinates. */
  box: Rect;
  /** y of emotion +2 and of −2 (the plot's top and bottom). */
  plotTop: number;
  plotBottom: number;
  /** One curve (the map's, or the chosen persona's), or every persona's when comparing. */
  curves: EmotionCurve[];
  /** True when the curves are the personas' drawn together ("All customers" with personas). */
  comparing: boolean;
}

/** y of an emotion in a lane whose plot starts at `plotTop`. */
export const emotionY = (plotTop: number, emotion: number): number => plotTop + (2 - emotion) * LANE_STEP;

/** Top of the lane: below the lowest card or note, on the grid. */
export function laneTop(map: Pick<JourneyMap, 'nodes' | 'notes'>): number {
  let bottom = 0;
  for (const n of map.nodes) bottom = Math.max(bottom, n.position.y + CARD_HEIGHT_ESTIMATE);
  for (const n of map.notes) bottom = Math.max(bottom, n.position.y + CARD_HEIGHT_ESTIMATE);
  return Math.ceil((bottom + LANE_GAP) / GRID) * GRID;
}

interface Placed {
  node: JourneyNode;
  stage: number;
  x: number;
}

/** The stage index a touchpoint is ordered by: its stage, else the band its centre is in, else before or after all. */
function stageIndex(map: LaneMap, node: JourneyNode, centre: number): number {
  const own = node.stage === undefined ? -1 : map.stages.findIndex((s) => s.id === node.stage);
  if (own >= 0) return own;
  const at = stageAtX(map, centre);
  if (at !== undefined) return map.stages.findIndex((s) => s.id === at);
  return centre < 0 ? -1 : map.stages.length;
}

/** x of every given touchpoint, in curve order (see the module comment). */
export function curveColumns(map: LaneMap, nodes: readonly JourneyNode[]): { node: JourneyNode; x: number }[] {
  const bands = stageBands(map);
  const placed: Placed[] = nodes.map((node) => {
    const centre = node.position.x + NODE_WIDTH / 2;
    const stage = stageIndex(map, node, centre);
    const band = bands[stage];
    // A file may name a stage its card is not in: the point goes to the stage's band all the same.
    const x = band ? clamp(centre, band.x + Math.min(BAND_INSET, band.width / 2), band.x + band.width - Math.min(BAND_INSET, band.width / 2)) : centre;
    return { node, stage, x };
  });
  placed.sort((a, b) => a.stage - b.stage || a.x - b.x || a.node.position.y - b.node.position.y || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));

  const xs = placed.map((p) => p.x);
  for (let start = 0; start < placed.length; ) {
    let end = start + 1;
    while (end < placed.length && placed[end].stage === placed[start].stage && placed[end].x - placed[start].x <= NODE_WIDTH / 2) end++;
    const k = end - start;
    if (k > 1) {
      let mean = 0;
      for (let i = start; i < end; i++) mean += placed[i].x;
      mean /= k;
      const step = Math.min(COLUMN_STEP, COLUMN_SPAN / (k - 1));
      let first = mean - ((k - 1) / 2) * step;
      const band = bands[placed[start].stage];
      if (band) {
        // Keep the spread column inside its band.
        const last = first + (k - 1) * step;
        const lo = band.x + BAND_INSET;
        const hi = band.x + band.width - BAND_INSET;
        if (last - first <= hi - lo) first = clamp(first, lo, hi - (last - first));
      }
      for (let i = start; i < end; i++) xs[i] = first + (i - start) * step;
    }
    start = end;
  }
  for (let i = 1; i < xs.length; i++) if (xs[i] < xs[i - 1] + MIN_DX) xs[i] = xs[i - 1] + MIN_DX;
  return placed.map((p, i) => ({ node: p.node, x: xs[i] }));
}

/**
 * The lane for a map: the chosen persona's curve, or with none chosen every persona's (or, without personas,
 * the map's own). Null when the map has no touchpoint to plot.
 */
export function emotionLane(map: LaneMap, persona: string | null): EmotionLane | null {
  if (!map.nodes.some((n) => n.kind === 'touchpoint')) return null;
  const chosen = persona === null ? undefined : map.personas.find((p) => p.id === persona);
  const comparing = !chosen && map.personas.length > 0;
  const whole: JourneyMap = { id: '', name: '', description: '', channels: [], edges: [], opportunities: [], scenarios: [], ...map };
  const views = chosen
    ? [{ persona: chosen.id, name: chosen.name, colour: chosen.colour, nodes: personaView(whole, chosen.id).nodes }]
    : comparing
      ? map.personas.map((p) => ({ persona: p.id, name: p.name, colour: p.colour, nodes: personaView(whole, p.id).nodes }))
      : [{ persona: null, name: 'All customers', colour: undefined, nodes: map.nodes }];

  // The touchpoints with an emotion on any curve, placed once so that all curves share their x.
  const plotted = new Set<string>();
  for (const view of views) for (const n of view.nodes) if (n.kind === 'touchpoint' && n.emotion !== undefined) plotted.add(n.id);
  const columns = curveColumns(
    map,
    map.nodes.filter((n) => plotted.has(n.id)),
  );

  const top = laneTop(map);
  const plotTop = top + LANE_HEADER;
  const curves = views.map((view): EmotionCurve => {
    const emotions = new Map<string, Emotion>();
    for (const n of view.nodes) if (n.kind === 'touchpoint' && n.emotion !== undefined) emotions.set(n.id, n.emotion);
    const points: CurvePoint[] = [];
    for (const { node, x } of columns) {
      const emotion = emotions.get(node.id);
      if (emotion !== undefined) points.push({ node: node.id, label: node.label, emotion, x, y: emotionY(plotTop, emotion), momentOfTruth: false });
    }
    const lowest = points.length === 0 ? null : (Math.min(...points.map((p) => p.emotion)) as Emotion);
    if (lowest !== null && lowest < 0) for (const p of points) p.momentOfTruth = p.emotion === lowest;
    return { persona: view.persona, name: view.name, ...(view.colour ? { colour: view.colour } : {}), points, path: monotonePath(points), lowest };
  });

  let left = 0;
  let right = Math.max(bandsRight(map), NODE_WIDTH);
  for (const { x } of columns) {
    left = Math.min(left, x - SIDE_ROOM);
    right = Math.max(right, x + SIDE_ROOM);
  }
  return { box: { x: left, y: top, width: right - left, height: LANE_HEIGHT }, plotTop, plotBottom: emotionY(plotTop, -2), curves, comparing };
}

/**
 * A smooth path through points with increasing x: a monotone cubic Hermite spline (Fritsch–Carlson) written
 * as cubic Béziers. Between two points it stays between their y values, so it never overshoots.
 */
export function monotonePath(points: readonly { x: number; y: number }[]): string {
  const n = points.length;
  if (n === 0) return '';
  if (n === 1) return `M${num(points[0].x)},${num(points[0].y)}`;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) slopes.push((points[i + 1].y - points[i].y) / (points[i + 1].x - points[i].x));
  const tangents = new Array<number>(n);
  tangents[0] = slopes[0];
  tangents[n - 1] = slopes[n - 2];
  for (let i = 1; i < n - 1; i++) tangents[i] = slopes[i - 1] * slopes[i] <= 0 ? 0 : (slopes[i - 1] + slopes[i]) / 2;
  for (let i = 0; i < n - 1; i++) {
    if (slopes[i] === 0) {
      tangents[i] = 0;
      tangents[i + 1] = 0;
      continue;
    }
    const a = tangents[i] / slopes[i];
    const b = tangents[i + 1] / slopes[i];
    const h = a * a + b * b;
    if (h > 9) {
      const t = 3 / Math.sqrt(h);
      tangents[i] = t * a * slopes[i];
      tangents[i + 1] = t * b * slopes[i];
    }
  }
  let d = `M${num(points[0].x)},${num(points[0].y)}`;
  for (let i = 0; i < n - 1; i++) {
    const p = points[i];
    const q = points[i + 1];
    const third = (q.x - p.x) / 3;
    d += `C${num(p.x + third)},${num(p.y + tangents[i] * third)} ${num(q.x - third)},${num(q.y - tangents[i + 1] * third)} ${num(q.x)},${num(q.y)}`;
  }
  return d;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
/** Two decimals are plenty for flow coordinates, and keep the path short. */
const num = (v: number): string => String(Math.round(v * 100) / 100);
