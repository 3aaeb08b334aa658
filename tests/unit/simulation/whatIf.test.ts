import fc from 'fast-check';
import { compileJourney, KIND_OUTCOME } from '../../../src/simulation/compile';
import { analyseExact } from '../../../src/simulation/exact';
import { analyseWhatIf, successWithDropOff } from '../../../src/simulation/whatIf';
import { analyseJourney } from '../../../src/simulation/simulate';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { generateJourneyMap } from '../../bench/generateJourneyMap';
import { arbitraryJourney, arbitraryJourneyWithClosedLoop, makeMap, singleLoopMap, workedExample, type EdgeSpec, type NodeSpec } from './maps';
import type { JourneyMap } from '../../../src/domain';

/**
 * Probability of ever arriving at node k, by re-solving: k becomes the only success outcome (customers stop
 * there on arrival) and every other outcome a failure. Nothing leads into an entry, so an entry's reach is
 * its share of the starts.
 */
function reachBySolving(map: JourneyMap, k: number): number {
  const node = map.nodes[k];
  if (node.kind === 'entry') {
    const journey = compileJourney(map);
    const e = Array.from(journey.entries).indexOf(k);
    return e < 0 ? 0 : journey.entryProbability[e];
  }
  const changed: JourneyMap = {
    ...map,
    nodes: map.nodes.map((n, i) =>
      i === k ? { ...n, kind: 'outcome', result: 'success', dropOff: undefined } : n.kind === 'outcome' ? { ...n, result: 'failure' } : n,
    ),
    edges: map.edges.filter((e) => e.source !== node.id),
  };
  return analyseExact(compileJourney(changed)).success;
}

/** Uplift, removal effect and reach by re-solving the whole chain once per node. */
function bruteForce(map: JourneyMap) {
  const journey = compileJourney(map);
  const base = analyseExact(journey).success;
  const uplift = new Float64Array(journey.n);
  const removal = new Float64Array(journey.n);
  const reach = new Float64Array(journey.n);
  for (let k = 0; k < journey.n; k++) {
    if (journey.kind[k] === KIND_OUTCOME) continue;
    uplift[k] = successWithDropOff(journey, k, 0) - base;
    removal[k] = base - successWithDropOff(journey, k, 1);
    reach[k] = reachBySolving(map, k);
  }
  return { journey, uplift, removal, reach };
}

function expectIdentitiesMatch(map: JourneyMap, tolerance = 1e-9) {
  const { journey, uplift, removal, reach } = bruteForce(map);
  const whatIf = analyseWhatIf(analyseExact(journey));
  for (let k = 0; k < journey.n; k++) {
    expect(Math.abs(whatIf.uplift[k] - uplift[k])).toBeLessThan(tolerance);
    expect(Math.abs(whatIf.removalEffect[k] - removal[k])).toBeLessThan(tolerance);
    if (journey.kind[k] !== KIND_OUTCOME) expect(Math.abs(whatIf.reach[k] - reach[k])).toBeLessThan(tolerance);
  }
}

