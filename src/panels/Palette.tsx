/**
 * The touchpoint palette. Drag an item onto the canvas to create that node at the drop point; Enter,
 * Space or a click adds it at the centre of the view. Dragging (dnd-kit) loads just after the first
 * render, so it stays out of the initial JavaScript; until then the items already work by click and key.
 * There is one item per channel of the open map, in the channel's colour; the items wrap onto more lines
 * (and beyond three lines scroll) so that none is ever cut off, however many channels a map has.
 */
import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/editorStore';
import { PaletteButton } from './PaletteButton';
import { paletteItems, type PaletteItem } from './paletteItems';
import './palette.css';

const DraggablePaletteItems = lazy(() => import('./PaletteDrag'));

export interface PaletteProps {
  /** Adds the item's node at the centre of the visible canvas. */
  onAddAtCentre: (item: PaletteItem) => void;
  /** Adds the item's node where it was dropped (screen coordinates); returns false when the point is off the canvas. */
  onDropAt?: (item: PaletteItem, point: { x: number; y: number }) => boolean;
}

export function Palette({ onAddAtCentre, onDropAt }: PaletteProps) {
  const channels = useEditor(useShallow((s) => s.map.channels));
  const items = paletteItems(channels);
  const staticItems = (
    <ul className="jd-palette__items">
      {items.map((item) => (
        <li key={item.id}>
          <PaletteButton item={item} onAdd={onAddAtCentre} />
        </li>
      ))}
    </ul>
  );
  return (
    <section className="jd-palette" aria-label="Touchpoint palette">
      <span className="jd-visually-hidden">Drag an item onto the canvas, or press Enter on it to add it in the middle of the view.</span>
      {onDropAt ? (
        <Suspense fallback={staticItems}>
          <DraggablePaletteItems items={items} onAdd={onAddAtCentre} onDropAt={onDropAt} />
        </Suspense>
      ) : (
        staticItems
      )}
    </section>
  );
}
