/**
 * One survey cell → an answer on a metric's scale, or the reason it is not one. Skipped answers are counted
 * by reason and never become zeros: a blank NPS answer read as 0 would turn a non-respondent into a
 * detractor.
 *
 * Exports often label answers ("10 - Extremely likely", "5 = Very satisfied", "7 (Strongly agree)"): the
 * leading number is the answer. A decimal comma is read as a decimal point ("7,0" is 7): on scales that end
 * at 10 a thousands separator cannot occur, so the reading is unambiguous. Answers are whole points of the
 * scale; "4.5" or "11" is out of range.
 */
import type { ScoreMetric } from '../domain';

export interface Scale {
  min: number;
  max: number;
}

/** The answer scales: NPS 0–10, CSAT 1–5, CES 1–7. */
export const SURVEY_SCALES: Readonly<Record<ScoreMetric, Scale>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export type SkipReason = 'blank' | 'outOfRange' | 'nonNumeric';

export type AnswerReading = { ok: true; value: number } | { ok: false; reason: SkipReason };

/** A number first, then nothing or a label that starts (after an optional separator) with a letter or "(". */
const LEADING_NUMBER = /^([+-]?\d+(?:[.,]\d+)?)(.*)$/s;
const LABEL_AFTER_NUMBER = /^\s*[-–—:=.)]?\s*[(\p{L}]/u;

export function readAnswer(text: string, scale: Scale): AnswerReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'blank' };
  const match = LEADING_NUMBER.exec(trimmed);
  if (match === null || (match[2] !== '' && !LABEL_AFTER_NUMBER.test(match[2]))) return { ok: false, reason: 'nonNumeric' };
  const value = Number(match[1].replace(',', '.'));
  if (!Number.isInteger(value) || value < scale.min || value > scale.max) return { ok: false, reason: 'outOfRange' };
  return { ok: true, value };
}
