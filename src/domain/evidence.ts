/**
 * Rules for values that come from evidence (format version 5): the range a score may take given how it was
 * measured, and what "typed by hand" means. The file format, the store's edits, the Inspector and the
 * uncertainty analysis all ask here.
 */
import type { JourneyEdge, JourneyNode, Scores, ScoreEvidence, ScoresEvidence } from './types';
import { THIN_SAMPLE } from './types';

export type ScoreMetric = 'nps' | 'csat' | 'ces';
export const SCORE_METRICS: readonly ScoreMetric[] = ['nps', 'csat', 'ces'];

export interface ScoreRange {
  min: number;
  max: number;
}

/**
 * The range of a score given its evidence: NPS −100..100; CSAT 0..100 (% of 4–5) or 1..5 (mean); CES 1..7
 * (mean) or 0..100 (% of 5–7). A score typed by hand has no evidence and the default measure.
 */
export function scoreRange(metric: ScoreMetric, evidence?: ScoresEvidence): ScoreRange {
  if (metric === 'nps') return { min: -100, max: 100 };
  if (metric === 'csat') return evidence?.csat?.measure === 'mean' ? { min: 1, max: 5 } : { min: 0, max: 100 };
  return evidence?.ces?.measure === 'top3' ? { min: 0, max: 100 } : { min: 1, max: 7 };
}

/** Whether a score rests on fewer answers than THIN_SAMPLE. */
export const isThin = (evidence: Pick<ScoreEvidence, 'n'>): boolean => evidence.n < THIN_SAMPLE;

/** Whether a score is a percentage (shown with %), given its evidence. */
export function isPercentScore(metric: ScoreMetric, evidence?: ScoresEvidence): boolean {
  if (metric === 'csat') return evidence?.csat?.measure !== 'mean';
  if (metric === 'ces') return evidence?.ces?.measure === 'top3';
  return false;
}

/** Scores with hand-typed values for `typed`'s metrics: their evidence goes (a typed value has none). */
export function withTypedScores(current: Scores | undefined, typed: Scores): Scores {
  const next: Scores = { ...current, ...typed };
  if (next.evidence && !typed.evidence) {
    const evidence: ScoresEvidence = { ...next.evidence };
    for (const metric of SCORE_METRICS) if (metric in typed) delete evidence[metric];
    if (Object.keys(evidence).length === 0) delete next.evidence;
    else next.evidence = evidence;
  }
  return next;
}

/** Whether a node's drop-off comes from observed counts (and so has a posterior). */
export const dropOffFromData = (node: Pick<JourneyNode, 'observed' | 'kind'>): boolean => node.observed !== undefined && node.kind !== 'outcome';

/** Whether every edge leaving a node has observed counts: only then are its weights uncertain (Dirichlet). */
export const weightsFromData = (outgoing: readonly Pick<JourneyEdge, 'observed'>[]): boolean =>
  outgoing.length > 0 && outgoing.every((e) => e.observed !== undefined);
