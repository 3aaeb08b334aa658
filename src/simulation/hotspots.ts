/** Hotspot ranking: where fixing friction would win the most customers. */
import { openFriction, type FrictionNote, type JourneyMap, type JourneyNode } from '../domain';
import type { CompiledJourney } from './compile';
import type { ExactResult, Hotspot } from './types';

/**
 * Touchpoints and entries (entries are where journeys start, and can lose customers too), ordered by
 * uplift, then by customers lost there, then by label. `journey.dropOff`: each node's drop-off, in map
 * order (with personas, the blended one).
 */
export function rankHotspots(map: JourneyMap, journey: Pick<CompiledJourney, 'dropOff'>, exact: ExactResult): Hotspot[] {
  const hotspots: Hotspot[] = [];
  map.nodes.forEach((node, i) => {
    if (node.kind !== 'outcome') hotspots.push(hotspotOf(node, journey.dropOff[i], exact));
  });
  // Plain string order for ties: deterministic everywhere, and no collator start-up cost.
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return hotspots.sort((a, b) => b.uplift - a.uplift || b.lostPer1000 - a.lostPer1000 || byText(a.label, b.label) || byText(a.nodeId, b.nodeId));
}

/** One node's hotspot entry, from the exact results. */
export function hotspotOf(node: JourneyNode, dropOff: number, exact: ExactResult): Hotspot {
  const hotspot: Hotspot = {
    nodeId: node.id,
    label: node.label,
    kind: node.kind,
    dropOff,
    lostPer1000: 1000 * exact.abandon[node.id],
    uplift: exact.uplift[node.id],
    removalEffect: exact.removalEffect[node.id],
    reach: exact.reach[node.id],
  };
  if (node.scores) hotspot.scores = { ...node.scores };
  const worst = worstOpenFriction(node.friction);
  if (worst) hotspot.worstFriction = { ...worst };
  return hotspot;
}

/** The open friction note with the highest severity (the first one listed among equals). */
export function worstOpenFriction(friction: readonly FrictionNote[]): FrictionNote | undefined {
  let worst: FrictionNote | undefined;
  for (const note of openFriction({ friction: [...friction] })) if (!worst || note.severity > worst.severity) worst = note;
  return worst;
}
