import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invariantProblems, type JourneyMap } from '../../../src/domain';
import { problemText } from '../../../src/evidence/csvTable';
import { buildPathMap, collapseRepeats, parsePathCsv, slugId, type PathRow } from '../../../src/evidence/paths';
import { exportMapText, importMapText, validateMap } from '../../../src/format';
import { analyseExact, analyseWhatIf, compileJourney } from '../../../src/simulation';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/evidence', name), 'utf8');

function pathsOf(text: string): PathRow[] {
  const reading = parsePathCsv(text);
  if (!reading.ok) throw new Error(reading.problems.map(problemText).join('\n'));
  return reading.paths;
}

function problemsOf(text: string): string[] {
  const reading = parsePathCsv(text);
  if (reading.ok) throw new Error('the file was read');
  return reading.problems.map(problemText);
}

/** Success probability and, per node id, removal effect relative to it (removalEffect / success). */
function relativeRemovalEffects(map: JourneyMap) {
  const journey = compileJourney(map);
  const chain = analyseExact(journey);
  const { removalEffect } = analyseWhatIf(chain);
  const relative = Object.fromEntries(journey.ids.map((id, i) => [id, removalEffect[i] / chain.success]));
  return { success: chain.success, relative };
}

const edgeCounts = (map: JourneyMap) => map.edges.map((e) => `${e.source}→${e.target} ${e.weight} (${e.observed?.count})`);

describe('parsePathCsv', () => {
  it('reads ChannelAttribution path data, ; or , separated, extra columns allowed', () => {
    expect(pathsOf(fixture('paths-classic.csv'))).toEqual([
      { channels: ['C1', 'C2', 'C3'], conversions: 1, nulls: 0, row: 2 },
      { channels: ['C1'], conversions: 0, nulls: 1, row: 3 },
      { channels: ['C2', 'C3'], conversions: 0, nulls: 1, row: 4 },
    ]);
    const paths = pathsOf(fixture('paths-channels.csv'));
    expect(paths[0]).toEqual({ channels: ['Paid Search', 'Email', 'Email', 'Website'], conversions: 30, nulls: 70, row: 2 });
    // Without total_null every path converted.
    expect(pathsOf('path,total_conversions\nA > B,3')).toEqual([{ channels: ['A', 'B'], conversions: 3, nulls: 0, row: 2 }]);
  });

  it('says what is wrong, by row and column', () => {
    expect(problemsOf(fixture('paths-not-path-data.csv'))).toEqual([
      'row 1: this is not customer-path data: the header needs the columns path and total_conversions (and total_null for paths that did not convert)',
    ]);
    expect(problemsOf('path;total_conversions;total_null\nA > B;1,5;0\n;1;1\nA > > B;1;1\nA;1;x')).toEqual([
      'row 2: total_conversions must be a whole number ≥ 0 (got "1,5")',
      'row 3: path is empty',
      'row 4: path has an empty channel (two ">" in a row, or one at an end)',
      'row 5: total_null must be a whole number ≥ 0 (got "x")',
    ]);
    expect(problemsOf('path;total_conversions;total_null\nA;0;0')).toEqual(['there are no customers: every path has 0 conversions and 0 nulls']);
  });
});

