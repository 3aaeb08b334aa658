import fc from 'fast-check';
import { personaShares, personaView, type JourneyMap } from '../../../src/domain';
import { compileJourney, KIND_OUTCOME, SimulationError, type CompiledJourney } from '../../../src/simulation/compile';
import { analyseExact } from '../../../src/simulation/exact';
import { rankHotspots } from '../../../src/simulation/hotspots';
import type { FromWorker } from '../../../src/simulation/messages';
import { Xoshiro128 } from '../../../src/simulation/prng';
import { beta, dirichlet } from '../../../src/simulation/sampling';
import { analyseJourney } from '../../../src/simulation/simulate';
import { exactResult } from '../../../src/simulation/summary';
import { analyseUncertainty, analyseUncertaintyInChunks, type UncertaintyResult } from '../../../src/simulation/uncertainty';
import { analyseWhatIf } from '../../../src/simulation/whatIf';
import { createWorkerHandler } from '../../../src/simulation/worker';
import { generateJourneyMap } from '../../bench/generateJourneyMap';
import { withObservedCounts } from '../../bench/observedCounts';
import { arbitraryJourney, makeMap, singleLoopMap } from './maps';

/** Entry → Payment (700 of 1,000 go on) → Paid: completion is 1 − drop-off ~ Beta(701, 301). */
function onePaymentStep(): JourneyMap {
  const map = makeMap(
    [{ id: 'in', kind: 'entry' }, { id: 'pay', label: 'Checkout payment', dropOff: 0.3 }, { id: 'paid', kind: 'outcome' }],
    [['in', 'pay'], ['pay', 'paid']],
  );
  map.nodes[1].observed = { entered: 1000, left: 300 };
  return map;
}

/**
 * Quantiles of Beta(a, b) without special functions: the density, scaled by its mode, integrated with the
 * trapezoid rule on a grid of 2·10⁶ cells (relative error about (h/σ)² ≈ 10⁻⁹ here), then the cumulative
 * interpolated. Also returns the density at each quantile.
 */
function betaQuantiles(a: number, b: number, ps: number[]): { quantile: number; density: number }[] {
  const cells = 2_000_000;
  const h = 1 / cells;
  const mode = a + b > 2 ? (a - 1) / (a + b - 2) : 0.5;
  // (a − 1)·log x with 0·log 0 = 0, so that the density has its limits at 0 and 1.
  const logAt = (x: number) => (a === 1 ? 0 : (a - 1) * Math.log(x)) + (b === 1 ? 0 : (b - 1) * Math.log1p(-x));
  const peak = logAt(mode);
  const g = (x: number) => Math.exp(logAt(x) - peak);
  const cumulative = new Float64Array(cells + 1);
  let previous = g(0);
  for (let k = 1; k <= cells; k++) {
    const next = g(k * h);
    cumulative[k] = cumulative[k - 1] + ((previous + next) * h) / 2;
    previous = next;
  }
  const total = cumulative[cells];
  return ps.map((p) => {
    const target = p * total;
    let low = 0, high = cells;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle;
      else high = middle;
    }
    const quantile = (low + (target - cumulative[low]) / (cumulative[high] - cumulative[low])) * h;
    return { quantile, density: g(quantile) / total };
  });
}

/** A deterministic stream of numbers in [0, 1) for building test maps. */
function randomStream(seed: number) {
  const rng = new Xoshiro128(seed);
  return () => rng.nextDouble();
}

/**
 * `map` with counts on some values: about 2 in 3 drop-offs, and about 2 in 3 nodes' edges (all of a node's
 * edges, or for some nodes only one of them, which leaves its weights typed by hand).
 */
