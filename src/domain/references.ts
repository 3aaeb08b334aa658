/**
 * Keeps the references personas and opportunities hold (to nodes, edges and friction notes) pointing at
 * things that exist, after an edit removed some. Called by the edits that remove; arrays are replaced only
 * when something goes, so removing nothing is no change.
 */
import type { JourneyMap } from './types';

export function pruneReferences(map: JourneyMap): void {
  const nodes = new Set(map.nodes.map((n) => n.id));
  const edges = new Set(map.edges.map((e) => e.id));
  for (const persona of map.personas) {
    if (persona.nodes.some((o) => !nodes.has(o.node))) persona.nodes = persona.nodes.filter((o) => nodes.has(o.node));
    if (persona.edges.some((o) => !edges.has(o.edge))) persona.edges = persona.edges.filter((o) => edges.has(o.edge));
  }
  if (map.opportunities.length === 0) return;
  const notes = new Set<string>();
  for (const node of map.nodes) for (const f of node.friction) notes.add(JSON.stringify([node.id, f.id]));
  for (const opportunity of map.opportunities) {
    if (opportunity.touchpoints.some((id) => !nodes.has(id))) opportunity.touchpoints = opportunity.touchpoints.filter((id) => nodes.has(id));
    const exists = (ref: { node: string; note: string }) => notes.has(JSON.stringify([ref.node, ref.note]));
    if (opportunity.friction.some((ref) => !exists(ref))) opportunity.friction = opportunity.friction.filter(exists);
  }
}
