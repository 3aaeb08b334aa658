import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore as useFlowStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../store/editorStore';
import { selectEdge, selectEdgeShare } from '../store/selectors';
import { useEdgeOverlay } from './simulationOverlay';

/** Below this zoom an 11 px label is under 8 px on screen: unreadable, and hundreds of them cost every pan frame. */
const LABEL_MIN_ZOOM = 0.7;
const labelsReadable = (s: ReactFlowState) => s.transform[2] >= LABEL_MIN_ZOOM;

/** An edge that shows its share of the source's customers ("60%") when the source branches. */
function JourneyEdgeView(props: EdgeProps) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const { flow, onPath } = useEdgeOverlay(id, source, target);
  const share = useEditor(selectEdgeShare(id));
  const readable = useFlowStore(labelsReadable);
  const label = useEditor((s) => selectEdge(id)(s)?.label);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const text = [share !== null ? `${Math.round(share * 100)}%` : null, label].filter(Boolean).join(' · ');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`jd-edge${selected ? ' is-selected' : ''}${flow !== undefined && flow > 0 ? ' is-flowing' : ''}${onPath === true ? ' is-on-path' : onPath === false ? ' is-off-path' : ''}`}
        style={flow !== undefined ? { strokeWidth: 1.5 + 9 * flow } : undefined}
      />
      {text && readable && (
        <EdgeLabelRenderer>
          <div
            className={`jd-edge-label nodrag nopan${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const edgeTypes = { journey: memo(JourneyEdgeView) };
