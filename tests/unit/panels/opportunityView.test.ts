import { addOpportunity } from '../../../src/domain/opportunities';
import type { Opportunity } from '../../../src/domain/types';
import { axisTop, LABEL_GAP, layoutChart, PLOT, shortLabel } from '../../../src/panels/opportunities/chartLayout';
import {
  doneQuestion,
  formatPoints,
  nextSort,
  sortOpportunities,
  titleFromNote,
  toggleNote,
  toggleTouchpoint,
} from '../../../src/panels/opportunities/opportunityView';
import { addressedNotes } from '../../../src/domain/opportunities';
import { makeMap } from '../../support/maps';

const opp = (init: Partial<Opportunity> & Pick<Opportunity, 'id'>): Opportunity => ({ title: init.id, status: 'idea', effort: 'M', touchpoints: [], friction: [], ...init });

describe('formatPoints', () => {
  it('writes a probability as signed points of completion with one decimal', () => {
    expect(formatPoints(0.032)).toBe('+3.2 pts');
    expect(formatPoints(0)).toBe('+0.0 pts');
    expect(formatPoints(-0.0004)).toBe('+0.0 pts');
    expect(formatPoints(-0.012)).toBe('−1.2 pts');
  });
});

describe('sorting', () => {
  const map = makeMap();
  const list = [
    opp({ id: 'a', title: 'beta', owner: 'Zoe', effort: 'L', status: 'done', touchpoints: ['tp-web'] }),
    opp({ id: 'b', title: 'Alpha', effort: 'S', status: 'planned', touchpoints: ['tp-checkout'] }),
    opp({ id: 'c', title: 'gamma', owner: 'adam', effort: 'M', status: 'idea' }),
  ];
  const ids = (order: Parameters<typeof sortOpportunities>[2], values: Record<string, number> | null = null) => sortOpportunities(map, list, order, values).map((o) => o.id);

  it('keeps the map order without a sort, and compares text without regard to case', () => {
    expect(ids(null)).toEqual(['a', 'b', 'c']);
    expect(ids({ key: 'title', direction: 'ascending' })).toEqual(['b', 'a', 'c']);
    expect(ids({ key: 'title', direction: 'descending' })).toEqual(['c', 'a', 'b']);
  });

  it('orders status and effort as the workflow does, not alphabetically', () => {
    expect(ids({ key: 'status', direction: 'ascending' })).toEqual(['c', 'b', 'a']);
    expect(ids({ key: 'effort', direction: 'ascending' })).toEqual(['b', 'c', 'a']);
  });

  it('puts missing owners, touchpoints and unknown values last in both directions', () => {
    expect(ids({ key: 'owner', direction: 'ascending' })).toEqual(['c', 'a', 'b']);
    expect(ids({ key: 'owner', direction: 'descending' })).toEqual(['a', 'c', 'b']);
    expect(ids({ key: 'touchpoints', direction: 'descending' })).toEqual(['a', 'b', 'c']);
    expect(ids({ key: 'value', direction: 'descending' }, { a: 0.01, c: 0.2 })).toEqual(['c', 'a', 'b']);
    expect(ids({ key: 'value', direction: 'ascending' }, { a: 0.01, c: 0.2 })).toEqual(['a', 'c', 'b']);
  });

  it('starts Value with the most valuable first, other columns A→Z, and flips on a second click', () => {
    expect(nextSort(null, 'value')).toEqual({ key: 'value', direction: 'descending' });
    expect(nextSort(null, 'title')).toEqual({ key: 'title', direction: 'ascending' });
    expect(nextSort({ key: 'title', direction: 'ascending' }, 'title')).toEqual({ key: 'title', direction: 'descending' });
    expect(nextSort({ key: 'title', direction: 'descending' }, 'owner')).toEqual({ key: 'owner', direction: 'ascending' });
  });
});

describe('the question before Done', () => {
  it('names the open notes it will resolve with their touchpoints, not the resolved ones', () => {
    const map = makeMap();
    addOpportunity(map, { id: 'o', title: 'Simplify payment', touchpoints: ['tp-checkout'] });
    const { question, notes } = doneQuestion(map, map.opportunities[0]);
    expect(question).toBe('Mark “Simplify payment” done? This resolves 1 friction note:');
    expect(notes).toEqual([{ node: 'tp-checkout', note: 'f-long-form', text: 'Payment form is long', touchpoint: 'Checkout' }]);
  });
});

