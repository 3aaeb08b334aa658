/** The app's canvas as the editor shows it: JourneyCanvas bound to the editor store, with the app's CSS. */
import '@xyflow/react/dist/style.css';
import '../../../src/app/app.css';
import './bench.css';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { Root } from 'react-dom/client';
import { JourneyCanvas } from '../../../src/canvas/JourneyCanvas';
import type { JourneyMap } from '../../../src/domain/types';
import { editorActions } from '../../../src/store/editorStore';
import type { Viewport } from './probe';

type SetFlow = (flow: { setViewport(viewport: Viewport): unknown }) => void;

function FlowHandle({ onReady }: { onReady: SetFlow }) {
  const flow = useReactFlow();
  useEffect(() => onReady(flow), [flow, onReady]);
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
