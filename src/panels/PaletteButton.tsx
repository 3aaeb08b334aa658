import { forwardRef, type HTMLAttributes } from 'react';
import { channelStyle } from '../canvas/channelColour';
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
      className={`jd-palette__item jd-palette__item--${item.kind}${dragging ? ' is-dragging' : ''}`}
      style={paletteItemStyle(item)}
      title={`${item.name}: drag onto the canvas, or press Enter to add it in the middle of the view`}
      onClick={() => onAdd(item)}
      {...rest}
    >
      <PaletteIcon item={item} />
      <span className="jd-palette__name">{item.name}</span>
    </button>
  );
});

/** A channel's item takes the channel's own colour; Entry and Outcome keep theirs from the stylesheet. */
export function paletteItemStyle(item: PaletteItem) {
  return item.channel !== undefined ? channelStyle(item.colour) : undefined;
}

export function PaletteIcon({ item }: { item: PaletteItem }) {
  return (
    <span className="jd-palette__icon" aria-hidden="true">
      {item.kind === 'entry' ? '▶' : item.kind === 'outcome' ? '◎' : item.kind === 'note' ? '✎' : '●'}
    </span>
  );
}
