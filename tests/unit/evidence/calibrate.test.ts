import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCalibration, MAX_WEIGHT } from '../../../src/domain';
import {
  calibrateFromSteps,
  calibrateFromTransitions,
  dropOffFromCounts,
  UNSEEN_COUNT,
  weightsFromCounts,
  type Calibration,
} from '../../../src/evidence/calibrate';
import { designedVsObserved } from '../../../src/evidence/designedVsObserved';
import { funnelStepNames, parseFunnelCsv, type FunnelData, type StepCount, type TransitionCount } from '../../../src/evidence/funnel';
import { proposeFunnelMapping, type StepMapping } from '../../../src/evidence/funnelMapping';
import { wilsonInterval } from '../../../src/simulation/stats';
import { analyseExact, compileJourney } from '../../../src/simulation';
import { shopMap } from './funnelMaps';

function funnelFile(name: string): FunnelData {
  const reading = parseFunnelCsv(readFileSync(join(__dirname, '../../fixtures/evidence', name), 'utf8'));
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.funnel;
}

/** Step counts from [name, users] pairs. */
const steps = (...counts: [string, number][]): StepCount[] => counts.map(([step, users], i) => ({ step, users, row: i + 2 }));

/** Transition counts from [from, to, count] triples; null is (start) or (exit). */
const transitions = (...rows: [string | null, string | null, number][]): TransitionCount[] =>
  rows.map(([from, to, count], i) => ({ from, to, count, row: i + 2 }));

/** Every step name mapped to the node with that id in lower case, as the user would confirm. */
const SHOP_MAPPING: StepMapping[] = [
  { step: 'Ad', node: 'ad' },
  { step: 'Product page', node: 'product' },
  { step: 'Live chat', node: 'chat' },
  { step: 'Cart', node: 'cart' },
  { step: 'Checkout', node: 'checkout' },
  { step: 'Purchase', node: 'purchase' },
];

const reasons = (c: Calibration) => c.undetermined.map((u) => ('node' in u ? `${u.kind} ${u.node}: ${u.reason}` : `${u.kind}: ${u.reason}`));

describe('calibrateFromSteps', () => {
  it('determines the drop-off of a step whose one way on is the next step, from a GA4 export', () => {
    const map = shopMap();
    const funnel = funnelFile('funnel-ga4.csv');
    if (funnel.kind !== 'steps') throw new Error('step counts expected');
    const calibration = calibrateFromSteps(map, funnel.steps, proposeFunnelMapping(funnelStepNames(funnel), map));
    expect(calibration.nodes).toEqual([
      { id: 'cart', dropOff: 0.4, observed: { entered: 5000, left: 2000, designed: expect.closeTo(0.1, 12) } },
      { id: 'checkout', dropOff: expect.closeTo(0.2, 12), observed: { entered: 3000, left: 600, designed: 0.3 } },
    ]);
    expect(calibration.edges).toEqual([]);
    // The product page branches (to the cart and to live chat): its total does not say where people went.
    expect(calibration.undetermined).toEqual([{ kind: 'dropOff', node: 'product', step: '1. Product page', reason: 'branches' }]);
    expect(calibration.conversions).toEqual([
      { node: 'product', step: '1. Product page', next: 'cart', entered: 12345, continued: 5000, observed: 5000 / 12345, designed: 0.75 },
      { node: 'cart', step: '2. Cart', next: 'checkout', entered: 5000, continued: 3000, observed: 0.6, designed: expect.closeTo(0.9, 12) },
      { node: 'checkout', step: '3. Checkout', next: 'purchase', entered: 3000, continued: 2400, observed: 0.8, designed: expect.closeTo(0.7, 12) },
    ]);
  });

  it('says why every other step stays as it is', () => {
    const map = shopMap();
    const last = calibrateFromSteps(map, steps(['Cart', 100], ['Checkout', 80]), SHOP_MAPPING);
    expect(reasons(last)).toEqual(['dropOff checkout: last-step']);
    const grows = calibrateFromSteps(map, steps(['Cart', 100], ['Checkout', 120], ['Purchase', 90]), SHOP_MAPPING);
    expect(reasons(grows)).toEqual(['dropOff cart: counts-grow']);
    const gap = calibrateFromSteps(map, steps(['Cart', 100], ['Mystery', 90], ['Checkout', 80]), SHOP_MAPPING);
    expect(reasons(gap)).toEqual(['step: unmapped', 'dropOff cart: next-unmapped', 'dropOff checkout: last-step']);
    const skipping = calibrateFromSteps(map, steps(['Cart', 100], ['Purchase', 50]), SHOP_MAPPING);
    expect(reasons(skipping)).toEqual(['dropOff cart: no-edge']);
    expect(skipping.conversions).toEqual([{ node: 'cart', step: 'Cart', next: 'purchase', entered: 100, continued: 50, observed: 0.5 }]);
    const nobody = calibrateFromSteps(map, steps(['Cart', 0], ['Checkout', 0]), SHOP_MAPPING);
    expect(reasons(nobody)).toEqual(['dropOff cart: no-count', 'dropOff checkout: last-step']);
    const twice = calibrateFromSteps(map, steps(['Cart', 100], ['Checkout', 80], ['Cart', 50]), SHOP_MAPPING);
    expect(reasons(twice)).toEqual(['dropOff checkout: no-edge', 'dropOff cart: mapped-twice']);
    expect(twice.nodes.map((n) => n.id)).toEqual(['cart']);
    const gone = calibrateFromSteps(map, steps(['Cart', 100]), [{ step: 'Cart', node: 'removed' }]);
    expect(gone.undetermined).toEqual([{ kind: 'step', step: 'Cart', reason: 'unknown-node' }]);
  });

  it('keeps a drop-off below 1 when nobody went on', () => {
    const calibration = calibrateFromSteps(shopMap(), steps(['Cart', 10], ['Checkout', 0]), SHOP_MAPPING);
    expect(calibration.nodes[0]).toEqual({ id: 'cart', dropOff: 10 / 10.5, observed: { entered: 10, left: 10, designed: expect.closeTo(0.1, 12) } });
  });

  it('keeps the designed value of the first calibration through later ones', () => {
    const map = shopMap();
    applyCalibration(map, calibrateFromSteps(map, steps(['Cart', 100], ['Checkout', 60]), SHOP_MAPPING), { steps: SHOP_MAPPING });
    expect(map.nodes.find((n) => n.id === 'cart')).toMatchObject({ dropOff: 0.4, observed: { entered: 100, left: 40 } });
    const again = calibrateFromSteps(map, steps(['Cart', 200], ['Checkout', 150]), SHOP_MAPPING);
    expect(again.nodes).toEqual([{ id: 'cart', dropOff: 0.25, observed: { entered: 200, left: 50, designed: expect.closeTo(0.1, 12) } }]);
    expect(again.conversions[0].designed).toBeCloseTo(0.9, 12);
  });
});

