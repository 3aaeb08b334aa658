import fc from 'fast-check';
import { compileJourney } from '../../../src/simulation/compile';
import { MonteCarloRunner, runMonteCarlo } from '../../../src/simulation/monteCarlo';
import { analyseJourney } from '../../../src/simulation/simulate';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { arbitraryJourney, arbitraryJourneyWithClosedLoop, gamblersRuin, makeMap, workedExample } from './maps';
import type { JourneyMap } from '../../../src/domain';
import { buildWalkTables, endNode, SECOND_DRAW_BELOW, WIDE_CODE } from '../../../src/simulation/alias';
import type { CompiledJourney } from '../../../src/simulation/compile';
import { Xoshiro128 } from '../../../src/simulation/prng';
import { generateJourneyMap } from '../../bench/generateJourneyMap';

const options = { seed: 42, maxSteps: 200 };

/**
 * P(t): probability that a customer is still walking after t moves (arrived somewhere, did not abandon, not at
 * an outcome), for t = 0..T, from the chain's own numbers. It falls towards the exact looping probability;
 * Monte Carlo stops a journey after maxSteps moves and counts it as looping, so its looping share estimates
 * P(maxSteps), and its other shares fall short of the exact ones by at most P(maxSteps) − looping.
 */
function stillWalking(journey: CompiledJourney, T: number): number[] {
  const { n, kind, dropOff, rowStart, target, share } = journey;
  const stays = (j: number) => (kind[j] === 2 || rowStart[j] === rowStart[j + 1] ? 0 : 1 - dropOff[j]);
  let x = new Float64Array(n);
  journey.entries.forEach((e, k) => (x[e] += journey.entryProbability[k] * stays(e)));
  const total = (v: Float64Array) => v.reduce((a, b) => a + b, 0);
  const walking = [total(x)];
  for (let t = 1; t <= T; t++) {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (x[i] === 0) continue;
      for (let p = rowStart[i]; p < rowStart[i + 1]; p++) y[target[p]] += x[i] * share[p] * stays(target[p]);
    }
    x = y;
    walking.push(total(x));
  }
  return walking;
}

/**
 * Every MC share within 4 standard errors of the exact probability, give or take the customers stopped by
 * maxSteps on their way out (computed, not taken from the run); the looping share within 4 standard errors of
 * the probability of still walking after maxSteps moves, which includes the exact looping probability.
 */
function expectAgreement(map: JourneyMap, customers: number, maxSteps = 200) {
  const { exact, journey } = analyseJourney(map);
  const mc = runMonteCarlo(journey, customers, { seed: 9, maxSteps });
  // The walk counts its first move from an entry as a step or not; bracket both readings of maxSteps.
  const walking = stillWalking(journey, maxSteps + 2);
  const [atMost, atLeast] = [walking[maxSteps - 2], walking[maxSteps + 2]];
  expect(atLeast).toBeGreaterThanOrEqual(exact.looping - 1e-9);
  const stopped = atMost - exact.looping;
  const se = (p: number) => Math.sqrt((Math.max(p, 1e-12) * (1 - Math.min(p, 1 - 1e-12))) / customers);
  const check = (p: number, share: number) => {
    expect(Math.abs(share - p)).toBeLessThanOrEqual(4 * se(p) + stopped + 1e-9);
  };
  for (const [id, p] of Object.entries(exact.outcomes)) check(p, mc.outcomes[id]);
  for (const [id, p] of Object.entries(exact.abandon)) check(p, mc.abandon[id]);
  check(exact.success, mc.success.rate);
  expect(mc.looping.share).toBeGreaterThanOrEqual(atLeast - 4 * se(atLeast) - 1e-9);
  expect(mc.looping.share).toBeLessThanOrEqual(atMost + 4 * se(atMost) + 1e-9);
  return { exact, mc };
}

/**
 * A reference walk, written from the documented draw rules with the reference generator: each customer's
 * path as text (node indices, then where the journey ended), counted; looping customers left out.
 */
