/**
 * Where the value-vs-effort chart puts each open opportunity: effort S, M, L as three columns, value in
 * points up the side, and labels pushed apart so that none overlaps another in its column.
 */
import type { Effort } from '../../domain/types';

export const CHART = { width: 900, height: 500, left: 70, right: 24, top: 24, bottom: 56 } as const;
export const PLOT = { x0: CHART.left, x1: CHART.width - CHART.right, y0: CHART.top, y1: CHART.height - CHART.bottom } as const;
const EFFORT_COLUMN: Record<Effort, number> = { S: 0, M: 1, L: 2 };
export const COLUMN_WIDTH = (PLOT.x1 - PLOT.x0) / 3;
/** Vertical room one label takes: the title and, under it, the value. */
export const LABEL_GAP = 34;
/** The lowest a label's first line sits: its second line stays above the effort axis. */
const LABEL_FLOOR = PLOT.y1 - 20;
/** Longest label that fits in its column, in characters; the full title is in the point's name and tooltip. */
const LABEL_CHARS = 26;
/** Where a column's points sit, from its left edge: the labels to their right stay inside the column. */
const POINT_INSET = 0.14;
/** Points closer than this (in chart units) count as equal and sit side by side, this far apart. */
const TIE_DISTANCE = 6;
const TIE_STEP = 10;
const MAX_SIDE_BY_SIDE = 4;

export interface ChartInput {
  id: string;
  title: string;
  effort: Effort;
  /** Points of completion. */
  points: number;
}

export interface ChartPoint extends ChartInput {
  x: number;
  y: number;
  /** Where the label starts: right of the point, or of the last point of equal value beside it. */
  labelX: number;
  labelY: number;
  label: string;
}

/** A round top for the value axis: 1, 2, 5 × a power of ten, at least 1 point. */
export function axisTop(maxPoints: number): number {
  if (!(maxPoints > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(maxPoints));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= maxPoints) return step * power;
  return 10 * power;
}

export const columnCentre = (effort: Effort) => PLOT.x0 + COLUMN_WIDTH * (EFFORT_COLUMN[effort] + 0.5);
export const yOf = (points: number, top: number) => PLOT.y1 - (Math.max(0, points) / top) * (PLOT.y1 - PLOT.y0);

/**
 * The title, shortened at a word where it can be: the label's words then begin the point's accessible name,
 * as a speech user reads them (WCAG 2.5.3).
 */
export function shortLabel(title: string): string {
  if (title.length <= LABEL_CHARS) return title;
  const cut = title.slice(0, LABEL_CHARS - 1);
  const space = title[LABEL_CHARS - 1] === ' ' ? -1 : cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function layoutChart(inputs: readonly ChartInput[]): { top: number; points: ChartPoint[] } {
  const top = axisTop(Math.max(0, ...inputs.map((i) => i.points)));
  const points: ChartPoint[] = [];
  for (const effort of ['S', 'M', 'L'] as const) {
    const column = inputs.filter((i) => i.effort === effort).sort((a, b) => b.points - a.points);
    const placed: ChartPoint[] = [];
    let previous = -Infinity;
    const base = columnCentre(effort) - COLUMN_WIDTH * (0.5 - POINT_INSET);
    const near = (a: ChartInput, b: ChartInput) => Math.abs(yOf(a.points, top) - yOf(b.points, top)) < TIE_DISTANCE;
    column.forEach((input, index) => {
      const y = yOf(input.points, top);
      // Points of (nearly) equal value sit side by side rather than on top of each other.
      const before = column.slice(0, index).filter((other) => near(other, input)).length;
      const group = column.filter((other) => near(other, input)).length;
      const x = base + Math.min(before, MAX_SIDE_BY_SIDE - 1) * TIE_STEP;
      const labelX = base + Math.min(group - 1, MAX_SIDE_BY_SIDE - 1) * TIE_STEP + 14;
      const labelY = Math.max(y, previous + LABEL_GAP);
      previous = labelY;
      placed.push({ ...input, x, y, labelX, labelY, label: shortLabel(input.title) });
    });
    // Labels pushed too low go back up, each one gap above the next.
    let floor = LABEL_FLOOR;
    for (let i = placed.length - 1; i >= 0; i--) {
      placed[i].labelY = Math.min(placed[i].labelY, floor);
      floor = placed[i].labelY - LABEL_GAP;
    }
    points.push(...placed);
  }
  return { top, points };
}
