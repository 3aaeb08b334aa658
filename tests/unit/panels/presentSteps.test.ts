import { emptyChanges } from '../../../src/domain/scenarios';
import type { JourneyMap } from '../../../src/domain/types';
import {
  hasScenarios,
  hotspotCaption,
  MAX_HOTSPOT_STEPS,
  perThousandText,
  pointsText,
  presentationSteps,
  shortNote,
  stepAnnouncement,
  topHotspots,
} from '../../../src/panels/present/steps';
import { between, boxText, wholeBox, zoomTarget } from '../../../src/panels/present/zoom';
import { renderMapSvg } from '../../../src/render/mapSvg';
import { compareScenarios } from '../../../src/simulation/scenarios';
import { simulateJourney } from '../../../src/simulation/simulate';
import type { Hotspot, SimulationResult } from '../../../src/simulation/types';
import { makeMap, makeNode } from '../../support/maps';

const hotspot = (init: Partial<Hotspot> & Pick<Hotspot, 'nodeId'>): Hotspot => ({
  label: init.nodeId,
  kind: 'touchpoint',
  dropOff: 0.1,
  lostPer1000: 10,
  uplift: 0.01,
  removalEffect: 0,
  reach: 1,
  ...init,
});

/** A result whose only part the steps read beyond hotspots is exact success and abandonment. */
const resultWith = (hotspots: Hotspot[], abandon: Record<string, number> = {}): SimulationResult =>
  ({ hotspots, exact: { success: 0.625, abandon, outcomes: {} } }) as unknown as SimulationResult;

const withScenario = (map: JourneyMap): JourneyMap => ({
  ...map,
  scenarios: [
    {
      id: 'scn-form',
      name: 'Shorter form',
      changes: {
        ...emptyChanges(),
        changedNodes: [{ id: 'tp-checkout', set: { friction: [{ id: 'f-long-form', note: 'Payment form is long', severity: 4, resolved: true }] }, unset: [] }],
      },
    },
  ],
});

