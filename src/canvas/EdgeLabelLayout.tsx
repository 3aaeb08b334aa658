/**
 * Places every edge label clear of the cards and of each other (see edgeLabels.ts) and publishes the points
 * by edge id; each JourneyEdge reads its own. Placement is in flow coordinates: it runs when the map, a drag
 * or a measured card size changes, never on pan or zoom, and only while labels are readable at all. A drag
 * step or a card measured as it scrolls into view re-places only the labels around that card.
 */
import { useStore as useFlowStore, type InternalNode } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import type { JourneyEdge } from '../domain/types';
import { useEditor } from '../store/editorStore';
import { edgeShare, viewedMap } from '../store/selectors';
import { edgeLabelText, labelsReadable, useEdgeLabels } from './edgeLabelPoints';
import { estimateLabelSize, placeEdgeLabels, type EdgeGeometry, type LabelPoint, type LabelRequest, type Rect, type Side } from './edgeLabels';


/**
 * A card's box and handle points, worked out once per React Flow internal node: a drag frame gives new internal
 * nodes to the dragged cards only, so every other card's geometry is reused.
 */
interface CardGeometry {
  node: InternalNode;
  /** React Flow reassigns positionAbsolute in place (same values) after every measurement. */
  position: InternalNode['internals']['positionAbsolute'];
  rect: Rect;
  source: HandlePoint | null;
  target: HandlePoint | null;
}

interface HandlePoint {
  x: number;
  y: number;
  side: Side;
}

/** An edge's label request, reused while the edge, its text and both cards' geometry are the same objects. */
interface RequestEntry {
  edge: JourneyEdge;
  /** The edges array the text was worked out from (a share depends on the source's other edges). */
  edges: readonly JourneyEdge[];
  source: CardGeometry;
  target: CardGeometry;
  box: LabelBox;
  /** null: the edge shows no label, or a card has no handle yet. */
  request: LabelRequest | null;
}

/** What the last placement was made from, to tell a real change from a selection click. */
interface Placement {
  edges: readonly JourneyEdge[];
  cards: Map<string, CardGeometry>;
  requests: LabelRequest[];
  points: Map<string, LabelPoint>;
}

function nodeRect(node: InternalNode): Rect {
  const { x, y } = node.internals.positionAbsolute;
  return {
    x,
    y,
    width: node.measured.width ?? node.width ?? node.initialWidth ?? 0,
    height: node.measured.height ?? node.height ?? node.initialHeight ?? 0,
  };
}

/** The point an edge leaves or enters a card, as React Flow computes it (its first handle of that type). */
function handlePoint(node: InternalNode, type: 'source' | 'target'): HandlePoint | null {
  const handle = node.internals.handleBounds?.[type]?.[0] ?? node.handles?.find((h) => h.type === type);
  if (!handle) return null;
  const x = handle.x + node.internals.positionAbsolute.x;
  const y = handle.y + node.internals.positionAbsolute.y;
  const width = handle.width ?? 1;
  const height = handle.height ?? 1;
  const side = handle.position as Side;
  switch (side) {
    case 'top':
      return { x: x + width / 2, y, side };
    case 'right':
      return { x: x + width, y: y + height / 2, side };
    case 'bottom':
      return { x: x + width / 2, y: y + height, side };
    case 'left':
      return { x, y: y + height / 2, side };
  }
}

const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const samePoint = (a: HandlePoint | null, b: HandlePoint | null) => a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.side === b.side);

/** The card's geometry, the previous object itself while nothing about it changed. */
function cardGeometry(node: InternalNode, previous: CardGeometry | undefined): CardGeometry {
  const position = node.internals.positionAbsolute;
  if (previous?.node === node) {
    // The same internal node has the same size and handles; only its position object may have been replaced.
    if (previous.position === position) return previous;
    if (position.x === previous.rect.x && position.y === previous.rect.y) {
      previous.position = position;
      return previous;
    }
  }
  const rect = nodeRect(node);
  const source = handlePoint(node, 'source');
  const target = handlePoint(node, 'target');
  if (previous && sameRect(previous.rect, rect) && samePoint(previous.source, source) && samePoint(previous.target, target)) {
    previous.node = node;
    previous.position = node.internals.positionAbsolute;
    return previous;
  }
  return { node, position: node.internals.positionAbsolute, rect, source, target };
}