describe('calibrateFromTransitions', () => {
  it('sets weights ∝ counts and drop-offs from exit rows, and reports what the map has no edge for', () => {
    const map = shopMap();
    const funnel = funnelFile('transitions-warehouse.csv');
    if (funnel.kind !== 'transitions') throw new Error('transition counts expected');
    const mapping = proposeFunnelMapping(funnelStepNames(funnel), map);
    const calibration = calibrateFromTransitions(map, funnel.transitions, mapping);
    expect(calibration.edges).toEqual([
      { id: 'e1', weight: 600, observed: { count: 600, designed: 3 } },
      { id: 'e2', weight: 200, observed: { count: 200, designed: 1 } },
      { id: 'e3', weight: 150, observed: { count: 150, designed: 1 } },
      { id: 'e4', weight: 500, observed: { count: 500, designed: 1 } },
      { id: 'e5', weight: 450, observed: { count: 450, designed: 1 } },
    ]);
    expect(calibration.nodes).toEqual([
      { id: 'product', dropOff: 0.2, observed: { entered: 1000, left: 200, designed: 0 } },
      // 10 of the 210 who left live chat went back to the product page: no edge for that, but they did not abandon.
      { id: 'chat', dropOff: 50 / 210, observed: { entered: 210, left: 50, designed: 0.5 } },
      { id: 'cart', dropOff: 250 / 750, observed: { entered: 750, left: 250, designed: expect.closeTo(0.1, 12) } },
      { id: 'checkout', dropOff: 0.1, observed: { entered: 500, left: 50, designed: 0.3 } },
    ]);
    expect(calibration.undetermined).toEqual([
      { kind: 'step', step: 'Wishlist', reason: 'unmapped' },
      { kind: 'transition', from: 'Live chat', to: 'Product page', count: 10, reason: 'no-edge' },
    ]);
    expect(calibration.conversions.map((c) => [c.node, c.observed, c.designed])).toEqual([
      ['product', 0.8, 1],
      ['chat', 1 - 50 / 210, 0.5],
      ['cart', 1 - 250 / 750, expect.closeTo(0.9, 12)],
      ['checkout', 0.9, 0.7],
    ]);
  });

  it('gives an edge nobody took half a customer, so it keeps a weight above 0', () => {
    const calibration = calibrateFromTransitions(
      shopMap(),
      transitions(['Product page', 'Cart', 100], ['Product page', null, 20]),
      SHOP_MAPPING,
    );
    expect(calibration.edges).toEqual([
      { id: 'e1', weight: 100, observed: { count: 100, designed: 3 } },
      { id: 'e2', weight: UNSEEN_COUNT, observed: { count: 0, designed: 1 } },
    ]);
  });

  it('without exit rows, takes left = inflow − outflow where every way in is counted', () => {
    const rows: [string | null, string | null, number][] = [
      [null, 'Ad', 1000],
      ['Ad', 'Product page', 1000],
      ['Product page', 'Cart', 600],
      ['Product page', 'Live chat', 200],
      ['Live chat', 'Cart', 150],
      ['Cart', 'Checkout', 500],
    ];
    const full = calibrateFromTransitions(shopMap(), transitions(...rows), SHOP_MAPPING);
    expect(full.nodes.map((n) => [n.id, n.observed.entered, n.observed.left])).toEqual([
      ['ad', 1000, 0],
      ['product', 1000, 200],
      ['chat', 200, 50],
      ['cart', 750, 250],
    ]);
    // No row leaves the checkout: the data may stop there, so "all 500 left" is not concluded.
    expect(reasons(full)).toEqual(['weights checkout: no-count', 'dropOff checkout: no-outflow']);
    expect(full.nodes).toHaveLength(4);

    const withoutChat = calibrateFromTransitions(shopMap(), transitions(...rows.filter(([from]) => from !== 'Live chat')), SHOP_MAPPING);
    expect(reasons(withoutChat)).toEqual(['weights chat: no-count', 'dropOff chat: no-outflow', 'dropOff cart: incomplete-inflow', 'weights checkout: no-count', 'dropOff checkout: no-outflow']);

    const noStart = calibrateFromTransitions(shopMap(), transitions(...rows.slice(1)), SHOP_MAPPING);
    expect(reasons(noStart)[0]).toBe('dropOff ad: incomplete-inflow');

    const tooMany = calibrateFromTransitions(shopMap(), transitions(...rows.slice(0, 2), ['Product page', 'Cart', 1200]), SHOP_MAPPING);
    expect(reasons(tooMany)).toContain('dropOff product: more-out-than-in');
  });

  it('reports moves between two names of one node and leaves them out of its counts', () => {
    const mapping = [...SHOP_MAPPING, { step: 'Basket', node: 'cart' }];
    const calibration = calibrateFromTransitions(
      shopMap(),
      transitions(['Cart', 'Basket', 5], ['Cart', 'Checkout', 8], ['Cart', null, 2], ['Cart', 'Checkout', 2]),
      mapping,
    );
    expect(calibration.undetermined[0]).toEqual({ kind: 'transition', from: 'Cart', to: 'Basket', count: 5, reason: 'same-node' });
    expect(calibration.nodes).toEqual([{ id: 'cart', dropOff: 2 / 12, observed: { entered: 12, left: 2, designed: expect.closeTo(0.1, 12) } }]);
    expect(calibration.edges).toEqual([{ id: 'e4', weight: 10, observed: { count: 10, designed: 1 } }]);
  });
});