describe('presentationSteps', () => {
  it('without a result: the whole journey, then each stage in map order, and nothing else', () => {
    const map = makeMap();
    const steps = presentationSteps(map, null);
    expect(steps.map((s) => s.kind)).toEqual(['journey', 'stage', 'stage', 'stage', 'stage', 'stage']);
    // The entry (a search ad) counts as a touchpoint, as customers see it.
    expect(steps[0]).toMatchObject({ title: 'Test journey', eyebrow: 'The whole journey', caption: '5 stages · 3 touchpoints' });
    expect(steps.slice(1).map((s) => s.title)).toEqual(map.stages.map((s) => s.name));
    expect(steps[2]).toMatchObject({ kind: 'stage', stageId: 'consideration', eyebrow: 'Stage 2 of 5', caption: '1 touchpoint' });
    expect(steps[4]).toMatchObject({ stageId: 'retention', caption: '2 outcomes', nodeIds: ['out-success', 'out-lost'] });
    expect(steps[5]).toMatchObject({ stageId: 'advocacy', caption: '0 touchpoints', nodeIds: [] });
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
  });

  it('with a real result: completion on the title step, losses per stage, and the hotspots that lose customers', () => {
    const map = makeMap();
    const result = simulateJourney(map, { customers: 2_000, seed: 3 });
    const steps = presentationSteps(map, result);
    expect(steps[0].caption).toBe(`5 stages · 3 touchpoints · ${(result.exact.success * 100).toFixed(1)}% of customers complete the journey`);
    const stage = (id: string) => steps.find((s) => s.kind === 'stage' && s.stageId === id)?.caption;
    expect(stage('purchase')).toMatch(/^1 touchpoint · \d+ of every 1,000 customers leave in this stage$/);
    expect(stage('awareness')).toBe('1 touchpoint · no customer leaves in this stage');
    const share = (id: string) => `${(result.exact.outcomes[id] * 100).toFixed(1)}%`;
    expect(stage('retention')).toBe(`Where customers end: Order placed ${share('out-success')}, Leaves ${share('out-lost')}`);
    expect(stage('advocacy')).toBe('0 touchpoints');
    const hotspots = steps.filter((s) => s.kind === 'hotspot');
    expect(hotspots.map((s) => s.nodeId)).toEqual(topHotspots(map, result).map((h) => h.nodeId));
    expect(hotspots[0]).toMatchObject({ rank: 1, eyebrow: `Hotspot 1 of ${hotspots.length}` });
    const checkout = hotspots.find((s) => s.nodeId === 'tp-checkout');
    expect(checkout?.caption).toMatch(/^\d+ of every 1,000 customers leave here · worst friction: S4 Payment form is long · fixing it: \+\d+\.\d points$/);
  });

  it('hotspot steps follow the ranking, skip entries, nodes that lose nobody and nodes no longer on the map, and stop at the maximum', () => {
    const map = makeMap({
      nodes: [...makeMap().nodes, ...Array.from({ length: 8 }, (_, i) => makeNode({ id: `tp-${i}`, label: `Step ${i}` }))],
    });
    const ranked = [
      hotspot({ nodeId: 'entry', kind: 'entry', lostPer1000: 90, uplift: 0.2 }),
      hotspot({ nodeId: 'tp-gone', lostPer1000: 80, uplift: 0.1 }),
      hotspot({ nodeId: 'tp-web', lostPer1000: 0, uplift: 0.09 }),
      ...Array.from({ length: 8 }, (_, i) => hotspot({ nodeId: `tp-${i}`, label: `Step ${i}`, uplift: 0.05 - i * 0.001 })),
    ];
    const steps = presentationSteps(map, resultWith(ranked)).filter((s) => s.kind === 'hotspot');
    expect(steps.map((s) => s.nodeId)).toEqual(['tp-0', 'tp-1', 'tp-2', 'tp-3', 'tp-4']);
    expect(steps).toHaveLength(MAX_HOTSPOT_STEPS);
    expect(steps.map((s) => s.title)).toEqual(['Step 0', 'Step 1', 'Step 2', 'Step 3', 'Step 4']);
    expect(stepAnnouncement(steps[4])).toBe('Hotspot 5 of 5: Step 4');
  });

  it('a map without stages and without losses is one step', () => {
    const map = makeMap({ stages: [] });
    expect(presentationSteps(map, resultWith([hotspot({ nodeId: 'tp-web', lostPer1000: 0 })]))).toHaveLength(1);
  });

  it('ends with the scenario comparison only when there is one with a scenario in it', () => {
    const map = withScenario(makeMap());
    const comparison = compareScenarios(map, { customers: 2_000, seed: 5 });
    const steps = presentationSteps(map, null, comparison);
    const last = steps[steps.length - 1];
    expect(last).toMatchObject({ kind: 'comparison', eyebrow: 'Scenarios', title: 'As-is vs Shorter form', caption: 'Customers who complete the journey · intervals from the same 2,000 simulated customers (seed 5)' });
    expect(presentationSteps(map, null).some((s) => s.kind === 'comparison')).toBe(false);
    expect(presentationSteps(map, null, { ...comparison, runs: comparison.runs.slice(0, 1) }).some((s) => s.kind === 'comparison')).toBe(false);
  });
});

