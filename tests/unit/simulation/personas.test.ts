import fc from 'fast-check';
import { personaShares, personaView, type JourneyMap } from '../../../src/domain';
import { compileJourney } from '../../../src/simulation/compile';
import { analyseExact } from '../../../src/simulation/exact';
import { rankHotspots } from '../../../src/simulation/hotspots';
import { MonteCarloRunner } from '../../../src/simulation/monteCarlo';
import { personaSeed, soloPersona, splitCustomers } from '../../../src/simulation/personas';
import { resolveSettings } from '../../../src/simulation/settings';
import { analyseBlend, analyseJourney, PATHS_PER_PERSONA, simulateInChunks, simulateJourney } from '../../../src/simulation/simulate';
import { mergeMonteCarlo } from '../../../src/simulation/blend';
import { exactResult } from '../../../src/simulation/summary';
import type { ExactResult, SimulationProgress, SimulationResult } from '../../../src/simulation/types';
import { analyseWhatIf } from '../../../src/simulation/whatIf';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { makeMap, singleLoopMap, workedExample, type EdgeSpec, type NodeSpec } from './maps';
import { arbitraryPersonaJourney, disjointUnion, expectNear, forkMap, persona } from './personaMaps';

/** A result as JSON without its timings (the only part that differs between two identical runs). */
const withoutTimings = (result: SimulationResult) => JSON.stringify({ ...result, timings: undefined });

/**
 * The run as it was before personas, from the engine's parts: compile, exact, what-if, hotspots, one
 * Monte Carlo runner on the run seed.
 */
function runBeforePersonas(map: JourneyMap, customers: number): Omit<SimulationResult, 'timings'> {
  const settings = resolveSettings(map, { customers });
  const journey = compileJourney(map, { severityDropOff: settings.severityDropOff });
  const chain = analyseExact(journey);
  const exact = exactResult(chain, analyseWhatIf(chain));
  const runner = new MonteCarloRunner(journey, settings);
  runner.step(customers);
  return { mapId: map.id, settings, exact, monteCarlo: runner.finish(), hotspots: rankHotspots(map, journey, exact) };
}

function personaOf(result: SimulationResult, id: string) {
  const found = result.personas?.find((p) => p.personaId === id);
  if (!found) throw new Error(`no persona ${id} in the result`);
  return found;
}

describe('a map without personas', () => {
  it.each([
    ['the worked example', workedExample()],
    ['a 300-touchpoint loop', singleLoopMap({ touchpoints: 300 })],
    ['a map with a closed loop and a dead end', makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'out', kind: 'outcome' }],
      [['in', 'a'], ['in', 'out'], ['in', 'c'], ['a', 'b'], ['b', 'a']],
    )],
  ])('simulates %s exactly as before personas, in one go and in chunks', async (_, map) => {
    const before = JSON.stringify({ ...runBeforePersonas(map, 5000), timings: undefined });
    const now = simulateJourney(map, { customers: 5000 });
    expect(now.personas).toBeUndefined();
    expect(withoutTimings(now)).toBe(before);
    const chunked = await simulateInChunks(map, { customers: 5000 }, { chunkMs: 1 });
    expect(withoutTimings(chunked!)).toBe(before);
    expect(analyseBlend(map)).toMatchObject({ exact: now.exact, hotspots: now.hotspots, personas: [] });
  });

  it('is what one persona that overrides nothing gives, apart from the list of personas', () => {
    const map = workedExample();
    const alone = simulateJourney(map, { customers: 20_000, seed: 3 });
    const withOne = simulateJourney({ ...map, personas: [persona('all', 7)] }, { customers: 20_000, seed: 3 });
    expect(withOne.personas).toHaveLength(1);
    expect(withoutTimings({ ...withOne, personas: undefined })).toBe(withoutTimings(alone));
    expect(withOne.personas![0]).toMatchObject({ personaId: 'all', share: 1, exact: alone.exact, hotspots: alone.hotspots });
  });
});

