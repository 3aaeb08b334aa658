import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import * as edits from '../../../src/domain/edits';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { simulateJourney } from '../../../src/simulation';
import { packResult, unpackResult } from '../../../src/simulation/packed';
import { runToEnd } from '../../../src/simulation/pausable';
import { isStale, simulationSignature, unpackInSlices } from '../../../src/store/simulationStore';
import { singleLoopMap } from '../simulation/maps';
import { heatColour } from '../../../src/canvas/simulationOverlay';

describe('simulation staleness', () => {
  const map = onlineStoreSample();
  const stateFor = (m = map) => ({ result: {} as never, resultSignature: simulationSignature(m) });

  it('is current for the map it was computed on, and after edits the simulation does not read', () => {
    expect(isStale(stateFor(), map)).toBe(false);
    const moved = produce(map, (d) => edits.moveNodes(d, { cart: { x: 700, y: 40 } }));
    const renamed = produce(map, (d) => edits.updateNode(d, 'cart', { label: 'Basket', description: 'x', emotion: 1 }));
    const rescored = produce(map, (d) => edits.setScores(d, 'cart', { csat: 10 }));
    for (const m of [moved, renamed, rescored]) expect(isStale(stateFor(), m)).toBe(false);
  });

  it('is stale after edits that change where customers go', () => {
    const changes = [
      produce(map, (d) => edits.updateEdge(d, 'e-product-cart', { weight: 5 })),
      produce(map, (d) => edits.updateNode(d, 'cart', { dropOff: 0.5 })),
      produce(map, (d) => edits.resolveFriction(d, 'checkout-payment', 'f-payment-form', true)),
      produce(map, (d) => void edits.addFriction(d, 'cart', 'Slow', 2)),
      produce(map, (d) => edits.removeEdges(d, ['e-chat-cart'])),
      produce(map, (d) => edits.updateNode(d, 'search-ad', { share: 90 })),
      produce(map, (d) => edits.setSimulationSettings(d, { seed: 7 })),
    ];
    for (const m of changes) expect(isStale(stateFor(), m)).toBe(true);
  });

  it('is stale when nodes change order (Monte Carlo walks them in map order) and current for an equal copy', () => {
    const reordered = produce(map, (d) => void d.nodes.reverse());
    expect(isStale(stateFor(), reordered)).toBe(true);
    expect(isStale(stateFor(), structuredClone(map))).toBe(false);
  });

  it('is never stale without a result', () => {
    expect(isStale({ result: null, resultSignature: null }, map)).toBe(false);
  });
});

describe('heat and flow', () => {
  // The map's own weights and drop-offs: with its personas, flow would blend the personas' own weights.
  const map = { ...onlineStoreSample(), personas: [] };
  const result = simulateJourney(map, { customers: 2000 });
  // As the worker packs them and the store unpacks them.
  const { heat, flow } = runToEnd(unpackResult(packResult(map, result).packed, map));

  it('gives each node its exact losses per 1,000 starts, scaled to the worst node', () => {
    for (const [id, p] of Object.entries(result.exact.abandon)) expect(heat[id].lostPer1000).toBeCloseTo(p * 1000, 9);
    const levels = Object.values(heat).map((h) => h.level);
    expect(Math.max(...levels)).toBe(1);
    expect(Math.min(...levels)).toBeGreaterThanOrEqual(0);
    const worst = Object.entries(heat).sort((a, b) => b[1].lostPer1000 - a[1].lostPer1000)[0][0];
    expect(heat[worst].level).toBe(1);
  });

  it('gives each edge its share of the busiest edge, conserving flow out of a node', () => {
    expect(Math.max(...Object.values(flow))).toBeCloseTo(1, 12);
    // Out of the product page: 3:1 between cart and live chat.
    expect(flow['e-product-cart'] / flow['e-product-chat']).toBeCloseTo(3, 9);
    // Flow into the cart equals flow out of it divided by its stay probability (1 - 0.22).
    const into = flow['e-product-cart'] + flow['e-chat-cart'];
    expect(flow['e-cart-checkout']).toBeCloseTo(into * 0.78, 9);
  });

  it('maps levels to colours from pale to red', () => {
    expect(heatColour(0)).toBe('hsl(38 90% 95%)');
    expect(heatColour(1)).toBe('hsl(0 90% 70%)');
    expect(heatColour(7)).toBe(heatColour(1));
  });
});

describe('losses by stage', () => {
  it('sums exact abandonment per stage in stage order, with unstaged nodes last', async () => {
    const { lossesByStage } = await import('../../../src/store/simulationStore');
    const map = onlineStoreSample();
    const abandon = { 'product-page': 0.3, 'live-chat': 0.01, cart: 0.1, 'checkout-payment': 0.05 };
    const rows = lossesByStage(map, abandon);
    expect(rows.map((r) => r.name)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']);
    expect(rows[1].lostPer1000).toBeCloseTo(310, 9);
    expect(rows[2].lostPer1000).toBeCloseTo(150, 9);
    expect(rows[0].lostPer1000).toBe(0);
    const unstaged = produce(map, (d) => edits.updateNode(d, 'cart', { stage: undefined }));
    expect(lossesByStage(unstaged, abandon).at(-1)).toEqual({ stageId: null, name: 'No stage', lostPer1000: 100 });
  });
});

describe('results from the worker', () => {
  it('are unpacked in slices with pauses in between, or dropped when the run is no longer current', async () => {
    const map = singleLoopMap({ touchpoints: 4000 });
    const result = simulateJourney(map, { customers: 500 });
    const { packed } = packResult(map, result);
    let checks = 0;
    const unpacked = await unpackInSlices(structuredClone(packed), map, () => ++checks > 0);
    expect(unpacked?.result).toEqual(result);
    expect(unpacked?.heat['t1'].lostPer1000).toBeCloseTo(1000 * result.exact.abandon['t1'], 9);
    expect(await unpackInSlices(packed, map, () => false)).toBeNull();
  });
});
