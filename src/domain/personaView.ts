/**
 * The map as one persona sees it: the single fallback rule for persona overrides (anything not overridden is
 * the map's value). Apart from the persona edits so that the canvas can read it without loading them.
 */
import type { JourneyMap, Persona } from './types';

export function findPersona(map: Pick<JourneyMap, 'personas'>, id: string | null | undefined): Persona | undefined {
  return id == null ? undefined : map.personas.find((p) => p.id === id);
}

/**
 * The map as persona `id` sees it: its overrides written into the nodes and edges, everything else shared
 * with `map` (unchanged objects are the same objects). Without such a persona, `map` itself.
 */
export function personaView(map: JourneyMap, id: string | null | undefined): JourneyMap {
  const persona = findPersona(map, id);
  if (!persona || (persona.nodes.length === 0 && persona.edges.length === 0)) return map;
  const nodeOverrides = new Map(persona.nodes.map((o) => [o.node, o]));
  const edgeOverrides = new Map(persona.edges.map((o) => [o.edge, o.weight]));
  return {
    ...map,
    nodes: map.nodes.map((node) => {
      const o = nodeOverrides.get(node.id);
      if (!o) return node;
      const next = { ...node };
      if (o.share !== undefined && node.kind === 'entry') next.share = o.share;
      if (o.dropOff !== undefined && node.kind !== 'outcome') next.dropOff = o.dropOff;
      if (o.emotion !== undefined && node.kind === 'touchpoint') next.emotion = o.emotion;
      return next;
    }),
    edges: map.edges.map((edge) => {
      const weight = edgeOverrides.get(edge.id);
      return weight === undefined ? edge : { ...edge, weight };
    }),
  };
}

