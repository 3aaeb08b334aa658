import fc from 'fast-check';
import { NODE_WIDTH, STAGE_WIDTH } from '../../../src/domain/layout';
import { addPersona, setNodeOverride } from '../../../src/domain/personas';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import type { Emotion, JourneyMap } from '../../../src/domain/types';
import { CARD_HEIGHT_ESTIMATE, emotionLane, emotionY, LANE_GAP, laneTop, monotonePath, type EmotionCurve, type EmotionLane } from '../../../src/simulation/emotionCurve';
import { makeMap, makeNode, nodeOf, snapshot, xInBand } from '../../support/maps';

/** The online store sample with the map's own emotions only (its personas are tested on maps of their own). */
const storeSample = (): JourneyMap => ({ ...onlineStoreSample(), personas: [] });

function laneOf(map: JourneyMap, persona: string | null = null): EmotionLane {
  const lane = emotionLane(map, persona);
  if (!lane) throw new Error('the map has no lane');
  return lane;
}
function only(map: JourneyMap, persona: string | null = null): EmotionCurve {
  const { curves } = laneOf(map, persona);
  expect(curves).toHaveLength(1);
  return curves[0];
}
const emotions = (curve: EmotionCurve) => curve.points.map((p) => [p.node, p.emotion]);
const truths = (curve: EmotionCurve) => curve.points.filter((p) => p.momentOfTruth).map((p) => p.node);

/** Every number in a path's data, as [x, y] pairs (M and C take pairs only). */
function pathPairs(d: string): [number, number][] {
  const nums = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const pairs: [number, number][] = [];
  for (let i = 0; i < nums.length; i += 2) pairs.push([nums[i], nums[i + 1]]);
  return pairs;
}

