/**
 * The journey canvas: React Flow bound to the editor store. Every change React Flow reports becomes a
 * named store action (drag → one move on drop, connect, delete, select); measured sizes stay local.
 */
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnMoveEnd,
  type ReactFlowState,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { GRID } from '../domain/layout';
import type { Position } from '../domain/types';
import { editorActions, useEditor } from '../store/editorStore';
import { nodeIndex } from '../store/selectors';
import { edgeTypes } from './JourneyEdge';
import { FlowEdgeMapper, FlowNodeMapper, type Measured } from './flowMapping';
import { nodeTypes } from './nodes/JourneyNodes';
import { StageBands } from './StageBands';
import { useFitJourney } from './fitJourney';

const SNAP: [number, number] = [GRID, GRID];
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };

/** Below this zoom the dots are noise, and moving them every pan step redraws the whole canvas. */
const GRID_MIN_ZOOM = 0.75;
/** Above this many nodes the mini map (every node redrawn on each pan step) starts hidden; a control shows it. */
const MINIMAP_MAX_NODES = 1000;
const showGrid = (s: ReactFlowState) => s.transform[2] >= GRID_MIN_ZOOM;

const DotGrid = memo(function DotGrid() {
  return useFlowStore(showGrid) ? <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} color="#cbd5e1" /> : null;
});

const miniMapColor = (node: Node) => (node.type === 'entry' ? '#6366f1' : node.type === 'outcome' ? '#0f766e' : '#94a3b8');

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

  const flowNodes = useMemo(
    () => nodeMapper.map(nodes, selectedNodes, dragPositions, measured.current),
    // measuredVersion: sizes live in a ref and are read when it changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nodeMapper, nodes, selectedNodes, dragPositions, measuredVersion],
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
    if (connection.source === connection.target) return false;
    const index = nodeIndex(useEditor.getState().map.nodes);
    return index.get(connection.source)?.kind !== 'outcome' && index.get(connection.target)?.kind !== 'entry';
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
      deleteKeyCode={DELETE_KEYS}
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      selectionKeyCode="Shift"
      snapToGrid
      snapGrid={SNAP}
      onlyRenderVisibleElements
      minZoom={0.05}
      maxZoom={2.5}
      proOptions={PRO_OPTIONS}
      aria-label="Journey canvas"
    >
      <StageBands />
      <DotGrid />
      {miniMapShown && <MiniMap pannable zoomable nodeColor={miniMapColor} ariaLabel="Mini map" />}
      <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls">
        <ControlButton onClick={() => setMiniMap(!miniMapShown)} aria-label="Mini map" aria-pressed={miniMapShown} title={miniMapShown ? 'Hide the mini map' : 'Show the mini map'}>
          ▣
        </ControlButton>
      </Controls>
    </ReactFlow>
  );
}
