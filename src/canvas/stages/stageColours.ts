/**
 * How a stage colour is drawn. The band gets a light wash of the colour; the header, which carries the
 * name written in the colour, gets an even lighter, opaque one. The header's tint is what the name is read
 * against, so it is kept light enough that every palette colour stays above 4.5:1 there (Amber, the
 * weakest, reads 4.62:1 on a 5 % tint; on a 10 % tint it would drop to 4.32:1).
 */
import type { CSSProperties } from 'react';

/** Share of the colour in the header's background (mixed with white, opaque). */
export const HEADER_TINT = 0.05;
/** Share of the colour in the band's wash (translucent, over the neutral band). */
export const BAND_TINT = 0.1;

/** `#rrggbb` mixed with white: `amount` 0 is white, 1 the colour itself. */
export function mixWithWhite(hex: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${channels
    .map((c) => Math.round(c * amount + 255 * (1 - amount)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** CSS custom properties for a coloured stage (read by stages.css); none for a neutral one. */
export function stageColourStyle(colour: string | undefined): CSSProperties | undefined {
  if (colour === undefined) return undefined;
  const alpha = Math.round(BAND_TINT * 255)
    .toString(16)
    .padStart(2, '0');
  return {
    '--stage-colour': colour,
    '--stage-header': mixWithWhite(colour, HEADER_TINT),
    '--stage-band': `${colour}${alpha}`,
  } as CSSProperties;
}