type LabelSize = (text: string) => { width: number; height: number };

/**
 * Sizes labels as the canvas draws them: the font, padding and border come from an `.jd-edge-label` probe
 * inside the flow, the text width from a 2D canvas (no layout). Without a canvas (jsdom), an estimate.
 */
function labelSizer(container: HTMLElement | null): LabelSize {
  const context = container && !navigator.userAgent.includes('jsdom') ? document.createElement('canvas').getContext('2d') : null;
  if (!container || !context) return estimateLabelSize;
  const probe = document.createElement('div');
  probe.className = 'jd-edge-label';
  probe.style.visibility = 'hidden';
  probe.textContent = '60%';
  container.appendChild(probe);
  const style = getComputedStyle(probe);
  const height = Math.ceil(probe.getBoundingClientRect().height);
  const chrome = [style.paddingLeft, style.paddingRight, style.borderLeftWidth, style.borderRightWidth].reduce((sum, px) => sum + (parseFloat(px) || 0), 0);
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  probe.remove();
  if (!(height > 0)) return estimateLabelSize;
  const widths = new Map<string, number>();
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = Math.ceil(context.measureText(text).width + chrome);
      widths.set(text, width);
    }
    return { width, height };
  };
}

type LabelBox = { width: number; height: number } | null;

/** The label's box, from its text ("60%", the connection's own label): null when the edge shows none. */
function labelBox(edge: JourneyEdge, edges: readonly JourneyEdge[], sizeOf: LabelSize): LabelBox {
  const text = edgeLabelText(edgeShare(edges, edge.id), edge.label);
  return text ? sizeOf(text) : null;
}

function labelRequest(edge: JourneyEdge, box: LabelBox, source: CardGeometry, target: CardGeometry): LabelRequest | null {
  if (!box || !source.source || !target.target) return null;
  const geometry: EdgeGeometry = {
    sourceX: source.source.x,
    sourceY: source.source.y,
    sourcePosition: source.source.side,
    targetX: target.target.x,
    targetY: target.target.y,
    targetPosition: target.target.side,
  };
  return { id: edge.id, geometry, ...box };
}

/** The edge's entry: the previous one while the edge, its text and both cards are the same objects. */
function requestEntry(edge: JourneyEdge, edges: readonly JourneyEdge[], source: CardGeometry, target: CardGeometry, sizeOf: LabelSize, before: RequestEntry | undefined): RequestEntry {
  const sameText = before !== undefined && before.edge === edge && before.edges === edges;
  if (sameText && before.source === source && before.target === target) return before;
  const box = sameText ? before.box : labelBox(edge, edges, sizeOf);
  return { edge, edges, source, target, box, request: labelRequest(edge, box, source, target) };
}

/** When more cards than this moved or changed size, every label is placed afresh rather than around kept ones. */
const MAX_CHANGED_FOR_KEEP = 50;

/** Whether the card covers part of the label's box (centred on `at`). */
function overlapsLabel(card: Rect, at: LabelPoint, label: LabelRequest): boolean {
  const halfWidth = label.width / 2;
  const halfHeight = label.height / 2;
  return card.x < at.x + halfWidth && at.x - halfWidth < card.x + card.width && card.y < at.y + halfHeight && at.y - halfHeight < card.y + card.height;
}

/** Keeps each unchanged point object, so only edges whose label moved re-render. The map is not changed after. */
function publish(points: Map<string, LabelPoint>): void {
  const before = useEdgeLabels.getState().points;
  for (const [id, point] of points) {
    const old = before.get(id);
    if (old && old.x === point.x && old.y === point.y) points.set(id, old);
  }
  useEdgeLabels.setState({ points });
}

