import { BaseEdge, getBezierPath, useStore as useFlowStore, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { createPortal } from 'react-dom';
import { useEditor } from '../store/editorStore';
import { selectEdge, selectEdgeShare } from '../store/selectors';
import { labelsReadable, useEdgeLabelPoint } from './EdgeLabelLayout';
import { edgeLabelText } from './edgeLabels';
import { useFlowLayer } from './flowLayers';
import { useEdgeOverlay } from './simulationOverlay';

/**
 * An edge that shows its share of the source's customers ("60%") when the source branches, at the point on
 * its curve that EdgeLabelLayout found clear of cards and other labels (the midpoint until then).
 */
function JourneyEdgeView(props: EdgeProps) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const { flow, onPath } = useEdgeOverlay(id, source, target);
  const share = useEditor(selectEdgeShare(id));
  const readable = useFlowStore(labelsReadable);
  const label = useEditor((s) => selectEdge(id)(s)?.label);
  const placed = useEdgeLabelPoint(id);
  // React Flow's label layer, as its EdgeLabelRenderer would portal into, without its DOM query per pan step.
  const labelLayer = useFlowLayer('react-flow__edgelabel-renderer');
  const [path, midX, midY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const text = edgeLabelText(share, label);
  const labelX = placed?.x ?? midX;
  const labelY = placed?.y ?? midY;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`jd-edge${selected ? ' is-selected' : ''}${flow !== undefined && flow > 0 ? ' is-flowing' : ''}${onPath === true ? ' is-on-path' : onPath === false ? ' is-off-path' : ''}`}
        style={flow !== undefined ? { strokeWidth: 1.5 + 9 * flow } : undefined}
      />
      {text &&
        readable &&
        labelLayer &&
        createPortal(
          <div
            className={`jd-edge-label nodrag nopan${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {text}
          </div>,
          labelLayer,
        )}
    </>
  );
}

export const edgeTypes = { journey: memo(JourneyEdgeView) };
