import { forwardRef, type HTMLAttributes } from 'react';
import type { PaletteItem } from './paletteItems';

interface PaletteButtonProps extends HTMLAttributes<HTMLButtonElement> {
  item: PaletteItem;
  onAdd: (item: PaletteItem) => void;
  dragging?: boolean;
}

/** One palette item: a button named after the node it creates ("Entry", "Website", …). */
export const PaletteButton = forwardRef<HTMLButtonElement, PaletteButtonProps>(function PaletteButton({ item, onAdd, dragging, ...rest }, ref) {
  return (
    <button
      ref={ref}
      type="button"
      className={`jd-palette__item jd-palette__item--${item.kind}${item.channel ? ` jd-channel--${item.channel}` : ''}${dragging ? ' is-dragging' : ''}`}
      title={`${item.name}: drag onto the canvas, or press Enter to add it in the middle of the view`}
      onClick={() => onAdd(item)}
      {...rest}
    >
      <PaletteIcon item={item} />
      {item.name}
    </button>
  );
});

export function PaletteIcon({ item }: { item: PaletteItem }) {
  return (
    <span className="jd-palette__icon" aria-hidden="true">
      {item.kind === 'entry' ? '▶' : item.kind === 'outcome' ? '◎' : '●'}
    </span>
  );
}
