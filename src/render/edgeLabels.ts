/**
 * Edges and their labels for the picture. An edge is the canvas's bezier from the source card's right side
 * to the target card's left side (React Flow's getBezierPath). Its label ("60% · asks a question") goes
 * where it covers no card: first along its own curve, then beside it, then further off with a leader line
 * back to the curve. Labels never overlap a card; they avoid each other, the stage headers and the emotion
 * lane where they can. Same idea as the canvas's placement (src/canvas/edgeLabels.ts), kept separate so the
 * renderer stays free of the canvas.
 */
import { num, type Box } from './svg';
import { textWidth, type Font } from './text';

export interface Curve {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  x3: number;
  y3: number;
}

/** React Flow's default bezier curvature. */
const CURVATURE = 0.25;
const controlOffset = (distance: number): number => (distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance));

/** The bezier from a source handle on a card's right side to a target handle on a card's left side. */
export function edgeCurve(sx: number, sy: number, tx: number, ty: number): Curve {
  return { x0: sx, y0: sy, x1: sx + controlOffset(tx - sx), y1: sy, x2: tx - controlOffset(tx - sx), y2: ty, x3: tx, y3: ty };
}

export const curvePath = (c: Curve): string => `M${num(c.x0)},${num(c.y0)}C${num(c.x1)},${num(c.y1)} ${num(c.x2)},${num(c.y2)} ${num(c.x3)},${num(c.y3)}`;

export function pointAt(c: Curve, t: number): [number, number] {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return [a * c.x0 + b * c.x1 + d * c.x2 + e * c.x3, a * c.y0 + b * c.y1 + d * c.y2 + e * c.y3];
}

/** Unit normal of the curve at t (straight up where the tangent vanishes). */
function normalAt(c: Curve, t: number): [number, number] {
  const u = 1 - t;
  const dx = 3 * u * u * (c.x1 - c.x0) + 6 * u * t * (c.x2 - c.x1) + 3 * t * t * (c.x3 - c.x2);
  const dy = 3 * u * u * (c.y1 - c.y0) + 6 * u * t * (c.y2 - c.y1) + 3 * t * t * (c.y3 - c.y2);
  const length = Math.hypot(dx, dy);
  return length < 1e-6 ? [0, -1] : [-dy / length, dx / length];
}

export const LABEL_FONT: Font = { size: 11, bold: true };
export const LABEL_HEIGHT = 18;
/** Labels longer than this are cut with "…": the share comes first, so it is always kept. */
export const LABEL_MAX_WIDTH = 260;

/** The label's box size: 11 px semi-bold text, 6 px padding and a 1 px border a side (.jd-edge-label). */
export const labelWidth = (label: string): number => Math.ceil(textWidth(label, LABEL_FONT) + 14);

export interface LabelRequest {
  id: string;
  curve: Curve;
  width: number;
  height: number;
}

export interface PlacedLabel {
  box: Box;
  /** The point on the curve a label set off from it points back to; absent when the label sits on or beside it. */
  leader?: [number, number];
}

const LABEL_CLEARANCE = 3;
const NODE_CLEARANCE = 6;
const STEPS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9];
const NEAR = 5;
const SHIFTS: readonly (readonly [number, number])[][] = [
  [[0, 0]],
  [[0, -1], [0, 1]],
  [[1, 0], [-1, 0]],
  [[1, -1], [-1, -1], [1, 1], [-1, 1]],
  [[0, -3], [0, 3]],
];
const AWAY = [1, -1, 2, -2, 3, -3];
/** Last resort: rings around the curve's middle, this far apart, this many of them, this many points each. */
const RING_STEP = 10;
const RINGS = 120;
const RING_POINTS = 24;
const CELL = 128;
const TOUCH = 1e-6;

/** Boxes in a uniform grid; a box is listed in every cell it touches. */
class BoxGrid {
  private cells = new Map<number, number[]>();
  private boxes: Box[] = [];
  private weights: number[] = [];
  private seen: number[] = [];
  private stamp = 0;

  add(box: Box, weight: number): void {
    const index = this.boxes.length;
    this.boxes.push(box);
    this.weights.push(weight);
    this.seen.push(0);
    for (let cx = Math.floor(box.x / CELL); cx <= Math.floor((box.x + box.width) / CELL); cx++) {
      for (let cy = Math.floor(box.y / CELL); cy <= Math.floor((box.y + box.height) / CELL); cy++) {
        const key = cx * 2097152 + cy;
        const cell = this.cells.get(key);
        if (cell) cell.push(index);
        else this.cells.set(key, [index]);
      }
    }
  }

