/** Small writers of SVG markup: numbers kept short, text and attributes always escaped. */
import { escapeXml } from './text';

/** Two decimals are plenty in user units, and keep a large map's file small. */
export const num = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const rect = (b: Box, attrs: string): string => `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" ${attrs}/>`;

/**
 * A `<text>`: one line at baseline y, or several lines `lineHeight` apart (the first at y). `cls` names a
 * class of the picture's stylesheet; `attrs` adds raw attributes (never user text).
 */
export function text(x: number, y: number, lines: string | readonly string[], cls: string, attrs = '', lineHeight = 0): string {
  const all = typeof lines === 'string' ? [lines] : lines;
  let body = escapeXml(all[0] ?? '');
  for (let i = 1; i < all.length; i++) body += `<tspan x="${num(x)}" dy="${num(lineHeight)}">${escapeXml(all[i])}</tspan>`;
  return `<text x="${num(x)}" y="${num(y)}" class="${cls}"${attrs ? ` ${attrs}` : ''}>${body}</text>`;
}

/** Baseline of a line of `size` px text centred in a line box whose middle is at `middle`. */
export const baseline = (middle: number, size: number): number => middle + 0.35 * size;
