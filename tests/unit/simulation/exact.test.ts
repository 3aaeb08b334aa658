import fc from 'fast-check';
import { compileJourney, SimulationError } from '../../../src/simulation/compile';
import { analyseJourney, simulateJourney } from '../../../src/simulation/simulate';
import { analyseExact } from '../../../src/simulation/exact';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { analyseWhatIf } from '../../../src/simulation/whatIf';
import { KIND_OUTCOME, type CompiledJourney } from '../../../src/simulation/compile';
import { arbitraryJourney, gamblersRuin, makeMap, singleLoopMap, workedExample } from './maps';
import { referenceAnalysis } from './reference';
import { luFactor, luSolve, luSolveTransposed } from './dense';
import { generateJourneyMap } from '../../bench/generateJourneyMap';

const exactOf = (map: Parameters<typeof analyseJourney>[0]) => analyseJourney(map).exact;

describe('exact engine on maps with closed-form answers', () => {
  it('a chain multiplies the stay probabilities', () => {
    const e = exactOf(
      makeMap(
        [{ id: 'in', kind: 'entry', dropOff: 0.1 }, { id: 'a', dropOff: 0.2 }, { id: 'out', kind: 'outcome' }],
        [['in', 'a'], ['a', 'out']],
      ),
    );
    expect(e.outcomes.out).toBeCloseTo(0.72, 12);
    expect(e.abandon).toEqual({ in: expect.closeTo(0.1, 12), a: expect.closeTo(0.18, 12) });
    expect(e.expectedVisits).toEqual({ in: 1, a: expect.closeTo(0.9, 12), out: expect.closeTo(0.72, 12) });
    expect(e.expectedSteps).toBeCloseTo(1.9, 12);
    expect(e.success).toBeCloseTo(0.72, 12);
  });

  it('a fork splits by weight and entries by share', () => {
    const e = exactOf(
      makeMap(
        [
          { id: 'x', kind: 'entry', share: 3 },
          { id: 'y', kind: 'entry', share: 1 },
          { id: 'a', kind: 'outcome' },
          { id: 'b', kind: 'outcome', result: 'failure' },
        ],
        [['x', 'a', 3], ['x', 'b', 1], ['y', 'b', 2.5]],
      ),
    );
    expect(e.outcomes.a).toBeCloseTo(0.75 * 0.75, 12);
    expect(e.outcomes.b).toBeCloseTo(0.75 * 0.25 + 0.25, 12);
    expect(e.success).toBeCloseTo(0.5625, 12);
    expect(e.failure).toBeCloseTo(0.4375, 12);
    expect(e.expectedSteps).toBeCloseTo(1, 12);
  });

  it.each([
    [10, 0.5, 3],
    [10, 0.6, 3],
    [7, 0.3, 5],
    [40, 0.55, 20],
  ])("gambler's ruin N=%i p=%f from %i", (N, p, i) => {
    const e = exactOf(gamblersRuin(N, p, i));
    const q = 1 - p;
    const win = p === 0.5 ? i / N : (1 - (q / p) ** i) / (1 - (q / p) ** N);
    const steps = p === 0.5 ? i * (N - i) : i / (q - p) - (N / (q - p)) * win;
    expect(Math.abs(e.outcomes[`s${N}`] - win)).toBeLessThan(1e-9);
    expect(Math.abs(e.outcomes.s0 - (1 - win))).toBeLessThan(1e-9);
    expect(Math.abs(e.expectedSteps - (1 + steps))).toBeLessThan(1e-9);
    expect(e.looping).toBe(0);
  });

  it('a loop with drop-off sums the geometric series', () => {
    const e = exactOf(
      makeMap(
        [{ id: 'in', kind: 'entry' }, { id: 'a', dropOff: 0.1 }, { id: 'b', dropOff: 0.2 }, { id: 'out', kind: 'outcome' }],
        [['in', 'a'], ['a', 'b'], ['a', 'out'], ['b', 'a']],
      ),
    );
    // v_a = 1 / (1 − 0.45·0.8), v_b = 0.45·v_a
    expect(e.expectedVisits.a).toBeCloseTo(1.5625, 12);
    expect(e.expectedVisits.b).toBeCloseTo(0.703125, 12);
    expect(e.outcomes.out).toBeCloseTo(0.703125, 12);
    expect(e.abandon.a).toBeCloseTo(0.15625, 12);
    expect(e.abandon.b).toBeCloseTo(0.140625, 12);
  });

  it('a self-loop is a cycle of one', () => {
    const e = exactOf(
      makeMap([{ id: 'in', kind: 'entry' }, { id: 'a', dropOff: 0.5 }, { id: 'out', kind: 'outcome' }], [['in', 'a'], ['a', 'a'], ['a', 'out']]),
    );
    expect(e.expectedVisits.a).toBeCloseTo(4 / 3, 12);
    expect(e.outcomes.out).toBeCloseTo(1 / 3, 12);
    expect(e.abandon.a).toBeCloseTo(2 / 3, 12);
  });

  it('a dead end loses everyone who reaches it', () => {
    const e = exactOf(
      makeMap([{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'out', kind: 'outcome' }], [['in', 'a'], ['a', 'b'], ['a', 'out']]),
    );
    expect(e.abandon.b).toBeCloseTo(0.5, 12);
    expect(e.deadEnds).toEqual(['b']);
    expect(e.abandoned).toBeCloseTo(0.5, 12);
  });

  it('derives drop-off from open friction notes with the map severity table', () => {
    const nodes = [{ id: 'in', kind: 'entry' as const }, { id: 'a', friction: [5, 3, -4] }, { id: 'out', kind: 'outcome' as const }];
    const edges: [string, string][] = [['in', 'a'], ['a', 'out']];
    expect(exactOf(makeMap(nodes, edges)).abandon.a).toBeCloseTo(1 - 0.8 * 0.95, 12);
    const custom = makeMap(nodes, edges, { simulation: { severityDropOff: [0, 0, 0.5, 0, 0.5] } });
    expect(exactOf(custom).abandon.a).toBeCloseTo(0.75, 12);
  });

  it('reports customers caught in a closed loop as looping instead of failing', () => {
    const e = exactOf(
      makeMap(
        [{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'out', kind: 'outcome' }],
        [['in', 'a'], ['in', 'out'], ['a', 'b'], ['b', 'a']],
      ),
    );
    expect(e.looping).toBeCloseTo(0.5, 12);
    expect(e.outcomes.out).toBeCloseTo(0.5, 12);
    expect(e.loopingNodes).toEqual(['a', 'b']);
    expect(e.expectedVisits.a).toBe(Infinity);
    expect(e.expectedSteps).toBe(Infinity);
    expect(e.uplift.a).toBe(0);
    expect(e.removalEffect.a).toBe(0);
    expect(e.removalEffect.in).toBeCloseTo(0.5, 12);
  });

  it('a closed loop nobody reaches has no visits and no looping mass', () => {
    const e = exactOf(
      makeMap([{ id: 'in', kind: 'entry' }, { id: 'a' }, { id: 'b' }, { id: 'out', kind: 'outcome' }], [['in', 'out'], ['a', 'b'], ['b', 'a']]),
    );
    expect(e.looping).toBe(0);
    expect(e.expectedVisits.a).toBe(0);
    expect(e.expectedSteps).toBe(1);
  });

  it('computes the worked example of docs/simulation.md', () => {
    const e = exactOf(workedExample());
    expect(e.outcomes).toEqual({ purchase: expect.closeTo(0.36, 12), 'gives-up': expect.closeTo(0.09, 12) });
    expect(e.abandon).toEqual({ ad: 0, product: expect.closeTo(0.25, 12), chat: expect.closeTo(0.25, 12), cart: expect.closeTo(0.05, 12) });
    expect(e.expectedVisits).toMatchObject({ ad: 1, product: expect.closeTo(1.25, 12), chat: expect.closeTo(0.5, 12), cart: expect.closeTo(0.5, 12) });
    expect(e.expectedSteps).toBeCloseTo(3.25, 12);
    expect(e.reachSuccess).toMatchObject({ product: expect.closeTo(0.36, 12), chat: expect.closeTo(0.18, 12), cart: expect.closeTo(0.72, 12) });
  });
});