  /** Overlap area of `box` with the cards (`hard`) and, weighted, with everything else (`soft`). */
  overlap(box: Box): { hard: number; soft: number } {
    const stamp = ++this.stamp;
    const right = box.x + box.width;
    const bottom = box.y + box.height;
    let hard = 0;
    let soft = 0;
    for (let cx = Math.floor(box.x / CELL); cx <= Math.floor(right / CELL); cx++) {
      for (let cy = Math.floor(box.y / CELL); cy <= Math.floor(bottom / CELL); cy++) {
        const cell = this.cells.get(cx * 2097152 + cy);
        if (!cell) continue;
        for (const i of cell) {
          if (this.seen[i] === stamp) continue;
          this.seen[i] = stamp;
          const other = this.boxes[i];
          const w = Math.min(right, other.x + other.width) - Math.max(box.x, other.x);
          if (w <= TOUCH) continue;
          const h = Math.min(bottom, other.y + other.height) - Math.max(box.y, other.y);
          if (h <= TOUCH) continue;
          if (this.weights[i] === Infinity) hard += w * h;
          else soft += w * h * this.weights[i];
        }
      }
    }
    return { hard, soft };
  }
}

/**
 * Places every label, in the order given, each clear of the cards (`nodes`, never covered) and, where it can,
 * of `soft` areas and the labels placed before it. The same input always gives the same result.
 */
export function placeLabels(nodes: readonly Box[], soft: readonly Box[], labels: readonly LabelRequest[]): Map<string, PlacedLabel> {
  const grid = new BoxGrid();
  const grow = NODE_CLEARANCE - LABEL_CLEARANCE;
  for (const n of nodes) grid.add({ x: n.x - grow, y: n.y - grow, width: n.width + 2 * grow, height: n.height + 2 * grow }, Infinity);
  for (const s of soft) grid.add(s, 4);
  const placed = new Map<string, PlacedLabel>();

  for (const label of labels) {
    const { curve } = label;
    const box: Box = { x: 0, y: 0, width: label.width + 2 * LABEL_CLEARANCE, height: label.height + 2 * LABEL_CLEARANCE };
    const halfWidth = box.width / 2;
    const halfHeight = box.height / 2;
    const points = STEPS.map((t) => pointAt(curve, t));
    const best: { x: number; y: number; hard: number; soft: number; anchor?: [number, number] } = { x: points[0][0], y: points[0][1], hard: Infinity, soft: Infinity };
    /** Scores the box centred at (x, y), keeping the best so far; true once it is wholly free. */
    const consider = (x: number, y: number, anchor?: [number, number]): boolean => {
      box.x = x - halfWidth;
      box.y = y - halfHeight;
      const { hard, soft: crowd } = grid.overlap(box);
      // A clear gain only: float noise must not move a label off the middle of its curve.
      if (hard < best.hard - 0.01 || (hard <= best.hard + 0.01 && crowd < best.soft - 0.01)) Object.assign(best, { x, y, hard, soft: crowd, anchor });
      return hard === 0 && crowd === 0;
    };

    search: {
      for (let group = 0; group < SHIFTS.length; group++) {
        const steps = group === 0 ? STEPS.length : NEAR;
        for (let i = 0; i < steps; i++) for (const [sx, sy] of SHIFTS[group]) if (consider(points[i][0] + sx * halfWidth, points[i][1] + sy * halfHeight, group === 4 ? points[i] : undefined)) break search;
      }
      for (const step of AWAY) {
        for (let i = 0; i < NEAR; i++) {
          const [nx, ny] = normalAt(curve, STEPS[i]);
          const reach = (Math.abs(nx) * box.width + Math.abs(ny) * box.height) * step;
          if (consider(points[i][0] + nx * reach, points[i][1] + ny * reach, Math.abs(step) > 1 ? points[i] : undefined)) break search;
        }
      }
      // Still on a card or crowded: rings further and further out from the middle of the curve.
      const [mx, my] = points[0];
      for (let ring = 1; ring <= RINGS; ring++) {
        const r = ring * RING_STEP;
        for (let k = 0; k < RING_POINTS; k++) {
          const angle = (2 * Math.PI * k) / RING_POINTS - Math.PI / 2;
          if (consider(mx + Math.cos(angle) * (r + halfWidth * Math.abs(Math.cos(angle))), my + Math.sin(angle) * (r + halfHeight * Math.abs(Math.sin(angle))), points[0])) break search;
        }
        // Off every card at last: take the least crowded spot of this ring rather than wander further.
        if (best.hard === 0 && r > 4 * (label.width + label.height)) break;
      }
    }
    const real: Box = { x: best.x - label.width / 2, y: best.y - label.height / 2, width: label.width, height: label.height };
    placed.set(label.id, best.anchor ? { box: real, leader: best.anchor } : { box: real });
    grid.add(real, 1);
  }
  return placed;
}

/** Where a leader line from a label's box meets it: the point of the box nearest to `to`. */
export function leaderStart(box: Box, to: [number, number]): [number, number] {
  return [Math.max(box.x, Math.min(box.x + box.width, to[0])), Math.max(box.y, Math.min(box.y + box.height, to[1]))];
}