/** `cardSizes` changes whenever cards were measured (React Flow's lookup has the sizes). */
function EdgeLabelLayoutView({ cardSizes }: { cardSizes: number }) {
  const readable = useFlowStore(labelsReadable);
  // A new array whenever a card moves or is selected; the lookup holds the details.
  const flowNodes = useFlowStore((s) => s.nodes);
  const lookup = useFlowStore((s) => s.nodeLookup);
  // The chosen persona's weights: its shares are the labels' text.
  const edges = useEditor((s) => viewedMap(s).edges);
  const dragging = useEditor((s) => s.dragPositions !== null);
  const container = useFlowStore((s) => s.domNode);
  const last = useRef<Placement | null>(null);
  const entries = useRef(new Map<string, RequestEntry>());
  const sizer = useRef<{ container: HTMLElement | null; sizeOf: LabelSize } | null>(null);
  const wasDragging = useRef(false);

  useLayoutEffect(() => {
    const dropped = wasDragging.current && !dragging;
    wasDragging.current = dragging;
    if (!readable) return;
    if (sizer.current?.container !== container) {
      sizer.current = { container, sizeOf: labelSizer(container) };
      entries.current = new Map();
    }
    const { sizeOf } = sizer.current;
    const previous = last.current;

    const cards = new Map<string, CardGeometry>();
    let changed: Set<string> | null = previous ? new Set() : null;
    const changedRects: Rect[] = [];
    for (const [id, node] of lookup) {
      if (node.hidden) continue;
      const before = previous?.cards.get(id);
      const card = cardGeometry(node, before);
      cards.set(id, card);
      if (card === before) continue;
      changed?.add(id);
      changedRects.push(card.rect);
    }
    if (previous && previous.cards.size !== cards.size) changed = null;

    // Edge by edge, in map order: an unchanged edge between unchanged cards keeps its request object.
    const nextEntries = new Map<string, RequestEntry>();
    const requests: LabelRequest[] = [];
    let sameRequests = previous !== null;
    for (const edge of edges) {
      const source = cards.get(edge.source);
      const target = cards.get(edge.target);
      if (!source || !target) continue;
      const entry = requestEntry(edge, edges, source, target, sizeOf, entries.current.get(edge.id));
      nextEntries.set(edge.id, entry);
      if (!entry.request) continue;
      if (sameRequests && previous?.requests[requests.length] !== entry.request) sameRequests = false;
      requests.push(entry.request);
    }
    entries.current = nextEntries;
    if (sameRequests && previous?.requests.length !== requests.length) sameRequests = false;
    if (!dropped && changed?.size === 0 && sameRequests) return;

    // Between edits only the labels of cards that moved or changed size (a drag step; cards measured as they
    // scroll into view) are searched again, around all the others, so a frame never pays for the whole map.
    // An edit or a drop places every label afresh.
    let keep: Map<string, LabelPoint> | undefined;
    if (previous && changed && changed.size <= MAX_CHANGED_FOR_KEEP && edges === previous.edges && !dropped) {
      keep = new Map();
      for (const request of requests) {
        const point = previous.points.get(request.id);
        if (point && !changedRects.some((r) => overlapsLabel(r, point, request))) keep.set(request.id, point);
      }
      for (const edge of edges) if (changed.has(edge.source) || changed.has(edge.target)) keep.delete(edge.id);
    }
    const rects: Rect[] = [];
    for (const card of cards.values()) rects.push(card.rect);
    const points = placeEdgeLabels(rects, requests, keep);
    publish(points);
    last.current = { edges, cards, requests, points };
  }, [readable, flowNodes, cardSizes, lookup, edges, dragging, container]);

  return null;
}

export const EdgeLabelLayout = memo(EdgeLabelLayoutView);
