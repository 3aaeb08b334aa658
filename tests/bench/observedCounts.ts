/**
 * Counts behind a map's values, for uncertainty tests and benchmarks: every entry and touchpoint gets a
 * drop-off calibrated from customers observed arriving and leaving, and every edge a count of customers
 * observed taking it, as an evidence import would leave them.
 */
import { effectiveDropOff, type JourneyMap } from '../../src/domain';
import { Xoshiro128 } from '../../src/simulation/prng';

export interface CountOptions {
  seed?: number;
  /** Customers observed arriving at a node: from `customers` to twice that (default 1,000). */
  customers?: number;
}

/** `map` with observed counts on every entry and touchpoint and on every edge; the values follow the counts. */
export function withObservedCounts(map: JourneyMap, { seed = 1, customers = 1000 }: CountOptions = {}): JourneyMap {
  const rng = new Xoshiro128(seed);
  const stayed = new Map<string, number>();
  const nodes = map.nodes.map((node) => {
    if (node.kind === 'outcome') return node;
    const entered = customers + Math.floor(rng.nextDouble() * customers);
    const left = Math.round(entered * effectiveDropOff(node));
    stayed.set(node.id, entered - left);
    return { ...node, dropOff: left / entered, observed: { entered, left } };
  });
  const weightSum = new Map<string, number>();
  for (const edge of map.edges) weightSum.set(edge.source, (weightSum.get(edge.source) ?? 0) + edge.weight);
  const edges = map.edges.map((edge) => {
    const count = Math.round(((stayed.get(edge.source) ?? customers) * edge.weight) / weightSum.get(edge.source)!);
    return { ...edge, weight: Math.max(count, 1), observed: { count } };
  });
  return { ...map, nodes, edges };
}