function withSomeCounts(map: JourneyMap, seed: number): JourneyMap {
  const random = randomStream(seed);
  const counted = new Set(map.nodes.filter(() => random() < 0.67).map((n) => n.id));
  const partly = new Set(map.nodes.filter(() => random() < 0.2).map((n) => n.id));
  return {
    ...map,
    nodes: map.nodes.map((node) => {
      if (node.kind === 'outcome' || random() > 0.67) return node;
      const entered = Math.floor(random() * 500);
      return { ...node, observed: { entered, left: Math.floor(random() * (entered + 1)) } };
    }),
    edges: map.edges.map((edge, k) =>
      counted.has(edge.source) && !(partly.has(edge.source) && k % 2 === 0) ? { ...edge, observed: { count: Math.floor(random() * 300) } } : edge,
    ),
  };
}

/**
 * The journey of one draw, as the analysis makes it: drop-offs in node order, then each node's weights in
 * node order, both only where they come from counts (and matter: a node with a way on; two edges or more).
 */
function drawnJourney(map: JourneyMap, rng: Xoshiro128, journey: CompiledJourney = compileJourney(map), takes = (_node: number) => true): CompiledJourney {
  const { n, kind, rowStart, edgeIndex } = journey;
  const drawn = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const observed = map.nodes[i].observed;
    if (kind[i] === KIND_OUTCOME || rowStart[i] === rowStart[i + 1] || !observed) continue;
    drawn[i] = beta(rng, observed.left + 1, observed.entered - observed.left + 1);
    if (takes(i)) journey.dropOff[i] = drawn[i];
  }
  for (let i = 0; i < n; i++) {
    const edges = Array.from(edgeIndex.subarray(rowStart[i], rowStart[i + 1]), (e) => map.edges[e]);
    if (kind[i] === KIND_OUTCOME || edges.length < 2 || !edges.every((e) => e.observed)) continue;
    const shares = dirichlet(rng, edges.map((e) => e.observed!.count + 1));
    if (takes(i)) shares.forEach((s, k) => (journey.share[rowStart[i] + k] = s));
  }
  return journey;
}

/** Every figure of a one-draw analysis against the exact engine and what-if run on the drawn values. */
function expectOneDrawMatchesExact(map: JourneyMap, seed: number) {
  const result = analyseUncertainty(map, { draws: 1, seed });
  const journey = drawnJourney(map, new Xoshiro128(seed));
  const chain = analyseExact(journey);
  const whatIf = analyseWhatIf(chain);
  const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-12);
  if (result.draws === 0) return;
  close(result.success.low, chain.success);
  close(result.success.high, chain.success);
  map.nodes.forEach((node, i) => {
    if (node.kind === 'outcome') {
      close(result.outcomes[node.id].low, chain.visits[i]);
      close(result.outcomes[node.id].high, chain.visits[i]);
    } else {
      close(result.upliftLow[i], whatIf.uplift[i]);
      close(result.upliftHigh[i], whatIf.uplift[i]);
    }
  });
  const top = rankHotspots(map, journey, exactResult(chain, whatIf))[0];
  expect(result.topHotspotShare[map.nodes.findIndex((n) => n.id === top.nodeId)]).toBe(1);
}

const topHotspot = (map: JourneyMap, result: UncertaintyResult) => {
  let best = 0;
  result.topHotspotShare.forEach((s, i) => (s > result.topHotspotShare[best] ? (best = i) : 0));
  return { id: map.nodes[best].id, share: result.topHotspotShare[best] };
};

