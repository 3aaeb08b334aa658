import { setSurveyScores, type SurveyMapping } from '../../../src/domain';
import {
  computeSurveyScores,
  isThin,
  mergeSurveyScores,
  proposeSurveyMapping,
  surveySummaryText,
  type SurveySummary,
} from '../../../src/evidence';
import { makeMap } from '../../support/maps';
import { fixtureFile, plainCsv, surveyFile } from './surveyFixtures';

const map = makeMap();
const mapping = (columns: SurveyMapping['columns'], measures: Partial<Pick<SurveyMapping, 'csat' | 'ces'>> = {}): SurveyMapping => ({
  columns,
  csat: 'top2',
  ces: 'mean',
  ...measures,
});

/** A Qualtrics export with one NPS question: `answers` as finished real responses, then the skipped rows. */
function qualtricsExport(answers: readonly string[], skipped: { preview: number; unfinished: number }): string {
  const rows = [
    ...answers.map((a) => `0,1,${a}`),
    ...Array.from({ length: skipped.preview }, () => '1,1,10'),
    ...Array.from({ length: skipped.unfinished }, () => '0,0,10'),
  ];
  const header = ['Status,Finished,Q1', 'Response Type,Finished,NPS', '"{""ImportId"":""status""}","{""ImportId"":""finished""}","{""ImportId"":""QID1""}"'];
  return [...header, ...rows].join('\r\n');
}

describe('scores from a Qualtrics export', () => {
  const file = fixtureFile('qualtrics.csv');
  const scoring = computeSurveyScores(file, proposeSurveyMapping(file, map), map);

  it('gives the checkout NPS and CSAT with their samples and intervals', () => {
    // NPS: 10, 9, 8, 6, 10, 3 → 3 promoters, 2 detractors of 6 = 16.7; SE = 100·√((5/6 − (1/6)²)/6) = 36.64
    // CSAT: 5, 4, 4, 2, 5 (one blank) → 4 of 5 = 80 %, Wilson 37.6…96.4
    expect(scoring.nodes).toEqual([
      {
        node: 'tp-checkout',
        scores: {
          nps: 16.7,
          csat: 80,
          responses: 6,
          evidence: { nps: { n: 6, low: -55.1, high: 88.5 }, csat: { n: 5, low: 37.6, high: 96.4, measure: 'top2' } },
        },
      },
    ]);
  });

  it('summarises what was read and skipped', () => {
    expect(scoring.summary).toEqual({
      responses: 6,
      skippedRows: { preview: 1, unfinished: 1 },
      skippedAnswers: { blank: 1, outOfRange: 0, nonNumeric: 0 },
      unmatchedRows: 0,
      nodes: [{ node: 'tp-checkout', n: 6 }],
    });
    expect(surveySummaryText(scoring.summary)).toBe('6 responses, 1 skipped: 1 blank. 2 responses skipped: 1 unfinished, 1 preview');
  });
});

describe('counting skipped answers', () => {
  it('reads "412 responses, 9 skipped: 7 blank, 2 out of range" and the rows the export marks', () => {
    const answers = Array.from({ length: 412 }, (_, i) => (i < 7 ? '' : i < 9 ? '11' : String(i % 11)));
    const file = surveyFile(qualtricsExport(answers, { preview: 1, unfinished: 2 }));
    const scoring = computeSurveyScores(file, mapping([{ column: 'NPS', role: 'nps', node: 'tp-web' }]), map);
    expect(scoring.summary.skippedAnswers).toEqual({ blank: 7, outOfRange: 2, nonNumeric: 0 });
    expect(scoring.nodes[0].scores.evidence.nps?.n).toBe(403);
    expect(surveySummaryText(scoring.summary)).toBe(
      '412 responses, 9 skipped: 7 blank, 2 out of range. 3 responses skipped: 2 unfinished, 1 preview',
    );
  });

  it('never reads a skipped answer as zero', () => {
    const file = surveyFile(plainCsv(['Respondent', 'NPS'], [[1, 10], [2, ''], [3, 'n/a'], [4, 9], [5, '-'], [6, '12']]));
    const scoring = computeSurveyScores(file, mapping([{ column: 'NPS', role: 'nps', node: 'tp-web' }]), map);
    expect(scoring.nodes[0].scores).toMatchObject({ nps: 100, responses: 2 });
    expect(surveySummaryText(scoring.summary)).toBe('6 responses, 4 skipped: 1 blank, 1 out of range, 2 not a number');
  });
});

