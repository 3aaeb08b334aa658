import fc from 'fast-check';
import { completeTail, withDenseTail } from '../../../src/simulation/denseTail';
import { minimumDegreeOrder, type Elimination } from '../../../src/simulation/ordering';
import { Meter, runToEnd } from '../../../src/simulation/pausable';
import { factorComponent, inverseDiagonal, solveColumn, solveRow, type ComponentMatrix } from '../../../src/simulation/sparse';
import { Xoshiro128 } from '../../../src/simulation/prng';
import { luFactor, luSolve, luSolveTransposed } from './dense';

/**
 * A random leaky component of m nodes: a ring (so it is strongly connected), extra moves (to anywhere, or
 * with `reach`, to the next few or previous few nodes, as in a journey), some hubs that link far-apart
 * nodes, self-loops, repeated moves; each row's moves and leak add up to 1, and `leakScale` makes the loop
 * nearly closed.
 */
function randomComponent(m: number, seed: number, leakScale = 1, reach = m): ComponentMatrix {
  const rng = new Xoshiro128(seed);
  const rows: { col: number; weight: number }[][] = [];
  const hubs = Math.min(m, 1 + Math.floor(rng.nextDouble() * 3));
  const nearby = (k: number) => (reach >= m ? Math.floor(rng.nextDouble() * m) : (k + m + Math.floor(rng.nextDouble() * 2 * reach) - reach) % m);
  for (let k = 0; k < m; k++) {
    const row = [{ col: (k + 1) % m, weight: 1 + rng.nextDouble() }];
    const extra = Math.floor(rng.nextDouble() * 4);
    for (let e = 0; e < extra; e++) row.push({ col: nearby(k), weight: rng.nextDouble() });
    if (rng.nextDouble() < 0.2) row.push({ col: Math.floor(rng.nextDouble() * hubs), weight: rng.nextDouble() });
    if (k < hubs) for (let e = 0; e < 10; e++) row.push({ col: Math.floor(rng.nextDouble() * m), weight: rng.nextDouble() });
    rows.push(row.filter((r) => r.col !== k || rng.nextDouble() < 0.5));
  }
  const rowStart = new Int32Array(m + 1);
  rows.forEach((row, k) => (rowStart[k + 1] = rowStart[k] + row.filter((r) => r.col !== k).length));
  const col = new Int32Array(rowStart[m]);
  const value = new Float64Array(rowStart[m]);
  const leak = new Float64Array(m);
  rows.forEach((row, k) => {
    const total = row.reduce((s, r) => s + r.weight, 0);
    const leaks = rng.nextDouble() < 0.3 ? leakScale * rng.nextDouble() * 0.3 : 0;
    let at = rowStart[k];
    for (const r of row) {
      // A self-loop is neither a move to another node nor a leak.
      if (r.col === k) continue;
      col[at] = r.col;
      value[at++] = ((1 - leaks) * r.weight) / total;
    }
    leak[k] = leaks;
  });
  if (leak.every((l) => l === 0)) leak[0] = leakScale * 0.1;
  return { rowStart, col, value, leak };
}

/** I − Q, dense, with the diagonal from the self-loops (1 − moves − leak). */
function denseMatrix({ rowStart, col, value, leak }: ComponentMatrix, m: number): Float64Array {
  const a = new Float64Array(m * m);
  for (let k = 0; k < m; k++) {
    let moves = 0;
    for (let q = rowStart[k]; q < rowStart[k + 1]; q++) {
      a[k * m + col[q]] -= value[q];
      moves += value[q];
    }
    a[k * m + k] += moves + leak[k];
  }
  return a;
}

const order = (matrix: ComponentMatrix, m: number): Elimination => runToEnd(minimumDegreeOrder(m, matrix.rowStart, matrix.col, new Meter()));
const relativeError = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);

describe('minimum-degree elimination order', () => {
  it('is a permutation whose columns hold later positions, ascending, and close into cliques', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 1e6 }), (m, seed) => {
        const e = order(randomComponent(m, seed), m);
        expect([...e.order].sort((a, b) => a - b)).toEqual(Array.from({ length: m }, (_, i) => i));
        for (let p = 0; p < m; p++) {
          expect(e.position[e.order[p]]).toBe(p);
          const rows = [...e.rowIndex.subarray(e.colStart[p], e.colStart[p + 1])];
          rows.forEach((r, i) => expect(r > p && (i === 0 || r > rows[i - 1])).toBe(true));
          // Every later pair in column p is linked in the filled graph (what selected inversion relies on).
          for (let i = 0; i < rows.length; i++) {
            const a = rows[i];
            const ofA = new Set(e.rowIndex.subarray(e.colStart[a], e.colStart[a + 1]));
            for (let j = i + 1; j < rows.length; j++) expect(ofA.has(rows[j])).toBe(true);
          }
        }
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('keeps a long ring with hubs nearly free of fill', () => {
    const m = 5000;
    const e = order(randomComponent(m, 3, 1, 20), m);
    expect(e.colStart[m]).toBeLessThan(20 * m);
  });
});

/** Solves and the inverse diagonal of the factor on `elimination` agree with the dense solver to 1e-9 (relative). */
function expectDenseAgreement(matrix: ComponentMatrix, m: number, elimination: Elimination): void {
  const factor = runToEnd(factorComponent(elimination, matrix, new Meter()));
  const dense = luFactor(denseMatrix(matrix, m), m);
  const b = Float64Array.from({ length: m }, (_, i) => (i % 3 === 0 ? 1 / (1 + i) : 0));
  const rowSolution = runToEnd(solveRow(factor, b, new Meter()));
  const columnSolution = runToEnd(solveColumn(factor, b, new Meter()));
  const diagonal = runToEnd(inverseDiagonal(factor, new Meter()));
  const denseRow = luSolveTransposed(dense, b);
  const denseColumn = luSolve(dense, b);
  for (let i = 0; i < m; i++) {
    expect(relativeError(rowSolution[i], denseRow[i])).toBeLessThan(1e-9);
    expect(relativeError(columnSolution[i], denseColumn[i])).toBeLessThan(1e-9);
    const e = new Float64Array(m);
    e[i] = 1;
    expect(relativeError(diagonal[i], luSolve(dense, e)[i])).toBeLessThan(1e-9);
  }
}