describe('uncertainty analysis', () => {
  it('gives the Beta(701, 301) interval for one step where 700 of 1,000 go on', () => {
    const draws = 20_000;
    const result = analyseUncertainty(onePaymentStep(), { draws, seed: 3 });
    const [low, high] = betaQuantiles(701, 301, [0.025, 0.975]);
    // The p-percentile of K draws has a standard error of √(p(1 − p)/K) / density at the quantile (≈ 0.00027).
    for (const [estimate, exact] of [[result.success.low, low], [result.success.high, high]] as const) {
      const standardError = Math.sqrt((0.025 * 0.975) / draws) / exact.density;
      expect(Math.abs(estimate - exact.quantile)).toBeLessThan(4 * standardError);
    }
    expect(result.outcomes.paid).toEqual(result.success);
    expect(result.draws).toBe(draws);
    expect(result.uncertain).toEqual({ dropOffs: 1, weights: 0 });
    expect(result.fixed).toEqual({ dropOffs: 1, weights: 0 });
    // Uplift of the payment step is its drop-off (everyone reaches it, everyone after it succeeds).
    expect(result.upliftLow[1]).toBeCloseTo(1 - result.success.high, 12);
    expect(topHotspot(onePaymentStep(), result)).toEqual({ id: 'pay', share: 1 });
  });

  it('computes Beta quantiles in the test as they are: Beta(1, 1) and Beta(2, 1) have closed forms', () => {
    const [uniform] = betaQuantiles(1, 1, [0.3]);
    expect(uniform.quantile).toBeCloseTo(0.3, 9);
    expect(uniform.density).toBeCloseTo(1, 9);
    const [linear] = betaQuantiles(2, 1, [0.25]);
    expect(linear.quantile).toBeCloseTo(0.5, 9); // CDF x²
    expect(linear.density).toBeCloseTo(1, 6); // density 2x
  });

  it('matches the exact engine and what-if on the drawn values, on random maps with loops, dead ends and typed values', () => {
    fc.assert(
      fc.property(arbitraryJourney, fc.integer({ min: 1, max: 1000 }), (map, seed) => expectOneDrawMatchesExact(withSomeCounts(map, seed), seed)),
      { numRuns: 200, seed: 5 },
    );
  });

  it('matches the exact engine on a 150-touchpoint loop and a generated 500-node map', () => {
    expectOneDrawMatchesExact(withObservedCounts(singleLoopMap({ touchpoints: 150, seed: 4 })), 9);
    expectOneDrawMatchesExact(withSomeCounts(singleLoopMap({ touchpoints: 150, seed: 4 }), 2), 9);
    expectOneDrawMatchesExact(withObservedCounts(generateJourneyMap({ nodes: 500, seed: 3 })), 1);
  });

  it('solves every draw afresh, and takes the percentiles of all draws', () => {
    for (const map of [
      withObservedCounts(singleLoopMap({ touchpoints: 40, seed: 2 }), { customers: 30 }),
      withSomeCounts(generateJourneyMap({ nodes: 80, seed: 6, backEdgeProbability: 0.5 }), 3),
    ]) {
      const draws = 41;
      const result = analyseUncertainty(map, { draws, seed: 4 });
      const rng = new Xoshiro128(4);
      const success: number[] = [];
      const uplift = map.nodes.map(() => [] as number[]);
      for (let k = 0; k < draws; k++) {
        const chain = analyseExact(drawnJourney(map, rng));
        success.push(chain.success);
        analyseWhatIf(chain).uplift.forEach((u, i) => uplift[i].push(u));
      }
      // Type-7 percentiles of 41 draws: (41 − 1)·2.5% = 1, so exactly the 2nd smallest and the 2nd largest.
      const interval = (values: number[]) => {
        const sorted = [...values].sort((x, y) => x - y);
        return { low: sorted[1], high: sorted[39] };
      };
      expect(result.success).toEqual(interval(success));
      map.nodes.forEach((node, i) => {
        if (node.kind === 'outcome') return;
        expect([result.upliftLow[i], result.upliftHigh[i]]).toEqual(Object.values(interval(uplift[i])));
      });
    }
  });

  it('says so, without drawing, when nothing that matters comes from counts', () => {
    const map = makeMap(
      [
        { id: 'in', kind: 'entry' },
        { id: 'a', dropOff: 0.2 },
        { id: 'stuck' },
        { id: 'b', friction: [3] },
        { id: 'won', kind: 'outcome' },
      ],
      [['in', 'a'], ['a', 'stuck', 1], ['a', 'b', 3], ['b', 'won']],
    );
    // Counts on a dead end's drop-off and on a lone edge change nothing.
    map.nodes[2].observed = { entered: 10, left: 2 };
    map.edges[3].observed = { count: 40 };
    const result = analyseUncertainty(map, { draws: 500 });
    const exact = analyseJourney(map).exact;
    expect(result.draws).toBe(0);
    expect(result.uncertain).toEqual({ dropOffs: 0, weights: 0 });
    expect(result.fixed).toEqual({ dropOffs: 3, weights: 2 });
    expect(result.success).toEqual({ low: exact.success, high: exact.success });
    expect(result.outcomes).toEqual({ won: { low: exact.outcomes.won, high: exact.outcomes.won } });
    expect(result.upliftLow[1]).toBe(exact.uplift.a);
    expect(result.upliftHigh[1]).toBe(exact.uplift.a);
    expect(topHotspot(map, result)).toEqual({ id: 'a', share: 1 });
  });

  it('counts drop-offs and weights from counts, and those typed by hand', () => {
    const map = makeMap(
      [
        { id: 'in', kind: 'entry' },
        { id: 'a', dropOff: 0.1 },
        { id: 'b', dropOff: 0.1 },
        { id: 'c', dropOff: 0.1 },
        { id: 'won', kind: 'outcome' },
      ],
      [['in', 'a'], ['a', 'b'], ['a', 'c'], ['b', 'c'], ['b', 'won'], ['c', 'won']],
    );
    map.nodes[1].observed = { entered: 100, left: 10 };
    map.nodes[3].observed = { entered: 100, left: 10 };
    for (const k of [1, 2, 3]) map.edges[k].observed = { count: 40 }; // a's edges, and one of b's
    const result = analyseUncertainty(map, { draws: 10 });
    expect(result.uncertain).toEqual({ dropOffs: 2, weights: 2 });
    expect(result.fixed).toEqual({ dropOffs: 2, weights: 2 });
  });

  it('ranks a top hotspot in every draw: the shares add up to 1', () => {
    const map = withSomeCounts(generateJourneyMap({ nodes: 300, seed: 8 }), 4);
    const result = analyseUncertainty(map, { draws: 400, seed: 2 });
    const total = result.topHotspotShare.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    map.nodes.forEach((node, i) => {
      if (node.kind === 'outcome') expect(result.topHotspotShare[i]).toBe(0);
      else expect(result.upliftLow[i]).toBeLessThanOrEqual(result.upliftHigh[i]);
    });
    expect(result.success.low).toBeLessThan(result.success.high);
  });

  it('says which of two close hotspots ranks first how often', () => {
    // Two steps in a row with similar counts: each is the top hotspot in a share of draws, by its uplift.
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'cart', dropOff: 0.2 }, { id: 'pay', dropOff: 0.21 }, { id: 'paid', kind: 'outcome' }],
      [['in', 'cart'], ['cart', 'pay'], ['pay', 'paid']],
    );
    map.nodes[1].observed = { entered: 200, left: 40 };
    map.nodes[2].observed = { entered: 160, left: 34 };
    const draws = 4000;
    const result = analyseUncertainty(map, { draws, seed: 1 });
    // uplift(cart) = d_c·(1 − d_p), uplift(pay) = (1 − d_c)·d_p: pay ranks first when d_p > d_c.
    const rng = new Xoshiro128(1);
    let payFirst = 0;
    for (let k = 0; k < draws; k++) {
      const dc = beta(rng, 41, 161);
      const dp = beta(rng, 35, 127);
      if ((1 - dc) * dp > dc * (1 - dp)) payFirst++;
    }
    expect(result.topHotspotShare[2]).toBe(payFirst / draws);
    expect(result.topHotspotShare[1]).toBe(1 - payFirst / draws);
    expect(payFirst / draws).toBeGreaterThan(0.5);
    expect(payFirst / draws).toBeLessThan(0.9);
  });

  it('is reproducible: the same seed gives the same result, the map\'s seed by default', () => {
    const map = withSomeCounts(generateJourneyMap({ nodes: 120, seed: 2 }), 7);
    const seeded = { ...map, simulation: { seed: 42 } };
    expect(analyseUncertainty(map, { draws: 200, seed: 42 })).toEqual(analyseUncertainty(map, { draws: 200, seed: 42 }));
    expect(analyseUncertainty(seeded, { draws: 200 })).toEqual(analyseUncertainty(map, { draws: 200, seed: 42 }));
    expect(analyseUncertainty(map, { draws: 200, seed: 43 }).success).not.toEqual(analyseUncertainty(map, { draws: 200, seed: 42 }).success);
    expect(analyseUncertainty(seeded, { draws: 200 }).seed).toBe(42);
  });

  it('refuses a number of draws outside 1..100,000 and counts that do not make sense', () => {
    for (const draws of [0, 1.5, 100_001, Number.NaN]) expect(() => analyseUncertainty(onePaymentStep(), { draws })).toThrow(SimulationError);
    const bad = onePaymentStep();
    bad.nodes[1].observed = { entered: 10, left: 11 };
    expect(() => analyseUncertainty(bad)).toThrow(/Checkout payment.*0 ≤ left ≤ entered/);
  });
});