describe('exact engine against step-by-step iteration', () => {
  it('matches on random maps with loops, dead ends and closed loops', () => {
    fc.assert(
      fc.property(arbitraryJourney, (map) => {
        const e = exactOf(map);
        const ref = referenceAnalysis(map);
        for (const [id, p] of Object.entries(ref.outcomes)) expect(Math.abs(e.outcomes[id] - p)).toBeLessThan(1e-9);
        for (const [id, p] of Object.entries(ref.abandon)) expect(Math.abs(e.abandon[id] - p)).toBeLessThan(1e-9);
        for (const [id, v] of Object.entries(ref.visits)) {
          if (e.expectedVisits[id] !== Infinity) expect(Math.abs(e.expectedVisits[id] - v)).toBeLessThan(1e-9);
        }
        expect(Math.abs(e.looping - ref.remaining)).toBeLessThan(1e-9);
        const total = e.success + e.failure + e.abandoned + e.looping;
        expect(Math.abs(total - 1)).toBeLessThan(1e-12);
      }),
      { numRuns: 150, seed: 20240601 },
    );
  });
});

/**
 * The chain solved in one piece with the dense LU (no components, no ordering): expected visits, success
 * from each node and the diagonal of (I − Q)⁻¹ over all non-outcome nodes. Only for maps without a closed
 * loop (where I − Q is singular).
 */