describe('what-if analysis', () => {
  it('gives the worked example of docs/simulation.md', () => {
    const e = analyseJourney(workedExample()).exact;
    expect(e.uplift).toEqual({ ad: 0, product: expect.closeTo(0.12, 12), chat: expect.closeTo(0.12, 12), cart: expect.closeTo(0.04, 12) });
    expect(e.removalEffect).toEqual({
      ad: expect.closeTo(0.36, 12),
      product: expect.closeTo(0.36, 12),
      chat: expect.closeTo(0.072, 12),
      cart: expect.closeTo(0.36, 12),
    });
    expect(e.reach).toMatchObject({ product: expect.closeTo(1, 12), chat: expect.closeTo(0.4, 12), cart: expect.closeTo(0.5, 12) });
  });

  it('uplift of a node on a chain is its drop-off times what follows', () => {
    const e = analyseJourney(
      makeMap(
        [{ id: 'in', kind: 'entry', dropOff: 0.1 }, { id: 'a', dropOff: 0.2 }, { id: 'out', kind: 'outcome' }],
        [['in', 'a'], ['a', 'out']],
      ),
    ).exact;
    expect(e.uplift.in).toBeCloseTo(0.1 * 0.8, 12);
    expect(e.uplift.a).toBeCloseTo(0.9 * 0.2, 12);
    expect(e.removalEffect.a).toBeCloseTo(0.72, 12);
  });

  it('matches re-solving per node on random maps', () => {
    fc.assert(fc.property(arbitraryJourney, (map) => expectIdentitiesMatch(map)), { numRuns: 150, seed: 7 });
  });

  it('matches re-solving per node on random maps with a closed loop, reach included', () => {
    fc.assert(fc.property(arbitraryJourneyWithClosedLoop, (map) => expectIdentitiesMatch(map)), { numRuns: 150, seed: 8 });
  });

  it('gives the share of customers who enter a closed loop as the reach of its nodes', () => {
    // in → a (weight 1), in → out (weight 3); a ⇄ b is closed: a quarter of the customers enter it, forever.
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'a', dropOff: 0 }, { id: 'b', dropOff: 0 }, { id: 'out', kind: 'outcome' }],
      [['in', 'a', 1], ['in', 'out', 3], ['a', 'b'], ['b', 'a']],
    );
    const exact = analyseJourney(map).exact;
    expect(exact.reach.a).toBeCloseTo(0.25, 12);
    expect(exact.reach.b).toBeCloseTo(0.25, 12);
    expect(exact.looping).toBeCloseTo(0.25, 12);
  });

  it('matches re-solving per node on the sample map and a generated 300-node map', () => {
    expectIdentitiesMatch(onlineStoreSample());
    expectIdentitiesMatch(generateJourneyMap({ nodes: 300, seed: 5 }));
  });

  it('matches re-solving per node on a 150-touchpoint single loop', () => {
    expectIdentitiesMatch(singleLoopMap({ touchpoints: 150, seed: 9 }));
  });

  it('solves the component again where the identity would cancel: loops that nearly close without a node', () => {
    // A ring of 40 whose ways out are the drop-off of node r7 (30%), r20 (drop-off 1) reached by a
    // one-in-10¹³ edge, and a one-in-10¹² edge to the outcome: without r7's drop-off 10 in 11 succeed.
    const nodes: NodeSpec[] = [{ id: 'in', kind: 'entry' }, { id: 'won', kind: 'outcome' }];
    const edges: EdgeSpec[] = [['in', 'r0']];
    for (let i = 0; i < 40; i++) {
      nodes.push({ id: `r${i}`, dropOff: i === 7 ? 0.3 : i === 20 ? 1 : 0 });
      edges.push([`r${i}`, `r${(i + 1) % 40}`, i === 19 ? 1e-13 : 1]);
    }
    edges.push(['r19', 'r21', 1], ['r30', 'won', 1e-12]);
    const map = makeMap(nodes, edges);
    expectIdentitiesMatch(map);
    const e = analyseJourney(map).exact;
    expect(e.uplift.r7).toBeCloseTo(10 / 11, 3);
    expect(e.uplift.r20).toBeGreaterThanOrEqual(0);
  });

  it('falls back to a re-solve when removing the drop-off would close a loop', () => {
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'a', dropOff: 0.3 }, { id: 'b' }, { id: 'out', kind: 'outcome' }],
      [['in', 'a'], ['in', 'out'], ['a', 'b'], ['b', 'a']],
    );
    expectIdentitiesMatch(map);
    expect(analyseJourney(map).exact.uplift.a).toBe(0);
  });

  it('handles a node whose drop-off is 1', () => {
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'a', dropOff: 1 }, { id: 'b', dropOff: 0.5 }, { id: 'out', kind: 'outcome' }],
      [['in', 'a'], ['in', 'b'], ['a', 'out'], ['b', 'out'], ['b', 'a']],
    );
    expectIdentitiesMatch(map);
    // a is reached by 0.5 + 0.5·0.5·0.5 of customers, who would all go on to the outcome.
    expect(analyseJourney(map).exact.uplift.a).toBeCloseTo(0.625, 12);
  });
});