describe('uncertainty analysis with personas', () => {
  /**
   * Shoppers and Browsers on one map with counts: Browsers type their own drop-off at the product page and
   * their own weight for one of its edges, which holds both the drop-off and that page's weights fixed for them.
   */
  function withPersonas(): JourneyMap {
    const map = withObservedCounts(
      makeMap(
        [
          { id: 'in', kind: 'entry' },
          { id: 'product', dropOff: 0.2 },
          { id: 'chat', dropOff: 0.4 },
          { id: 'cart', dropOff: 0.1 },
          { id: 'won', kind: 'outcome' },
          { id: 'lost', kind: 'outcome', result: 'failure' },
        ],
        [['in', 'product'], ['product', 'cart', 2], ['product', 'chat', 1], ['chat', 'product'], ['cart', 'won', 4], ['cart', 'lost', 1]],
      ),
      { customers: 300, seed: 3 },
    );
    map.personas = [
      { id: 'shoppers', name: 'Shoppers', share: 3, nodes: [], edges: [] },
      { id: 'browsers', name: 'Browsers', share: 1, nodes: [{ node: 'product', dropOff: 0.5 }], edges: [{ edge: 'e2', weight: 5 }] },
    ];
    return map;
  }

  it('blends the personas\' results by share, each on the shared draw except for what it overrides', () => {
    const map = withPersonas();
    const seed = 6;
    const result = analyseUncertainty(map, { draws: 1, seed });
    const shares = personaShares(map);
    const product = 1;
    let success = 0;
    const uplift = new Float64Array(map.nodes.length);
    map.personas.forEach((persona, k) => {
      const view = personaView(map, persona.id);
      const overrides = persona.id === 'browsers';
      const journey = drawnJourney(map, new Xoshiro128(seed), compileJourney(view), (i) => !(overrides && i === product));
      const chain = analyseExact(journey);
      const whatIf = analyseWhatIf(chain);
      success += shares[k] * chain.success;
      whatIf.uplift.forEach((u, i) => (uplift[i] += shares[k] * u));
    });
    expect(result.success.low).toBeCloseTo(success, 12);
    map.nodes.forEach((node, i) => node.kind !== 'outcome' && expect(result.upliftLow[i]).toBeCloseTo(uplift[i], 12));
    expect(result.uncertain).toEqual({ dropOffs: 4, weights: 4 });
  });

  it('holds everything fixed when every persona overrides every counted value', () => {
    const map = onePaymentStep();
    map.personas = [{ id: 'p', name: 'P', share: 1, nodes: [{ node: 'pay', dropOff: 0.25 }], edges: [] }];
    const result = analyseUncertainty(map);
    expect(result.draws).toBe(0);
    expect(result.success).toEqual({ low: 0.75, high: 0.75 });
  });

  it('holds a persona\'s overrides fixed for a map that already is its view (--persona)', () => {
    const map = withPersonas();
    const browsers = map.personas[1];
    const view = { ...personaView(map, browsers.id), personas: [] };
    const asView = analyseUncertainty(view, { draws: 50, persona: browsers });
    const alone = analyseUncertainty({ ...map, personas: [browsers] }, { draws: 50 });
    expect(asView).toEqual(alone);
  });
});

