/**
 * How edges are announced: "Product page to Cart, 60%", the ends by name and then the very text the canvas
 * label shows (edgeLabelText: the share of the source's customers when it branches, then the edge's own label).
 */
import type { JourneyMap } from '../domain/types';
import { edgeIndex, edgeShare, nodeIndex } from '../store/selectors';
import { edgeLabelText } from './edgeLabelPoints';

export interface NamedEdge {
  id: string;
  source: string;
  target: string;
  name: string;
}

/** "Product page to Cart, 60%"; just the ends when the canvas shows no label. */
export function edgeName(sourceName: string, targetName: string, labelText: string): string {
  return labelText ? `${sourceName} to ${targetName}, ${labelText}` : `${sourceName} to ${targetName}`;
}

/**
 * Every edge of `map` with its name, in the order of their sources' cards (the cards' own Tab order), so a
 * card's ways out are next to each other. Shares come from `viewed` (the chosen persona's weights), as on
 * the canvas.
 */
export function namedEdges(map: JourneyMap, viewed: JourneyMap): NamedEdge[] {
  const nodes = nodeIndex(map.nodes);
  const order = new Map(map.nodes.map((n, i) => [n.id, i]));
  const viewedEdges = viewed.edges;
  const known = edgeIndex(viewedEdges);
  const named = map.edges.map((edge) => {
    const share = known.has(edge.id) ? edgeShare(viewedEdges, edge.id) : edgeShare(map.edges, edge.id);
    const text = edgeLabelText(share, edge.label);
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      name: edgeName(nodes.get(edge.source)?.label ?? edge.source, nodes.get(edge.target)?.label ?? edge.target, text),
    };
  });
  // Array sort is stable: edges of one source keep their map order.
  return named.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
}
