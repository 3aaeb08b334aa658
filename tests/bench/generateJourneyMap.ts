/**
 * Generated journey maps for benchmarks and large-map tests: touchpoints in journey order, each leading on to
 * one or two of the next few, some going back a few steps (customers compare, ask, return), a few leaving
 * early to an outcome. Average out-degree is about 2.5; cycles stay local, as in real journeys.
 */
import { createMap, type JourneyEdge, type JourneyMap, type JourneyNode, type Severity } from '../../src/domain';
import { Xoshiro128 } from '../../src/simulation/prng';

export interface GeneratorOptions {
  nodes: number;
  seed?: number;
  /** Probability that a touchpoint has an edge back to one of the 4 before it (default 0.3). */
  backEdgeProbability?: number;
  /** How far ahead forward edges reach (default 12). */
  window?: number;
}

export function generateJourneyMap({ nodes, seed = 1, backEdgeProbability = 0.3, window = 12 }: GeneratorOptions): JourneyMap {
  const rng = new Xoshiro128(seed);
  const random = () => rng.nextDouble();
  const pick = (k: number) => Math.floor(random() * k);
  const entries = Math.max(1, Math.round(nodes * 0.01));
  const outcomes = Math.max(2, Math.round(nodes * 0.02));
  const touchpoints = nodes - entries - outcomes;
  if (touchpoints < 1) throw new RangeError('Too few nodes');

  const list: JourneyNode[] = [];
  const node = (id: string, kind: JourneyNode['kind'], i: number): JourneyNode => ({
    id, kind, label: id, position: { x: i * 10, y: 0 }, friction: [],
  });
  for (let i = 0; i < entries; i++) list.push({ ...node(`entry-${i}`, 'entry', i), share: 1 + pick(5) });
  for (let i = 0; i < touchpoints; i++) {
    const tp = node(`tp-${i}`, 'touchpoint', i);
    if (random() < 0.5) tp.dropOff = 0.01 + 0.1 * random();
    else tp.friction = Array.from({ length: pick(3) }, (_, k) => ({ id: `f${k}`, note: 'friction', severity: (1 + pick(5)) as Severity }));
    list.push(tp);
  }
  for (let i = 0; i < outcomes; i++) list.push({ ...node(`outcome-${i}`, 'outcome', i), result: i % 2 === 0 ? 'success' : 'failure' });

  const edges: JourneyEdge[] = [];
  const seen = new Set<string>();
  const connect = (source: string, target: string) => {
    const key = `${source}>${target}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ id: `e-${edges.length}`, source, target, weight: 1 + pick(9) });
  };
  const outcome = () => `outcome-${pick(outcomes)}`;
  for (let i = 0; i < entries; i++) {
    connect(`entry-${i}`, `tp-${pick(Math.min(touchpoints, window))}`);
    if (random() < 0.5) connect(`entry-${i}`, `tp-${pick(Math.min(touchpoints, window))}`);
  }
  for (let i = 0; i < touchpoints; i++) {
    const source = `tp-${i}`;
    const ahead = touchpoints - 1 - i;
    if (ahead === 0) {
      connect(source, outcome());
      connect(source, outcome());
      continue;
    }
    connect(source, `tp-${i + 1 + pick(Math.min(ahead, window))}`);
    if (random() < 0.6) connect(source, `tp-${i + 1 + pick(Math.min(ahead, window))}`);
    if (i > 0 && random() < backEdgeProbability) connect(source, `tp-${i - 1 - pick(Math.min(i, 4))}`);
    if (random() < 0.15 || ahead < 3) connect(source, outcome());
  }
  return createMap({ id: `generated-${nodes}-${seed}`, name: `Generated ${nodes}`, nodes: list, edges });
}

export interface PersonaOptions {
  personas: number;
  seed?: number;
  /** Share of the drop-offs (entries and touchpoints) and of the edge weights each persona overrides (default 0.1). */
  overrides?: number;
}

/** `map` with personas of random shares, each overriding about `overrides` of the drop-offs and of the weights. */
export function withGeneratedPersonas(map: JourneyMap, { personas, seed = 1, overrides = 0.1 }: PersonaOptions): JourneyMap {
  const rng = new Xoshiro128(seed);
  const random = () => rng.nextDouble();
  return {
    ...map,
    personas: Array.from({ length: personas }, (_, k) => ({
      id: `persona-${k}`,
      name: `Persona ${k}`,
      share: 1 + Math.floor(random() * 9),
      nodes: map.nodes.filter((n) => n.kind !== 'outcome' && random() < overrides).map((n) => ({ node: n.id, dropOff: 0.01 + 0.2 * random() })),
      edges: map.edges.filter(() => random() < overrides).map((e) => ({ edge: e.id, weight: 1 + Math.floor(random() * 9) })),
    })),
  };
}