describe('the summary in words', () => {
  const summary = (change: Partial<SurveySummary>): SurveySummary => ({
    responses: 1,
    skippedRows: { preview: 0, unfinished: 0 },
    skippedAnswers: { blank: 0, outOfRange: 0, nonNumeric: 0 },
    unmatchedRows: 0,
    nodes: [],
    ...change,
  });

  it('pluralises and leaves out reasons that did not occur', () => {
    expect(surveySummaryText(summary({}))).toBe('1 response');
    expect(surveySummaryText(summary({ responses: 0 }))).toBe('0 responses');
    expect(surveySummaryText(summary({ skippedAnswers: { blank: 0, outOfRange: 1, nonNumeric: 0 } }))).toBe('1 response, 1 skipped: 1 out of range');
    expect(surveySummaryText(summary({ skippedRows: { preview: 1, unfinished: 0 } }))).toBe('1 response. 1 response skipped: 1 preview');
    expect(surveySummaryText(summary({ responses: 40, skippedRows: { preview: 2, unfinished: 0 }, unmatchedRows: 1 }))).toBe(
      '40 responses. 2 responses skipped: 2 previews. 1 response named no mapped touchpoint',
    );
  });
});

describe('a touchpoint column feeding several touchpoints', () => {
  const file = fixtureFile('touchpoint-column.csv');
  const scoring = computeSurveyScores(file, proposeSurveyMapping(file, map), map);

  it('scores each touchpoint from its own rows, in map order', () => {
    // Product page: NPS 9, 10; CSAT 5, 4. Checkout (any case): NPS 10, 6, 3; CSAT 4, 2, 1. Search ad: 8; 5.
    expect(scoring.nodes.map(({ node, scores }) => ({ node, nps: scores.nps, csat: scores.csat, responses: scores.responses }))).toEqual([
      { node: 'entry', nps: 0, csat: 100, responses: 1 },
      { node: 'tp-web', nps: 100, csat: 100, responses: 2 },
      { node: 'tp-checkout', nps: -33.3, csat: 33.3, responses: 3 },
    ]);
  });

  it('counts rows that name no mapped touchpoint (one unknown, one blank)', () => {
    expect(scoring.summary.unmatchedRows).toBe(2);
    expect(scoring.summary.nodes).toEqual([
      { node: 'entry', n: 1 },
      { node: 'tp-web', n: 2 },
      { node: 'tp-checkout', n: 3 },
    ]);
    expect(surveySummaryText(scoring.summary)).toBe('8 responses. 2 responses named no mapped touchpoint');
  });

  it('lets a column mapped to a node feed it from every row, beside the per-row columns', () => {
    const fixed = computeSurveyScores(
      file,
      mapping([
        { column: 'Touchpoint', role: 'touchpoint', values: [{ value: 'Checkout', node: 'tp-checkout' }] },
        { column: 'Likelihood to recommend (0-10)', role: 'nps' },
        { column: 'CSAT', role: 'csat', node: 'tp-web' },
      ]),
      map,
    );
    expect(fixed.nodes.map(({ node, scores }) => [node, scores.evidence.nps?.n, scores.evidence.csat?.n])).toEqual([
      ['tp-web', undefined, 8],
      ['tp-checkout', 3, undefined],
    ]);
  });
});

describe('CSAT and CES measures', () => {
  const file = surveyFile(
    plainCsv(
      ['Checkout CSAT', 'Checkout effort'],
      [
        [1, 7],
        [2, 6],
        [3, 5],
        [4, 4],
        [5, 3],
        ['', 2],
        ['', 1],
        ['', 5],
      ],
    ),
  );
  const columns: SurveyMapping['columns'] = [
    { column: 'Checkout CSAT', role: 'csat', node: 'tp-checkout' },
    { column: 'Checkout effort', role: 'ces', node: 'tp-checkout' },
  ];

  it('gives the CSAT mean and the CES top-3 share when asked', () => {
    // CSAT mean 3, 1.96·√2.5/√5 = 1.39; CES 4 of 8 answers 5–7 = 50 %, Wilson 21.5…78.5
    const [checkout] = computeSurveyScores(file, mapping(columns, { csat: 'mean', ces: 'top3' }), map).nodes;
    expect(checkout.scores).toEqual({
      csat: 3,
      ces: 50,
      responses: 8,
      evidence: { csat: { n: 5, low: 1.61, high: 4.39, measure: 'mean' }, ces: { n: 8, low: 21.5, high: 78.5, measure: 'top3' } },
    });
  });

  it('gives the CSAT top-2 share and the CES mean by default', () => {
    // CSAT 2 of 5 = 40 %, Wilson 11.8…76.9; CES mean 33/8 = 4.125, s = 2.03, 1.96·s/√8 = 1.41
    const [checkout] = computeSurveyScores(file, mapping(columns), map).nodes;
    expect(checkout.scores).toEqual({
      csat: 40,
      ces: 4.13,
      responses: 8,
      evidence: { csat: { n: 5, low: 11.8, high: 76.9, measure: 'top2' }, ces: { n: 8, low: 2.72, high: 5.53, measure: 'mean' } },
    });
  });

  it('marks both as thin evidence', () => {
    const [checkout] = computeSurveyScores(file, mapping(columns), map).nodes;
    expect([checkout.scores.evidence.csat, checkout.scores.evidence.ces].map((e) => e !== undefined && isThin(e))).toEqual([true, true]);
  });
});

