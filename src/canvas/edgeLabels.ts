/**
 * Where each edge label goes so that it hides behind no card and covers no other label. Pure: no React,
 * no DOM. Everything is in flow coordinates, so the placement holds at every pan and zoom and is only
 * recomputed when the map, a drag or a measured card size changes.
 *
 * Each label slides along its own edge (t = 0.5, 0.4, 0.6, 0.3, 0.7, …) until its box is free; when no point
 * on the curve is free it sits beside the curve, touching it, then a step further off; when nothing is free
 * it takes the candidate that overlaps least (a card counts four times a label). Boxes live in a uniform
 * grid, so a candidate is checked against its neighbours only.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The side of a card a handle sits on; the same strings as React Flow's `Position`. */
export type Side = 'left' | 'right' | 'top' | 'bottom';

/** A bezier edge as React Flow draws it: from the source handle to the target handle. */
export interface EdgeGeometry {
  sourceX: number;
  sourceY: number;
  sourcePosition: Side;
  targetX: number;
  targetY: number;
  targetPosition: Side;
}

export interface LabelRequest {
  id: string;
  geometry: EdgeGeometry;
  width: number;
  height: number;
}

/** The label's centre. */
export interface LabelPoint {
  x: number;
  y: number;
}

/** React Flow's default bezier curvature (getBezierPath). */
const CURVATURE = 0.25;
/** Labels keep this far from each other and from cards, so a size estimate a little off still never touches. */
const LABEL_CLEARANCE = 3;
const NODE_CLEARANCE = 6;
/** Points along the curve, nearest the middle first. */
const STEPS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9];
/** Off the curve, only its middle points count: a label far along a curve and off it reads as another edge's. */
const NEAR = 5;
/**
 * Where the label's box goes around a point of the curve, best first, as multiples of half its width and
 * height: centred on the curve (every step), then touching it above or below, beside it, at a corner, and
 * one label height further up or down (the near steps only).
 */
const SHIFTS: readonly (readonly [number, number])[][] = [
  [[0, 0]],
  [[0, -1], [0, 1]],
  [[1, 0], [-1, 0]],
  [[1, -1], [-1, -1], [1, 1], [-1, 1]],
  [[0, -3], [0, 3]],
];
/** Last, steps straight away from the curve (along its normal), in whole label extents, to either side. */
const AWAY = [1, -1, 2, -2, 3, -3];
/** Grid cells about a card tall and three short labels wide: a query visits a few cells holding a few boxes. */
const CELL = 128;
/** Boxes that merely touch, up to float noise, do not overlap. */
const TOUCH = 1e-6;
/** A card under a label hides it; another label only crowds it. */
const NODE_WEIGHT = 4;

/** "60%" when the source branches, then the connection's own label, joined by " · ". */
export { edgeLabelText } from './edgeLabelPoints';

/**
 * A generous guess at an `.jd-edge-label`'s box (11 px semi-bold text, 6 px padding and a 1 px border a side)
 * for where text cannot be measured; the canvas measures the real text instead.
 */
export function estimateLabelSize(text: string): { width: number; height: number } {
  let width = 16;
  for (const ch of text) width += charWidth(ch);
  return { width: Math.ceil(width), height: 18 };
}

function charWidth(ch: string): number {
  if (ch >= '0' && ch <= '9') return 7.7;
  if ('%mwMW'.includes(ch)) return 12.2;
  if (' ·.,:;\'!|ijlftrI'.includes(ch)) return 5.4;
  if (ch >= 'A' && ch <= 'Z') return 9.4;
  return 7.9;
}

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

function control(side: Side, x1: number, y1: number, x2: number, y2: number): [number, number] {
  switch (side) {
    case 'left':
      return [x1 - controlOffset(x1 - x2), y1];
    case 'right':
      return [x1 + controlOffset(x2 - x1), y1];
    case 'top':
      return [x1, y1 - controlOffset(y1 - y2)];
    case 'bottom':
      return [x1, y1 + controlOffset(y2 - y1)];
  }
}