function referencePaths(journey: CompiledJourney, customers: number, seed: number, maxSteps: number): Map<string, number> {
  const { packed, startShift, startInfo, nodeOfBase, wideWord } = buildWalkTables(journey);
  const rng = new Xoshiro128(seed);
  const draw = () => rng.nextUint32() | 0;
  const pick = (i: number, r: number) => (r < packed[i] ? packed[i | 1] ^ packed[i | 2] : packed[i | 2]);
  const counts = new Map<string, number>();
  for (let c = 0; c < customers; c++) {
    let u = draw();
    let i = (u >>> startShift) << 2;
    let r = startShift < SECOND_DRAW_BELOW ? draw() >>> 1 : u >>> 1;
    const entry = packed[startInfo + i + (r < packed[i] ? 0 : 1)];
    let code = pick(i, r);
    const path = [nodeOfBase[entry >>> 5]];
    while ((code >= 0 || code <= WIDE_CODE) && path.length < maxSteps) {
      const word = code >= 0 ? code : wideWord[WIDE_CODE - code];
      path.push(nodeOfBase[word >>> 5]);
      u = draw();
      i = ((word >>> 5) + (u >>> word)) << 2;
      r = code >= 0 ? u >>> 1 : draw() >>> 1;
      code = pick(i, r);
    }
    if (code >= 0 || code <= WIDE_CODE) continue;
    const key = `${path.join(' ')} | ${endNode(code)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('Monte Carlo engine', () => {
  it('walks as the reference and counts each distinct path under its own 64-bit key', () => {
    for (const [map, customers, maxSteps] of [
      [gamblersRuin(12, 0.5, 6), 60_000, 10_000],
      [generateJourneyMap({ nodes: 2000, seed: 1 }), 60_000, 200],
    ] as const) {
      const journey = compileJourney(map);
      const mc = runMonteCarlo(journey, customers, { seed: 21, maxSteps });
      const reference = referencePaths(journey, customers, 21, maxSteps);
      // A collision of keys would merge two paths and track fewer entries than there are paths.
      expect(mc.distinctPathsTracked).toBe(reference.size);
      expect(mc.distinctPathsTracked).toBeGreaterThan(10_000);
      const counts = [...reference.values()].sort((a, b) => b - a);
      expect(mc.topPaths.concat(mc.topAbandonPaths).map((p) => p.count).sort((a, b) => b - a).slice(0, 5)).toEqual(counts.slice(0, 5));
      for (const p of mc.topPaths) {
        const nodes = p.path.map((id) => journey.indexOf.get(id)!);
        expect(reference.get(`${nodes.slice(0, -1).join(' ')} | ${nodes[nodes.length - 1]}`)).toBe(p.count);
      }
    }
  });

  it('is reproducible: same seed, same results; another seed, other results', () => {
    const journey = compileJourney(onlineStoreSample());
    const a = runMonteCarlo(journey, 20_000, options);
    const b = runMonteCarlo(journey, 20_000, options);
    const c = runMonteCarlo(journey, 20_000, { ...options, seed: 43 });
    expect(b).toEqual(a);
    expect(c.outcomeCounts).not.toEqual(a.outcomeCounts);
  });

  it('gives the same results however the run is chunked', () => {
    const journey = compileJourney(onlineStoreSample());
    const whole = runMonteCarlo(journey, 30_000, options);
    const runner = new MonteCarloRunner(journey, options);
    for (const size of [1, 7, 4095, 4097, 10_000, 11_800]) runner.step(size);
    expect(runner.done).toBe(30_000);
    expect(runner.finish()).toEqual(whole);
  });

  it('keeps exact counts past the int32 counters it adds up in batches', () => {
    // With maxSteps 10,000 the walk's int32 counters are added up every ~214,000 customers; journeys here
    // never come near 200 steps, so the same draws give the same results as with maxSteps 200.
    const journey = compileJourney(workedExample());
    const long = runMonteCarlo(journey, 450_000, { seed: 5, maxSteps: 10_000 });
    const short = runMonteCarlo(journey, 450_000, { seed: 5, maxSteps: 200 });
    expect(long.looping.count).toBe(0);
    expect({ ...long, maxSteps: 200 }).toEqual(short);
    expect(Object.values(long.visits).reduce((s, v) => s + v, 0) - long.customers + long.abandoned.count).toBe(long.transitions);
  });

  it('counts every customer exactly once', () => {
    const mc = runMonteCarlo(compileJourney(onlineStoreSample()), 50_000, options);
    expect(mc.success.count + mc.failure.count + mc.abandoned.count + mc.looping.count).toBe(50_000);
    const visits = Object.entries(mc.visits).filter(([id]) => !(id in mc.outcomes)).reduce((s, [, v]) => s + v, 0);
    expect(visits).toBe(mc.transitions);
    expect(mc.journeyLength.histogram.reduce((s, c, L) => s + c * L, 0)).toBe(mc.transitions);
  });

  it('agrees with the exact engine on the worked example and the sample map', () => {
    expectAgreement(workedExample(), 200_000);
    const { exact, mc } = expectAgreement(onlineStoreSample(), 200_000);
    expect(mc.success.low).toBeLessThanOrEqual(exact.success + 1e-3);
    expect(mc.success.high).toBeGreaterThanOrEqual(exact.success - 1e-3);
    expect(Math.abs(mc.journeyLength.mean - exact.expectedSteps)).toBeLessThan(0.02);
  });

  it("agrees with the exact engine on gambler's ruin", () => {
    expectAgreement(gamblersRuin(10, 0.45, 4), 200_000, 10_000);
  });

  it('agrees with the exact engine within 4 standard errors on random maps (200,000 customers)', () => {
    fc.assert(
      fc.property(arbitraryJourney, (map) => {
        expectAgreement(map, 200_000, 500);
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('agrees with the exact engine on random maps with a closed loop, the looping share included', () => {
    let looping = 0;
    fc.assert(
      fc.property(arbitraryJourneyWithClosedLoop, (map) => {
        const { exact } = expectAgreement(map, 200_000, 500);
        if (exact.looping > 0.01) looping++;
      }),
      { numRuns: 40, seed: 12 },
    );
    expect(looping).toBeGreaterThan(20); // most generated maps really send customers into their loop
  }, 60_000);

  it('agrees with the exact engine through a node of more than 4,096 moves (read with two draws)', () => {
    // hub → 5,000 touchpoints of three weights; a third of the weight leads on to success, the rest to failure.
    const fan = Array.from({ length: 5000 }, (_, k) => ({ id: `t${k}` }));
    const edges: [string, string, number?][] = [['in', 'hub']];
    fan.forEach((t, k) => edges.push(['hub', t.id, 1 + (k % 3)], [t.id, k % 3 === 0 ? 'yes' : 'no']));
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'hub', dropOff: 0.05 }, ...fan, { id: 'yes', kind: 'outcome' }, { id: 'no', kind: 'outcome', result: 'failure' }],
      edges,
    );
    const { exact, mc } = expectAgreement(map, 200_000);
    expect(exact.outcomes.yes).toBeCloseTo((0.95 * 1667) / 9999, 12);
    expect(mc.topPaths[0].path[1]).toBe('hub');
    const runner = new MonteCarloRunner(compileJourney(map), options);
    for (const size of [3, 5000, 10_000]) runner.step(size);
    expect(runner.finish()).toEqual(runMonteCarlo(compileJourney(map), 15_003, options));
  });

  it('stops journeys after maxSteps steps and reports them as looping', () => {
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'out', kind: 'outcome' }],
      [['in', 'a'], ['in', 'out'], ['a', 'b'], ['b', 'a']],
    );
    const mc = runMonteCarlo(compileJourney(map), 10_000, { seed: 1, maxSteps: 50 });
    expect(mc.looping.count + mc.outcomeCounts.out).toBe(10_000);
    expect(mc.looping.share).toBeGreaterThan(0.47);
    expect(mc.looping.share).toBeLessThan(0.53);
    expect(mc.visits.a + mc.visits.b + mc.visits.in).toBe(mc.transitions);
    expect(mc.transitions).toBe(mc.looping.count * 50 + mc.outcomeCounts.out);

    const chain = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'out', kind: 'outcome' }],
      [['in', 'a'], ['a', 'b'], ['b', 'out']],
    );
    expect(runMonteCarlo(compileJourney(chain), 100, { seed: 1, maxSteps: 3 }).outcomeCounts.out).toBe(100);
    expect(runMonteCarlo(compileJourney(chain), 100, { seed: 1, maxSteps: 2 }).looping.count).toBe(100);
  });

  it('lists the most frequent complete paths with their counts', () => {
    const mc = runMonteCarlo(compileJourney(workedExample()), 100_000, options);
    const [first, second] = mc.topPaths;
    expect(first.path).toEqual(['ad', 'product', 'cart', 'purchase']);
    expect(first.share).toBeCloseTo(0.4 * 0.72, 2);
    expect(second.path).toEqual(['ad', 'product', 'cart', 'gives-up']);
    expect(mc.topPaths.length).toBe(10);
    expect(mc.topPaths.every((p, i) => i === 0 || p.count <= mc.topPaths[i - 1].count)).toBe(true);
    expect(mc.topPathsExact).toBe(true);
    // Leaving at the product page at once and leaving at the chat after it both have probability 0.2 exactly.
    const abandonAt = Object.fromEntries(mc.topAbandonPaths.map((p) => [p.path.join(' '), p.share]));
    expect(mc.topAbandonPaths.slice(0, 2).map((p) => p.path.join(' ')).sort()).toEqual(['ad product', 'ad product chat']);
    for (const share of [abandonAt['ad product'], abandonAt['ad product chat']]) {
      expect(Math.abs(share - 0.2)).toBeLessThanOrEqual(4 * Math.sqrt((0.2 * 0.8) / 100_000));
    }
    // Every listed path is a real walk of the map ending at an outcome.
    for (const { path } of mc.topPaths) {
      expect(path[0]).toBe('ad');
      expect(['purchase', 'gives-up']).toContain(path[path.length - 1]);
    }
  });

  it('keeps path counting bounded in memory and still finds the top paths', () => {
    // Half the customers buy at once; the rest random-walk, which gives very many distinct rare paths.
    const map = gamblersRuin(30, 0.5, 15);
    map.edges.push({ id: 'direct', source: 'start', target: 's30', weight: 1 });
    const journey = compileJourney(map);
    const full = runMonteCarlo(journey, 50_000, { seed: 3, maxSteps: 10_000 });
    const small = runMonteCarlo(journey, 50_000, { seed: 3, maxSteps: 10_000, maxPathSlots: 1024 });
    expect(full.topPathsExact).toBe(true);
    expect(small.topPathsExact).toBe(false);
    expect(small.distinctPathsTracked).toBeLessThanOrEqual(1024);
    expect(small.outcomeCounts).toEqual(full.outcomeCounts);
    expect(small.topPaths[0]).toEqual(full.topPaths[0]);
    expect(small.topPaths[0].path).toEqual(['start', 's30']);
    for (const p of small.topPaths) {
      const exact = full.topPaths.find((q) => q.path.join() === p.path.join());
      if (exact) expect(p.count).toBeGreaterThanOrEqual(exact.count - small.pathUndercountBound);
    }
  });

  it('skips path tracking on request', () => {
    const mc = runMonteCarlo(compileJourney(workedExample()), 1000, { ...options, trackPaths: false });
    expect(mc.topPaths).toEqual([]);
  });
});
