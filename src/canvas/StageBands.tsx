import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { STAGE_TOP, STAGE_WIDTH } from '../domain/layout';
import { useEditor, type EditorState } from '../store/editorStore';

const MIN_HEIGHT = 720;
const BOTTOM_MARGIN = 240;
/** Bands run on below the last node so they fill the canvas when zoomed out. */
const RUN_ON = 2400;

/** Lowest node y, rounded up to 100 px so the bands do not re-render while a node moves a little. */
function bandBottom(s: EditorState): number {
  let max = 0;
  for (const n of s.map.nodes) if (n.position.y > max) max = n.position.y;
  return Math.ceil((max + BOTTOM_MARGIN) / 100) * 100;
}

/** Stages as labelled vertical columns behind the nodes, in flow coordinates. */
function StageBandsView() {
  const stages = useEditor(useShallow((s) => s.map.stages));
  const bottom = useEditor(bandBottom);
  const height = Math.max(MIN_HEIGHT, bottom - STAGE_TOP) + RUN_ON;
  return (
    <ViewportPortal>
      <div className="jd-stages" aria-hidden="true">
        {stages.map((stage, i) => (
          <div
            key={stage.id}
            className={`jd-stage jd-stage--${i % 2 === 0 ? 'even' : 'odd'}`}
            style={{ transform: `translate(${i * STAGE_WIDTH}px, ${STAGE_TOP}px)`, width: STAGE_WIDTH, height }}
          >
            <div className="jd-stage__label">
              <span className="jd-stage__index">{i + 1}</span> {stage.name}
            </div>
          </div>
        ))}
      </div>
    </ViewportPortal>
  );
}

export const StageBands = memo(StageBandsView);
