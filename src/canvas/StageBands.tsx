/**
 * Stages as vertical bands behind the nodes, in flow coordinates, each with an interactive header; an
 * "Add stage" button sits right of the last band. The band bodies take no pointer events, so the pane
 * still pans and box-selects through them. Nothing here subscribes to the viewport: the bands do not
 * re-render while the canvas pans or zooms.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { preloadStageOverlays } from './stages/stageOverlays';
import { stageBands, STAGE_TOP } from '../domain/layout';
import { editorActions, useEditor, type EditorState } from '../store/editorStore';
import { StageHeader, type FocusRequest } from './StageHeader';
import { stageColourStyle } from './stages/stageColours';
import './stages.css';

const MIN_HEIGHT = 720;
const BOTTOM_MARGIN = 240;
/** Bands run on below the last node so they fill the canvas when zoomed out. */
const RUN_ON = 2400;
/** Gap between the last band and the "Add stage" button (fitJourney keeps 60 px for both). */
const ADD_GAP = 8;

/** Lowest node y, rounded up to 100 px so the bands do not re-render while a node moves a little. */
function bandBottom(s: EditorState): number {
  let max = 0;
  for (const n of s.map.nodes) if (n.position.y > max) max = n.position.y;
  return Math.ceil((max + BOTTOM_MARGIN) / 100) * 100;
}

const selectStages = (s: EditorState) => s.map.stages;

/** The bands, headers and "Add stage" button; FlowUnderlay puts them in the viewport (tests render this directly). */
export function StageBandsLayer() {
  const stages = useEditor(selectStages);
  const bottom = useEditor(bandBottom);
  const height = Math.max(MIN_HEIGHT, bottom - STAGE_TOP) + RUN_ON;
  const bands = stageBands({ stages });
  const last = bands[bands.length - 1];
  const right = last ? last.x + last.width : 0;
  const hintId = useId();

  const layer = useRef<HTMLDivElement>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const requestFocus = useCallback((request: FocusRequest) => setFocusRequest({ ...request }), []);
  useEffect(() => {
    if (!focusRequest || !layer.current) return;
    const header = Array.from(layer.current.querySelectorAll<HTMLElement>('[data-stage-id]')).find((h) => h.dataset.stageId === focusRequest.id);
    header?.querySelector<HTMLElement>(`[data-focus="${focusRequest.part}"]`)?.focus({ preventScroll: true });
  }, [focusRequest]);

  // The stage menu and delete dialog load once the canvas is up, before anyone opens them.
  useEffect(() => {
    const timer = setTimeout(() => void preloadStageOverlays(), 500);
    return () => clearTimeout(timer);
  }, []);

  const addStage = () => {
    const id = editorActions.addStage();
    if (id !== undefined) editorActions.startInlineEdit({ kind: 'stage', id });
  };

  return (
    <div ref={layer} className="jd-stages" role="group" aria-label="Stages">
      <span id={hintId} hidden>
        Press Enter to rename
      </span>
      {stages.map((stage, i) => (
        <div
          key={stage.id}
          className={`jd-stage jd-stage--${i % 2 === 0 ? 'even' : 'odd'}${stage.colour ? ' has-colour' : ''}`}
          style={{ transform: `translate(${bands[i].x}px, ${STAGE_TOP}px)`, width: bands[i].width, height, ...stageColourStyle(stage.colour) }}
        >
          <StageHeader stage={stage} index={i} count={stages.length} requestFocus={requestFocus} hintId={hintId} />
        </div>
      ))}
      <button
        type="button"
        className="jd-stage-add nodrag nopan nokey"
        style={{ transform: `translate(${right + ADD_GAP}px, ${STAGE_TOP}px)` }}
        aria-label="Add stage"
        title="Add stage"
        onClick={addStage}
      >
        <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M8 2v12M2 8h12" />
        </svg>
      </button>
    </div>
  );
}
