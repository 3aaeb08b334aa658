import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../store/editorStore';
import { selectEdge, selectEdgeShare } from '../store/selectors';

/** An edge that shows its share of the source's customers ("60%") when the source branches. */
function JourneyEdgeView(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const share = useEditor(selectEdgeShare(id));
  const label = useEditor((s) => selectEdge(id)(s)?.label);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const text = [share !== null ? `${Math.round(share * 100)}%` : null, label].filter(Boolean).join(' · ');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'jd-edge is-selected' : 'jd-edge'} />
      {text && (
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
