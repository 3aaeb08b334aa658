/**
 * What may connect to what: the one home of the edge rules. The canvas asks it while a connection is
 * dragged, the store's `connect` edit refuses with its words, and the file format checks every edge of an
 * imported map with it.
 */
import type { JourneyEdge, JourneyNode, NodeKind } from './types';

export type ConnectionRule = 'missing-source' | 'missing-target' | 'from-outcome' | 'into-entry' | 'self-loop' | 'duplicate';

export type ConnectionCheck = { ok: true } | { ok: false; rule: ConnectionRule };

/**
 * Whether an edge source → target is allowed. `kindOf` answers a node id with its kind (undefined when there
 * is no such node); `edgeExists` says whether the map already has an edge source → target.
 */
export function canConnect(
  kindOf: (id: string) => NodeKind | undefined,
  edgeExists: (source: string, target: string) => boolean,
  source: string,
  target: string,
): ConnectionCheck {
  const from = kindOf(source);
  const to = kindOf(target);
  if (from === undefined) return { ok: false, rule: 'missing-source' };
  if (to === undefined) return { ok: false, rule: 'missing-target' };
  if (from === 'outcome') return { ok: false, rule: 'from-outcome' };
  if (to === 'entry') return { ok: false, rule: 'into-entry' };
  if (source === target) return { ok: false, rule: 'self-loop' };
  if (edgeExists(source, target)) return { ok: false, rule: 'duplicate' };
  return { ok: true };
}

/** canConnect against a whole map (linear scans: for single edits; bulk checks build their own indexes). */
export function canConnectInMap(
  map: { nodes: readonly Pick<JourneyNode, 'id' | 'kind'>[]; edges: readonly Pick<JourneyEdge, 'source' | 'target'>[] },
  source: string,
  target: string,
): ConnectionCheck {
  return canConnect(
    (id) => map.nodes.find((n) => n.id === id)?.kind,
    (s, t) => map.edges.some((e) => e.source === s && e.target === t),
    source,
    target,
  );
}

/** The rule in words, naming the nodes by label (or id where no label is known). */
export function connectionRuleText(rule: ConnectionRule, source: string, target: string): string {
  switch (rule) {
    case 'missing-source':
      return `there is no node "${source}"`;
    case 'missing-target':
      return `there is no node "${target}"`;
    case 'from-outcome':
      return `"${source}" is an outcome: a journey ends there, so it cannot lead anywhere`;
    case 'into-entry':
      return `"${target}" is an entry: customers start there, so nothing can lead into it`;
    case 'self-loop':
      return `"${source}" cannot lead to itself`;
    case 'duplicate':
      return `"${source}" already leads to "${target}"`;
  }
}
