import { inverseDiagonal, luFactor, luSolve, luSolveTransposed } from './dense';
import { Xoshiro128 } from '../../../src/simulation/prng';

/** Dense when small, half-empty when larger; some diagonal entries are zeroed so that pivoting must swap rows. */
function randomMatrix(m: number, seed: number): Float64Array {
  const rng = new Xoshiro128(seed);
  const density = m < 10 ? 1 : 0.5;
  const a = new Float64Array(m * m);
  for (let i = 0; i < m * m; i++) if (rng.nextDouble() < density) a[i] = rng.nextDouble() * 2 - 1;
  for (let i = 0; i < m; i++) {
    if (m > 1 && rng.nextDouble() < 0.3) a[i * m + i] = 0;
    else if (m >= 10) a[i * m + i] += m / 4;
  }
  return a;
}

const multiply = (a: Float64Array, m: number, x: Float64Array, transposed = false) =>
  Float64Array.from({ length: m }, (_, i) => {
    let s = 0;
    for (let j = 0; j < m; j++) s += (transposed ? a[j * m + i] : a[i * m + j]) * x[j];
    return s;
  });

describe('dense LU with partial pivoting', () => {
  it.each([1, 2, 5, 17, 40])('solves A·x = b, Aᵀ·x = b and finds diag(A⁻¹) for m = %i', (m) => {
    for (let seed = 1; seed <= 5; seed++) {
      const a = randomMatrix(m, seed * 31 + m);
      const b = Float64Array.from({ length: m }, (_, i) => i - m / 2);
      const factor = luFactor(a.slice(), m);
      const x = luSolve(factor, b);
      const y = luSolveTransposed(factor, b);
      const ax = multiply(a, m, x);
      const aty = multiply(a, m, y, true);
      for (let i = 0; i < m; i++) {
        expect(Math.abs(ax[i] - b[i])).toBeLessThan(1e-9);
        expect(Math.abs(aty[i] - b[i])).toBeLessThan(1e-9);
      }
      const diagonal = inverseDiagonal(factor);
      for (let j = 0; j < m; j++) {
        const e = new Float64Array(m);
        e[j] = 1;
        expect(Math.abs(diagonal[j] - luSolve(factor, e)[j])).toBeLessThan(1e-9);
      }
    }
  });

  it('reports a singular matrix instead of returning garbage', () => {
    expect(() => luFactor(Float64Array.from([1, 2, 2, 4]), 2)).toThrow(/Singular/);
  });
});
