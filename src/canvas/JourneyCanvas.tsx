/**
 * The journey canvas: React Flow bound to the editor store. Every change React Flow reports becomes a
 * named store action (drag → one move on drop, connect, delete, select); measured sizes stay local.
 */
import {
  ControlButton,
  Controls,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnMoveEnd,
} from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { GRID } from '../domain/layout';
import type { Position } from '../domain/types';
import { editorActions, useEditor } from '../store/editorStore';
import { canConnect } from '../domain/rules';
import { ZOOM_LIMITS } from '../store/viewport';
import { edgePairs, nodeIndex } from '../store/selectors';
import { edgeTypes } from './JourneyEdge';
import { FlowEdgeMapper, FlowNodeMapper, type Measured } from './flowMapping';
import { nodeTypes } from './nodes/JourneyNodes';
import { FlowUnderlay } from './CanvasGround';
import { useFitJourney } from './fitJourney';
import './canvas.css';

// Label placement arrives just after the cards; until then labels sit at their curves' midpoints.
const EdgeLabelLayout = lazy(() => import('./EdgeLabelLayout').then((m) => ({ default: m.EdgeLabelLayout })));
const SNAP: [number, number] = [GRID, GRID];
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };

/** Loaded when first shown, after the canvas has drawn: it is not part of the first script. */
const JourneyMiniMap = lazy(() => import('./JourneyMiniMap').then((module) => ({ default: module.JourneyMiniMap })));
/** Above this many nodes the mini map starts hidden (it draws every card again when one moves); a control shows it. */
const MINIMAP_MAX_NODES = 1000;
/** The emotion curve's show/hide control, and the lane itself (drawn in the viewport): loaded once the canvas is up. */
const EmotionLane = lazy(() => import('./emotion/EmotionLane').then((module) => ({ default: module.EmotionLane })));

/** React Flow's select changes for nodes or edges, applied to the store's selection. */
function applySelectChanges(kind: 'nodes' | 'edges', changes: readonly (NodeChange | EdgeChange)[]): void {
  const selection = useEditor.getState().selection;
  const selected = new Set(selection[kind]);
  let changed = false;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    changed = true;
    if (change.selected) selected.add(change.id);
    else selected.delete(change.id);
  }
  if (changed) editorActions.select({ ...selection, [kind]: [...selected] });
}

