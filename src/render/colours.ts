/**
 * The app's colours, for the picture: the same values as the canvas's stylesheets (app.css, stages.css,
 * emotionLane.css), written as hex so that every SVG reader (slides, vector editors) understands them.
 */
import { COLOUR_PATTERN, type Emotion } from '../domain/types';

export const INK = '#0f172a';
export const INK_2 = '#334155';
/** Secondary text: at least 4.5:1 on every light tint it sits on (score chips, friction notes, the library). */
export const MUTED = '#475569';
export const LINE = '#e2e8f0';
export const CARD_BORDER = '#cbd5e1';
export const GROUND = '#f1f5f9';
export const GOOD = '#047857';
export const BAD = '#b91c1c';
export const ACCENT = '#4f46e5';
/** A channel without a colour, or with a malformed one (Slate). */
export const NEUTRAL_CHANNEL = '#475569';
/** A touchpoint without a channel: the card's left border. */
export const NO_CHANNEL = '#94a3b8';

export const EMOTION_COLOURS: Record<Emotion, string> = { [-2]: '#b91c1c', [-1]: '#ea580c', 0: '#64748b', 1: '#16a34a', 2: '#047857' };
/** The emotion scale's words, each a shade darker than its marks where the mark's colour is too light for text (AA). */
export const EMOTION_TEXT_COLOURS: Record<Emotion, string> = { [-2]: '#b91c1c', [-1]: '#c2410c', 0: '#475569', 1: '#15803d', 2: '#047857' };

/** Friction badge colours: severities 1–3 amber, 4–5 red. */
export const frictionColours = (severity: number): { fill: string; text: string } =>
  severity >= 4 ? { fill: '#fee2e2', text: '#991b1b' } : { fill: '#fef3c7', text: '#92400e' };

/** A colour from a file, if it is a valid `#rrggbb`; otherwise the fallback. */
export const validColour = (colour: string | undefined, fallback: string): string => (colour !== undefined && COLOUR_PATTERN.test(colour) ? colour : fallback);

/** `#rrggbb` mixed with `base` (white by default): `amount` 0 is the base, 1 the colour itself. */
export function mix(hex: string, amount: number, base = '#ffffff'): string {
  const channel = (h: string, i: number) => parseInt(h.slice(i, i + 2), 16);
  return toHex([1, 3, 5].map((i) => channel(hex, i) * amount + channel(base, i) * (1 - amount)));
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** hsl (h in degrees, s and l in 0..1) as `#rrggbb`. */
export function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return toHex([f(0), f(8), f(4)]);
}

/**
 * Words on a heat-tinted card that would otherwise be in a colour (channel, kind, response count): one dark ink,
 * at least 4.5:1 on every tint up to the reddest (5.2:1 there); the card's name is in INK (6.3:1 there).
 */
export const ON_HEAT = '#1e293b';

/** The canvas's heat colour (simulationOverlay heatColour): pale amber for nobody lost, red for the node that loses most. */
export function heatColour(level: number): string {
  const l = Math.max(0, Math.min(1, level));
  return hslHex(Math.round(38 - 38 * l), 0.9, Math.round(95 - 25 * l) / 100);
}
