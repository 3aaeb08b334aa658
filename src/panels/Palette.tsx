/**
 * The touchpoint palette. Drag an item onto the canvas (dnd-kit) to create that node at the drop point;
 * Enter, Space or a click adds it at the centre of the view.
 */
import { useDraggable } from '@dnd-kit/core';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/editorStore';
import { paletteItems, type PaletteItem } from './paletteItems';

export interface PaletteProps {
  /** Adds the item's node at the centre of the visible canvas. */
  onAddAtCentre: (item: PaletteItem) => void;
}

export function Palette({ onAddAtCentre }: PaletteProps) {
  const channels = useEditor(useShallow((s) => s.map.channels));
  const items = paletteItems(channels);
  return (
    <section className="jd-palette" aria-label="Touchpoint palette">
      <span className="jd-palette__title" aria-hidden="true">
        Drag onto the canvas
      </span>
      <ul className="jd-palette__items">
        {items.map((item) => (
          <li key={item.id}>
            <PaletteButton item={item} onAdd={onAddAtCentre} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PaletteButton({ item, onAdd }: { item: PaletteItem; onAdd: (item: PaletteItem) => void }) {
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: item.id, data: item });
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`jd-palette__item jd-palette__item--${item.kind}${item.channel ? ` jd-channel--${item.channel}` : ''}${isDragging ? ' is-dragging' : ''}`}
      title={`${item.name}: drag onto the canvas, or press Enter to add it in the middle of the view`}
      onClick={() => onAdd(item)}
      {...listeners}
    >
      <span className="jd-palette__icon" aria-hidden="true">
        {item.kind === 'entry' ? '▶' : item.kind === 'outcome' ? '◎' : '●'}
      </span>
      {item.name}
    </button>
  );
}
