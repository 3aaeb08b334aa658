import { BaseEdge, getBezierPath, useStore as useFlowStore, type EdgeProps } from '@xyflow/react';
import { lazy, memo, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { useEditor } from '../store/editorStore';
import { activePersona, selectEdge, selectEdgeShare, selectScenarioEdgeMark } from '../store/selectors';
import { edgeLabelText, labelsReadable, useEdgeLabelPoint } from './edgeLabelPoints';
import { useEdgeFocus } from './edgeFocus';
import { useFlowLayer } from './flowLayers';
import { useEdgeOverlay } from './simulationOverlay';

/** Loaded once a persona is chosen: marks a share that differs from the map's. */
const EdgePersonaMark = lazy(() => import('./persona/PersonaMarks').then((m) => ({ default: m.EdgePersonaMark })));

/**
 * An edge that shows its share of the source's customers ("60%") when the source branches, at the point on
 * its curve that EdgeLabelLayout found clear of cards and other labels (the midpoint until then). With a
 * persona chosen, the share, the flow and the heat are that persona's.
 */
function JourneyEdgeView(props: EdgeProps) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const persona = useEditor(activePersona);
  const { flow, onPath } = useEdgeOverlay(id, source, target, persona);
  const share = useEditor(selectEdgeShare(id));
  const readable = useFlowStore(labelsReadable);
  const label = useEditor((s) => selectEdge(id)(s)?.label);
  const placed = useEdgeLabelPoint(id);
  const mark = useEditor(selectScenarioEdgeMark(id));
  const focused = useEdgeFocus((s) => s.id === id);
  // React Flow's label layer, as its EdgeLabelRenderer would portal into, without its DOM query per pan step.
  const labelLayer = useFlowLayer('react-flow__edgelabel-renderer');
  const [path, midX, midY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const text = edgeLabelText(share, label);
  const labelX = placed?.x ?? midX;
  const labelY = placed?.y ?? midY;
  return (
    <>
      {focused && <path d={path} className="jd-edge-focus-ring" />}
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`jd-edge${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}${flow !== undefined && flow > 0 ? ' is-flowing' : ''}${onPath === true ? ' is-on-path' : onPath === false ? ' is-off-path' : ''}${mark ? ` is-scenario-${mark}` : ''}`}
        style={flow !== undefined ? { strokeWidth: 1.5 + 9 * flow } : undefined}
      />
      {text &&
        readable &&
        labelLayer &&
        createPortal(
          <div
            className={`jd-edge-label nodrag nopan${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {text}
            {persona && (
              <Suspense fallback={null}>
                <EdgePersonaMark id={id} />
              </Suspense>
            )}
          </div>,
          labelLayer,
        )}
    </>
  );
}

export const edgeTypes = { journey: memo(JourneyEdgeView) };
