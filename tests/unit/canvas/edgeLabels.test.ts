import { getBezierPath, Position } from '@xyflow/react';
import {
  bezierPoint,
  edgeLabelText,
  estimateLabelSize,
  placeEdgeLabels,
  type EdgeGeometry,
  type LabelPoint,
  type LabelRequest,
  type Rect,
} from '../../../src/canvas/edgeLabels';
import { generateBenchMap } from '../../bench/canvas/generateMap';

const CARD = { width: 190, height: 110 };

/** A card with its top-left corner at (x, y). */
const card = (x: number, y: number, height = CARD.height): Rect => ({ x, y, width: CARD.width, height });

/** The edge React Flow draws from a's right handle to b's left handle. */
function link(a: Rect, b: Rect): EdgeGeometry {
  return {
    sourceX: a.x + a.width + 5,
    sourceY: a.y + a.height / 2,
    sourcePosition: 'right',
    targetX: b.x - 5,
    targetY: b.y + b.height / 2,
    targetPosition: 'left',
  };
}

const request = (id: string, geometry: EdgeGeometry, text = '60%'): LabelRequest => ({ id, geometry, ...estimateLabelSize(text) });

function labelBox(label: LabelRequest, point: LabelPoint): Rect {
  return { x: point.x - label.width / 2, y: point.y - label.height / 2, width: label.width, height: label.height };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every pair that overlaps: label over card, or label over label. */
function collisions(nodes: readonly Rect[], labels: readonly LabelRequest[], placed: ReadonlyMap<string, LabelPoint>): string[] {
  const boxes = labels.map((l) => [l.id, labelBox(l, placed.get(l.id)!)] as const);
  const found: string[] = [];
  boxes.forEach(([id, box], i) => {
    nodes.forEach((n, j) => overlaps(box, n) && found.push(`${id} over card ${j}`));
    for (const [other, box2] of boxes.slice(i + 1)) if (overlaps(box, box2)) found.push(`${id} over ${other}`);
  });
  return found;
}

/** Distance from p to the nearest of 200 points along the curve. */
function distanceToCurve(g: EdgeGeometry, p: LabelPoint): number {
  let best = Infinity;
  for (let i = 0; i <= 200; i++) {
    const q = bezierPoint(g, i / 200);
    best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y));
  }
  return best;
}

describe('edge label text and size', () => {
  it('shows the share when the source branches, then the label, joined by a middle dot', () => {
    expect(edgeLabelText(0.6, undefined)).toBe('60%');
    expect(edgeLabelText(0.333, 'asks a question')).toBe('33% · asks a question');
    expect(edgeLabelText(null, 'gives up')).toBe('gives up');
    expect(edgeLabelText(null, undefined)).toBe('');
    expect(edgeLabelText(null, '')).toBe('');
  });

  it('estimates a box that grows with the text', () => {
    expect(estimateLabelSize('60%').height).toBe(18);
    expect(estimateLabelSize('60% · asks a question').width).toBeGreaterThan(estimateLabelSize('60%').width + 100);
  });
});

describe('bezierPoint', () => {
  it.each([
    ['forward', { sourceX: 0, sourceY: 0, targetX: 300, targetY: 120 }],
    ['backward (a loop)', { sourceX: 400, sourceY: 300, targetX: 10, targetY: 40 }],
    ['straight down the same column', { sourceX: 200, sourceY: 50, targetX: -5, targetY: 250 }],
  ])('puts t = 0.5 where React Flow puts its label, %s', (_name, ends) => {
    const geometry: EdgeGeometry = { ...ends, sourcePosition: 'right', targetPosition: 'left' };
    const [, labelX, labelY] = getBezierPath({ ...ends, sourcePosition: Position.Right, targetPosition: Position.Left });
    const point = bezierPoint(geometry, 0.5);
    expect(point.x).toBeCloseTo(labelX, 9);
    expect(point.y).toBeCloseTo(labelY, 9);
  });

  it('starts at the source handle and ends at the target handle', () => {
    const g = link(card(0, 0), card(400, 200));
    expect(bezierPoint(g, 0)).toEqual({ x: g.sourceX, y: g.sourceY });
    expect(bezierPoint(g, 1)).toEqual({ x: g.targetX, y: g.targetY });
  });
});

