import type { JourneyMap, SurveyMapping } from '../../../src/domain';
import { bestTouchpoint, checkSurveyMapping, proposeSurveyMapping, type SurveyFile } from '../../../src/evidence';
import { makeMap, makeNode } from '../../support/maps';
import { fixtureFile, plainCsv, surveyFile } from './surveyFixtures';

/** makeMap's scored nodes: entry "Search ad", tp-web "Product page", tp-checkout "Checkout". */
const withMemory = (survey: SurveyMapping, map: JourneyMap = makeMap()): JourneyMap => ({ ...map, imports: { survey } });

const NPS_QUESTION = 'How likely are you to recommend our checkout to a friend or colleague?';
const CSAT_QUESTION = 'Overall, how satisfied were you with the checkout?';

describe('proposing a mapping', () => {
  it('maps Qualtrics questions to the touchpoint they name, leaving the NPS group and metadata out', () => {
    expect(proposeSurveyMapping(fixtureFile('qualtrics.csv'), makeMap())).toEqual({
      columns: [
        { column: NPS_QUESTION, role: 'nps', node: 'tp-checkout' },
        { column: CSAT_QUESTION, role: 'csat', node: 'tp-checkout' },
      ],
      csat: 'top2',
      ces: 'mean',
    });
  });

  it('maps SurveyMonkey matrix rows to their touchpoints and leaves a question naming none for the user', () => {
    expect(proposeSurveyMapping(fixtureFile('surveymonkey.csv'), makeMap()).columns).toEqual([
      { column: 'How likely is it that you would recommend our store to a friend or colleague?', role: 'nps' },
      { column: 'How satisfied were you with the following? — Product page', role: 'csat', node: 'tp-web' },
      { column: 'How satisfied were you with the following? — Checkout', role: 'csat', node: 'tp-checkout' },
    ]);
  });

  it('reads effort from "easy" in a Typeform question', () => {
    expect(proposeSurveyMapping(fixtureFile('typeform.csv'), makeMap()).columns).toEqual([
      { column: 'How easy was it to find the product page?', role: 'ces', node: 'tp-web' },
      { column: 'How satisfied are you with the checkout? (1-5)', role: 'csat', node: 'tp-checkout' },
    ]);
  });

  it('finds a touchpoint column and maps its values, so one file feeds several touchpoints', () => {
    expect(proposeSurveyMapping(fixtureFile('touchpoint-column.csv'), makeMap()).columns).toEqual([
      {
        column: 'Touchpoint',
        role: 'touchpoint',
        values: [
          { value: 'Product page', node: 'tp-web' },
          { value: 'Checkout', node: 'tp-checkout' },
          { value: 'Search ad', node: 'entry' },
        ],
      },
      { column: 'Likelihood to recommend (0-10)', role: 'nps' },
      { column: 'CSAT', role: 'csat' },
    ]);
  });

  it('finds a touchpoint column by its values when its header does not say so', () => {
    const file = surveyFile(plainCsv(['Where', 'NPS'], [['Checkout', 9], ['Product page', 7], ['checkout', 10], ['Elsewhere', 3]]));
    expect(proposeSurveyMapping(file, makeMap()).columns[0]).toEqual({
      column: 'Where',
      role: 'touchpoint',
      values: [
        { value: 'Checkout', node: 'tp-checkout' },
        { value: 'Product page', node: 'tp-web' },
      ],
    });
  });

  it('does not take a "channel" column whose values name no touchpoint, nor free text that mentions one', () => {
    const file = surveyFile(
      plainCsv(['Channel', 'Comment', 'NPS'], [['Website', 'the checkout was slow', 9], ['Phone', 'nice product page', 3], ['Store', 'ok', 8]]),
    );
    expect(proposeSurveyMapping(file, makeMap()).columns).toEqual([{ column: 'NPS', role: 'nps' }]);
  });

  it('proposes a metric only when the answers fit its scale', () => {
    const file = surveyFile(
      plainCsv(
        ['Checkout satisfaction (1-10)', 'Checkout CSAT', 'Checkout effort', 'Checkout NPS'],
        [
          [9, 5, 7, 'n/a'],
          [10, 4, 6, 10],
          [3, 'Very satisfied', 2, 4],
          [8, 4, 5, 9],
        ],
      ),
    );
    expect(proposeSurveyMapping(file, makeMap()).columns).toEqual([
      // "Very satisfied" is 1 of 4 answers: the rest fit 1–5; "n/a" says nothing about the NPS scale
      { column: 'Checkout CSAT', role: 'csat', node: 'tp-checkout' },
      { column: 'Checkout effort', role: 'ces', node: 'tp-checkout' },
      { column: 'Checkout NPS', role: 'nps', node: 'tp-checkout' },
    ]);
  });

  it('reuses the remembered mapping and measures for columns whose touchpoints still exist', () => {
    const remembered: SurveyMapping = {
      columns: [
        { column: NPS_QUESTION, role: 'nps', node: 'tp-web' },
        { column: CSAT_QUESTION, role: 'csat', node: 'tp-gone' },
        { column: 'A question this export no longer has', role: 'ces', node: 'tp-web' },
      ],
      csat: 'mean',
      ces: 'top3',
    };
    expect(proposeSurveyMapping(fixtureFile('qualtrics.csv'), withMemory(remembered))).toEqual({
      columns: [
        { column: NPS_QUESTION, role: 'nps', node: 'tp-web' },
        { column: CSAT_QUESTION, role: 'csat', node: 'tp-checkout' },
      ],
      csat: 'mean',
      ces: 'top3',
    });
  });

  it('reuses a remembered touchpoint column, dropping values of removed touchpoints and guessing new values', () => {
    const remembered: SurveyMapping = {
      columns: [
        {
          column: 'Touchpoint',
          role: 'touchpoint',
          values: [
            { value: 'Store kiosk', node: 'tp-web' },
            { value: 'Search ad', node: 'tp-gone' },
          ],
        },
        { column: 'CSAT', role: 'csat' },
      ],
      csat: 'top2',
      ces: 'mean',
    };
    expect(proposeSurveyMapping(fixtureFile('touchpoint-column.csv'), withMemory(remembered)).columns).toEqual([
      {
        column: 'Touchpoint',
        role: 'touchpoint',
        values: [
          { value: 'Store kiosk', node: 'tp-web' },
          { value: 'Product page', node: 'tp-web' },
          { value: 'Checkout', node: 'tp-checkout' },
          { value: 'Search ad', node: 'entry' },
        ],
      },
      { column: 'Likelihood to recommend (0-10)', role: 'nps' },
      { column: 'CSAT', role: 'csat' },
    ]);
  });
});

