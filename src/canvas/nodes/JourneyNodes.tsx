/**
 * Custom node components, one per node kind. Each selects its own node from the store by id, so an edit
 * re-renders only the node it touches; at low zoom they draw a simplified card.
 */
import { Handle, Position, useStore as useFlowStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { channelName } from '../../domain/queries';
import { useEditor } from '../../store/editorStore';
import { selectNode } from '../../store/selectors';
import { EmotionMarker, FrictionBadge, ScoreStrip } from './parts';
import { heatStyle, overlayClasses, useNodeHeat, useOnPath } from '../simulationOverlay';

/** Below this zoom, labels only: the details are unreadable anyway and cost frames on big maps. */
export const SIMPLE_ZOOM = 0.45;
const isLowZoom = (s: ReactFlowState) => s.transform[2] < SIMPLE_ZOOM;

/** What every node card reads: its own node, its channel's name, the zoom level and its simulation overlay. */
function useNodeView(id: string) {
  const node = useEditor(selectNode(id));
  const channel = useEditor((s) => channelName(s.map, node?.channel));
  const simple = useFlowStore(isLowZoom);
  const heat = useNodeHeat(id);
  const onPath = useOnPath(id);
  return { node, channel, simple, heat, onPath };
}

function TouchpointNodeView({ id, selected }: NodeProps) {
  const { node, channel, simple, heat, onPath } = useNodeView(id);
  if (!node) return null;
  return (
    <div
      className={`jd-node jd-node--touchpoint${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}${overlayClasses(heat, onPath)}`}
      style={heatStyle(heat)}
    >
      {heat && <div className="jd-heat-badge" title="Customers lost here per 1,000 starts">−{Math.round(heat.lostPer1000)} / 1,000</div>}
      <Handle type="target" position={Position.Left} aria-label={`Into ${node.label}`} />
      <div className="jd-node__head">
        <span className="jd-node__label">{node.label}</span>
        {!simple && <EmotionMarker emotion={node.emotion} />}
      </div>
      {!simple && (
        <>
          {channel && <div className={`jd-channel jd-channel--${node.channel}`}>{channel}</div>}
          <ScoreStrip scores={node.scores} />
          <FrictionBadge friction={node.friction} />
        </>
      )}
      <Handle type="source" position={Position.Right} aria-label={`Out of ${node.label}`} />
    </div>
  );
}

function EntryNodeView({ id, selected }: NodeProps) {
  const { node, channel, simple, heat, onPath } = useNodeView(id);
  if (!node) return null;
  return (
    <div className={`jd-node jd-node--entry${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}${overlayClasses(heat, onPath)}`} style={heatStyle(heat)}>
      <div className="jd-node__kind">Entry</div>
      <div className="jd-node__label">{node.label}</div>
      {!simple && channel && <div className={`jd-channel jd-channel--${node.channel}`}>{channel}</div>}
      <Handle type="source" position={Position.Right} aria-label={`Out of ${node.label}`} />
    </div>
  );
}

function OutcomeNodeView({ id, selected }: NodeProps) {
  const { node, simple, onPath } = useNodeView(id);
  if (!node) return null;
  const success = node.result !== 'failure';
  return (
    <div className={`jd-node jd-node--outcome ${success ? 'is-success' : 'is-failure'}${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}${overlayClasses(undefined, onPath)}`}>
      <Handle type="target" position={Position.Left} aria-label={`Into ${node.label}`} />
      <div className="jd-node__kind">{success ? '✓ Success' : '✕ Failure'}</div>
      <div className="jd-node__label">{node.label}</div>
    </div>
  );
}

export const nodeTypes = {
  touchpoint: memo(TouchpointNodeView),
  entry: memo(EntryNodeView),
  outcome: memo(OutcomeNodeView),
};
