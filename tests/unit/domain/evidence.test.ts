/**
 * The rules for values that come from evidence (format version 5), which the file format, the edits, the
 * Inspector and the uncertainty analysis share: a score's range given how it was measured, thin samples, and
 * what typing a value by hand does to its evidence.
 */
import {
  dropOffFromData,
  isPercentScore,
  isThin,
  SCORE_METRICS,
  scoreRange,
  weightsFromData,
  withTypedScores,
} from '../../../src/domain/evidence';
import { THIN_SAMPLE, type Scores, type ScoresEvidence } from '../../../src/domain/types';

const interval = { n: 100, low: 1, high: 2 };

describe('scoreRange', () => {
  it('is the range of a score typed by hand without evidence: the version 4 ranges', () => {
    expect(SCORE_METRICS).toEqual(['nps', 'csat', 'ces']);
    expect(scoreRange('nps')).toEqual({ min: -100, max: 100 });
    expect(scoreRange('csat')).toEqual({ min: 0, max: 100 });
    expect(scoreRange('ces')).toEqual({ min: 1, max: 7 });
  });

  it('follows how CSAT and CES were measured: the mean answer or the % of top answers', () => {
    const evidence = (csat: 'top2' | 'mean', ces: 'mean' | 'top3'): ScoresEvidence => ({ csat: { ...interval, measure: csat }, ces: { ...interval, measure: ces } });
    expect(scoreRange('csat', evidence('top2', 'mean'))).toEqual({ min: 0, max: 100 });
    expect(scoreRange('csat', evidence('mean', 'mean'))).toEqual({ min: 1, max: 5 });
    expect(scoreRange('ces', evidence('top2', 'mean'))).toEqual({ min: 1, max: 7 });
    expect(scoreRange('ces', evidence('top2', 'top3'))).toEqual({ min: 0, max: 100 });
    expect(scoreRange('nps', { nps: interval })).toEqual({ min: -100, max: 100 });
    // The measure of one score does not change another's range.
    expect(scoreRange('ces', { csat: { ...interval, measure: 'mean' } })).toEqual({ min: 1, max: 7 });
  });
});

describe('isPercentScore and isThin', () => {
  it('shows CSAT as a % unless it is the mean answer, CES only as the % of 5–7, NPS never', () => {
    expect(isPercentScore('csat')).toBe(true);
    expect(isPercentScore('csat', { csat: { ...interval, measure: 'mean' } })).toBe(false);
    expect(isPercentScore('ces')).toBe(false);
    expect(isPercentScore('ces', { ces: { ...interval, measure: 'top3' } })).toBe(true);
    expect(isPercentScore('nps', { nps: interval })).toBe(false);
  });

  it(`calls a score from fewer than ${THIN_SAMPLE} answers thin`, () => {
    expect(THIN_SAMPLE).toBe(30);
    expect(isThin({ n: 1 })).toBe(true);
    expect(isThin({ n: THIN_SAMPLE - 1 })).toBe(true);
    expect(isThin({ n: THIN_SAMPLE })).toBe(false);
  });
});

describe('withTypedScores', () => {
  const surveyed = (): Scores => ({
    nps: 10, csat: 4.2, ces: 70, responses: 80,
    evidence: { nps: { n: 80, low: -5, high: 25 }, csat: { n: 80, low: 4, high: 4.4, measure: 'mean' }, ces: { n: 20, low: 48, high: 85, measure: 'top3' } },
  });

  it('drops the evidence of each score typed (or cleared), keeping the others\' and leaving its input alone', () => {
    const current = Object.freeze(surveyed());
    expect(withTypedScores(current, { csat: 90 })).toEqual({ ...surveyed(), csat: 90, evidence: { nps: surveyed().evidence!.nps, ces: surveyed().evidence!.ces } });
    expect(withTypedScores(current, { ces: undefined, nps: 0 })).toEqual({ ...surveyed(), nps: 0, ces: undefined, evidence: { csat: surveyed().evidence!.csat } });
    expect(current).toEqual(surveyed());
  });

  it('drops the evidence object with its last score, and keeps all of it when only responses are typed', () => {
    const next = withTypedScores(surveyed(), { nps: 1, csat: 2, ces: 3 });
    expect(next).toEqual({ nps: 1, csat: 2, ces: 3, responses: 80 });
    expect(next).not.toHaveProperty('evidence');
    expect(withTypedScores(surveyed(), { responses: 90 })).toEqual({ ...surveyed(), responses: 90 });
  });

  it('takes scores given with their evidence as they are (an import), and works on a node without scores', () => {
    const imported: Scores = { csat: 75, evidence: { csat: { n: 40, low: 60, high: 86, measure: 'top2' } } };
    expect(withTypedScores(undefined, imported)).toEqual(imported);
    expect(withTypedScores(undefined, { nps: 5 })).toEqual({ nps: 5 });
  });
});

describe('dropOffFromData and weightsFromData', () => {
  it('says a drop-off comes from data when its node has observed counts and is not an outcome', () => {
    expect(dropOffFromData({ kind: 'touchpoint', observed: { entered: 10, left: 1 } })).toBe(true);
    expect(dropOffFromData({ kind: 'entry', observed: { entered: 10, left: 1 } })).toBe(true);
    expect(dropOffFromData({ kind: 'touchpoint' })).toBe(false);
    expect(dropOffFromData({ kind: 'outcome', observed: { entered: 10, left: 1 } })).toBe(false);
  });

  it('says a node\'s weights come from data only when every edge out of it has counts', () => {
    expect(weightsFromData([{ observed: { count: 3 } }, { observed: { count: 0 } }])).toBe(true);
    expect(weightsFromData([{ observed: { count: 3 } }, {}])).toBe(false);
    expect(weightsFromData([])).toBe(false);
  });
});
