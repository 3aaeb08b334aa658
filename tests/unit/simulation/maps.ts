/** Test API for simulation tests: small journey maps written as node and edge lists. */
import fc from 'fast-check';
import { createMap, type FrictionNote, type JourneyMap, type NodeKind, type OutcomeResult, type Severity } from '../../../src/domain';

export interface NodeSpec {
  id: string;
  kind?: NodeKind;
  dropOff?: number;
  share?: number;
  result?: OutcomeResult;
  /** Severities of open friction notes; negative numbers are resolved notes of that severity. */
  friction?: number[];
  label?: string;
}

export type EdgeSpec = [source: string, target: string, weight?: number];

export function makeMap(nodes: NodeSpec[], edges: EdgeSpec[], init: Partial<JourneyMap> = {}): JourneyMap {
  return createMap({
    id: 'test-map',
    name: 'Test map',
    ...init,
    nodes: nodes.map((spec, i) => {
      const friction: FrictionNote[] = (spec.friction ?? []).map((s, k) => ({
        id: `f${k}`,
        note: `friction ${k}`,
        severity: Math.abs(s) as Severity,
        ...(s < 0 ? { resolved: true } : {}),
      }));
      return {
        id: spec.id,
        kind: spec.kind ?? 'touchpoint',
        label: spec.label ?? spec.id,
        position: { x: i * 100, y: 0 },
        friction,
        ...(spec.dropOff !== undefined ? { dropOff: spec.dropOff } : {}),
        ...(spec.share !== undefined ? { share: spec.share } : {}),
        ...(spec.kind === 'outcome' ? { result: spec.result ?? 'success' } : {}),
      };
    }),
    edges: edges.map(([source, target, weight], i) => ({ id: `e${i}`, source, target, weight: weight ?? 1 })),
  });
}

/**
 * The worked example of docs/simulation.md: Ad → Product page ⇄ Live chat, Product page → Cart → Purchase
 * or Gives up. Product page drops 20%, Live chat 50%, Cart has one open severity-4 note (10%) and one
 * resolved severity-5 note.
 */
export function workedExample(): JourneyMap {
  const map = makeMap(
    [
      { id: 'ad', kind: 'entry', label: 'Ad' },
      { id: 'product', label: 'Product page', dropOff: 0.2 },
      { id: 'chat', label: 'Live chat', dropOff: 0.5 },
      { id: 'cart', label: 'Cart', friction: [4, -5] },
      { id: 'purchase', kind: 'outcome', label: 'Purchase', result: 'success' },
      { id: 'gives-up', kind: 'outcome', label: 'Gives up', result: 'failure' },
    ],
    [
      ['ad', 'product'],
      ['product', 'cart', 1],
      ['product', 'chat', 1],
      ['chat', 'product'],
      ['cart', 'purchase', 4],
      ['cart', 'gives-up', 1],
    ],
  );
  const cart = map.nodes.find((n) => n.id === 'cart')!;
  cart.friction = [
    { id: 'f-shipping', note: 'Shipping cost appears only at the last step', severity: 4 },
    { id: 'f-coupon', note: 'Coupon field reloads the page', severity: 5, resolved: true },
  ];
  return map;
}

/** A gambler's-ruin chain: states 1..N−1 step right with probability p, left with 1 − p; 0 and N are outcomes. */
export function gamblersRuin(N: number, p: number, start: number): JourneyMap {
  const nodes: NodeSpec[] = [{ id: 'start', kind: 'entry' }];
  const edges: EdgeSpec[] = [['start', `s${start}`]];
  nodes.push({ id: 's0', kind: 'outcome', result: 'failure' }, { id: `s${N}`, kind: 'outcome', result: 'success' });
  for (let i = 1; i < N; i++) {
    nodes.push({ id: `s${i}` });
    edges.push([`s${i}`, `s${i + 1}`, p], [`s${i}`, `s${i - 1}`, 1 - p]);
  }
  return makeMap(nodes, edges);
}

