/**
 * A slow, independent reference for the exact engine: pushes the customer distribution through the map step
 * by step (value iteration) straight from the JourneyMap, without compile.ts, SCCs or linear algebra.
 */
import { DEFAULT_SEVERITY_DROP_OFF, effectiveDropOff, type JourneyMap } from '../../../src/domain';

export interface ReferenceResult {
  outcomes: Record<string, number>;
  abandon: Record<string, number>;
  visits: Record<string, number>;
  /** Mass still moving after the last iteration (customers caught in closed loops). */
  remaining: number;
}

export function referenceAnalysis(map: JourneyMap, iterations = 20_000): ReferenceResult {
  const severity = map.simulation?.severityDropOff ?? DEFAULT_SEVERITY_DROP_OFF;
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const out = new Map<string, { target: string; weight: number }[]>();
  for (const e of map.edges) {
    if (byId.get(e.source)!.kind === 'outcome') continue;
    out.set(e.source, [...(out.get(e.source) ?? []), { target: e.target, weight: e.weight }]);
  }
  const result: ReferenceResult = { outcomes: {}, abandon: {}, visits: {}, remaining: 0 };
  for (const n of map.nodes) {
    if (n.kind === 'outcome') result.outcomes[n.id] = 0;
    else result.abandon[n.id] = 0;
    result.visits[n.id] = 0;
  }
  let x = new Map<string, number>();
  const entries = map.nodes.filter((n) => n.kind === 'entry');
  const total = entries.reduce((s, n) => s + (n.share ?? 1), 0);
  for (const n of entries) x.set(n.id, (n.share ?? 1) / total);
  for (let t = 0; t < iterations && x.size > 0; t++) {
    const next = new Map<string, number>();
    for (const [id, mass] of x) {
      const node = byId.get(id)!;
      result.visits[id] += mass;
      if (node.kind === 'outcome') {
        result.outcomes[id] += mass;
        continue;
      }
      const edges = out.get(id) ?? [];
      const d = edges.length === 0 ? 1 : effectiveDropOff(node, severity);
      result.abandon[id] += mass * d;
      const sum = edges.reduce((s, e) => s + e.weight, 0);
      for (const e of edges) next.set(e.target, (next.get(e.target) ?? 0) + (mass * (1 - d) * e.weight) / sum);
    }
    x = new Map([...next].filter(([, m]) => m > 1e-300));
  }
  for (const m of x.values()) result.remaining += m;
  return result;
}