/** The cubic's four points, with the control points React Flow's getBezierPath uses. */
export function bezierControls(g: EdgeGeometry): [number, number, number, number, number, number, number, number] {
  const [c1x, c1y] = control(g.sourcePosition, g.sourceX, g.sourceY, g.targetX, g.targetY);
  const [c2x, c2y] = control(g.targetPosition, g.targetX, g.targetY, g.sourceX, g.sourceY);
  return [g.sourceX, g.sourceY, c1x, c1y, c2x, c2y, g.targetX, g.targetY];
}

/** The point at t on the edge's curve; t = 0.5 is React Flow's own label point. */
export function bezierPoint(g: EdgeGeometry, t: number): LabelPoint {
  const [x, y] = pointAt(bezierControls(g), t);
  return { x, y };
}

/** Boxes in a uniform grid of CELL-sized cells; each box is listed in every cell it touches. */
class BoxGrid {
  private cells = new Map<number, number[]>();
  private boxes: Rect[] = [];
  private weights: number[] = [];
  private seen: number[] = [];
  private stamp = 0;

  add(box: Rect, weight: number): void {
    const index = this.boxes.length;
    this.boxes.push(box);
    this.weights.push(weight);
    this.seen.push(0);
    this.forCells(box, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(index);
      else this.cells.set(key, [index]);
    });
  }

  /** Weighted overlap area of `box` with every stored box (0 when it is free); stops counting at `limit`. */
  overlap(box: Rect, limit: number): number {
    const stamp = ++this.stamp;
    const right = box.x + box.width;
    const bottom = box.y + box.height;
    let total = 0;
    const x1 = Math.floor(right / CELL);
    const y0 = Math.floor(box.y / CELL);
    const y1 = Math.floor(bottom / CELL);
    for (let cx = Math.floor(box.x / CELL); cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const cell = this.cells.get(cellKey(cx, cy));
        if (!cell) continue;
        for (const i of cell) {
          if (this.seen[i] === stamp) continue;
          this.seen[i] = stamp;
          const other = this.boxes[i];
          const w = Math.min(right, other.x + other.width) - Math.max(box.x, other.x);
          if (w <= TOUCH) continue;
          const h = Math.min(bottom, other.y + other.height) - Math.max(box.y, other.y);
          if (h > TOUCH) total += w * h * this.weights[i];
          if (total >= limit) return total;
        }
      }
    }
    return total;
  }

  private forCells(box: Rect, visit: (key: number) => void): void {
    const x0 = Math.floor(box.x / CELL);
    const x1 = Math.floor((box.x + box.width) / CELL);
    const y0 = Math.floor(box.y / CELL);
    const y1 = Math.floor((box.y + box.height) / CELL);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(cellKey(cx, cy));
  }
}

/** One number per cell; columns are 2^21 apart, ample for any canvas (±134 million px). */
const cellKey = (cx: number, cy: number): number => cx * 2097152 + cy;

/**
 * Places every label; the result maps edge id → label centre. Labels are placed in the order given, each
 * avoiding the cards and the labels placed before it, so the same input always gives the same result.
 *
 * `keep` pins labels where they already are (they are obstacles, not searched again): while a card is being
 * dragged only the labels of its own edges move, which keeps a drag frame cheap on a big map.
 */