describe('what the mapping names but the file or map lacks', () => {
  it('is passed over', () => {
    const file = surveyFile(plainCsv(['NPS', 'CSAT'], [[9, 5], [10, 4]]));
    const scoring = computeSurveyScores(
      file,
      mapping([
        { column: 'Gone', role: 'nps', node: 'tp-web' },
        { column: 'NPS', role: 'nps', node: 'tp-gone' },
        { column: 'CSAT', role: 'csat' },
        { column: 'NPS', role: 'nps', node: 'out-success' },
      ]),
      map,
    );
    expect(scoring.nodes).toEqual([]);
    expect(scoring.summary.unmatchedRows).toBe(0);
  });

  it('pools two columns feeding one metric of one touchpoint', () => {
    const file = surveyFile(plainCsv(['NPS web', 'NPS app'], [[10, 0], [9, '']]));
    const scoring = computeSurveyScores(
      file,
      mapping([
        { column: 'NPS web', role: 'nps', node: 'tp-web' },
        { column: 'NPS app', role: 'nps', node: 'tp-web' },
      ]),
      map,
    );
    expect(scoring.nodes[0].scores).toMatchObject({ nps: 33.3, responses: 3 });
  });
});

describe('merging survey scores into a touchpoint', () => {
  const csatOnly = { csat: 80, responses: 5, evidence: { csat: { n: 5, low: 37.6, high: 96.4, measure: 'top2' as const } } };

  it('replaces the fed metrics and keeps the others', () => {
    expect(mergeSurveyScores({ nps: 31, csat: 81, ces: 5.6, responses: 412 }, csatOnly)).toEqual({
      nps: 31,
      csat: 80,
      ces: 5.6,
      // the hand-typed NPS and CES still stand on their 412 responses
      responses: 412,
      evidence: { csat: { n: 5, low: 37.6, high: 96.4, measure: 'top2' } },
    });
  });

  it('keeps the evidence of an earlier import and takes the largest n as responses', () => {
    const earlier = { nps: 20, csat: 60, responses: 300, evidence: { nps: { n: 300, low: 12, high: 28 }, csat: { n: 280, low: 54, high: 66, measure: 'top2' as const } } };
    expect(mergeSurveyScores(earlier, csatOnly)).toEqual({
      nps: 20,
      csat: 80,
      responses: 300,
      evidence: { nps: { n: 300, low: 12, high: 28 }, csat: { n: 5, low: 37.6, high: 96.4, measure: 'top2' } },
    });
  });

  it('gives the computed scores to a touchpoint without any', () => {
    expect(mergeSurveyScores(undefined, csatOnly)).toEqual(csatOnly);
  });

  it('gives scores the domain accepts, CSAT as a mean and CES as a top-3 share included', () => {
    const file = surveyFile(plainCsv(['Checkout CSAT', 'Checkout effort'], [[5, 7], [4, 2], [2, 6]]));
    const measures = mapping(
      [
        { column: 'Checkout CSAT', role: 'csat', node: 'tp-checkout' },
        { column: 'Checkout effort', role: 'ces', node: 'tp-checkout' },
      ],
      { csat: 'mean', ces: 'top3' },
    );
    const target = makeMap();
    target.nodes[2].scores = { nps: -5, evidence: { nps: { n: 40, low: -30, high: 20 } }, responses: 40 };
    const results = computeSurveyScores(file, measures, target).nodes.map(({ node, scores }) => ({
      node,
      scores: mergeSurveyScores(target.nodes.find((n) => n.id === node)?.scores, scores),
    }));
    setSurveyScores(target, results, measures);
    expect(target.nodes[2].scores).toEqual({
      nps: -5,
      csat: 3.67,
      ces: 66.7,
      responses: 40,
      evidence: {
        nps: { n: 40, low: -30, high: 20 },
        csat: { n: 3, low: 1.94, high: 5, measure: 'mean' },
        ces: { n: 3, low: 20.8, high: 93.9, measure: 'top3' },
      },
    });
    expect(target.imports?.survey).toEqual(measures);
  });
});
