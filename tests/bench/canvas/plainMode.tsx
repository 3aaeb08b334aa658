/** Plain React Flow: default nodes ({ label }), default edges, default props, controlled the documented way. */
import '@xyflow/react/dist/style.css';
import './bench.css';
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node, type ReactFlowInstance } from '@xyflow/react';
import type { Root } from 'react-dom/client';
import type { JourneyMap } from '../../../src/domain/types';

function PlainFlow({ initialNodes, initialEdges, onInit }: { initialNodes: Node[]; initialEdges: Edge[]; onInit: (flow: ReactFlowInstance) => void }) {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onInit={onInit} fitView />;
}

export function mountPlain(root: Root, map: JourneyMap, onReady: (flow: ReactFlowInstance) => void): void {
  const nodes: Node[] = map.nodes.map((n) => ({ id: n.id, type: 'default', position: n.position, data: { label: n.label } }));
  const edges: Edge[] = map.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  root.render(
    <div className="bench-stage">
      <PlainFlow initialNodes={nodes} initialEdges={edges} onInit={onReady} />
    </div>,
  );
}