export function placeEdgeLabels(
  nodes: readonly Rect[],
  labels: readonly LabelRequest[],
  keep?: ReadonlyMap<string, LabelPoint>,
): Map<string, LabelPoint> {
  const searched = keep ? labels.filter((label) => !keep.has(label.id)) : labels;
  // While a card is dragged a handful of labels are searched: obstacles none of them can reach are left out of
  // the grid, so a drag frame costs what those few labels need, not what the whole map holds.
  const everywhere = searched.length === labels.length;
  const region = everywhere ? null : reachOf(searched);
  const near = (obstacle: Rect) => everywhere || (region !== null && touches(region, obstacle));
  const grid = new BoxGrid();
  const grow = NODE_CLEARANCE - LABEL_CLEARANCE;
  for (const n of nodes) {
    const box = { x: n.x - grow, y: n.y - grow, width: n.width + 2 * grow, height: n.height + 2 * grow };
    if (near(box)) grid.add(box, NODE_WEIGHT);
  }
  const placed = new Map<string, LabelPoint>();
  const box: Rect = { x: 0, y: 0, width: 0, height: 0 };

  for (const label of labels) {
    const kept = keep?.get(label.id);
    if (!kept) continue;
    placed.set(label.id, kept);
    const keptBox = { x: kept.x - label.width / 2, y: kept.y - label.height / 2, width: label.width, height: label.height };
    if (near(keptBox)) grid.add(keptBox, 1);
  }

  const xs = new Float64Array(STEPS.length);
  const ys = new Float64Array(STEPS.length);
  for (const label of searched) {
    const controls = bezierControls(label.geometry);
    for (let i = 0; i < STEPS.length; i++) [xs[i], ys[i]] = pointAt(controls, STEPS[i]);
    box.width = label.width + 2 * LABEL_CLEARANCE;
    box.height = label.height + 2 * LABEL_CLEARANCE;
    const halfWidth = box.width / 2;
    const halfHeight = box.height / 2;
    let bestX = xs[0];
    let bestY = ys[0];
    let bestCost = Infinity;
    /** Scores the box centred at (x, y), keeping the best so far; true once one is free. */
    const consider = (x: number, y: number): boolean => {
      box.x = x - halfWidth;
      box.y = y - halfHeight;
      const cost = grid.overlap(box, bestCost);
      // A clear gain only: float noise must not move a label off the middle of its curve.
      if (cost === 0 || cost < bestCost - 0.01) {
        bestCost = cost;
        bestX = x;
        bestY = y;
      }
      return cost === 0;
    };

    search: {
      for (let group = 0; group < SHIFTS.length; group++) {
        const steps = group === 0 ? STEPS.length : NEAR;
        for (let i = 0; i < steps; i++) {
          for (const [sx, sy] of SHIFTS[group]) if (consider(xs[i] + sx * halfWidth, ys[i] + sy * halfHeight)) break search;
        }
      }
      for (const step of AWAY) {
        for (let i = 0; i < NEAR; i++) {
          const [nx, ny] = normalAt(controls, STEPS[i]);
          // Off a steep curve a label steps by its width, off a flat one by its height.
          const reach = (Math.abs(nx) * box.width + Math.abs(ny) * box.height) * step;
          if (consider(xs[i] + nx * reach, ys[i] + ny * reach)) break search;
        }
      }
    }
    placed.set(label.id, { x: bestX, y: bestY });
    grid.add({ x: bestX - label.width / 2, y: bestY - label.height / 2, width: label.width, height: label.height }, 1);
  }
  return placed;
}

const touches = (a: Rect, b: Rect) => a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

/**
 * Everywhere a candidate box of these labels can lie: each curve stays inside its control points' box, and no
 * candidate is further from the curve than three label extents (AWAY) plus its own half size.
 */
function reachOf(labels: readonly LabelRequest[]): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const label of labels) {
    const [x0, y0, x1, y1, x2, y2, x3, y3] = bezierControls(label.geometry);
    const margin = 4 * (label.width + label.height + 4 * LABEL_CLEARANCE);
    minX = Math.min(minX, x0 - margin, x1 - margin, x2 - margin, x3 - margin);
    minY = Math.min(minY, y0 - margin, y1 - margin, y2 - margin, y3 - margin);
    maxX = Math.max(maxX, x0 + margin, x1 + margin, x2 + margin, x3 + margin);
    maxY = Math.max(maxY, y0 + margin, y1 + margin, y2 + margin, y3 + margin);
  }
  return labels.length === 0 ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function pointAt(controls: readonly number[], t: number): [number, number] {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = controls;
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3];
}

/** Unit normal of the curve at t (straight up where the tangent vanishes). */
function normalAt(controls: readonly number[], t: number): [number, number] {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = controls;
  const u = 1 - t;
  const dx = 3 * u * u * (x1 - x0) + 6 * u * t * (x2 - x1) + 3 * t * t * (x3 - x2);
  const dy = 3 * u * u * (y1 - y0) + 6 * u * t * (y2 - y1) + 3 * t * t * (y3 - y2);
  const length = Math.hypot(dx, dy);
  return length < 1e-6 ? [0, -1] : [-dy / length, dx / length];
}
