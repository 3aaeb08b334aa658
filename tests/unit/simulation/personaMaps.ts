/** Test API for persona tests: a fork with known closed forms, random personas, and a persona-free twin of a map. */
import fc from 'fast-check';
import { personaShares, personaView, type JourneyMap, type NodeOverride, type Persona } from '../../../src/domain';
import { arbitraryJourney, makeMap } from './maps';

export function persona(id: string, share: number, nodes: NodeOverride[] = [], edges: Persona['edges'] = []): Persona {
  return { id, name: `Persona ${id}`, share, nodes, edges };
}

/**
 * A fork: customers enter at `in` and take branch `a` (drop-off 0.2, then Bought) or `b` (drop-off 0.5,
 * then Bought 3 : Gives up 1). Persona A (share 3) takes a nine times in ten; persona B (share 1) takes b
 * four times in five and meets a drop-off of 0.4 at a.
 *
 *   A: success 0.9·0.8 + 0.1·0.5·0.75 = 0.7575, failure 0.1·0.5·0.25 = 0.0125
 *   B: success 0.2·0.6 + 0.8·0.5·0.75 = 0.42,   failure 0.8·0.5·0.25 = 0.1
 */
export function forkMap(): JourneyMap {
  const map = makeMap(
    [
      { id: 'in', kind: 'entry', label: 'Ad' },
      { id: 'a', label: 'Branch A', dropOff: 0.2 },
      { id: 'b', label: 'Branch B', dropOff: 0.5 },
      { id: 'won', kind: 'outcome', label: 'Bought', result: 'success' },
      { id: 'lost', kind: 'outcome', label: 'Gives up', result: 'failure' },
    ],
    [
      ['in', 'a'], // e0
      ['in', 'b'], // e1
      ['a', 'won'], // e2
      ['b', 'won', 3], // e3
      ['b', 'lost', 1], // e4
    ],
    { id: 'fork', name: 'Fork' },
  );
  map.personas = [
    persona('A', 3, [], [{ edge: 'e0', weight: 9 }, { edge: 'e1', weight: 1 }]),
    persona('B', 1, [{ node: 'a', dropOff: 0.4 }], [{ edge: 'e0', weight: 1 }, { edge: 'e1', weight: 4 }]),
  ];
  return map;
}

/** `count` personas with random shares, each overriding some drop-offs, entry shares and edge weights. */
export function withRandomPersonas(map: JourneyMap, count: number, seed: number): JourneyMap {
  let state = seed | 1;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    return ((state >>> 8) & 0xffffff) / 0x1000000;
  };
  const personas: Persona[] = [];
  for (let k = 0; k < count; k++) {
    const nodes: NodeOverride[] = [];
    for (const node of map.nodes) {
      if (node.kind === 'outcome' || random() > 0.35) continue;
      const override: NodeOverride = { node: node.id, dropOff: random() < 0.2 ? 0 : 0.6 * random() };
      if (node.kind === 'entry' && random() < 0.5) override.share = 1 + Math.floor(5 * random());
      nodes.push(override);
    }
    const edges = map.edges.filter(() => random() < 0.35).map((e) => ({ edge: e.id, weight: 1 + Math.floor(9 * random()) }));
    personas.push(persona(`p${k}`, 1 + Math.floor(5 * random()), nodes, edges));
  }
  return { ...map, personas };
}

/** Random small journeys with 2 or 3 random personas. */
export const arbitraryPersonaJourney: fc.Arbitrary<JourneyMap> = fc
  .tuple(arbitraryJourney, fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }))
  .map(([map, count, seed]) => withRandomPersonas(map, count, seed));

/**
 * One map without personas in which each persona's customers walk a copy of their own (ids `id@k`), entered
 * with the persona's share of all customers: the population a blend describes, solved as one chain.
 */
export function disjointUnion(map: JourneyMap): JourneyMap {
  const shares = personaShares(map);
  const copies = map.personas.map((p, k) => {
    const view = personaView(map, p.id);
    const entryTotal = view.nodes.reduce((sum, n) => sum + (n.kind === 'entry' ? (n.share ?? 1) : 0), 0);
    return {
      nodes: view.nodes.map((n) => ({
        ...n,
        id: `${n.id}@${k}`,
        ...(n.kind === 'entry' ? { share: (shares[k] * (n.share ?? 1)) / entryTotal } : {}),
      })),
      edges: view.edges.map((e) => ({ ...e, id: `${e.id}@${k}`, source: `${e.source}@${k}`, target: `${e.target}@${k}` })),
    };
  });
  return { ...map, personas: [], nodes: copies.flatMap((c) => c.nodes), edges: copies.flatMap((c) => c.edges) };
}

/** |actual − expected| within `tolerance`, relative above 1; equal infinities agree. */
export function expectNear(actual: number, expected: number, tolerance = 1e-12, what = ''): void {
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}
