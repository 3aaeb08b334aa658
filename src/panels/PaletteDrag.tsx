/** Drag and drop for the palette (dnd-kit), loaded lazily by Palette. */
import { DndContext, DragOverlay, PointerSensor, useDraggable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useState } from 'react';
import { PaletteButton, PaletteIcon, paletteItemStyle } from './PaletteButton';
import type { PaletteItem } from './paletteItems';

interface Props {
  items: PaletteItem[];
  onAdd: (item: PaletteItem) => void;
  onDropAt: (item: PaletteItem, point: { x: number; y: number }) => boolean;
}

export default function DraggablePaletteItems({ items, onAdd, onDropAt }: Props) {
  const [dragging, setDragging] = useState<PaletteItem | null>(null);
  // Pointer only: Enter and Space stay with the button (add at the centre of the view).
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  const onDragStart = (event: DragStartEvent) => setDragging((event.active.data.current as PaletteItem | undefined) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const item = event.active.data.current as PaletteItem | undefined;
    const start = event.activatorEvent as PointerEvent | MouseEvent | null;
    if (!item || !start || typeof start.clientX !== 'number') return;
    onDropAt(item, { x: start.clientX + event.delta.x, y: start.clientY + event.delta.y });
  };

  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      <ul className="jd-palette__items" data-drag-ready="">
        {items.map((item) => (
          <li key={item.id}>
            <DraggableItem item={item} onAdd={onAdd} />
          </li>
        ))}
      </ul>
      <DragOverlay dropAnimation={null}>
        {dragging && (
          <div className={`jd-palette__ghost jd-palette__item--${dragging.kind}`} style={paletteItemStyle(dragging)}>
            <PaletteIcon item={dragging} />
            <span className="jd-palette__name">{dragging.name}</span>
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}

function DraggableItem({ item, onAdd }: { item: PaletteItem; onAdd: (item: PaletteItem) => void }) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: item.id, data: item });
  return <PaletteButton ref={setNodeRef} item={item} onAdd={onAdd} dragging={isDragging} {...listeners} />;
}
