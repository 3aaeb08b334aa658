/**
 * The journey canvas: React Flow bound to the editor store. Every change React Flow reports becomes a
 * named store action (drag → one move on drop, connect, delete, select); measured sizes stay local.
 */
import {
  ControlButton,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnMoveEnd,
} from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState, type ComponentType } from 'react';
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
import { useSettledSize } from './settledSize';
import { cardAt, isFarView } from './farView/farZoom';
import './canvas.css';

// Label placement arrives just after the cards; until then labels sit at their curves' midpoints.
const EdgeLabelLayout = lazy(() => import('./EdgeLabelLayout').then((m) => ({ default: m.EdgeLabelLayout })));
const SNAP: [number, number] = [GRID, GRID];
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const ARROW_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
/** A card, or the box around several selected cards: where React Flow moves the selection with arrow keys. */
const isNudgeTarget = (target: HTMLElement) =>
  target.classList?.contains('react-flow__node') === true || target.classList?.contains('react-flow__nodesselection-rect') === true;

/**
 * The edges' keyboard stand-ins (after the cards in the Tab order): loaded once the canvas is up, mounted when
 * focus first comes into the canvas, as they serve the keyboard only and a big map has thousands of edges.
 */
const loadEdgeFocusList = () => import('./EdgeFocusList').then((m) => m.EdgeFocusList);
/** What a card offers the keyboard, read out when it gets focus (React Flow's words say Enter selects; here it renames). */
const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Space selects the card, Enter or F2 renames it, C connects it to another card, arrow keys move a selected card, Delete removes it.',
};

/** Loaded when first shown, after the canvas has drawn: it is not part of the first script. */
const JourneyMiniMap = lazy(() => import('./JourneyMiniMap').then((module) => ({ default: module.JourneyMiniMap })));
/** Above this many nodes the mini map starts hidden (it draws every card again when one moves); a control shows it. */
const MINIMAP_MAX_NODES = 1000;
/** The emotion curve's show/hide control, and the lane itself (drawn in the viewport): loaded once the canvas is up. */
/** A big map seen from far is one picture (farView/): loaded the first time a map is that big and that far. */
const FarView = lazy(() => import('./farView/FarView').then((module) => ({ default: module.FarView })));
const NO_NODES: Node[] = [];
const NO_EDGES: Edge[] = [];

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

  const [edgesForKeyboard, showEdgesForKeyboard] = useReducer(() => true, false);
  const flowBox = useRef<HTMLDivElement>(null);
  const flowSize = useSettledSize(flowBox);
  const [EdgeFocusList, setEdgeFocusList] = useState<ComponentType | null>(null);
  useEffect(() => {
    // Loaded ahead, so that the list mounts at once when focus comes in, before the next Tab.
    void loadEdgeFocusList().then((list) => setEdgeFocusList(() => list));
  }, []);
  /** True while React Flow handles an arrow key on a card: the moves it reports then are nudges, not a drop. */
  const nudging = useRef(false);
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
  const cardCount = nodes.length + notes.length;
  const far = useStore((s) => isFarView(cardCount, s.transform[2]));

  /** In the far view, a click on the pane picks the card under it (within 4 px on screen) or clears the selection. */
  const onFarClick = useCallback(
    (event: React.MouseEvent) => {
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { map } = useEditor.getState();
      const hit = cardAt(map, point, 4 / flow.getZoom(), measured.current);
      editorActions.select({ nodes: hit ? [hit.id] : [], edges: [] });
    },
    [flow],
  );

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
    if (dropped) {
      if (nudging.current) editorActions.nudgeNodes(dropped);
      else editorActions.endDrag(dropped);
    }
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

  /**
   * F2, or Enter, on a focused card renames it in place (Figma and Miro do the same). An arrow key on a card
   * (or a selection of cards) nudges it: a fresh press starts a new undo step, its auto-repeats join it.
   */
  const onKeyDownCapture = useCallback((event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (ARROW_KEYS.has(event.key) && isNudgeTarget(target)) {
      if (!event.repeat) editorActions.endNudge();
      nudging.current = true;
      return;
    }
    if (event.key !== 'F2' && event.key !== 'Enter') return;
    if (!target.classList?.contains('react-flow__node')) return;
    const id = target.getAttribute('data-id');
    if (!id) return;
    event.preventDefault();
    const isNote = useEditor.getState().map.notes.some((n) => n.id === id);
    editorActions.select({ nodes: [id], edges: [] });
    editorActions.startInlineEdit({ kind: isNote ? 'note' : 'node', id });
  }, []);

  // React Flow moves the cards while the key event is dispatched; after it, moves are drags again.
  const onKeyDown = useCallback(() => {
    nudging.current = false;
  }, []);
  const onKeyUp = useCallback((event: React.KeyboardEvent) => {
    if (ARROW_KEYS.has(event.key)) editorActions.endNudge();
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
    <div ref={flowBox} className="jd-flow-box">
      <ReactFlow
        style={flowSize}
        nodes={far ? NO_NODES : flowNodes}
        edges={far ? NO_EDGES : flowEdges}
        onPaneClick={far ? onFarClick : undefined}
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
        onFocusCapture={edgesForKeyboard ? undefined : showEdgesForKeyboard}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
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
        edgesFocusable={false}
        ariaLabelConfig={ARIA_LABELS}
        className="jd-flow"
        aria-label="Journey canvas"
      >
        <FlowUnderlay />
        {far && (
          <Suspense fallback={null}>
            <FarView sizes={measured.current} />
          </Suspense>
        )}
        <Suspense fallback={null}>
          <EdgeLabelLayout cardSizes={measuredVersion} />
        </Suspense>
        {edgesForKeyboard && EdgeFocusList && <EdgeFocusList />}
        {/* The far view is itself the whole picture, and the mini map reads React Flow's cards, which it leaves out. */}
        {miniMapShown && !far && (
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
    </div>
  );
}
