/**
 * What a survey import read and left out, as counts, and the same in words for the import dialog:
 * "412 responses, 9 skipped: 7 blank, 2 out of range. 3 responses skipped: 2 unfinished, 1 preview".
 * The first sentence counts answers skipped inside the responses read; the second, rows the export itself
 * marks as not (complete) responses; a third, rows whose touchpoint cell names no mapped touchpoint.
 */
import type { SkipReason } from './surveyAnswers';
import type { SkippedRows } from './surveyFile';

export interface SurveySummary {
  /** Responses (rows) read. */
  responses: number;
  /** Rows not read: previews (and other non-responses) and unfinished responses. */
  skippedRows: SkippedRows;
  /** Answers in mapped columns not counted, by reason. */
  skippedAnswers: Record<SkipReason, number>;
  /** Rows whose touchpoint cell matched no mapped touchpoint, so their per-row answers went nowhere. */
  unmatchedRows: number;
  /** Answers behind each scored node: the largest n of its scores. */
  nodes: { node: string; n: number }[];
}

const REASON_WORDS: readonly [SkipReason, string][] = [
  ['blank', 'blank'],
  ['outOfRange', 'out of range'],
  ['nonNumeric', 'not a number'],
];

export function surveySummaryText(summary: SurveySummary): string {
  return surveySummaryLines(summary).join('. ');
}

export function surveySummaryLines(summary: SurveySummary): string[] {
  const lines = [answersLine(summary)];
  const { preview, unfinished } = summary.skippedRows;
  if (preview + unfinished > 0) {
    const reasons = listed([[unfinished, 'unfinished'], [preview, plural(preview, 'preview')]]);
    lines.push(`${counted(preview + unfinished, 'response')} skipped: ${reasons}`);
  }
  if (summary.unmatchedRows > 0) lines.push(`${counted(summary.unmatchedRows, 'response')} named no mapped touchpoint`);
  return lines;
}

function answersLine(summary: SurveySummary): string {
  const read = counted(summary.responses, 'response');
  const skipped = REASON_WORDS.reduce((total, [reason]) => total + summary.skippedAnswers[reason], 0);
  if (skipped === 0) return read;
  return `${read}, ${skipped} skipped: ${listed(REASON_WORDS.map(([reason, words]) => [summary.skippedAnswers[reason], words]))}`;
}

/** "7 blank, 2 out of range": the non-zero counts with their words. */
const listed = (counts: readonly (readonly [number, string])[]): string =>
  counts
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`)
    .join(', ');

const plural = (n: number, noun: string): string => (n === 1 ? noun : `${noun}s`);
const counted = (n: number, noun: string): string => `${n} ${plural(n, noun)}`;
