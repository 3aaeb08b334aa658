/**
 * A large, deterministic journey map for the canvas benchmark: 2,000 touchpoints in a grid, an entry column on
 * the left, an outcome column on the right, ≈2.5 edges per node (mostly forward, some loops back, a few skips).
 * Most touchpoints carry scores, an emotion and friction notes so the app's cards render their full content.
 *
 * The app draws each stage as a 280 px band; a map this size only fits on screen at a readable zoom when it is
 * wider than five bands, so each stage owns COLUMNS_PER_STAGE columns. The band drawing then covers only the
 * left of the map, which costs the same five divs either way.
 */
import { createMap } from '../../../src/domain/edits';
import type { Emotion, FrictionNote, JourneyEdge, JourneyMap, JourneyNode, Severity } from '../../../src/domain/types';

export const TOUCHPOINT_COLUMNS = 40;
export const ROWS = 50;
export const COLUMN_PITCH = 240;
export const ROW_PITCH = 180;
const COLUMNS_PER_STAGE = TOUCHPOINT_COLUMNS / 5;

const TOUCHPOINT_NAMES = [
  'Product page', 'Search results', 'Cart', 'Checkout payment', 'Delivery updates', 'Live chat', 'Support call',
  'Order confirmation', 'Returns portal', 'Loyalty email', 'Store visit', 'App onboarding', 'Review request',
  'Size guide', 'Price alert', 'Invoice email',
];

/** mulberry32: tiny, seedable and good enough to shape a test map. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nodeId = (column: number, row: number) => `n-${column}-${row}`;

export function generateBenchMap(seed = 20_000): JourneyMap {
  const rand = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const map = createMap({ id: 'bench-canvas', name: 'Canvas benchmark: 2,000 touchpoints' });
  const channels = map.channels.map((c) => c.id);
  const lastColumn = TOUCHPOINT_COLUMNS + 1;
  const nodes: JourneyNode[] = [];

  for (let column = 0; column <= lastColumn; column++) {
    for (let row = 0; row < ROWS; row++) {
      const position = { x: column * COLUMN_PITCH, y: row * ROW_PITCH };
      const id = nodeId(column, row);
      if (column === 0) {
        nodes.push({ id, kind: 'entry', label: `Campaign ${row + 1}`, stage: map.stages[0].id, channel: pick(channels), position, share: 1 + Math.floor(rand() * 50), friction: [] });
      } else if (column === lastColumn) {
        const result = rand() < 0.7 ? 'success' : 'failure';
        nodes.push({ id, kind: 'outcome', label: result === 'success' ? `Repeat purchase ${row + 1}` : `Churned ${row + 1}`, stage: map.stages[4].id, position, result, friction: [] });
      } else {
        nodes.push(touchpoint(id, column, row, position));
      }
    }
  }

  function touchpoint(id: string, column: number, row: number, position: { x: number; y: number }): JourneyNode {
    const node: JourneyNode = {
      id,
      kind: 'touchpoint',
      label: `${pick(TOUCHPOINT_NAMES)} ${column}.${row + 1}`,
      stage: map.stages[Math.floor((column - 1) / COLUMNS_PER_STAGE)].id,
      channel: pick(channels),
      position,
      friction: [],
    };
    if (rand() < 0.8) node.emotion = (Math.floor(rand() * 5) - 2) as Emotion;
    if (rand() < 0.75) {
      node.scores = {
        nps: Math.round(rand() * 140 - 60),
        csat: Math.round(40 + rand() * 60),
        ces: Math.round((2 + rand() * 5) * 10) / 10,
        responses: Math.floor(rand() * 600),
      };
    }
    if (rand() < 0.6) {
      const count = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < count; i++) {
        const note: FrictionNote = { id: `f-${i}`, note: 'Customers wait too long here', severity: (1 + Math.floor(rand() * 5)) as Severity };
        if (rand() < 0.2) note.resolved = true;
        node.friction.push(note);
      }
    }
    return node;
  }

  const edges: JourneyEdge[] = [];
  const seen = new Set<string>();
  /** Adds source → (column, row) unless that edge exists; false when it did. */
  const link = (source: string, column: number, row: number): boolean => {
    const target = nodeId(column, Math.min(ROWS - 1, Math.max(0, row)));
    const key = `${source}>${target}`;
    if (target === source || seen.has(key)) return false;
    seen.add(key);
    const edge: JourneyEdge = { id: `e-${edges.length}`, source, target, weight: 1 + Math.floor(rand() * 9) };
    if (rand() < 0.05) edge.label = 'retry';
    edges.push(edge);
    return true;
  };
  for (let column = 0; column < lastColumn; column++) {
    for (let row = 0; row < ROWS; row++) {
      const source = nodeId(column, row);
      const out = rand() < 0.5 ? 2 : 3;
      for (let made = 0, tries = 0; made < out && tries < 20; tries++) {
        const roll = rand();
        const drift = Math.floor(rand() * 5) - 2;
        // Loops go back one column but never into an entry; skips jump a column but never past the outcomes.
        const added =
          roll < 0.1 && column >= 2
            ? link(source, column - 1, row + drift)
            : roll < 0.15 && column + 2 <= lastColumn
              ? link(source, column + 2, row + drift)
              : link(source, column + 1, row + drift);
        if (added) made++;
      }
    }
  }

  map.nodes = nodes;
  map.edges = edges;
  return map;
}

/** Centre of the map's grid, in flow coordinates. */
export function mapCentre(): { x: number; y: number } {
  return { x: ((TOUCHPOINT_COLUMNS + 1) * COLUMN_PITCH + 190) / 2, y: ((ROWS - 1) * ROW_PITCH + 120) / 2 };
}
