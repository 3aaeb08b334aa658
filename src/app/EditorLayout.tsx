/**
 * The editor: toolbar, palette, canvas and inspector. Dragging a palette item onto the canvas creates
 * the node under the pointer; the keyboard path adds it at the centre of the view. Each part is a landmark
 * (banner, regions, main, complementary) and skip links lead past the toolbar.
 */
import { useReactFlow } from '@xyflow/react';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { GRID, NODE_WIDTH, STICKY_WIDTH } from '../domain/layout';
import { createMap } from '../domain/edits';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { useFitJourney } from '../canvas/fitJourney';
import { editorActions } from '../store/editorStore';
import { Notices } from '../panels/Notices';
import { Palette } from '../panels/Palette';
import type { PaletteItem } from '../panels/paletteItems';
import { Toolbar } from '../panels/Toolbar';
import { FileActions } from '../panels/files/FileActions';
import { useFileDrop } from './useFileDrop';
import { useClipboard } from './useClipboard';
import { SimulationControls } from '../panels/simulation/SimulationControls';
import { HeatLegend } from '../canvas/HeatLegend';
import { PersonaSwitcher } from '../panels/personas/PersonaSwitcher';
import { useSimulation } from '../store/simulationStore';
import { useShortcuts } from './useShortcuts';
import { PanelBoundary } from './PanelBoundary';
import { SkipLinks } from './SkipLinks';

const NODE_HALF_HEIGHT = 40;
const MapLibrary = lazy(() => import('../panels/library/MapLibrary'));
const ConnectPickerHost = lazy(() => import('../panels/connect/ConnectPickerHost'));
const SimulationResults = lazy(() => import('../panels/simulation/SimulationResults'));
// The inspector's forms arrive just after the canvas: the map is on screen first.
const Inspector = lazy(() => import('../panels/Inspector').then((m) => ({ default: m.Inspector })));
const snap = (v: number) => Math.round(v / GRID) * GRID;

export function EditorLayout() {
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLElement | null>(null);
  const fitJourney = useFitJourney();
  useShortcuts();
  useClipboard();

  const addAt = useCallback(
    (item: PaletteItem, screen: { x: number; y: number }) => {
      const centre = flow.screenToFlowPosition(screen);
      if (item.kind === 'note') {
        const id = editorActions.addNote({ x: snap(centre.x - STICKY_WIDTH / 2), y: snap(centre.y - NODE_HALF_HEIGHT) });
        if (id) editorActions.startInlineEdit({ kind: 'note', id });
        return;
      }
      editorActions.addNode({
        kind: item.kind as Exclude<typeof item.kind, 'note'>,
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
    // The library's actions load with the first use (as the Maps dialog loads them), not in the first script.
    const { libraryActions } = await import('../store/libraryStore');
    await libraryActions.addAndOpen(createMap({ name: 'Untitled journey' }));
    editorActions.notify('info', 'Started a new map. The previous one stays in your library (Maps).', { id: 'new-map' });
  };
  const [libraryOpen, setLibraryOpen] = useState(false);
  const fileOver = useFileDrop();
  const resultsOpen = useSimulation((s) => s.panelOpen);

  return (
    <div className="jd-app">
      <SkipLinks />
      <PanelBoundary name="The toolbar" className="jd-toolbar">
        <Toolbar onNewMap={() => void newMap()} onFitView={() => fitJourney(true)} onOpenLibrary={() => setLibraryOpen(true)}>
          <FileActions />
        </Toolbar>
      </PanelBoundary>
      <PanelBoundary name="The palette" className="jd-palette-row">
        <div className="jd-palette-row">
          <Palette onAddAtCentre={addAtCentre} onDropAt={dropAt} />
          {/* A landmark of its own, like the palette beside it: every part of the page is in one. */}
          <section className="jd-sim-region" aria-label="Simulation controls">
            <SimulationControls />
          </section>
        </div>
      </PanelBoundary>
      <div className="jd-workspace">
        <main className="jd-canvas" id="jd-canvas" ref={canvasRef}>
          <PanelBoundary name="The canvas">
            <JourneyCanvas />
            <HeatLegend />
            <PersonaSwitcher />
          </PanelBoundary>
          <Notices />
          {fileOver && (
            <div className="jd-drop-hint" aria-hidden="true">
              Drop a .journey.json file to open it as a new map
            </div>
          )}
        </main>
        {resultsOpen && (
          <PanelBoundary name="The simulation results" className="jd-results">
            <Suspense fallback={null}>
              <SimulationResults />
            </Suspense>
          </PanelBoundary>
        )}
      </div>
      <PanelBoundary name="The inspector" className="jd-inspector">
        <Suspense fallback={<aside className="jd-inspector" aria-label="Inspector" aria-busy="true" />}>
          <Inspector />
        </Suspense>
      </PanelBoundary>
      {libraryOpen && (
        <PanelBoundary name="The map library">
          <Suspense fallback={null}>
            <MapLibrary open onClose={() => setLibraryOpen(false)} />
          </Suspense>
        </PanelBoundary>
      )}
      <Suspense fallback={null}>
        <ConnectPickerHost />
      </Suspense>
    </div>
  );
}

