import { personaView } from '../domain/personaView';
import { scenarioDifferences, type ScenarioDifferences } from '../domain/scenarios';
import type { JourneyEdge, JourneyMap, JourneyNode } from '../domain/types';
import type { EditorState } from './editorStore';

/** id → item, computed once per array (immer gives a new array only when its items change). */
const indexCache = new WeakMap<readonly { id: string }[], Map<string, unknown>>();
function idIndex<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  let index = indexCache.get(items) as Map<string, T> | undefined;
  if (!index) {
    index = new Map(items.map((item) => [item.id, item]));
    indexCache.set(items, index);
  }
  return index;
}

export const nodeIndex = (nodes: readonly JourneyNode[]): Map<string, JourneyNode> => idIndex(nodes);
export const edgeIndex = (edges: readonly JourneyEdge[]): Map<string, JourneyEdge> => idIndex(edges);

/** "source\0target" for every edge, once per edges array: the duplicate check while connecting. */
const pairCache = new WeakMap<readonly JourneyEdge[], Set<string>>();
export function edgePairs(edges: readonly JourneyEdge[]): Set<string> {
  let pairs = pairCache.get(edges);
  if (!pairs) {
    pairs = new Set(edges.map((e) => `${e.source}\u0000${e.target}`));
    pairCache.set(edges, pairs);
  }
  return pairs;
}

/** source id → { total outgoing weight, number of outgoing edges }, once per edges array. */
const outgoingCache = new WeakMap<readonly JourneyEdge[], Map<string, { total: number; count: number }>>();
export function outgoingTotals(edges: readonly JourneyEdge[]): Map<string, { total: number; count: number }> {
  let totals = outgoingCache.get(edges);
  if (!totals) {
    totals = new Map();
    for (const e of edges) {
      const t = totals.get(e.source) ?? { total: 0, count: 0 };
      t.total += e.weight;
      t.count += 1;
      totals.set(e.source, t);
    }
    outgoingCache.set(edges, totals);
  }
  return totals;
}

export const selectNode = (id: string) => (s: EditorState) => nodeIndex(s.map.nodes).get(id);
export const selectEdge = (id: string) => (s: EditorState) => edgeIndex(s.map.edges).get(id);
/** The node as the canvas shows it: with the chosen persona's overrides (the map's own node without one). */
export const selectViewedNode = (id: string) => (s: EditorState) => nodeIndex(viewedMap(s).nodes).get(id);

/** The edge's share of its source's outgoing weight, or null when the source has a single way out. */
export function edgeShare(edges: readonly JourneyEdge[], id: string): number | null {
  const edge = edgeIndex(edges).get(id);
  if (!edge) return null;
  const out = outgoingTotals(edges).get(edge.source);
  if (!out || out.count < 2 || out.total <= 0) return null;
  return edge.weight / out.total;
}

/** The edge's share as the canvas shows it: among the chosen persona's weights when one is chosen. */
export const selectEdgeShare = (id: string) => (s: EditorState) => edgeShare(viewedMap(s).edges, id);

export const selectCanUndo = (s: EditorState) => s.history.past.length > 0;
export const selectCanRedo = (s: EditorState) => s.history.future.length > 0;

/**
 * The map as the chosen persona sees it (domain personaView), cached per map and persona so that canvas
 * nodes selecting from it get the same objects until the map or the persona changes.
 */
const viewCache = new WeakMap<JourneyMap, Map<string, JourneyMap>>();
export function viewedMap(state: Pick<EditorState, 'map' | 'persona'>): JourneyMap {
  const { map, persona } = state;
  if (persona === null || !map.personas.some((p) => p.id === persona)) return map;
  let views = viewCache.get(map);
  if (!views) viewCache.set(map, (views = new Map()));
  let view = views.get(persona);
  if (!view) views.set(persona, (view = personaView(map, persona)));
  return view;
}

/** The chosen persona's id, or null when none is chosen or it is no longer in the map. */
export const activePersona = (state: Pick<EditorState, 'map' | 'persona'>): string | null =>
  state.persona !== null && state.map.personas.some((p) => p.id === state.persona) ? state.persona : null;

/** How each node and edge of the shown scenario differs from the as-is, once per document and scenario. */
const differenceCache = new WeakMap<JourneyMap, Map<string, ScenarioDifferences | null>>();
function differences(state: Pick<EditorState, 'document' | 'scenario'>): ScenarioDifferences | null {
  const { document, scenario } = state;
  if (scenario === null) return null;
  let byScenario = differenceCache.get(document);
  if (!byScenario) differenceCache.set(document, (byScenario = new Map()));
  let found = byScenario.get(scenario);
  if (found === undefined) byScenario.set(scenario, (found = scenarioDifferences(document, scenario)));
  return found;
}

/** 'added' or 'changed' when the node shown differs from the as-is map's; undefined otherwise (and in the as-is). */
export const selectScenarioMark = (id: string) => (s: Pick<EditorState, 'document' | 'scenario'>) => differences(s)?.nodes.get(id);
export const selectScenarioEdgeMark = (id: string) => (s: Pick<EditorState, 'document' | 'scenario'>) => differences(s)?.edges.get(id);
/** Ids of as-is nodes the shown scenario removes (empty in the as-is). */
export const selectScenarioRemovals = (s: Pick<EditorState, 'document' | 'scenario'>) => differences(s);