/** A map whose touchpoints, one per stage band, have these emotions. */
function mapWithEmotions(values: readonly Emotion[]): JourneyMap {
  const stages = values.map((_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
  const nodes = values.map((emotion, i) => makeNode({ id: `tp${i}`, stage: `s${i}`, position: { x: xInBand(i), y: (i % 3) * 100 }, emotion }));
  return makeMap({ stages, nodes, edges: [] });
}

describe('the points of the emotion curve', () => {
  it('plots each touchpoint with an emotion, ordered by stage, then x, then y', () => {
    const curve = only(storeSample());
    expect(emotions(curve)).toEqual([
      ['product-page', 1],
      ['live-chat', 0],
      ['cart', 0],
      ['checkout-payment', -2],
      ['delivery-updates', 1],
      ['support-chat', -1],
      ['thank-you-email', 1],
    ]);
    const xs = curve.points.map((p) => p.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
  });

  it('orders by stage before x: a card named into a later stage comes later, its point in that stage’s band', () => {
    const map = makeMap();
    map.nodes.push(makeNode({ id: 'late', stage: 'retention', position: { x: 0, y: 0 }, emotion: 2 }));
    const curve = only(map);
    expect(curve.points.map((p) => p.node)).toEqual(['tp-web', 'late']);
    expect(curve.points[1].x).toBeGreaterThan(3 * STAGE_WIDTH);
    expect(curve.points[1].x).toBeLessThan(4 * STAGE_WIDTH);
  });

  it('puts a lone card’s point under its centre, and spreads a column of cards across the card, top card first', () => {
    const map = makeMap();
    nodeOf(map, 'tp-checkout').emotion = -1;
    map.nodes.push(makeNode({ id: 'below', stage: 'purchase', position: { x: xInBand(2), y: 200 }, emotion: 1 }));
    map.nodes.push(makeNode({ id: 'above', stage: 'purchase', position: { x: xInBand(2), y: -200 }, emotion: 0 }));
    const [web, above, checkout, below] = only(map).points;
    expect(web.x).toBe(xInBand(1) + NODE_WIDTH / 2);
    expect([above.node, checkout.node, below.node]).toEqual(['above', 'tp-checkout', 'below']);
    expect(checkout.x).toBeCloseTo(xInBand(2) + NODE_WIDTH / 2);
    expect(above.x).toBeLessThan(checkout.x);
    expect(below.x).toBeGreaterThan(checkout.x);
    expect(below.x - above.x).toBeLessThan(NODE_WIDTH);
  });

  it('puts +2 at the top of the plot and −2 at the bottom', () => {
    const lane = laneOf(mapWithEmotions([2, -2]));
    const [high, low] = lane.curves[0].points;
    expect(high.y).toBe(lane.plotTop);
    expect(low.y).toBe(lane.plotBottom);
    expect(emotionY(lane.plotTop, 0)).toBe((lane.plotTop + lane.plotBottom) / 2);
  });

  it('leaves out entries, outcomes and touchpoints without an emotion', () => {
    const map = makeMap();
    expect(emotions(only(map))).toEqual([['tp-web', 1]]);
  });
});

describe('personas', () => {
  function withPersonas() {
    const map = makeMap();
    nodeOf(map, 'tp-checkout').emotion = -1;
    const shopper = addPersona(map, { name: 'Mobile-first shopper', colour: '#be185d' });
    const regular = addPersona(map, { name: 'Loyal regular' });
    setNodeOverride(map, shopper, 'tp-web', 'emotion', -2);
    return { map, shopper, regular };
  }

  it('draws the chosen persona’s curve, with its overrides and the map’s values elsewhere', () => {
    const { map, shopper } = withPersonas();
    const curve = only(map, shopper);
    expect(curve).toMatchObject({ persona: shopper, name: 'Mobile-first shopper', colour: '#be185d' });
    expect(emotions(curve)).toEqual([
      ['tp-web', -2],
      ['tp-checkout', -1],
    ]);
    expect(laneOf(map, shopper).comparing).toBe(false);
  });

  it('with all customers, draws every persona’s curve, on the same x for the same touchpoint', () => {
    const { map, shopper, regular } = withPersonas();
    const lane = laneOf(map, null);
    expect(lane.comparing).toBe(true);
    expect(lane.curves.map((c) => [c.persona, c.name])).toEqual([
      [shopper, 'Mobile-first shopper'],
      [regular, 'Loyal regular'],
    ]);
    expect(emotions(lane.curves[1])).toEqual([
      ['tp-web', 1],
      ['tp-checkout', -1],
    ]);
    expect(lane.curves[0].points.map((p) => p.x)).toEqual(lane.curves[1].points.map((p) => p.x));
  });

  it('plots a touchpoint that only a persona gives an emotion on that persona’s curve alone', () => {
    const { map, shopper, regular } = withPersonas();
    delete nodeOf(map, 'tp-checkout').emotion;
    setNodeOverride(map, regular, 'tp-checkout', 'emotion', 2);
    const [shopperCurve, regularCurve] = laneOf(map, null).curves;
    expect(emotions(shopperCurve)).toEqual([['tp-web', -2]]);
    expect(emotions(regularCurve)).toEqual([
      ['tp-web', 1],
      ['tp-checkout', 2],
    ]);
    expect(laneOf(map, shopper).curves[0].points).toHaveLength(1);
  });

  it('falls back to the map’s own curve for a persona id that is not in the map', () => {
    const map = makeMap();
    expect(only(map, 'persona-gone')).toMatchObject({ persona: null });
  });

  it('does not change the map', () => {
    const { map, shopper } = withPersonas();
    const before = snapshot(map);
    emotionLane(map, null);
    emotionLane(map, shopper);
    expect(map).toStrictEqual(before);
  });
});

describe('moments of truth', () => {
  it('are the touchpoints at the curve’s minimum, all of them on a tie', () => {
    expect(truths(only(mapWithEmotions([1, -1, 0, -1, 2])))).toEqual(['tp1', 'tp3']);
    expect(truths(only(storeSample()))).toEqual(['checkout-payment']);
  });

  it('are none when the curve never dips below neutral', () => {
    const curve = only(mapWithEmotions([1, 0, 2, 0]));
    expect(curve.lowest).toBe(0);
    expect(truths(curve)).toEqual([]);
  });

  it('are each persona’s own lowest points', () => {
    const map = mapWithEmotions([1, -1, 0]);
    const calm = addPersona(map, { name: 'Calm' });
    const upset = addPersona(map, { name: 'Upset' });
    setNodeOverride(map, calm, 'tp1', 'emotion', 1);
    setNodeOverride(map, upset, 'tp2', 'emotion', -2);
    const [calmCurve, upsetCurve] = laneOf(map, null).curves;
    expect(truths(calmCurve)).toEqual([]);
    expect(truths(upsetCurve)).toEqual(['tp2']);
  });
});

describe('the smooth line', () => {
  it('passes through every point, left to right', () => {
    const curve = only(storeSample());
    const pairs = pathPairs(curve.path);
    expect(curve.path.startsWith('M')).toBe(true);
    // M p0, then per segment: two control points and the next point.
    expect(pairs).toHaveLength(1 + 3 * (curve.points.length - 1));
    curve.points.forEach((p, i) => expect(pairs[3 * i]).toEqual([p.x, p.y]));
  });

  it('never overshoots −2…+2, and stays flat between equal neighbours', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Emotion>(-2, -1, 0, 1, 2), { minLength: 2, maxLength: 12 }), (values) => {
        const lane = laneOf(mapWithEmotions(values));
        const pairs = pathPairs(lane.curves[0].path);
        for (const [, y] of pairs) {
          expect(y).toBeGreaterThanOrEqual(lane.plotTop);
          expect(y).toBeLessThanOrEqual(lane.plotBottom);
        }
        // Between two points, the Bézier's control points lie within the two points' y: no bump in between.
        for (let i = 0; i + 3 < pairs.length; i += 3) {
          const lo = Math.min(pairs[i][1], pairs[i + 3][1]);
          const hi = Math.max(pairs[i][1], pairs[i + 3][1]);
          for (const [, y] of pairs.slice(i + 1, i + 3)) {
            expect(y).toBeGreaterThanOrEqual(lo);
            expect(y).toBeLessThanOrEqual(hi);
          }
        }
      }),
    );
  });

  it('is a lone move for one point, and empty for none', () => {
    expect(monotonePath([{ x: 10, y: 20 }])).toBe('M10,20');
    expect(monotonePath([])).toBe('');
  });
});