/** Random small journey maps: entries, touchpoints with drop-off or friction, outcomes, loops, dead ends. */
export const arbitraryJourney: fc.Arbitrary<JourneyMap> = fc
  .record({
    entries: fc.integer({ min: 1, max: 2 }),
    touchpoints: fc.integer({ min: 1, max: 7 }),
    outcomes: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .map(({ entries, touchpoints, outcomes, seed }) => {
    let state = seed;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) | 0;
      return ((state >>> 8) & 0xffffff) / 0x1000000;
    };
    const pick = (k: number) => Math.floor(random() * k);
    const nodes: NodeSpec[] = [];
    for (let i = 0; i < entries; i++) nodes.push({ id: `in${i}`, kind: 'entry', share: 1 + pick(4) });
    for (let i = 0; i < touchpoints; i++) {
      const style = pick(4);
      nodes.push({
        id: `t${i}`,
        ...(style === 0 ? {} : style === 1 ? { friction: [1 + pick(5), 1 + pick(5)] } : { dropOff: 0.02 + 0.4 * random() }),
      });
    }
    for (let i = 0; i < outcomes; i++) nodes.push({ id: `o${i}`, kind: 'outcome', result: pick(2) === 0 ? 'success' : 'failure' });
    const targets = nodes.filter((n) => n.kind !== 'entry').map((n) => n.id);
    const edges: EdgeSpec[] = [];
    for (const node of nodes) {
      if (node.kind === 'outcome') continue;
      const degree = node.kind === 'entry' ? 1 + pick(2) : pick(4);
      const chosen = new Set<string>();
      for (let k = 0; k < degree; k++) chosen.add(targets[pick(targets.length)]);
      for (const t of chosen) edges.push([node.id, t, 1 + pick(5)]);
    }
    return makeMap(nodes, edges);
  });

export interface SingleLoopOptions {
  /** Touchpoints, all in one strongly connected component. */
  touchpoints: number;
  seed?: number;
  /** Help touchpoints (live chat, FAQ) that any touchpoint may turn to and that send customers back anywhere (default 3). */
  hubs?: number;
  /**
   * Probability that a touchpoint also links to a touchpoint anywhere in the loop (default 0). Such random
   * wiring has no small separators: the sparse LU fills in almost completely, the slowest case.
   */
  jumps?: number;
}

/**
 * One big loop: touchpoints in a ring (each leads to the next, the last back to the first), with skips
 * ahead, steps back, a few help hubs that connect far-apart touchpoints, and exits to outcomes. Every
 * touchpoint is in the same strongly connected component: the worst case for the exact engine.
 */
export function singleLoopMap({ touchpoints: n, seed = 1, hubs = 3, jumps = 0 }: SingleLoopOptions): JourneyMap {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    return ((state >>> 8) & 0xffffff) / 0x1000000;
  };
  const pick = (k: number) => Math.floor(random() * k);
  const tp = (i: number) => `t${((i % n) + n) % n}`;
  const nodes: NodeSpec[] = [{ id: 'in', kind: 'entry' }];
  for (let i = 0; i < n; i++) {
    nodes.push({ id: `t${i}`, ...(random() < 0.5 ? { dropOff: 0.005 + 0.05 * random() } : { friction: [1 + pick(5)] }) });
  }
  nodes.push({ id: 'won', kind: 'outcome', result: 'success' }, { id: 'lost', kind: 'outcome', result: 'failure' });
  const edges: EdgeSpec[] = [['in', 't0']];
  const hubCount = Math.min(hubs, n);
  for (let i = 0; i < n; i++) {
    edges.push([tp(i), tp(i + 1), 1 + pick(5)]);
    if (random() < 0.5) edges.push([tp(i), tp(i + 2 + pick(20)), 1 + pick(5)]);
    if (random() < 0.3) edges.push([tp(i), tp(i - 1 - pick(4)), 1 + pick(3)]);
    if (i >= hubCount && random() < 0.05) edges.push([tp(i), tp(pick(hubCount)), 1]);
    if (random() < 0.1) edges.push([tp(i), random() < 0.6 ? 'won' : 'lost', 1 + pick(3)]);
    if (random() < jumps) edges.push([tp(i), tp(pick(n)), 1]);
  }
  for (let h = 0; h < hubCount; h++) for (let k = 0; k < 20; k++) edges.push([tp(h), tp(pick(n)), 1 + pick(5)]);
  return makeMap(nodes, edges, { id: `single-loop-${n}-${seed}`, name: `Single loop of ${n}` });
}

/**
 * Random journeys that each hold a closed loop: two touchpoints without drop-off that lead only to each other,
 * entered from one of the map's entries or touchpoints (so some customers circle forever).
 */
export const arbitraryJourneyWithClosedLoop: fc.Arbitrary<JourneyMap> = fc
  .tuple(arbitraryJourney, fc.nat(), fc.integer({ min: 1, max: 5 }))
  .map(([map, pick, weight]) => {
    const sources = map.nodes.filter((n) => n.kind !== 'outcome');
    const from = sources[pick % sources.length];
    const loop = (id: string, x: number) => ({ id, kind: 'touchpoint' as const, label: id, position: { x, y: 200 }, friction: [], dropOff: 0 });
    return {
      ...map,
      nodes: [...map.nodes, loop('loop-a', 0), loop('loop-b', 100)],
      edges: [
        ...map.edges,
        { id: 'into-loop', source: from.id, target: 'loop-a', weight },
        { id: 'loop-ab', source: 'loop-a', target: 'loop-b', weight: 1 },
        { id: 'loop-ba', source: 'loop-b', target: 'loop-a', weight: 1 },
      ],
    };
  });
