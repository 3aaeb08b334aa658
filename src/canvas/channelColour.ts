import type { CSSProperties } from 'react';
import { COLOUR_PATTERN } from '../domain/types';

/** The colour of a channel without one (Slate in COLOUR_PALETTE): legible, and reads as "no particular colour". */
export const NEUTRAL_CHANNEL_COLOUR = '#475569';

/**
 * Sets `--channel` for a channel's chip, palette item or card border. Any channel a map defines gets its own
 * colour this way; a missing or malformed colour falls back to the neutral slate.
 */
export function channelStyle(colour: string | undefined): CSSProperties {
  const value = colour !== undefined && COLOUR_PATTERN.test(colour) ? colour : NEUTRAL_CHANNEL_COLOUR;
  return { '--channel': value } as CSSProperties;
}
