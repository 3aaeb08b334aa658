/**
 * The editor: toolbar, palette, canvas and inspector. Dragging a palette item onto the canvas creates
 * the node under the pointer; the keyboard path adds it at the centre of the view.
 */
import { useReactFlow } from '@xyflow/react';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { GRID, NODE_WIDTH } from '../domain/layout';
import { createMap } from '../domain/edits';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { useFitJourney } from '../canvas/fitJourney';
import { editorActions } from '../store/editorStore';
import { Inspector } from '../panels/Inspector';
import { Notices } from '../panels/Notices';
import { Palette } from '../panels/Palette';
import type { PaletteItem } from '../panels/paletteItems';
import { Toolbar } from '../panels/Toolbar';
import { FileActions } from '../panels/files/FileActions';
import { libraryActions } from '../store/libraryStore';
import { useFileDropAndPaste } from './useFileDropAndPaste';
import { SimulationControls } from '../panels/simulation/SimulationControls';
import { HeatLegend } from '../canvas/HeatLegend';
import { useSimulation } from '../store/simulationStore';
import { useShortcuts } from './useShortcuts';

const NODE_HALF_HEIGHT = 40;
const MapLibrary = lazy(() => import('../panels/library/MapLibrary'));
const SimulationResults = lazy(() => import('../panels/simulation/SimulationResults'));
const snap = (v: number) => Math.round(v / GRID) * GRID;

export function EditorLayout() {
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLElement | null>(null);
  const fitJourney = useFitJourney();
  useShortcuts();

  const addAt = useCallback(
    (item: PaletteItem, screen: { x: number; y: number }) => {
      const centre = flow.screenToFlowPosition(screen);
      editorActions.addNode({
        kind: item.kind,
        ...(item.channel ? { channel: item.channel } : {}),
        position: { x: snap(centre.x - NODE_WIDTH / 2), y: snap(centre.y - NODE_HALF_HEIGHT) },
      });
    },
    [flow],
  );

  const addAtCentre = useCallback(
    (item: PaletteItem) => {
      const rect = canvasRef.current?.getBoundingClientRect();
      if (!rect) return;
      addAt(item, { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    },
    [addAt],
  );

  const dropAt = useCallback(
    (item: PaletteItem, point: { x: number; y: number }) => {
      const rect = canvasRef.current?.getBoundingClientRect();
      const inside = !!rect && point.x >= rect.left && point.x <= rect.right && point.y >= rect.top && point.y <= rect.bottom;
      if (inside) addAt(item, point);
      return inside;
    },
    [addAt],
  );

  const newMap = async () => {
    await libraryActions.addAndOpen(createMap({ name: 'Untitled journey' }));
    editorActions.notify('info', 'Started a new map. The previous one stays in your library (Maps).', { id: 'new-map' });
  };
  const [libraryOpen, setLibraryOpen] = useState(false);
  const fileOver = useFileDropAndPaste();
  const resultsOpen = useSimulation((s) => s.panelOpen);

  return (
    <div className="jd-app">
      <Toolbar onNewMap={() => void newMap()} onFitView={() => fitJourney(true)} onOpenLibrary={() => setLibraryOpen(true)}>
        <FileActions />
      </Toolbar>
      <div className="jd-palette-row">
        <Palette onAddAtCentre={addAtCentre} onDropAt={dropAt} />
        <SimulationControls />
      </div>
      <div className="jd-workspace">
        <main className="jd-canvas" ref={canvasRef}>
          <JourneyCanvas />
          <HeatLegend />
          <Notices />
          {fileOver && (
            <div className="jd-drop-hint" aria-hidden="true">
              Drop a .journey.json file to open it as a new map
            </div>
          )}
        </main>
        {resultsOpen && (
          <Suspense fallback={null}>
            <SimulationResults />
          </Suspense>
        )}
      </div>
      <Inspector />
      {libraryOpen && (
        <Suspense fallback={null}>
          <MapLibrary open onClose={() => setLibraryOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}