describe('the fallback rules: a persona sees its overrides, and the map wherever it has none', () => {
  it('simulates each persona on the map with its overrides written in', () => {
    const map = workedExample();
    map.nodes.find((n) => n.id === 'ad')!.share = 2;
    map.nodes.push({ id: 'social', kind: 'entry', label: 'Social', position: { x: 0, y: 0 }, friction: [], share: 1 });
    map.edges.push({ id: 'e-social', source: 'social', target: 'chat', weight: 1 });
    map.personas = [
      // Overrides the cart's drop-off (which the map takes from friction), an entry share and the way out of the product page.
      persona('p', 1, [{ node: 'cart', dropOff: 0.3 }, { node: 'social', share: 6 }, { node: 'chat', emotion: -2 }], [{ edge: 'e1', weight: 5 }]),
      persona('q', 1),
    ];
    const result = simulateJourney(map, { customers: 1000 });

    const byHand = structuredClone({ ...map, personas: [] });
    byHand.nodes.find((n) => n.id === 'cart')!.dropOff = 0.3;
    byHand.nodes.find((n) => n.id === 'social')!.share = 6;
    byHand.edges.find((e) => e.id === 'e1')!.weight = 5;
    expect(personaOf(result, 'p').exact).toEqual(analyseJourney(byHand).exact);
    // Everything else falls back to the map: its friction at the cart, its entry shares, its weights.
    expect(personaOf(result, 'q').exact).toEqual(analyseJourney({ ...map, personas: [] }).exact);
    expect(personaView(map, 'q')).toBe(map);
    expect(personaOf(result, 'q').exact.abandon.cart).toBeGreaterThan(0);
  });

  it('lets --persona simulate one persona as a population of its own', () => {
    const map = forkMap();
    const solo = soloPersona(map, 'B');
    expect(solo.personas).toEqual([]);
    const result = simulateJourney(solo, { customers: 1000 });
    expect(result.personas).toBeUndefined();
    expect(result.exact).toEqual(personaOf(simulateJourney(map, { customers: 1000 }), 'B').exact);
    expect(() => soloPersona(map, 'C')).toThrow('There is no persona "C"; the map\'s personas are "A" (Persona A), "B" (Persona B)');
    expect(() => soloPersona(workedExample(), 'C')).toThrow('There is no persona "C": the map has no personas');
  });
});

