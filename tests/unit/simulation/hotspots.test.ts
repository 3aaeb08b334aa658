import { analyseJourney } from '../../../src/simulation/simulate';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { workedExample } from './maps';

describe('hotspot ranking', () => {
  it('orders touchpoints by uplift with what the UI shows for each', () => {
    const { hotspots, exact } = analyseJourney(onlineStoreSample());
    expect(hotspots.map((h) => h.nodeId).slice(0, 3)).toEqual(['product-page', 'cart', 'checkout-payment']);
    for (let i = 1; i < hotspots.length; i++) expect(hotspots[i].uplift).toBeLessThanOrEqual(hotspots[i - 1].uplift);
    const checkout = hotspots.find((h) => h.nodeId === 'checkout-payment')!;
    expect(checkout).toMatchObject({
      label: 'Checkout payment',
      kind: 'touchpoint',
      dropOff: expect.closeTo(1 - 0.9 * 0.95, 12),
      lostPer1000: expect.closeTo(1000 * exact.abandon['checkout-payment'], 9),
      uplift: exact.uplift['checkout-payment'],
      scores: { nps: -14, csat: 52, ces: 3.2, responses: 305 },
      worstFriction: { id: 'f-payment-form', severity: 4 },
    });
    expect(hotspots.some((h) => h.kind === 'outcome' as string)).toBe(false);
    expect(hotspots.find((h) => h.nodeId === 'thank-you-email')!.worstFriction).toBeUndefined();
  });

  it('ignores resolved friction when naming the worst note', () => {
    const cart = analyseJourney(workedExample()).hotspots.find((h) => h.nodeId === 'cart')!;
    expect(cart.worstFriction?.severity).toBe(4);
    expect(cart.lostPer1000).toBeCloseTo(50, 9);
  });
});