function denseChain(journey: CompiledJourney) {
  const transient: number[] = [];
  const at = new Int32Array(journey.n).fill(-1);
  for (let i = 0; i < journey.n; i++) if (journey.kind[i] !== KIND_OUTCOME) at[i] = transient.push(i) - 1;
  const t = transient.length;
  const a = new Float64Array(t * t);
  const start = new Float64Array(t);
  const toSuccess = new Float64Array(t);
  transient.forEach((i, k) => {
    a[k * t + k] += 1;
    for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) {
      const j = journey.target[p], q = (1 - journey.dropOff[i]) * journey.share[p];
      if (at[j] >= 0) a[k * t + at[j]] -= q;
      else if (journey.success[j]) toSuccess[k] += q;
    }
  });
  journey.entries.forEach((e, k) => (start[at[e]] += journey.entryProbability[k]));
  const lu = luFactor(a, t);
  const visits = luSolveTransposed(lu, start);
  const reachSuccess = luSolve(lu, toSuccess);
  const diagonal = transient.map((_, k) => luSolve(lu, Float64Array.from({ length: t }, (_, j) => (j === k ? 1 : 0)))[k]);
  return { transient, visits, reachSuccess, diagonal };
}

function expectMatchesDense(journey: CompiledJourney, tolerance = 1e-9) {
  const chain = analyseExact(journey);
  const whatIf = analyseWhatIf(chain);
  const dense = denseChain(journey);
  dense.transient.forEach((i, k) => {
    expect(Math.abs(chain.visits[i] - dense.visits[k])).toBeLessThan(tolerance * Math.max(1, dense.visits[k]));
    expect(Math.abs(chain.reachSuccess[i] - dense.reachSuccess[k])).toBeLessThan(tolerance);
    expect(Math.abs(whatIf.returnVisits[i] - dense.diagonal[k])).toBeLessThan(tolerance * dense.diagonal[k]);
  });
}

describe('exact engine against the dense solver of the whole chain', () => {
  it('matches on random maps without closed loops', () => {
    fc.assert(
      fc.property(arbitraryJourney, (map) => {
        const journey = compileJourney(map);
        fc.pre(analyseExact(journey).closed.every((c) => c === 0));
        expectMatchesDense(journey);
      }),
      { numRuns: 150, seed: 424242 },
    );
  });

  it('matches on a 300-touchpoint single loop and on a generated map with large loops', () => {
    expectMatchesDense(compileJourney(singleLoopMap({ touchpoints: 300, seed: 4 })));
    expectMatchesDense(compileJourney(generateJourneyMap({ nodes: 300, seed: 2, backEdgeProbability: 1, window: 40 })));
  });
});

