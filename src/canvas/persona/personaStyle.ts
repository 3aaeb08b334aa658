import type { CSSProperties } from 'react';

/** A persona without a colour of its own is drawn in slate. */
export const NEUTRAL_PERSONA_COLOUR = '#64748b';

/** Sets `--persona` for the persona's marks, frames and banners. */
export const personaStyle = (colour: string | undefined): CSSProperties => ({ '--persona': colour ?? NEUTRAL_PERSONA_COLOUR }) as CSSProperties;