describe('a fork where persona A prefers one branch and persona B the other', () => {
  const result = simulateJourney(forkMap(), { customers: 40_000 });
  const A = personaOf(result, 'A');
  const B = personaOf(result, 'B');

  it('gives each persona its closed form', () => {
    expect(A.share).toBe(0.75);
    expect(B.share).toBe(0.25);
    expectNear(A.exact.success, 0.9 * 0.8 + 0.1 * 0.5 * 0.75);
    expectNear(A.exact.failure, 0.1 * 0.5 * 0.25);
    expectNear(A.exact.abandon.a, 0.9 * 0.2);
    expectNear(A.exact.abandon.b, 0.1 * 0.5);
    expectNear(A.exact.uplift.a, 0.9 * 0.2);
    expectNear(A.exact.uplift.b, 0.1 * 0.5 * 0.75);
    expectNear(A.exact.reach.a, 0.9);
    expectNear(A.exact.reachSuccess.b, 0.375);
    expectNear(B.exact.success, 0.2 * 0.6 + 0.8 * 0.5 * 0.75);
    expectNear(B.exact.failure, 0.8 * 0.5 * 0.25);
    expectNear(B.exact.abandon.a, 0.2 * 0.4);
    expectNear(B.exact.uplift.a, 0.2 * 0.4);
    expectNear(B.exact.uplift.b, 0.8 * 0.5 * 0.75);
    expectNear(B.exact.reachSuccess.a, 0.6);
    // Each persona's own hotspots: A loses most at a, B at b.
    expect(A.hotspots[0]).toMatchObject({ nodeId: 'a', dropOff: 0.2 });
    expect(B.hotspots[0]).toMatchObject({ nodeId: 'b', dropOff: 0.5 });
    expect(B.hotspots.find((h) => h.nodeId === 'a')!.dropOff).toBe(0.4);
  });

  it('blends them by share: linear where a quantity is per customer, among arrivals where it is per node', () => {
    const { exact, hotspots } = result;
    expectNear(exact.success, 0.75 * 0.7575 + 0.25 * 0.42);
    expectNear(exact.outcomes.lost, 0.75 * 0.0125 + 0.25 * 0.1);
    expectNear(exact.abandon.a, 0.75 * 0.18 + 0.25 * 0.08);
    expectNear(exact.uplift.b, 0.75 * 0.0375 + 0.25 * 0.3);
    expectNear(exact.reach.a, 0.75 * 0.9 + 0.25 * 0.2);
    expectNear(exact.expectedSteps, 2);
    // Of the customers who reach a, 0.675 are A's (success 0.8 from there) and 0.05 are B's (0.6).
    expectNear(exact.reachSuccess.a, (0.675 * 0.8 + 0.05 * 0.6) / 0.725);
    expectNear(hotspots.find((h) => h.nodeId === 'a')!.dropOff, (0.675 * 0.2 + 0.05 * 0.4) / 0.725);
    expect(hotspots.map((h) => h.nodeId)).toEqual(['a', 'b', 'in']);
    expect(hotspots[0].uplift).toBe(exact.uplift.a);
  });

  it('splits the customers 3 : 1 and counts them together', () => {
    expect(A.monteCarlo.customers).toBe(30_000);
    expect(B.monteCarlo.customers).toBe(10_000);
    const mc = result.monteCarlo;
    expect(mc.customers).toBe(40_000);
    expect(mc.success.count).toBe(A.monteCarlo.success.count + B.monteCarlo.success.count);
    for (const id of ['won', 'lost']) expect(mc.outcomeCounts[id]).toBe(A.monteCarlo.outcomeCounts[id] + B.monteCarlo.outcomeCounts[id]);
    expect(mc.abandonCounts.a).toBe(A.monteCarlo.abandon.a * 30_000 + B.monteCarlo.abandon.a * 10_000);
    expect(mc.visits.in).toBe(40_000);
    expect(mc.journeyLength.histogram.reduce((a, b) => a + b, 0)).toBe(40_000);
    expect(mc.topPathsExact).toBe(true);
    expect(mc.topPaths.map((p) => p.path)).toEqual([['in', 'a', 'won'], ['in', 'b', 'won'], ['in', 'b', 'lost']]);
    expect(mc.topPaths[0].count).toBe(mc.outcomeCounts.won - mc.topPaths[1].count);
    expect(mc.topAbandonPaths.map((p) => p.count).reduce((a, b) => a + b, 0)).toBe(mc.abandoned.count);
    expect(Math.abs(A.monteCarlo.success.rate - 0.7575)).toBeLessThan(4 * Math.sqrt((0.7575 * 0.2425) / 30_000));
    expect(Math.abs(B.monteCarlo.success.rate - 0.42)).toBeLessThan(4 * Math.sqrt((0.42 * 0.58) / 10_000));
  });
});

const linearKeys = ['outcomes', 'abandon', 'expectedVisits', 'uplift', 'removalEffect', 'reach'] as const;
const scalarKeys = ['success', 'failure', 'abandoned', 'looping', 'expectedSteps'] as const;