describe('finding the touchpoint a text names', () => {
  const map = makeMap();
  const touchpoints = map.nodes;

  it('ignores case, accents, punctuation, plurals and filler words', () => {
    expect(bestTouchpoint('How was the CHECKOUT?', touchpoints)).toBe('tp-checkout');
    expect(bestTouchpoint('Product pages', touchpoints)).toBe('tp-web');
    expect(bestTouchpoint('search-ad', touchpoints)).toBe('entry');
    expect(bestTouchpoint('Chéckout', touchpoints)).toBe('tp-checkout');
  });

  it('needs more than half of a label’s words: a shared "page" is not enough', () => {
    expect(bestTouchpoint('How easy was the payment page?', touchpoints)).toBeUndefined();
  });

  it('prefers the fuller match and names none when two match equally', () => {
    const nodes = [
      makeNode({ id: 'a', label: 'Checkout' }),
      makeNode({ id: 'b', label: 'Checkout page' }),
      makeNode({ id: 'c', label: 'Support call' }),
      makeNode({ id: 'd', label: 'Support call' }),
    ];
    expect(bestTouchpoint('the checkout page', nodes)).toBe('b');
    expect(bestTouchpoint('checkout', nodes)).toBe('a');
    expect(bestTouchpoint('your support call', nodes)).toBeUndefined();
  });
});

describe('checking a mapping', () => {
  const file: SurveyFile = fixtureFile('touchpoint-column.csv');
  const map = makeMap();

  it('accepts the proposal for a file with a touchpoint column', () => {
    expect(checkSurveyMapping(file, proposeSurveyMapping(file, map), map)).toEqual([]);
  });

  it('reports unknown columns and nodes, a score column with no touchpoint, and repeated touchpoint columns', () => {
    const mapping: SurveyMapping = {
      columns: [
        { column: 'Missing question', role: 'nps', node: 'tp-web' },
        { column: 'CSAT', role: 'csat', node: 'out-success' },
        { column: 'CSAT', role: 'csat', node: 'tp-web' },
        { column: 'Likelihood to recommend (0-10)', role: 'nps' },
      ],
      csat: 'top2',
      ces: 'mean',
    };
    expect(checkSurveyMapping(file, mapping, map)).toEqual([
      { path: 'columns[0].column', rule: 'the file has no column “Missing question”' },
      { path: 'columns[1].node', rule: 'the map has no touchpoint “out-success”' },
      { path: 'columns[2].column', rule: 'the column “CSAT” is mapped twice' },
      { path: 'columns[3].node', rule: 'choose the touchpoint “Likelihood to recommend (0-10)” is about, or a column that names it' },
    ]);
    const touchpointColumns: SurveyMapping = {
      columns: [
        { column: 'Touchpoint', role: 'touchpoint', values: [{ value: 'Checkout', node: 'tp-nowhere' }] },
        { column: 'Response', role: 'touchpoint', values: [] },
        { column: 'CSAT', role: 'csat' },
      ],
      csat: 'top2',
      ces: 'mean',
    };
    expect(checkSurveyMapping(file, touchpointColumns, map)).toEqual([
      { path: 'columns[0].values[0].node', rule: 'the map has no touchpoint “tp-nowhere”' },
      { path: 'columns[1].role', rule: 'only one column can name the touchpoint' },
    ]);
  });
});