describe('exact engine on large maps', () => {
  it('solves a 3,000-touchpoint single loop, conserving probability mass', () => {
    const e = exactOf(singleLoopMap({ touchpoints: 3000 }));
    expect(Math.abs(e.success + e.failure + e.abandoned + e.looping - 1)).toBeLessThan(1e-12);
    expect(e.looping).toBe(0);
    expect(Object.values(e.uplift).every((u) => u >= 0 && u <= 1)).toBe(true);
  });

  it('handles a 20,000-node chain without recursion', () => {
    const n = 20_000;
    const nodes = [{ id: 'in', kind: 'entry' as const }, ...Array.from({ length: n }, (_, i) => ({ id: `t${i}`, dropOff: 1e-5 })), { id: 'out', kind: 'outcome' as const }];
    const edges: [string, string][] = [['in', 't0'], ...Array.from({ length: n - 1 }, (_, i): [string, string] => [`t${i}`, `t${i + 1}`]), [`t${n - 1}`, 'out']];
    const e = analyseExact(compileJourney(makeMap(nodes, edges)));
    expect(e.success).toBeCloseTo((1 - 1e-5) ** n, 9);
  });

  it('keeps probability mass on a generated 10,000-node map', () => {
    const e = exactOf(generateJourneyMap({ nodes: 10_000, seed: 3 }));
    expect(Math.abs(e.success + e.failure + e.abandoned + e.looping - 1)).toBeLessThan(1e-9);
    expect(e.looping).toBe(0);
  });

  it('matches iteration on the sample map', () => {
    const map = onlineStoreSample();
    const e = exactOf(map);
    const ref = referenceAnalysis(map);
    for (const [id, p] of Object.entries(ref.outcomes)) expect(Math.abs(e.outcomes[id] - p)).toBeLessThan(1e-12);
  });
});

describe('compiling a map', () => {
  it('rejects maps the engines cannot run', () => {
    expect(() => compileJourney(makeMap([{ id: 'a' }], []))).toThrow(SimulationError);
    expect(() => compileJourney(makeMap([{ id: 'a', kind: 'entry' }], [['a', 'nowhere']]))).toThrow(/does not exist/);
    expect(() => compileJourney(makeMap([{ id: 'a', kind: 'entry' }, { id: 'b' }], [['a', 'b', 0]]))).toThrow(/weight/);
  });

  it('normalises weights and shares whose sum overflows, and both engines agree', () => {
    const map = makeMap(
      [{ id: 'x', kind: 'entry', share: 1.7e308 }, { id: 'y', kind: 'entry', share: 1.7e308 }, { id: 'a' }, { id: 'won', kind: 'outcome' }, { id: 'lost', kind: 'outcome', result: 'failure' }],
      [['x', 'a'], ['y', 'a', 5e-324], ['a', 'won', 1.7e308], ['a', 'lost', 1.7e308]],
    );
    const result = simulateJourney(map, { customers: 20_000 });
    expect(result.exact.outcomes).toEqual({ won: expect.closeTo(0.5, 12), lost: expect.closeTo(0.5, 12) });
    expect(result.exact.success + result.exact.failure + result.exact.abandoned).toBeCloseTo(1, 12);
    expect(Math.abs(result.monteCarlo.success.rate - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 20_000));
  });

  it('ignores edges out of outcomes and sums parallel edges', () => {
    const e = exactOf(
      makeMap(
        [{ id: 'in', kind: 'entry' }, { id: 'a', kind: 'outcome' }, { id: 'b', kind: 'outcome' }],
        [['in', 'a'], ['in', 'a'], ['in', 'b'], ['a', 'b']],
      ),
    );
    expect(e.outcomes.a).toBeCloseTo(2 / 3, 12);
  });
});