export function JourneyCanvas() {
  const nodes = useEditor((s) => s.map.nodes);
  const notes = useEditor((s) => s.map.notes);
  const edges = useEditor((s) => s.map.edges);
  const selection = useEditor((s) => s.selection);
  const dragPositions = useEditor((s) => s.dragPositions);
  const mapEpoch = useEditor((s) => s.mapEpoch);
  const flow = useReactFlow();
  const fitJourney = useFitJourney();
  const [miniMap, setMiniMap] = useState<boolean | null>(null);
  const miniMapShown = miniMap ?? nodes.length <= MINIMAP_MAX_NODES;

  const measured = useRef(new Map<string, Measured>());
  const [measuredVersion, measuredChanged] = useReducer((n: number) => n + 1, 0);
  const nodeMapper = useMemo(() => new FlowNodeMapper(), []);
  const edgeMapper = useMemo(() => new FlowEdgeMapper(), []);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);

  // Measured sizes live in a ref, read at the next mapping: React Flow has them already (it measured them), and
  // handing it all nodes again for each card that scrolls into view would cost a pan frame dearly on a big map.
  // They matter once a node object is made afresh; the label layout and the mini map hear of them by
  // measuredVersion.
  const flowNodes = useMemo(
    () => nodeMapper.map(nodes, notes, selectedNodes, dragPositions, measured.current),
    [nodeMapper, nodes, notes, selectedNodes, dragPositions],
  );
  const flowEdges = useMemo(() => edgeMapper.map(edges, selectedEdges), [edgeMapper, edges, selectedEdges]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    let sizesChanged = false;
    let dragging: Record<string, Position> | null = null;
    let dropped: Record<string, Position> | null = null;
    for (const change of changes) {
      if (change.type === 'dimensions' && change.dimensions) {
        const prev = measured.current.get(change.id);
        if (!prev || prev.width !== change.dimensions.width || prev.height !== change.dimensions.height) {
          measured.current.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
          sizesChanged = true;
        }
      } else if (change.type === 'position' && change.position) {
        if (change.dragging) (dragging ??= {})[change.id] = change.position;
        else (dropped ??= {})[change.id] = change.position;
      }
    }
    if (dragging) editorActions.dragNodes(dragging);
    if (dropped) editorActions.endDrag(dropped);
    applySelectChanges('nodes', changes);
    if (sizesChanged) measuredChanged();
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => applySelectChanges('edges', changes), []);

  const onDelete = useCallback(({ nodes, edges }: { nodes: Node[]; edges: Edge[] }) => {
    editorActions.removeElements(
      nodes.map((n) => n.id),
      edges.map((e) => e.id),
    );
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    editorActions.connect({ source: connection.source, target: connection.target });
  }, []);

  const isValidConnection = useCallback((connection: Connection | Edge) => {
    const { map } = useEditor.getState();
    const index = nodeIndex(map.nodes);
    const pairs = edgePairs(map.edges);
    return canConnect((id) => index.get(id)?.kind, (s, t) => pairs.has(`${s}\u0000${t}`), connection.source, connection.target).ok;
  }, []);

  const onNodeDoubleClick = useCallback((_event: React.MouseEvent, node: Node) => {
    editorActions.startInlineEdit({ kind: node.type === 'note' ? 'note' : 'node', id: node.id });
  }, []);

  /** F2, or Enter, on a focused card renames it in place (Figma and Miro do the same). */
  const onKeyDownCapture = useCallback((event: React.KeyboardEvent) => {
    if (event.key !== 'F2' && event.key !== 'Enter') return;
    const target = event.target as HTMLElement;
    if (!target.classList?.contains('react-flow__node')) return;
    const id = target.getAttribute('data-id');
    if (!id) return;
    event.preventDefault();
    const isNote = useEditor.getState().map.notes.some((n) => n.id === id);
    editorActions.select({ nodes: [id], edges: [] });
    editorActions.startInlineEdit({ kind: isNote ? 'note' : 'node', id });
  }, []);

  /**
   * A press on the empty pane (a pan, or Shift and a selection box) captures the pointer for the pane. Otherwise,
   * with every pan step, the browser hit-tests the cards and edges sliding under the pointer and sends them
   * enter and leave events, a few milliseconds a frame on a big map.
   */
  const onPointerDownCapture = useCallback((event: React.PointerEvent) => {
    const target = event.target as Element;
    // hasPointerCapture is missing where pointer capture is (jsdom).
    if (target.classList?.contains('react-flow__pane') && target.hasPointerCapture?.(event.pointerId) === false) target.setPointerCapture(event.pointerId);
  }, []);

  const onMoveEnd: OnMoveEnd = useCallback((_event, viewport) => editorActions.setViewport(viewport), []);

  // A newly opened map shows its saved viewport, or the whole journey.
  const restoredEpoch = useRef(-1);
  useEffect(() => {
    if (restoredEpoch.current === mapEpoch) return;
    restoredEpoch.current = mapEpoch;
    const saved = useEditor.getState().viewport;
    if (saved) void flow.setViewport(saved);
    else requestAnimationFrame(() => fitJourney());
  }, [mapEpoch, flow, fitJourney]);

  return (
    <ReactFlow
      nodes={flowNodes}
      edges={flowEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onDelete={onDelete}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onMoveEnd={onMoveEnd}
      onNodeDoubleClick={onNodeDoubleClick}
      onKeyDownCapture={onKeyDownCapture}
      onPointerDownCapture={onPointerDownCapture}
      zoomOnDoubleClick={false}
      deleteKeyCode={DELETE_KEYS}
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      selectionKeyCode="Shift"
      snapToGrid
      snapGrid={SNAP}
      onlyRenderVisibleElements
      minZoom={ZOOM_LIMITS.min}
      maxZoom={ZOOM_LIMITS.max}
      proOptions={PRO_OPTIONS}
      className="jd-flow"
      aria-label="Journey canvas"
    >
      <FlowUnderlay />
      <Suspense fallback={null}>
        <EdgeLabelLayout cardSizes={measuredVersion} />
      </Suspense>
      {miniMapShown && (
        <Suspense fallback={null}>
          <JourneyMiniMap label="Mini map" cardSizes={measuredVersion} />
        </Suspense>
      )}
      <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls">
        <ControlButton onClick={() => setMiniMap(!miniMapShown)} aria-label="Mini map" aria-pressed={miniMapShown} title={miniMapShown ? 'Hide the mini map' : 'Show the mini map'}>
          ▣
        </ControlButton>
        <Suspense fallback={null}>
          <EmotionLane />
        </Suspense>
      </Controls>
    </ReactFlow>
  );
}
