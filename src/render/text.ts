/**
 * Text for the picture: escaping, and widths estimated without a DOM. Nothing can be measured here (the
 * renderer runs in Node and in workers), so widths come from per-character advances, in em, of DejaVu Sans:
 * the widest of the fonts in the picture's font stack (it is what Chromium on Linux draws with), so text
 * laid out by these estimates fits in Inter, Segoe UI or Roboto with room to spare.
 */

/** Advances of ' ' … '~' (U+0020–U+007E) in em: DejaVu Sans Book, then Bold (weights of 600 and up). */
const REGULAR = [
  0.32, 0.4, 0.46, 0.84, 0.64, 0.95, 0.78, 0.27, 0.39, 0.39, 0.5, 0.84, 0.32, 0.36, 0.32, 0.34, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64,
  0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84, 0.53, 1, 0.68, 0.69, 0.7, 0.77, 0.63, 0.58, 0.77, 0.75, 0.29, 0.29, 0.66, 0.56, 0.86, 0.75, 0.79,
  0.6, 0.79, 0.69, 0.63, 0.61, 0.73, 0.68, 0.99, 0.69, 0.61, 0.69, 0.39, 0.34, 0.39, 0.84, 0.5, 0.5, 0.61, 0.63, 0.55, 0.63, 0.62, 0.35, 0.63,
  0.63, 0.28, 0.28, 0.58, 0.28, 0.97, 0.63, 0.61, 0.63, 0.63, 0.41, 0.52, 0.39, 0.63, 0.59, 0.82, 0.59, 0.59, 0.52, 0.64, 0.34, 0.64, 0.84,
];
const BOLD = [
  0.35, 0.46, 0.52, 0.84, 0.7, 1, 0.87, 0.31, 0.46, 0.46, 0.52, 0.84, 0.38, 0.42, 0.38, 0.37, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7,
  0.4, 0.4, 0.84, 0.84, 0.84, 0.58, 1, 0.77, 0.76, 0.73, 0.83, 0.68, 0.68, 0.82, 0.84, 0.37, 0.37, 0.77, 0.64, 1, 0.84, 0.85, 0.73, 0.85,
  0.77, 0.72, 0.68, 0.81, 0.77, 1.1, 0.77, 0.72, 0.73, 0.46, 0.37, 0.46, 0.84, 0.5, 0.5, 0.67, 0.72, 0.59, 0.72, 0.68, 0.44, 0.72, 0.71,
  0.34, 0.34, 0.67, 0.34, 1.04, 0.71, 0.69, 0.72, 0.72, 0.49, 0.6, 0.48, 0.71, 0.65, 0.92, 0.65, 0.65, 0.58, 0.71, 0.37, 0.71, 0.84,
];

export interface Font {
  size: number;
  bold?: boolean;
  /** Extra space after every character, in em (CSS letter-spacing). */
  spacing?: number;
}

function advance(code: number, bold: boolean): number {
  if (code >= 32 && code < 127) return (bold ? BOLD : REGULAR)[code - 32];
  // Wide scripts (CJK, Hangul, full-width forms) and emoji take a whole em; anything else a wide letter's.
  if ((code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f000) return 1;
  return bold ? 0.78 : 0.72;
}

/** Estimated width of `text` in this font, in px. */
export function textWidth(text: string, font: Font): number {
  let em = 0;
  let count = 0;
  for (const ch of text) {
    em += advance(ch.codePointAt(0) ?? 0, font.bold === true);
    count++;
  }
  return (em + count * (font.spacing ?? 0)) * font.size;
}

/** Control characters (tab and line breaks become spaces first), unpaired surrogates and non-characters: invalid in XML or invisible. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A user string as one line of plain text: whitespace runs become one space, unsafe characters go. */
export function cleanLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(UNSAFE, '').trim();
}

/** Escapes text for an SVG text node or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(UNSAFE, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` cut to fit `width`, ending in "…" when cut. */
export function truncate(text: string, width: number, font: Font): string {
  if (textWidth(text, font) <= width) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('').trimEnd() + '…', font) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/**
 * `text` in lines no wider than `width`: words fill a line in turn, and a word too long for a line of its
 * own is broken between characters (as CSS overflow-wrap: anywhere does). At most `maxLines`, the last
 * ending in "…" when text is left over. Line breaks in `text` are kept when `keepBreaks` is set.
 */
export function wrapText(text: string, width: number, font: Font, maxLines = Infinity, keepBreaks = false): string[] {
  const paragraphs = keepBreaks ? text.split(/\r\n|\r|\n/).map(cleanLine) : [cleanLine(text)];
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(candidate, font) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      // A word wider than a whole line is broken where it fills one.
      let rest = Array.from(word);
      while (rest.length > 0 && textWidth(rest.join(''), font) > width) {
        let take = 1;
        while (take < rest.length && textWidth(rest.slice(0, take + 1).join(''), font) <= width) take++;
        lines.push(rest.slice(0, take).join(''));
        rest = rest.slice(take);
      }
      line = rest.join('');
    }
    if (line !== '' || paragraph === '') lines.push(line);
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} ${lines[maxLines]}`, width, font);
    if (!kept[maxLines - 1].endsWith('…')) kept[maxLines - 1] = truncate(`${kept[maxLines - 1]}…`, width, font);
    return kept;
  }
  return lines;
}