describe('counts → values', () => {
  it('never gives a drop-off of 1 or a weight of 0 or above MAX_WEIGHT', () => {
    expect(dropOffFromCounts(4, 1)).toBe(0.25);
    expect(dropOffFromCounts(4, 0)).toBe(0);
    expect(dropOffFromCounts(4, 4)).toBe(4 / 4.5);
    expect(weightsFromCounts([3, 0, 1])).toEqual([3, UNSEEN_COUNT, 1]);
    expect(weightsFromCounts([4 * MAX_WEIGHT, 2 * MAX_WEIGHT])).toEqual([MAX_WEIGHT, MAX_WEIGHT / 2]);
  });
});

describe('a calibration applied, and designedVsObserved', () => {
  it('writes the values with their counts; the map then shows designed next to observed and still simulates', () => {
    const map = shopMap();
    const funnel = funnelFile('transitions-warehouse.csv');
    if (funnel.kind !== 'transitions') throw new Error('transition counts expected');
    const before = structuredClone(map);
    const mapping = proposeFunnelMapping(funnelStepNames(funnel), map);
    const calibration = calibrateFromTransitions(map, funnel.transitions, mapping);
    expect(map).toEqual(before);
    applyCalibration(map, calibration, { steps: mapping });
    expect(map.edges.find((e) => e.id === 'e1')).toEqual({ id: 'e1', source: 'product', target: 'cart', weight: 600, observed: { count: 600, designed: 3 } });
    const rows = designedVsObserved(map);
    expect(rows.map((r) => r.node)).toEqual(['product', 'chat', 'cart', 'checkout']);
    const { low, high } = wilsonInterval(800, 1000);
    expect(rows[0]).toEqual({ node: 'product', label: 'Product page', designed: 1, observed: 0.8, low, high, n: 1000 });
    expect(rows[3].designed).toBeCloseTo(0.7, 12);
    expect(analyseExact(compileJourney(map)).success).toBeGreaterThan(0);
  });

  it('leaves out nodes without counts and shows no designed value where none was recorded', () => {
    const map = shopMap();
    map.nodes[1].observed = { entered: 10, left: 4 };
    map.nodes[2].observed = { entered: 0, left: 0 };
    expect(designedVsObserved(map)).toEqual([expect.objectContaining({ node: 'product', observed: 0.6, n: 10 })]);
    expect(designedVsObserved(map)[0]).not.toHaveProperty('designed');
  });
});