describe('the lane', () => {
  it('has no point and no line when no touchpoint has an emotion', () => {
    const map = makeMap();
    delete nodeOf(map, 'tp-web').emotion;
    const curve = only(map);
    expect(curve.points).toEqual([]);
    expect(curve.path).toBe('');
    expect(curve.lowest).toBeNull();
  });

  it('is not there at all on a map without touchpoints', () => {
    const map = makeMap();
    map.nodes = map.nodes.filter((n) => n.kind !== 'touchpoint');
    expect(emotionLane(map, null)).toBeNull();
  });

  it('lies below the lowest card or sticky note, and spans the stage bands', () => {
    const map = makeMap();
    const lane = laneOf(map);
    expect(lane.box.y).toBeGreaterThanOrEqual(200 + CARD_HEIGHT_ESTIMATE + LANE_GAP);
    expect(lane.box).toMatchObject({ x: 0, width: 5 * STAGE_WIDTH });
    expect(lane.plotTop).toBeGreaterThan(lane.box.y);
    expect(lane.plotBottom).toBeLessThan(lane.box.y + lane.box.height);

    map.notes.push({ id: 'note', text: 'Ask support', position: { x: 0, y: 900 } });
    expect(laneTop(map)).toBeGreaterThanOrEqual(900 + CARD_HEIGHT_ESTIMATE);
  });

  it('widens to take in a point outside every band', () => {
    const map = makeMap();
    map.nodes.push(makeNode({ id: 'far', position: { x: 2000, y: 0 }, emotion: 0 }));
    const lane = laneOf(map);
    const far = lane.curves[0].points.find((p) => p.node === 'far');
    expect(far?.x).toBe(2000 + NODE_WIDTH / 2);
    expect(lane.box.x + lane.box.width).toBeGreaterThan(far!.x);
  });
});
