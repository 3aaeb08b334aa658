/**
 * The editor: toolbar, palette, canvas and inspector. Dragging a palette item onto the canvas creates
 * the node under the pointer; the keyboard path adds it at the centre of the view.
 */
import { DndContext, DragOverlay, PointerSensor, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';
import { GRID, NODE_WIDTH } from '../domain/layout';
import { createMap } from '../domain/edits';
import { freshId } from '../domain/ids';
import { FIT_OPTIONS, JourneyCanvas } from '../canvas/JourneyCanvas';
import { editorActions } from '../store/editorStore';
import { Inspector } from '../panels/Inspector';
import { Notices } from '../panels/Notices';
import { Palette } from '../panels/Palette';
import type { PaletteItem } from '../panels/paletteItems';
import { Toolbar } from '../panels/Toolbar';
import { useShortcuts } from './useShortcuts';

const NODE_HALF_HEIGHT = 40;
const snap = (v: number) => Math.round(v / GRID) * GRID;

export function EditorLayout() {
  const flow = useReactFlow();
  const canvasRef = useRef<HTMLElement | null>(null);
  const [dragging, setDragging] = useState<PaletteItem | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
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

  const onDragStart = (event: DragStartEvent) => setDragging((event.active.data.current as PaletteItem) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const item = event.active.data.current as PaletteItem | undefined;
    const start = event.activatorEvent as PointerEvent | MouseEvent;
    if (!item || event.over?.id !== 'canvas' || typeof start.clientX !== 'number') return;
    addAt(item, { x: start.clientX + event.delta.x, y: start.clientY + event.delta.y });
  };

  const newMap = () => {
    editorActions.loadMap(createMap({ id: freshId('map', new Set()), name: 'Untitled journey' }));
    editorActions.notify('info', 'Started a new map. The previous map stays saved in this browser.', { id: 'new-map' });
  };

  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      <div className="jd-app">
        <Toolbar onNewMap={newMap} onFitView={() => void flow.fitView({ ...FIT_OPTIONS, duration: 200 })} />
        <Palette onAddAtCentre={addAtCentre} />
        <CanvasDropZone canvasRef={canvasRef}>
          <JourneyCanvas />
          <Notices />
        </CanvasDropZone>
        <Inspector />
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging && <div className={`jd-palette__ghost jd-palette__item--${dragging.kind}`}>{dragging.name}</div>}
      </DragOverlay>
    </DndContext>
  );
}

/** The canvas area as a drop target; it must sit inside the DndContext to register. */
function CanvasDropZone({ canvasRef, children }: { canvasRef: RefObject<HTMLElement | null>; children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: 'canvas' });
  return (
    <main
      className="jd-canvas"
      ref={(el) => {
        canvasRef.current = el;
        setNodeRef(el);
      }}
    >
      {children}
    </main>
  );
}