describe('placeEdgeLabels', () => {
  it('leaves a label that is already clear at the midpoint of its edge', () => {
    const a = card(0, 0);
    const b = card(400, 0);
    const label = request('e1', link(a, b));
    const placed = placeEdgeLabels([a, b], [label]);
    expect(placed.get('e1')).toEqual(bezierPoint(label.geometry, 0.5));
  });

  it('slides a label along its own curve off a card that sits on the midpoint', () => {
    const a = card(0, 0);
    const b = card(800, 0);
    const blocker = card(305, 0);
    const label = request('e1', link(a, b), '60% · asks a question');
    const nodes = [a, b, blocker];
    const placed = placeEdgeLabels(nodes, [label]);
    expect(collisions(nodes, [label], placed)).toEqual([]);
    expect(distanceToCurve(label.geometry, placed.get('e1')!)).toBeLessThan(0.5);
  });

  it('keeps labels of edges that share their midpoint apart', () => {
    // Two entries feed the same two targets: the crossing edges' midpoints coincide.
    const top = card(0, 0);
    const bottom = card(0, 300);
    const up = card(500, 0);
    const down = card(500, 300);
    const nodes = [top, bottom, up, down];
    const labels = [request('a', link(top, down), '50% · compares'), request('b', link(bottom, up), '50% · compares'), request('c', link(top, up)), request('d', link(bottom, down))];
    expect(bezierPoint(labels[0].geometry, 0.5)).toEqual(bezierPoint(labels[1].geometry, 0.5));
    const placed = placeEdgeLabels(nodes, labels);
    expect(collisions(nodes, labels, placed)).toEqual([]);
    for (const l of labels) expect(distanceToCurve(l.geometry, placed.get(l.id)!)).toBeLessThan(0.5);
  });

  it('places a fan of edges out of one card, each on its own curve', () => {
    const source = card(0, 200);
    const targets = [0, 100, 200, 300, 400].map((y) => card(320, y * 1.2, 90));
    const nodes = [source, ...targets];
    const labels = targets.map((t, i) => request(`e${i}`, link(source, t), `${20 + i}%`));
    const placed = placeEdgeLabels(nodes, labels);
    expect(collisions(nodes, labels, placed)).toEqual([]);
  });

  it('steps off the curve when every point on it is behind a card', () => {
    // A long edge runs straight behind a row of cards whose gaps are narrower than its label.
    const row = [0, 280, 560, 840, 1120].map((x) => card(x, 0));
    const label = request('long', link(row[0], row[4]), '25% · fixed it themselves');
    const placed = placeEdgeLabels(row, [label]);
    expect(collisions(row, [label], placed)).toEqual([]);
    const point = placed.get('long')!;
    // Just above or below the row, not far away.
    expect(Math.min(Math.abs(point.y - -label.height / 2), Math.abs(point.y - (CARD.height + label.height / 2)))).toBeLessThan(30);
  });

  it('falls back to the least-covered spot when nothing is free, and still gives every label a point', () => {
    const a = card(0, 0);
    const b = card(400, 0);
    const wall: Rect = { x: -2000, y: -2000, width: 4000, height: 4000 };
    const labels = [request('e1', link(a, b)), request('e2', link(a, b), '40% · the same edge again')];
    const placed = placeEdgeLabels([a, b, wall], labels);
    expect([...placed.keys()]).toEqual(['e1', 'e2']);
    for (const p of placed.values()) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
    // Buried under the wall everywhere, the first choice stands: the middle of the curve.
    expect(placed.get('e1')).toEqual(bezierPoint(labels[0].geometry, 0.5));
  });

  it('is deterministic: the same input gives the same points', () => {
    const map = generateBenchMap(7);
    const { nodes, labels } = benchInput(map, 400);
    expect(placeEdgeLabels(nodes, labels)).toEqual(placeEdgeLabels(nodes, labels));
  });

  it('pins kept labels and places the others around them', () => {
    const a = card(0, 0);
    const b = card(400, 0);
    const g = link(a, b);
    const pinned = { x: 300, y: 55 };
    const labels = [request('kept', g), request('moved', g)];
    const placed = placeEdgeLabels([a, b], labels, new Map([['kept', pinned]]));
    expect(placed.get('kept')).toBe(pinned);
    expect(collisions([a, b], labels, placed)).toEqual([]);
  });

  it('re-places a dragged card\'s labels exactly as a search that looks at the whole map would', () => {
    const map = generateBenchMap();
    const { nodes, labels } = benchInput(map);
    const before = placeEdgeLabels(nodes, labels);
    // Drag a card in the middle of the map by a few grid cells, as EdgeLabelLayout sees a drag frame.
    const index = map.nodes.findIndex((n) => n.id === 'n-20-25');
    const moved = { ...nodes[index], x: nodes[index].x + 60, y: nodes[index].y + 40 };
    const dragged = nodes.map((n, i) => (i === index ? moved : n));
    const { labels: after } = benchInput({ ...map, nodes: map.nodes.map((n, i) => (i === index ? { ...n, position: { x: moved.x, y: moved.y } } : n)) });
    const keep = new Map(before);
    for (const e of map.edges) if (e.source === 'n-20-25' || e.target === 'n-20-25') keep.delete(e.id);
    for (const l of after) if (overlaps(labelBox(l, before.get(l.id)!), moved)) keep.delete(l.id);
    expect(after.length - keep.size).toBeGreaterThan(2);
    // A last label whose curve spans the whole map makes the search consider every card and label.
    const everywhere = request('everywhere', { sourceX: -5000, sourceY: -5000, sourcePosition: 'right', targetX: 20000, targetY: 20000, targetPosition: 'left' });
    const reference = placeEdgeLabels(dragged, [...after, everywhere], keep);
    const placed = placeEdgeLabels(dragged, after, keep);
    for (const l of after) expect(placed.get(l.id)).toEqual(reference.get(l.id));
  });

  it('while dragging, still avoids a kept label that lies off the searched curve', () => {
    // The long edge runs behind a row of cards, so its label steps off the curve; where it would go first,
    // a kept label already sits.
    const row = [0, 280, 560, 840, 1120].map((x) => card(x, 0));
    const long = request('long', link(row[0], row[4]), '25% · fixed it themselves');
    const first = placeEdgeLabels(row, [long]).get('long')!;
    const other = request('other', link(row[0], row[1]), '25% · fixed it themselves');
    const labels = [other, long];
    const placed = placeEdgeLabels(row, labels, new Map([['other', first]]));
    expect(placed.get('long')).not.toEqual(first);
    expect(collisions(row, labels, placed)).toEqual([]);
  });

  it('places nothing when there is nothing to place', () => {
    expect(placeEdgeLabels([card(0, 0)], []).size).toBe(0);
  });

  it('keeps almost every label of the 2,000-touchpoint benchmark map clear, though its column gaps are narrower than a label', () => {
    const { nodes, labels } = benchInput(generateBenchMap());
    expect(labels.length).toBeGreaterThan(4000);
    const placed = placeEdgeLabels(nodes, labels);
    expect(placed.size).toBe(labels.length);
    const { overCards, overLabels } = sweepCollisions(nodes, labels, placed);
    expect(overCards).toBeLessThan(labels.length * 0.005);
    expect(overLabels).toBeLessThan(labels.length * 0.02);
  });
});