describe('the blended exact result', () => {
  it('is the share-weighted mixture of the personas\' exact results, to 1e-12', () => {
    fc.assert(
      fc.property(arbitraryPersonaJourney, (map) => {
        const { exact, personas } = analyseBlend(map);
        const shares = personaShares(map);
        expect(personas.map((p) => p.share)).toEqual(shares);
        const mix = (pick: (e: ExactResult) => number) => personas.reduce((sum, p) => sum + p.share * pick(p.exact), 0);
        for (const key of scalarKeys) expectNear(exact[key], mix((e) => e[key]), 1e-12, key);
        for (const key of linearKeys) {
          expect(Object.keys(exact[key])).toEqual(Object.keys(personas[0].exact[key]));
          for (const id of Object.keys(exact[key])) expectNear(exact[key][id], mix((e) => e[key][id]), 1e-12, `${key}.${id}`);
        }
        for (const id of Object.keys(exact.reachSuccess)) {
          const arriving = mix((e) => e.reach[id]);
          const expected = arriving > 0 ? mix((e) => e.reach[id] * e.reachSuccess[id]) / arriving : mix((e) => e.reachSuccess[id]);
          expectNear(exact.reachSuccess[id], expected, 1e-12, `reachSuccess.${id}`);
        }
        const union = (pick: (e: ExactResult) => string[]) => map.nodes.map((n) => n.id).filter((id) => personas.some((p) => pick(p.exact).includes(id)));
        expect(exact.loopingNodes).toEqual(union((e) => e.loopingNodes));
        expect(exact.deadEnds).toEqual(union((e) => e.deadEnds));
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('is what one chain with a copy of the journey per persona gives', () => {
    fc.assert(
      fc.property(arbitraryPersonaJourney, (map) => {
        const { exact } = analyseBlend(map);
        const whole = analyseJourney(disjointUnion(map)).exact;
        const copies = map.personas.map((_, k) => k);
        const summed = (record: Record<string, number>, id: string) => copies.reduce((sum, k) => sum + record[`${id}@${k}`], 0);
        for (const key of scalarKeys) expectNear(exact[key], whole[key], 1e-12, key);
        for (const key of linearKeys) {
          for (const id of Object.keys(exact[key])) {
            // The engine gives a closed loop's nodes a reach of 1 whenever anyone arrives, whatever their number.
            if (key === 'reach' && exact.loopingNodes.includes(id)) continue;
            expectNear(exact[key][id], summed(whole[key], id), 1e-12, `${key}.${id}`);
          }
        }
        for (const id of Object.keys(exact.reachSuccess)) {
          const arriving = summed(whole.reach, id);
          if (arriving === 0) continue;
          const succeeding = copies.reduce((sum, k) => sum + whole.reach[`${id}@${k}`] * whole.reachSuccess[`${id}@${k}`], 0);
          expectNear(exact.reachSuccess[id], succeeding / arriving, 1e-12, `reachSuccess.${id}`);
        }
      }),
      { numRuns: 60, seed: 6 },
    );
  });
});

describe('Monte Carlo with personas', () => {
  it('splits customers by largest remainder', () => {
    expect(splitCustomers(10, [1 / 3, 1 / 3, 1 / 3])).toEqual([4, 3, 3]);
    expect(splitCustomers(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(splitCustomers(1, [0.2, 0.8])).toEqual([0, 1]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 8 }), (customers, raw) => {
        const total = raw.reduce((a, b) => a + b, 0);
        const shares = raw.map((s) => s / total);
        const counts = splitCustomers(customers, shares);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(customers);
        counts.forEach((c, k) => expect(Math.abs(c - customers * shares[k])).toBeLessThan(1 + 1e-6));
      }),
      { numRuns: 200, seed: 2 },
    );
  });

  it('walks persona k on the run seed with k in the high word, so that each part can be reproduced', () => {
    const map = forkMap();
    const result = simulateJourney(map, { customers: 10_001, seed: 12 });
    expect(personaSeed(12, 0)).toBe(12);
    map.personas.forEach((p, k) => {
      const runner = new MonteCarloRunner(compileJourney(personaView(map, p.id)), { seed: personaSeed(12, k), maxSteps: 200 });
      const own = personaOf(result, p.id).monteCarlo;
      runner.step(own.customers);
      expect(runner.finish().outcomeCounts).toEqual(own.outcomeCounts);
    });
    expect(result.monteCarlo.seed).toBe(12);
  });

  it('agrees with the exact results for every persona and for the blend, within 4 standard errors', () => {
    const customers = 6000;
    fc.assert(
      fc.property(arbitraryPersonaJourney, (map) => {
        const result = simulateJourney(map, { customers, seed: 21 });
        const check = (p: number, share: number, n: number, slack: number, what: string) => {
          const se = Math.sqrt((p * (1 - p)) / n);
          expect(Math.abs(share - p), what).toBeLessThanOrEqual(4 * se + slack + 1e-12);
        };
        for (const { personaId, exact, monteCarlo: mc } of result.personas!) {
          if (mc.customers === 0) continue;
          // Customers stopped by maxSteps on their way out of a long loop count as looping, not as ending.
          const slack = mc.looping.share;
          for (const [id, p] of Object.entries(exact.outcomes)) check(p, mc.outcomes[id], mc.customers, slack, `${personaId} ${id}`);
          for (const [id, p] of Object.entries(exact.abandon)) check(p, mc.abandon[id], mc.customers, slack, `${personaId} abandon ${id}`);
          check(exact.success, mc.success.rate, mc.customers, slack, `${personaId} success`);
        }
        // The blend: a stratified sample, with each persona's count rounded to whole customers.
        const slack = result.monteCarlo.looping.share + map.personas.length / customers;
        for (const [id, p] of Object.entries(result.exact.outcomes)) check(p, result.monteCarlo.outcomes[id], customers, slack, id);
        check(result.exact.success, result.monteCarlo.success.rate, customers, slack, 'success');
      }),
      { numRuns: 30, seed: 8 },
    );
  });

  it('merges top paths by path, counting each in every persona', () => {
    // Many distinct paths per persona, so that the personas' lists of 100 are full.
    const map = singleLoopMap({ touchpoints: 60, seed: 4 });
    map.personas = [persona('x', 1), persona('y', 1, [], map.edges.slice(0, 30).map((e) => ({ edge: e.id, weight: 9 })))];
    const result = simulateJourney(map, { customers: 20_000 });
    const runners = map.personas.map((p, k) => {
      const runner = new MonteCarloRunner(compileJourney(personaView(map, p.id)), { seed: personaSeed(1, k), maxSteps: 200 });
      runner.step(10_000);
      return runner;
    });
    for (const kind of ['topPaths', 'topAbandonPaths'] as const) {
      const everyPath = new Map<string, number>();
      for (const runner of runners) {
        const listed = runner.finish(1_000_000)[kind];
        expect(listed.length).toBeGreaterThan(PATHS_PER_PERSONA);
        for (const p of listed) everyPath.set(JSON.stringify(p.path), (everyPath.get(JSON.stringify(p.path)) ?? 0) + p.count);
      }
      const top = result.monteCarlo[kind];
      expect(top.map((p) => p.count)).toEqual([...everyPath.values()].sort((a, b) => b - a).slice(0, 10));
      for (const p of top) expect(p.count).toBe(everyPath.get(JSON.stringify(p.path)));
    }
    expect(result.monteCarlo.topPathsExact).toBe(true);

    // Without a way to count a path in a persona whose list lacks it, the merge says how short it may be.
    const lists = runners.map((runner) => ({ result: runner.finish(PATHS_PER_PERSONA), pathsAsked: PATHS_PER_PERSONA }));
    const merged = mergeMonteCarlo(lists, 1);
    expect(merged.topPaths.map((p) => p.path)).toEqual(result.monteCarlo.topPaths.map((p) => p.path).slice(0, merged.topPaths.length));
    merged.topPaths.forEach((p, i) => {
      const short = result.monteCarlo.topPaths[i].count - p.count;
      expect(short).toBeGreaterThanOrEqual(0);
      expect(short).toBeLessThanOrEqual(merged.pathUndercountBound);
    });
    // Lists of 3 cannot show which path is tenth.
    const short = mergeMonteCarlo(runners.map((runner) => ({ result: runner.finish(3), pathsAsked: 3 })), 1);
    expect(short.topPathsExact).toBe(false);
  });

  it('counts any path in a runner\'s table as the walk counted it', () => {
    for (const map of [workedExample(), singleLoopMap({ touchpoints: 40, seed: 2 }), wideMap()]) {
      const runner = new MonteCarloRunner(compileJourney(map), { seed: 3, maxSteps: 200 });
      runner.step(20_000);
      const all = runner.finish(1_000_000);
      for (const p of [...all.topPaths, ...all.topAbandonPaths]) expect(runner.pathCount(p.path)).toBe(p.count);
      expect(runner.pathCount(['no-such-node'])).toBe(0);
      expect(runner.pathCount([...all.topPaths[0].path].reverse())).toBe(0);
    }
  });
});

/** An entry that leads to a hub with 5,000 touchpoints after it (a "wide" node: its moves take two draws). */
function wideMap(): JourneyMap {
  const nodes: NodeSpec[] = [{ id: 'in', kind: 'entry' }, { id: 'hub', dropOff: 0.1 }, { id: 'out', kind: 'outcome' }];
  const edges: EdgeSpec[] = [['in', 'hub']];
  for (let i = 0; i < 5000; i++) {
    nodes.push({ id: `t${i}`, dropOff: i % 2 ? 0.3 : 0 });
    edges.push(['hub', `t${i}`], [`t${i}`, 'out']);
  }
  return makeMap(nodes, edges);
}

describe('running personas in chunks', () => {
  it('gives the same result as in one go, with progress over all personas', async () => {
    const map = onlineStoreSample();
    map.personas = [persona('a', 2), persona('b', 1, [{ node: map.nodes[3].id, dropOff: 0.5 }])];
    const whole = simulateJourney(map, { customers: 30_000 });
    const seen: SimulationProgress[] = [];
    const chunked = await simulateInChunks(map, { customers: 30_000 }, { chunkMs: 1, onProgress: (p) => void seen.push(p) });
    expect(withoutTimings(chunked!)).toBe(withoutTimings(whole));
    const monteCarlo = seen.filter((p) => p.phase === 'monteCarlo').map((p) => p.done);
    expect(monteCarlo[0]).toBe(0);
    expect(monteCarlo.at(-1)).toBe(30_000);
    expect(monteCarlo.every((d, i) => i === 0 || d > monteCarlo[i - 1])).toBe(true);
  });

  it('goes through each phase once for all personas, and stops in any phase and in any persona\'s customers', async () => {
    const loop = singleLoopMap({ touchpoints: 3000 });
    const map: JourneyMap = { ...loop, personas: [persona('a', 1), persona('b', 1, [{ node: 't3', dropOff: 0.3 }]), persona('c', 2)] };
    const seen: SimulationProgress[] = [];
    const result = await simulateInChunks(map, { customers: 4000 }, { chunkMs: 1, onProgress: (p) => void seen.push(p) });
    expect(result!.personas).toHaveLength(3);
    const phases = seen.map((p) => p.phase).filter((phase, i, all) => i === 0 || phase !== all[i - 1]);
    expect(phases).toEqual(['exact', 'whatIf', 'monteCarlo']);
    expect(seen.every((p) => p.done >= 0 && p.done <= p.total)).toBe(true);
    const exactTotal = seen.find((p) => p.phase === 'exact')!.total;
    expect(exactTotal).toBe(3 * 3 * map.nodes.length);

    const stopWhen = async (stop: (p: SimulationProgress) => boolean) => {
      const reported: SimulationProgress[] = [];
      const cancelled = await simulateInChunks(map, { customers: 4000 }, { chunkMs: 1, onProgress: (p) => void reported.push(p), isCancelled: () => reported.some(stop) });
      expect(cancelled).toBeNull();
      return reported.at(-1)!;
    };
    // In the exact analysis of the second persona, its what-if, and the Monte Carlo of each persona.
    expect(await stopWhen((p) => p.phase === 'exact' && p.done > exactTotal / 2)).toMatchObject({ phase: 'exact' });
    expect((await stopWhen((p) => p.phase === 'whatIf')).phase).toBe('whatIf');
    for (const after of [0, 1000, 2000]) {
      const last = await stopWhen((p) => p.phase === 'monteCarlo' && p.done > after);
      expect(last.phase).toBe('monteCarlo');
      expect(last.done).toBeLessThan(4000);
    }
  });
});