describe('titles from friction notes', () => {
  it('prefixes "Fix:" and stays within the title limit', () => {
    expect(titleFromNote(' Long form ')).toBe('Fix: Long form');
    const long = titleFromNote('x'.repeat(400));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('ticking what an opportunity addresses', () => {
  const map = makeMap();
  const checkout = (note: string) => ({ node: 'tp-checkout', note });
  const addressed = (a: { touchpoints: string[]; friction: { node: string; note: string }[] }) => addressedNotes(map, a).map((r) => r.note);

  it('names a touchpoint (all its notes) and stops naming it with its notes', () => {
    const on = toggleTouchpoint({ touchpoints: [], friction: [] }, 'tp-checkout', true);
    expect(addressed(on)).toEqual(['f-long-form', 'f-old']);
    expect(toggleTouchpoint({ touchpoints: ['tp-checkout'], friction: [checkout('f-old')] }, 'tp-checkout', false)).toEqual({ touchpoints: [], friction: [] });
  });

  it('ticking a note names just it; unticking one of "all" names the others; unticking the last stops naming the touchpoint', () => {
    const one = toggleNote(map, { touchpoints: [], friction: [] }, checkout('f-long-form'), true);
    expect(one).toEqual({ touchpoints: ['tp-checkout'], friction: [checkout('f-long-form')] });
    expect(addressed(one)).toEqual(['f-long-form']);

    const allButOne = toggleNote(map, { touchpoints: ['tp-checkout'], friction: [] }, checkout('f-long-form'), false);
    expect(addressed(allButOne)).toEqual(['f-old']);

    expect(toggleNote(map, one, checkout('f-long-form'), false)).toEqual({ touchpoints: [], friction: [] });
  });
});

describe('the value-vs-effort layout', () => {
  it('rounds the axis top up to 1, 2, 2.5 or 5 times a power of ten, at least 1 point', () => {
    expect(axisTop(0)).toBe(1);
    expect(axisTop(0.4)).toBe(1);
    expect(axisTop(3.2)).toBe(5);
    expect(axisTop(7.5)).toBe(10);
    expect(axisTop(12)).toBe(20);
    expect(axisTop(21)).toBe(25);
  });

  it('puts higher values higher, S left of M left of L, and keeps labels in a column apart', () => {
    const { top, points } = layoutChart([
      { id: 'a', title: 'A', effort: 'S', points: 4 },
      { id: 'b', title: 'B', effort: 'S', points: 4 },
      { id: 'c', title: 'C', effort: 'L', points: 0 },
      { id: 'd', title: 'D', effort: 'M', points: 1 },
    ]);
    expect(top).toBe(5);
    const at = (id: string) => points.find((p) => p.id === id)!;
    expect(at('a').y).toBeLessThan(at('d').y);
    expect(at('c').y).toBe(PLOT.y1);
    expect(at('a').x).toBeLessThan(at('d').x);
    expect(at('d').x).toBeLessThan(at('c').x);
    // Equal values: side by side, labels one line apart.
    expect(at('a').x).not.toBe(at('b').x);
    // …and their labels start right of both points.
    expect(at('a').labelX).toBe(at('b').labelX);
    expect(at('a').labelX).toBeGreaterThan(Math.max(at('a').x, at('b').x));
    expect(Math.abs(at('a').labelY - at('b').labelY)).toBeGreaterThanOrEqual(18);
  });

  it('stacks the labels of points crowding at zero upwards, above the effort axis and apart', () => {
    const { points } = layoutChart(['a', 'b', 'c'].map((id) => ({ id, title: id, effort: 'M' as const, points: 0 })));
    const ys = points.map((p) => p.labelY).sort((a, b) => a - b);
    expect(ys[2]).toBeLessThan(PLOT.y1);
    expect(ys[1] - ys[0]).toBeGreaterThanOrEqual(LABEL_GAP);
    expect(ys[2] - ys[1]).toBeGreaterThanOrEqual(LABEL_GAP);
  });

  it('shortens long titles to fit their column', () => {
    expect(shortLabel('Short title')).toBe('Short title');
    expect(shortLabel('x'.repeat(50))).toBe(`${'x'.repeat(25)}…`);
  });
});
