/**
 * What a card's score strip says, shared by the canvas (nodes/parts.tsx) and the SVG renderer (cards.ts):
 * each score's text, its tone (good / poor / plain) by the measure it was computed with, its 95% interval
 * as "±h" (the larger half-width, rounded like the value) and, for the sample size, whether it is thin.
 */
import { isPercentScore, isThin, type ScoreMetric } from '../domain/evidence';
import type { Scores } from '../domain/types';

export type ScoreTone = 'good' | 'bad' | 'plain' | 'count';

export interface ScoreChipContent {
  term: string;
  value: string;
  tone: ScoreTone;
  /** "±15" when the score comes from survey answers. */
  interval?: string;
  /** A sample-size chip whose smallest score sample is under THIN_SAMPLE. */
  thin?: boolean;
  /** The whole chip in words, for a tooltip and screen readers. */
  title: string;
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const tone = (v: number, bad: number, good: number): ScoreTone => (v < bad ? 'bad' : v >= good ? 'good' : 'plain');
const TERMS: Record<ScoreMetric, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** Poor below the first, good from the second: per metric and measure. */
function thresholds(metric: ScoreMetric, scores: Scores): [number, number] {
  if (metric === 'nps') return [0, 30];
  if (metric === 'csat') return isPercentScore('csat', scores.evidence) ? [60, 80] : [3.5, 4.2];
  return isPercentScore('ces', scores.evidence) ? [60, 80] : [4, 5.5];
}

function valueText(metric: ScoreMetric, value: number, scores: Scores): string {
  if (metric === 'nps') return value > 0 ? `+${fmt(value)}` : fmt(value);
  return isPercentScore(metric, scores.evidence) ? `${fmt(value)}%` : fmt(value);
}

function chipFor(metric: ScoreMetric, scores: Scores): ScoreChipContent | null {
  const value = scores[metric];
  if (value === undefined) return null;
  const [bad, good] = thresholds(metric, scores);
  const text = valueText(metric, value, scores);
  const evidence = scores.evidence?.[metric];
  const measure = metric === 'csat' && !isPercentScore('csat', scores.evidence) ? ' (mean of 1–5)' : metric === 'ces' && isPercentScore('ces', scores.evidence) ? ' (% of 5–7)' : '';
  if (!evidence) return { term: TERMS[metric], value: text, tone: tone(value, bad, good), title: `${TERMS[metric]}${measure} ${text}` };
  const half = Math.max(evidence.high - value, value - evidence.low);
  return {
    term: TERMS[metric],
    value: text,
    tone: tone(value, bad, good),
    interval: `±${fmt(Math.round(half * 10) / 10)}`,
    title: `${TERMS[metric]}${measure} ${text}, 95% interval ${fmt(evidence.low)} to ${fmt(evidence.high)}, from ${evidence.n} answers${isThin(evidence) ? ' (thin: fewer than 30)' : ''}`,
  };
}

/** The chips of a score strip, in order: NPS, CSAT, CES, then the sample size. Empty without a score. */
export function scoreChipContents(scores: Scores | undefined): ScoreChipContent[] {
  if (!scores || (scores.nps === undefined && scores.csat === undefined && scores.ces === undefined)) return [];
  const chips: ScoreChipContent[] = [];
  for (const metric of ['nps', 'csat', 'ces'] as const) {
    const chip = chipFor(metric, scores);
    if (chip) chips.push(chip);
  }
  const samples = Object.values(scores.evidence ?? {}).map((e) => e.n);
  const thin = samples.length > 0 && isThin({ n: Math.min(...samples) });
  if (scores.responses !== undefined) {
    chips.push({
      term: 'n',
      value: thin ? `${scores.responses} · thin` : String(scores.responses),
      tone: 'count',
      thin,
      title: `${scores.responses} responses${thin ? '; a score rests on fewer than 30 answers: treat it with care' : ''}`,
    });
  }
  return chips;
}
