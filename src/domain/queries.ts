import { DEFAULT_SEVERITY_DROP_OFF, type FrictionNote, type JourneyEdge, type JourneyMap, type JourneyNode } from './types';

export function findNode(map: JourneyMap, id: string): JourneyNode | undefined {
  return map.nodes.find((n) => n.id === id);
}

export function findEdge(map: JourneyMap, id: string): JourneyEdge | undefined {
  return map.edges.find((e) => e.id === id);
}

export function outgoingEdges(map: JourneyMap, nodeId: string): JourneyEdge[] {
  return map.edges.filter((e) => e.source === nodeId);
}

/** Share of the source's outgoing weight that goes along `edge` (0..1). */
export function edgeShare(map: JourneyMap, edge: JourneyEdge): number {
  let total = 0;
  for (const e of map.edges) if (e.source === edge.source) total += e.weight;
  return total > 0 ? edge.weight / total : 0;
}

export function openFriction(node: Pick<JourneyNode, 'friction'>): FrictionNote[] {
  return node.friction.filter((f) => !f.resolved);
}

/** Highest severity among open friction notes, or 0 when there is none. */
export function worstOpenSeverity(node: Pick<JourneyNode, 'friction'>): number {
  let worst = 0;
  for (const f of node.friction) if (!f.resolved && f.severity > worst) worst = f.severity;
  return worst;
}

/**
 * Probability that a customer abandons at this node: the explicit `dropOff` if set, otherwise
 * 1 − Π(1 − s[severity]) over the node's unresolved friction notes. Outcomes never lose customers.
 */
export function effectiveDropOff(
  node: Pick<JourneyNode, 'kind' | 'dropOff' | 'friction'>,
  severityDropOff: readonly number[] = DEFAULT_SEVERITY_DROP_OFF,
): number {
  if (node.kind === 'outcome') return 0;
  if (node.dropOff !== undefined) return node.dropOff;
  let stay = 1;
  for (const f of node.friction) if (!f.resolved) stay *= 1 - (severityDropOff[f.severity - 1] ?? 0);
  return 1 - stay;
}

export function channelName(map: JourneyMap, id: string | undefined): string | undefined {
  return id === undefined ? undefined : map.channels.find((c) => c.id === id)?.name;
}

export function stageName(map: JourneyMap, id: string | undefined): string | undefined {
  return id === undefined ? undefined : map.stages.find((s) => s.id === id)?.name;
}
