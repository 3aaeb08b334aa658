import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCount, problemText, readCsvTable } from '../../../src/evidence/csvTable';
import { funnelStepNames, parseFunnelCsv, stepKey, type FunnelData } from '../../../src/evidence/funnel';
import { funnelMappingToRemember, nameMatch, proposeFunnelMapping, rememberFunnelMapping } from '../../../src/evidence/funnelMapping';
import { shopMap } from './funnelMaps';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/evidence', name), 'utf8');

function funnelOf(text: string): FunnelData {
  const reading = parseFunnelCsv(text);
  if (!reading.ok) throw new Error(reading.problems.map(problemText).join('\n'));
  return reading.funnel;
}

function problemsOf(text: string): string[] {
  const reading = parseFunnelCsv(text);
  if (reading.ok) throw new Error('the file was read');
  return reading.problems.map(problemText);
}

describe('readCsvTable', () => {
  it('strips a byte-order mark, finds a ; delimiter and keeps the row numbers a spreadsheet shows', () => {
    const reading = readCsvTable('\ufeffpath;total_conversions\n\nC1 > C2;"1"\n');
    expect(reading).toEqual({
      ok: true,
      table: { delimiter: ';', rows: [{ row: 1, cells: ['path', 'total_conversions'] }, { row: 3, cells: ['C1 > C2', '1'] }] },
    });
  });

  it('skips # lines before the table only when asked, and ends the table at the next one', () => {
    const text = '# Funnel\nStep,Users\nA,2\n# Second table\nStep,Users\nA,1\n';
    expect(readCsvTable(text, { commentLines: true })).toMatchObject({ ok: true, table: { rows: [{ row: 2 }, { row: 3 }] } });
    expect(readCsvTable('#,Question\n1,5\n')).toMatchObject({ ok: true, table: { rows: [{ row: 1, cells: ['#', 'Question'] }, { row: 2 }] } });
  });

  it('refuses an unclosed quote and an empty file', () => {
    expect(readCsvTable('a,b\n"1,2\n3,4')).toEqual({ ok: false, problems: [{ path: 'row 2', rule: 'a quoted cell is never closed: check the quotation marks' }] });
    expect(readCsvTable('\n  \n')).toMatchObject({ ok: false, problems: [{ path: '' }] });
  });

  it('reads counts with thousands separators, the European way only in ;-separated files', () => {
    expect(parseCount('12,345', ',')).toBe(12345);
    expect(parseCount('1 234 567', ',')).toBe(1234567);
    expect(parseCount('12.345', ';')).toBe(12345);
    expect(parseCount('12.345', ',')).toBeUndefined();
    expect(parseCount('12,345', ';')).toBeUndefined();
    expect(parseCount('12,34', ',')).toBeUndefined();
    expect(parseCount('-3', ',')).toBeUndefined();
    expect(parseCount('2.5', ',')).toBeUndefined();
    expect(parseCount('', ',')).toBeUndefined();
  });
});