describe('buildPathMap', () => {
  it('builds Start → a touchpoint per channel → Conversion, weighted by the observed transitions', () => {
    const map = buildPathMap(pathsOf(fixture('paths-classic.csv')), 'Classic');
    expect(map.name).toBe('Classic');
    expect(map.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ['start', 'entry', 'Start'],
      ['c1', 'touchpoint', 'C1'],
      ['c2', 'touchpoint', 'C2'],
      ['c3', 'touchpoint', 'C3'],
      ['conversion', 'outcome', 'Conversion'],
    ]);
    expect(map.nodes.map((n) => [n.id, n.dropOff, n.observed])).toEqual([
      ['start', undefined, undefined],
      ['c1', 0.5, { entered: 2, left: 1 }],
      ['c2', 0, { entered: 2, left: 0 }],
      ['c3', 0.5, { entered: 2, left: 1 }],
      ['conversion', undefined, undefined],
    ]);
    expect(edgeCounts(map)).toEqual(['start→c1 2 (2)', 'start→c2 1 (1)', 'c1→c2 1 (1)', 'c2→c3 2 (2)', 'c3→conversion 1 (1)']);
    expect(invariantProblems(map)).toEqual([]);
  });

  it('lays channels out left to right by the earliest step they were met at', () => {
    const map = buildPathMap(pathsOf(fixture('paths-channels.csv')), 'Channels');
    const at = (id: string) => map.nodes.find((n) => n.id === id)!;
    expect(map.nodes.map((n) => n.id)).toEqual(['start', 'paid-search', 'email', 'website', 'social', 'conversion']);
    expect(at('paid-search').position.x).toBe(at('email').position.x); // both first touches
    expect(at('email').position.y).toBeGreaterThan(at('paid-search').position.y);
    expect(at('website').position.x).toBeGreaterThan(at('email').position.x);
    expect(at('conversion').position.x).toBeGreaterThan(at('website').position.x);
    expect(at('start').position.x).toBeLessThan(at('paid-search').position.x);
    expect([at('start').stage, at('paid-search').stage, at('website').stage]).toEqual(['awareness', 'consideration', 'purchase']);
    // A channel named like a default channel is on it.
    expect([at('email').channel, at('social').channel, at('paid-search').channel]).toEqual(['email', 'social', undefined]);
  });

  it('collapses a channel repeated in a row: a node cannot lead to itself', () => {
    expect(collapseRepeats(['A', 'A', 'B', 'A', 'A'])).toEqual(['A', 'B', 'A']);
    const repeated = buildPathMap(pathsOf('path;total_conversions;total_null\nC1 > C1 > C2;3;1\nC2;0;2'), 'Repeats');
    const single = buildPathMap(pathsOf('path;total_conversions;total_null\nC1 > C2;3;1\nC2;0;2'), 'Once');
    expect(edgeCounts(repeated)).toEqual(edgeCounts(single));
    expect(repeated.nodes.find((n) => n.id === 'c1')!.observed).toEqual({ entered: 4, left: 0 });
  });

  it('makes safe, unique ids from channel names', () => {
    const taken = new Set(['start', 'constructor']);
    expect(['Paid Search', 'paid-search', 'Café (FR)', '🙂', 'constructor', 'Start'].map((name) => slugId(name, taken))).toEqual([
      'paid-search',
      'paid-search-2',
      'cafe-fr',
      'channel',
      'constructor-2',
      'start-2',
    ]);
  });

  it('gives a channel where everyone left a drop-off below 1', () => {
    const map = buildPathMap(pathsOf('path,total_conversions,total_null\nA > B,2,0\nA > C,0,4'), 'Dead end');
    expect(map.nodes.find((n) => n.id === 'c')).toMatchObject({ dropOff: 4 / 4.5, observed: { entered: 4, left: 4 } });
  });

  it('is a valid map the file format takes as it is', () => {
    const map = buildPathMap(pathsOf(fixture('paths-channels.csv')), 'Channels');
    const checked = validateMap(map);
    expect(checked.ok && checked.warnings).toEqual([]);
    expect(checked.ok && checked.map).toEqual(map);
    const reopened = importMapText(exportMapText(map));
    expect(reopened.ok && reopened.map).toEqual(map);
  });
});

describe('removal effects of path data', () => {
  it('match Markov-chain attribution on the classic three paths: P(conversion) 1/3, C1 0.5, C2 1, C3 1', () => {
    const { success, relative } = relativeRemovalEffects(buildPathMap(pathsOf(fixture('paths-classic.csv')), 'Classic'));
    expect(success).toBeCloseTo(1 / 3, 12);
    expect(relative.c1).toBeCloseTo(0.5, 12);
    expect(relative.c2).toBeCloseTo(1, 12);
    expect(relative.c3).toBeCloseTo(1, 12);
  });

  it('are the same with a channel repeated in a row', () => {
    const classic = relativeRemovalEffects(buildPathMap(pathsOf(fixture('paths-classic.csv')), 'Classic'));
    const repeated = relativeRemovalEffects(
      buildPathMap(pathsOf('path;total_conversions;total_null\nC1 > C1 > C2 > C3 > C3;1;0\nC1;0;1\nC2 > C2 > C3;0;1'), 'Repeated'),
    );
    expect(repeated.success).toBeCloseTo(classic.success, 12);
    for (const id of ['c1', 'c2', 'c3']) expect(repeated.relative[id]).toBeCloseTo(classic.relative[id], 12);
  });
});