/** Cards as the canvas estimates them before measuring, and every edge's label, as the app would ask. */
function benchInput(map: ReturnType<typeof generateBenchMap>, limit = Infinity): { nodes: Rect[]; labels: LabelRequest[] } {
  const heights = { entry: 60, touchpoint: 110, outcome: 50 } as const;
  const rects = new Map(map.nodes.map((n) => [n.id, card(n.position.x, n.position.y, heights[n.kind])]));
  const totals = new Map<string, { total: number; count: number }>();
  for (const e of map.edges) {
    const t = totals.get(e.source) ?? { total: 0, count: 0 };
    t.total += e.weight;
    t.count += 1;
    totals.set(e.source, t);
  }
  const labels = map.edges.slice(0, limit).flatMap((e) => {
    const out = totals.get(e.source)!;
    const text = edgeLabelText(out.count > 1 ? e.weight / out.total : null, e.label);
    return text ? [request(e.id, link(rects.get(e.source)!, rects.get(e.target)!), text)] : [];
  });
  return { nodes: [...rects.values()], labels };
}

/** Overlapping pairs, label over card and label over label, found by a sweep along x. */
function sweepCollisions(nodes: readonly Rect[], labels: readonly LabelRequest[], placed: ReadonlyMap<string, LabelPoint>): { overCards: number; overLabels: number } {
  const items = [...nodes.map((r) => ({ r, label: false })), ...labels.map((l) => ({ r: labelBox(l, placed.get(l.id)!), label: true }))];
  items.sort((a, b) => a.r.x - b.r.x);
  const found = { overCards: 0, overLabels: 0 };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length && items[j].r.x < items[i].r.x + items[i].r.width; j++) {
      const a = items[i];
      const b = items[j];
      if (!(a.label || b.label) || !overlaps(a.r, b.r)) continue;
      if (a.label && b.label) found.overLabels++;
      else found.overCards++;
    }
  }
  return found;
}
