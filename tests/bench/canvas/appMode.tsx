/** The app's canvas as the editor shows it: JourneyCanvas bound to the editor store, with the app's CSS. */
import '@xyflow/react/dist/style.css';
import '../../../src/app/app.css';
import './bench.css';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { Root } from 'react-dom/client';
import { JourneyCanvas } from '../../../src/canvas/JourneyCanvas';
import { useFitJourney } from '../../../src/canvas/fitJourney';
import type { JourneyMap } from '../../../src/domain/types';
import { editorActions } from '../../../src/store/editorStore';
import type { FlowHandle as ProbeFlow, Viewport } from './probe';

type SetFlow = (flow: ProbeFlow) => void;

/** The app's own fit view is the toolbar's Fit button (useFitJourney), not React Flow's fitView. */
function FlowHandle({ onReady }: { onReady: SetFlow }) {
  const flow = useReactFlow();
  const fitJourney = useFitJourney();
  const handle = useMemo<ProbeFlow>(
    () => ({ setViewport: (v) => flow.setViewport(v), getViewport: () => flow.getViewport(), fitView: () => fitJourney(false) }),
    [flow, fitJourney],
  );
  useEffect(() => onReady(handle), [handle, onReady]);
  return null;
}

export function mountApp(root: Root, map: JourneyMap, viewport: Viewport, onReady: SetFlow): void {
  // A reopened map restores its saved viewport: the same view plain React Flow's fitView lands on.
  editorActions.loadMap(map, viewport);
  root.render(
    <ReactFlowProvider>
      <div className="bench-stage">
        {/* In the editor .jd-canvas is sized by its grid cell; here by the full-window stage. */}
        <main className="jd-canvas" style={{ height: '100%' }}>
          <JourneyCanvas />
        </main>
      </div>
      <FlowHandle onReady={onReady} />
    </ReactFlowProvider>,
  );
}