describe('captions', () => {
  it('reads like the issue: loss per 1,000, worst friction and uplift', () => {
    const h = hotspot({
      nodeId: 'tp-checkout',
      label: 'Checkout payment',
      lostPer1000: 43.4,
      uplift: 0.0251,
      worstFriction: { id: 'f', note: 'Payment form is long and asks for the card details twice before anything is confirmed', severity: 4 },
    });
    expect(hotspotCaption(h)).toBe(
      'Checkout payment — 43 of every 1,000 customers leave here · worst friction: S4 Payment form is long and asks for the card details twice… · fixing it: +2.5 points',
    );
    expect(hotspotCaption({ ...h, worstFriction: undefined })).toBe('Checkout payment — 43 of every 1,000 customers leave here · fixing it: +2.5 points');
  });

  it('says "fewer than 1" rather than 0, and never shows a negative uplift', () => {
    expect(perThousandText(0.4)).toBe('fewer than 1 of every 1,000');
    expect(perThousandText(1234.4)).toBe('1,234 of every 1,000');
    expect(pointsText(0.01)).toBe('+1.0 point');
    expect(pointsText(-0.0001)).toBe('+0.0 points');
  });

  it('cuts long notes at a word, and leaves short ones and whitespace-only differences alone', () => {
    expect(shortNote('  Payment   form is long ')).toBe('Payment form is long');
    const cut = shortNote('a'.repeat(35) + ' ' + 'b'.repeat(40));
    expect(cut).toBe('a'.repeat(35) + '…');
    expect(shortNote('x'.repeat(100)).length).toBe(60);
  });
});

describe('hasScenarios', () => {
  it('is false for a map without the field, or with none', () => {
    const { scenarios: _omitted, ...older } = makeMap();
    expect(hasScenarios(older)).toBe(false);
    expect(hasScenarios(makeMap())).toBe(false);
    expect(hasScenarios(withScenario(makeMap()))).toBe(true);
  });
});

describe('zoom targets (the part of the picture each step shows)', () => {
  const map = makeMap();
  const picture = renderMapSvg(map, { legend: false });
  const steps = presentationSteps(map, null);
  const contains = (outer: { x: number; y: number; width: number; height: number }, inner: typeof outer) =>
    outer.x <= inner.x && outer.y <= inner.y && outer.x + outer.width >= inner.x + inner.width && outer.y + outer.height >= inner.y + inner.height;

  it('the whole journey is the picture itself', () => {
    expect(wholeBox(picture)).toEqual({ x: 0, y: 0, width: picture.width, height: picture.height });
    expect(zoomTarget(picture, steps[0])).toEqual(wholeBox(picture));
  });

  it('a stage: its column, from its header down to the lowest card, with a margin', () => {
    const purchase = steps.find((s) => s.kind === 'stage' && s.stageId === 'purchase')!;
    const box = zoomTarget(picture, purchase);
    const column = picture.stages.purchase;
    expect(box.x).toBeLessThan(column.x);
    expect(box.x + box.width).toBeGreaterThan(column.x + column.width);
    expect(box.width).toBeLessThan(column.width * 1.5);
    for (const node of Object.values(picture.nodes)) expect(box.y + box.height).toBeGreaterThanOrEqual(node.y + node.height);
  });

  it('a hotspot: its card with room around it; a part the picture lacks falls back to the whole', () => {
    const box = zoomTarget(picture, { kind: 'hotspot', key: 'h', nodeId: 'tp-checkout', rank: 1, eyebrow: '', title: '', caption: '' });
    expect(contains(box, picture.nodes['tp-checkout'])).toBe(true);
    expect(box.width).toBeLessThan(picture.width);
    expect(zoomTarget(picture, { kind: 'hotspot', key: 'h', nodeId: 'gone', rank: 1, eyebrow: '', title: '', caption: '' })).toEqual(wholeBox(picture));
  });

  it('moves between two boxes from end to end, through their middle', () => {
    const a = { x: 0, y: 0, width: 100, height: 50 };
    const b = { x: 200, y: 100, width: 400, height: 200 };
    expect(boxText(between(a, b, 0))).toBe(boxText(a));
    expect(boxText(between(a, b, 1))).toBe(boxText(b));
    const mid = between(a, b, 0.5);
    expect(mid.width).toBeCloseTo(200);
    expect(mid.x + mid.width / 2).toBeCloseTo((50 + 400) / 2);
  });
});
