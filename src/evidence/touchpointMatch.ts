/**
 * Finding the touchpoint a piece of survey text names ("How satisfied were you with the checkout page?",
 * or a cell "Checkout page"), by word overlap with the touchpoint labels: case, accents, punctuation, plural
 * "s" and filler words are ignored. A label matches when more than half of its words occur in the text, so a
 * shared generic word ("page" in "Product page" vs "Checkout page") is not enough; the best match wins, a
 * tie names no touchpoint rather than a wrong one.
 */
import type { JourneyMap, JourneyNode } from '../domain';

/** The nodes survey scores can be attached to: touchpoints and entries. */
export function scoredNodes(map: JourneyMap): JourneyNode[] {
  return map.nodes.filter((n) => n.kind === 'touchpoint' || n.kind === 'entry');
}

/** A touchpoint column's cell as compared with the mapped values: case and surrounding spaces ignored. */
export const touchpointCellKey = (value: string): string => value.trim().toLowerCase();

const FILLER_WORDS = new Set(
  'a an and are at be by did do does for from how in is it of on or our the this to us was we were what with you your'.split(' '),
);

/** The words of `text` that carry meaning, normalised for comparison. */
export function meaningfulWords(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map(singular);
  const meaningful = words.filter((w) => !FILLER_WORDS.has(w));
  return meaningful.length > 0 ? meaningful : words;
}

const singular = (word: string): string => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

/** Whether two names are the same once normalised: "Checkout pages" and " checkout page" are. */
export function sameName(a: string, b: string): boolean {
  return meaningfulWords(a).join(' ') === meaningfulWords(b).join(' ');
}

/** The id of the touchpoint `text` names best, or undefined when none (or several equally) match. */
export function bestTouchpoint(text: string, touchpoints: readonly JourneyNode[]): string | undefined {
  const words = new Set(meaningfulWords(text));
  let best: { id: string; share: number; matched: number } | undefined;
  let tied = false;
  for (const node of touchpoints) {
    const label = [...new Set(meaningfulWords(node.label))];
    const matched = label.filter((w) => words.has(w)).length;
    const share = label.length === 0 ? 0 : matched / label.length;
    if (share <= 0.5) continue;
    const order = best === undefined ? 1 : share - best.share || matched - best.matched;
    if (order > 0) [best, tied] = [{ id: node.id, share, matched }, false];
    else if (order === 0 && best !== undefined) tied = true;
  }
  return tied ? undefined : best?.id;
}
