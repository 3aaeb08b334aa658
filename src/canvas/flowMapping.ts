/**
 * Map → React Flow. Flow nodes carry only what React Flow needs (id, type, position, selection, measured
 * size); node components read everything else from the store by id. Objects are reused while their inputs
 * are unchanged so React Flow keeps its internal node state and re-renders only what changed.
 */
import type { Edge, Node } from '@xyflow/react';
import { MarkerType, Position as Side } from '@xyflow/react';
import { NODE_HEIGHT_ESTIMATE } from '../domain/edits';
import { NODE_WIDTH, STICKY_WIDTH } from '../domain/layout';
import type { JourneyEdge, JourneyNode, Position, StickyNote } from '../domain/types';

const NO_DATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

const HANDLE = 10;
const NOTE_HEIGHT_ESTIMATE = 90;

/**
 * Without a size and handles React Flow renders every unmeasured node, off screen too, so opening a big map
 * mounted all of them; with an estimate only visible nodes mount, and the ResizeObserver corrects both.
 */
function estimatedSize(node: JourneyNode): Pick<Node, 'initialWidth' | 'initialHeight' | 'handles'> {
  const height = NODE_HEIGHT_ESTIMATE[node.kind];
  const y = height / 2 - HANDLE / 2;
  const handles: NonNullable<Node['handles']> = [];
  if (node.kind !== 'entry') handles.push({ type: 'target', position: Side.Left, x: -HANDLE / 2, y, width: HANDLE, height: HANDLE });
  if (node.kind !== 'outcome') handles.push({ type: 'source', position: Side.Right, x: NODE_WIDTH - HANDLE / 2, y, width: HANDLE, height: HANDLE });
  return { initialWidth: NODE_WIDTH, initialHeight: height, handles };
}

export interface Measured {
  width: number;
  height: number;
}

const KIND_NAMES = { touchpoint: 'Touchpoint', entry: 'Entry', outcome: 'Outcome' } as const;

interface NodeCacheEntry {
  source: JourneyNode | StickyNote;
  selected: boolean;
  position: Position;
  measured: Measured | undefined;
  flow: Node;
}

export class FlowNodeMapper {
  private cache = new Map<string, NodeCacheEntry>();

  /** Sticky notes come first, so they sit under the journey's cards when they overlap. */
  map(
    nodes: readonly JourneyNode[],
    notes: readonly StickyNote[],
    selected: ReadonlySet<string>,
    dragPositions: Record<string, Position> | null,
    measured: ReadonlyMap<string, Measured>,
  ): Node[] {
    const next = new Map<string, NodeCacheEntry>();
    const out: Node[] = new Array(notes.length + nodes.length);
    for (let i = 0; i < out.length; i++) {
      const source = i < notes.length ? notes[i] : nodes[i - notes.length];
      const isSelected = selected.has(source.id);
      const position = dragPositions?.[source.id] ?? source.position;
      const size = measured.get(source.id);
      const prev = this.cache.get(source.id);
      let entry: NodeCacheEntry;
      if (prev && prev.source === source && prev.selected === isSelected && prev.position === position && prev.measured === size) {
        entry = prev;
      } else {
        const flow: Node =
          'kind' in source
            ? {
                id: source.id,
                type: source.kind,
                position,
                data: NO_DATA,
                selected: isSelected,
                ariaLabel: `${KIND_NAMES[source.kind]}: ${source.label}`,
                ...(size ? { measured: size } : estimatedSize(source)),
              }
            : {
                id: source.id,
                type: 'note',
                position,
                data: NO_DATA,
                selected: isSelected,
                connectable: false,
                ariaLabel: `Sticky note: ${source.text.trim() === '' ? 'empty' : source.text.slice(0, 80)}`,
                ...(size ? { measured: size } : { initialWidth: source.width ?? STICKY_WIDTH, initialHeight: NOTE_HEIGHT_ESTIMATE }),
              };
        entry = { source, selected: isSelected, position, measured: size, flow };
      }
      next.set(source.id, entry);
      out[i] = entry.flow;
    }
    this.cache = next;
    return out;
  }
}

interface EdgeCacheEntry {
  source: JourneyEdge;
  selected: boolean;
  flow: Edge;
}

/**
 * The SVG edges are for the mouse: for the keyboard and screen readers each edge has a named stand-in after
 * the cards (EdgeFocusList). React Flow names an edge without ariaLabel by its ends' ids; null writes no name.
 */
const EDGE_DOM_ATTRIBUTES = Object.freeze({ 'aria-hidden': true }) as Edge['domAttributes'];
const NO_ARIA_LABEL = null as unknown as string;

/** In user-space units, so arrowheads keep their size when the heatmap widens an edge. */
const MARKER = { type: MarkerType.ArrowClosed, width: 14, height: 14, color: '#64748b', markerUnits: 'userSpaceOnUse' } as const;

export class FlowEdgeMapper {
  private cache = new Map<string, EdgeCacheEntry>();

  map(edges: readonly JourneyEdge[], selected: ReadonlySet<string>): Edge[] {
    const next = new Map<string, EdgeCacheEntry>();
    const out: Edge[] = new Array(edges.length);
    for (let i = 0; i < edges.length; i++) {
      const source = edges[i];
      const isSelected = selected.has(source.id);
      const prev = this.cache.get(source.id);
      let entry: EdgeCacheEntry;
      if (prev && prev.source === source && prev.selected === isSelected) {
        entry = prev;
      } else {
        entry = {
          source,
          selected: isSelected,
          flow: {
            id: source.id,
            source: source.source,
            target: source.target,
            type: 'journey',
            selected: isSelected,
            markerEnd: MARKER,
            data: NO_DATA,
            ariaLabel: NO_ARIA_LABEL,
            domAttributes: EDGE_DOM_ATTRIBUTES,
          },
        };
      }
      next.set(source.id, entry);
      out[i] = entry.flow;
    }
    this.cache = next;
    return out;
  }
}