describe('parseFunnelCsv', () => {
  it('reads a GA4 funnel exploration export as step counts', () => {
    expect(funnelOf(fixture('funnel-ga4.csv'))).toEqual({
      kind: 'steps',
      steps: [
        { step: '1. Product page', users: 12345, row: 12 },
        { step: '2. Cart', users: 5000, row: 13 },
        { step: '3. Checkout', users: 3000, row: 14 },
        { step: '4. Purchase', users: 2400, row: 15 },
      ],
    });
  });

  it('reads transition counts with start and exit rows', () => {
    const funnel = funnelOf(fixture('transitions-warehouse.csv'));
    expect(funnel.kind).toBe('transitions');
    if (funnel.kind !== 'transitions') return;
    expect(funnel.transitions[0]).toEqual({ from: null, to: 'Product page', count: 1000, row: 2 });
    expect(funnel.transitions[3]).toEqual({ from: 'Product page', to: null, count: 200, row: 5 });
    expect(funnelStepNames(funnel)).toEqual(['Product page', 'Cart', 'Live chat', 'Checkout', 'Wishlist', 'Purchase']);
  });

  it('takes every way of writing "left here" and "started here"', () => {
    const funnel = funnelOf('from;to;count\n(entrance);A;5\nA;exit;1\nA;(drop-off);1\nA;;1\nA;B;2');
    expect(funnel).toMatchObject({ kind: 'transitions' });
    if (funnel.kind !== 'transitions') return;
    expect(funnel.transitions.map((t) => [t.from, t.to])).toEqual([[null, 'A'], ['A', null], ['A', null], ['A', null], ['A', 'B']]);
  });

  it('names the row and the column of every bad count', () => {
    expect(problemsOf('step,users\nA,10\nB,ten\nC,-1\nD,2.5')).toEqual([
      'row 3: users must be a whole number ≥ 0 (got "ten")',
      'row 4: users must be a whole number ≥ 0 (got "-1")',
      'row 5: users must be a whole number ≥ 0 (got "2.5")',
    ]);
    expect(problemsOf('Step,Active users\n1. Cart,""\n')).toEqual(['row 2: Active users must be a whole number ≥ 0 (got "")']);
  });

  it('refuses a header it does not know, a step listed twice, and rows without a step', () => {
    expect(problemsOf('page,views\nA,1')).toEqual([
      'row 1: the header must name the columns step and users (step counts) or from, to and count (transition counts); it has "page", "views"',
    ]);
    expect(problemsOf('step,users\n1. Cart,5\n2. cart,4\n,3')).toEqual([
      'row 3: the step "2. cart" is listed twice (first in row 2): one row per step, please (remove any breakdown)',
      'row 4: step is empty: every row names a step',
    ]);
    expect(problemsOf('from,to,count\n,A,1\n(start),(exit),2')).toEqual([
      'row 2: from is empty: name the step customers came from, or (start)',
      'row 3: a row from (start) needs a step in to',
    ]);
    expect(problemsOf('step,users\n')).toEqual(['row 1: there are no rows of counts under the header']);
  });
});

describe('proposeFunnelMapping', () => {
  it('matches steps to touchpoints by name: numbering, case and spacing ignored, words in common', () => {
    expect(stepKey(' 2.  Shopping   CART')).toBe('shopping cart');
    expect(nameMatch('2. Cart', 'Shopping cart')).toBe(0.5);
    expect(proposeFunnelMapping(['1. Product page', '2. Cart', '3. checkout', '4. Purchase', '5. Review'], shopMap())).toEqual([
      { step: '1. Product page', node: 'product' },
      { step: '2. Cart', node: 'cart' },
      { step: '3. checkout', node: 'checkout' },
      { step: '4. Purchase', node: 'purchase' },
    ]);
  });

  it('proposes each node once, to the closest step', () => {
    expect(proposeFunnelMapping(['Cart page', 'Shopping cart'], shopMap())).toEqual([{ step: 'Shopping cart', node: 'cart' }]);
  });

  it('reuses a remembered mapping while its node exists', () => {
    const map = shopMap();
    map.imports = { funnel: { steps: [{ step: 'Basket', node: 'cart' }, { step: 'Pay', node: 'gone' }] } };
    expect(proposeFunnelMapping(['1. Basket', 'Pay', 'Checkout'], map)).toEqual([
      { step: '1. Basket', node: 'cart' },
      { step: 'Checkout', node: 'checkout' },
    ]);
  });

  it('remembers a confirmed mapping, replacing the same steps and dropping nodes that are gone', () => {
    const map = shopMap();
    map.imports = { funnel: { steps: [{ step: 'Basket', node: 'cart' }, { step: 'Pay', node: 'gone' }, { step: 'Chat', node: 'chat' }] } };
    const before = structuredClone(map);
    const remembered = funnelMappingToRemember(map, [{ step: '2. basket', node: 'checkout' }, { step: 'Ad', node: 'ad' }]);
    expect(map).toEqual(before);
    expect(remembered.steps).toEqual([
      { step: 'Chat', node: 'chat' },
      { step: '2. basket', node: 'checkout' },
      { step: 'Ad', node: 'ad' },
    ]);
    rememberFunnelMapping(map, [{ step: '2. basket', node: 'checkout' }, { step: 'Ad', node: 'ad' }]);
    expect(map.imports.funnel).toEqual(remembered);
  });
});
