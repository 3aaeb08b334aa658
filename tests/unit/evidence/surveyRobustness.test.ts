/** Any text is read or refused without throwing, and whatever is read scores within the metrics' ranges. */
import fc from 'fast-check';
import { computeSurveyScores, proposeSurveyMapping, readSurveyFile } from '../../../src/evidence';
import { makeMap } from '../../support/maps';

const map = makeMap();
const cell = fc.oneof(
  fc.constantFrom('', 'NPS', 'Checkout NPS', 'CSAT checkout', 'Product page effort', 'Checkout', 'Product page', 'Touchpoint', '10 - Extremely likely', 'n/a', '"', ',', ';', '\n'),
  fc.integer({ min: -2, max: 12 }).map(String),
  fc.string({ maxLength: 6 }),
);
const csvText = fc
  .array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 12 })
  .chain((rows) => fc.constantFrom(',', ';', '\t').map((sep) => rows.map((r) => r.join(sep)).join('\n')));

const answer = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 10 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('', 'n/a', 'Checkout', 'checkout ', 'Product page', 'Search ad', '10 - Extremely likely', '11', '4,0') },
);
/** Files shaped like surveys: recognisable headers over answers, labels, touchpoint names and junk. */
const surveyText = fc
  .record({
    header: fc.uniqueArray(fc.constantFrom('Checkout NPS', 'CSAT checkout', 'Product page effort', 'Touchpoint', 'NPS', 'CSAT', 'Comment'), {
      minLength: 1,
      maxLength: 5,
    }),
    rows: fc.array(fc.array(answer, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
  })
  .map(({ header, rows }) => [header, ...rows.map((r) => r.slice(0, header.length))].map((r) => r.join(',')).join('\n'));

describe('survey import robustness', () => {
  it('reads or refuses any text; every kept row has one cell per column', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), csvText), (text) => {
        const reading = readSurveyFile(text);
        if (!reading.ok) return reading.problems.length > 0;
        return reading.file.rows.every((r) => r.length === reading.file.columns.length);
      }),
    );
  });

  it('scores any file it reads within range, each value inside its interval', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, surveyText), (text) => {
        const reading = readSurveyFile(text);
        if (!reading.ok) return;
        const { nodes, summary } = computeSurveyScores(reading.file, proposeSurveyMapping(reading.file, map), map);
        for (const { scores } of nodes) {
          for (const metric of ['nps', 'csat', 'ces'] as const) {
            const value = scores[metric];
            const evidence = scores.evidence[metric];
            if (value === undefined || evidence === undefined) continue;
            expect(evidence.low).toBeLessThanOrEqual(value);
            expect(value).toBeLessThanOrEqual(evidence.high);
            expect(evidence.low).toBeGreaterThanOrEqual(metric === 'nps' ? -100 : 0);
            expect(evidence.high).toBeLessThanOrEqual(100);
            expect(evidence.n).toBeGreaterThanOrEqual(1);
          }
        }
        expect(summary.responses).toBe(reading.file.rows.length);
      }),
    );
  });
});