describe('sparse LU of a leaky component', () => {
  it.each([1, 2, 3, 10, 60, 250])('matches the dense solver to 1e-9 (relative) for m = %i', (m) => {
    for (let seed = 1; seed <= 6; seed++) {
      for (const leakScale of [1, 1e-3]) {
        const matrix = randomComponent(m, seed * 101 + m, leakScale);
        expectDenseAgreement(matrix, m, order(matrix, m));
      }
    }
  });

  it.each([1, 2, 7, 60, 131])('matches the dense solver with a dense tail of any size, m = %i', (m) => {
    const starts = [...new Set([0, 1, 2, 3, m >> 1, m - 5, m - 4, m - 3, m - 1, m].filter((s) => s >= 0 && s <= m))];
    for (const start of starts) {
      for (const [seed, leakScale] of [[1, 1], [2, 1e-3]] as const) {
        const matrix = randomComponent(m, seed * 977 + m + start, leakScale);
        const elimination = completeTail(order(matrix, m), start);
        expect(elimination.denseFrom).toBe(start);
        expectDenseAgreement(matrix, m, elimination);
      }
    }
  });

  it('chooses a large dense tail where the wiring is random, and at most a block of hubs on a long ring with local jumps', () => {
    const random = randomComponent(600, 9);
    const chosen = withDenseTail(order(random, 600));
    expect(chosen.denseFrom).toBeLessThan(600 - 100);
    expectDenseAgreement(random, 600, chosen);
    const ring = randomComponent(5000, 3, 1, 20);
    expect(withDenseTail(order(ring, 5000)).denseFrom).toBeGreaterThanOrEqual(5000 - 64);
  });

  it('keeps full accuracy on a nearly closed ring, where 1 − Q[k][k] would cancel', () => {
    // A ring of m nodes whose only way out is a leak of ε at node 0: from node k, the expected visits to
    // every node are 1/ε (k = 0 … m−1 in turn), and G(k,k) = 1/ε too.
    const m = 400, epsilon = 1e-12;
    const matrix: ComponentMatrix = {
      rowStart: Int32Array.from({ length: m + 1 }, (_, k) => k),
      col: Int32Array.from({ length: m }, (_, k) => (k + 1) % m),
      value: Float64Array.from({ length: m }, (_, k) => (k === 0 ? 1 - epsilon : 1)),
      leak: Float64Array.from({ length: m }, (_, k) => (k === 0 ? epsilon : 0)),
    };
    // Eliminated sparsely, and as one dense block: both subtraction-free.
    for (const elimination of [order(matrix, m), completeTail(order(matrix, m), 0)]) {
      const factor = runToEnd(factorComponent(elimination, matrix, new Meter()));
      const b = new Float64Array(m);
      b[7] = 1;
      const visits = runToEnd(solveRow(factor, b, new Meter()));
      const diagonal = runToEnd(inverseDiagonal(factor, new Meter()));
      for (let k = 0; k < m; k++) {
        // Starting at 7, nodes 7 … m−1 and 0 are visited 1/ε times, nodes 1 … 6 (1 − ε)/ε times.
        const expected = k >= 1 && k < 7 ? (1 - epsilon) / epsilon : 1 / epsilon;
        expect(relativeError(visits[k], expected)).toBeLessThan(1e-12);
        expect(relativeError(diagonal[k], 1 / epsilon)).toBeLessThan(1e-12);
      }
    }
  });

  it('pauses along the way, and gives the same numbers however it is driven', () => {
    const m = 3000;
    const matrix = randomComponent(m, 5, 1, 20);
    const meter = new Meter();
    const work = factorComponent(order(matrix, m), matrix, meter);
    let pauses = 0;
    let step = work.next();
    while (!step.done) {
      pauses++;
      step = work.next();
    }
    expect(meter.progress).toBe(m);
    expect(pauses).toBeGreaterThan(0);
    expect(step.value.pivot).toEqual(runToEnd(factorComponent(order(matrix, m), matrix, new Meter())).pivot);
  });

  it('pauses inside the dense tail too, counting one unit per node, with the same numbers', () => {
    const m = 700;
    const matrix = randomComponent(m, 21);
    const elimination = completeTail(order(matrix, m), 100);
    const drive = <T>(work: Generator<void, T, void>) => {
      let pauses = 0;
      for (;;) {
        const step = work.next();
        if (step.done) return { value: step.value, pauses };
        pauses++;
      }
    };
    const factorMeter = new Meter(), inverseMeter = new Meter();
    const factored = drive(factorComponent(elimination, matrix, factorMeter));
    const inverted = drive(inverseDiagonal(factored.value, inverseMeter));
    expect(factorMeter.progress).toBe(m);
    expect(inverseMeter.progress).toBe(m);
    expect(factored.pauses).toBeGreaterThan(m / 10);
    expect(inverted.pauses).toBeGreaterThan(m / 10);
    const reference = runToEnd(factorComponent(elimination, matrix, new Meter()));
    expect(factored.value.pivot).toEqual(reference.pivot);
    expect(inverted.value).toEqual(runToEnd(inverseDiagonal(reference, new Meter())));
  });
});