describe('uncertainty analysis in slices', () => {
  const map = withObservedCounts(generateJourneyMap({ nodes: 400, seed: 5 }));

  it('gives the same result as in one go, with progress up to the draws asked for', async () => {
    const progress: [number, number][] = [];
    const sliced = await analyseUncertaintyInChunks(map, { draws: 300 }, { chunkMs: 0, tick: async () => {}, onProgress: (done, total) => progress.push([done, total]) });
    expect(sliced).toEqual(analyseUncertainty(map, { draws: 300 }));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every(([done, total], i) => total === 300 && done <= 300 && (i === 0 || done >= progress[i - 1][0]))).toBe(true);
  });

  it('stops at the next pause after a cancel', async () => {
    let pauses = 0;
    const result = await analyseUncertaintyInChunks(map, { draws: 5000 }, { chunkMs: 0, tick: async () => {}, isCancelled: () => ++pauses > 3 });
    expect(result).toBeNull();
  });
});

describe('uncertainty in the simulation worker', () => {
  const map = withObservedCounts(generateJourneyMap({ nodes: 300, seed: 2 }));

  it('posts progress, then the result with its per-node arrays to transfer', async () => {
    const posted: { message: FromWorker; transfer?: ArrayBuffer[] }[] = [];
    await createWorkerHandler((message, transfer) => posted.push({ message, transfer }))({ type: 'uncertainty', runId: 'u1', map, options: { draws: 400 } });
    const { message, transfer } = posted[posted.length - 1];
    expect(posted.slice(0, -1).every(({ message: m }) => m.type === 'uncertaintyProgress' && m.runId === 'u1' && m.total === 400)).toBe(true);
    if (message.type !== 'uncertaintyResult') throw new Error(`expected a result, got ${message.type}`);
    expect(message.result).toEqual(analyseUncertainty(map, { draws: 400 }));
    expect(transfer).toEqual([message.result.upliftLow.buffer, message.result.upliftHigh.buffer, message.result.topHotspotShare.buffer]);
  });

  it('stops on a cancel, and a newer request supersedes an older one, while a simulation run goes on', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => {
      posted.push(m);
      if (m.type === 'uncertaintyProgress' && m.runId === 'u2') void handle({ type: 'cancel', runId: 'u2' });
    });
    await handle({ type: 'uncertainty', runId: 'u2', map, options: { draws: 100_000 } });
    expect(posted[posted.length - 1]).toEqual({ type: 'cancelled', runId: 'u2' });

    const run = handle({ type: 'run', runId: 'r', map, settings: { customers: 2000 } });
    const old = handle({ type: 'uncertainty', runId: 'old', map, options: { draws: 100_000 } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handle({ type: 'uncertainty', runId: 'new', map, options: { draws: 20 } });
    await Promise.all([old, run]);
    const last = (runId: string) => posted.filter((m) => m.runId === runId && !m.type.endsWith('rogress')).at(-1)?.type;
    expect([last('old'), last('new'), last('r')]).toEqual(['cancelled', 'uncertaintyResult', 'result']);
  });

  it('reports a map it cannot analyse as an error message', async () => {
    const posted: FromWorker[] = [];
    await createWorkerHandler((m) => posted.push(m))({ type: 'uncertainty', runId: 'u3', map: makeMap([{ id: 'a' }], []) });
    expect(posted).toEqual([{ type: 'error', runId: 'u3', message: expect.stringMatching(/no entry/) }]);
  });
});
