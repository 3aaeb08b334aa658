/**
 * Dense LU factorisation with partial pivoting: the reference the sparse solver (src/simulation/sparse.ts)
 * is tested against, and the engine's own solver before it. Matrices are row-major Float64Arrays of m×m.
 * Rows whose multiplier is zero are skipped.
 */

export interface LU {
  readonly m: number;
  /** L (unit diagonal, below) and U (on and above the diagonal) of P·A, packed. */
  readonly lu: Float64Array;
  /** Row i of P·A is row perm[i] of A. */
  readonly perm: Int32Array;
}

export function luFactor(a: Float64Array, m: number): LU {
  const lu = a;
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  for (let k = 0; k < m; k++) {
    let pivotRow = k;
    let best = Math.abs(lu[k * m + k]);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(lu[i * m + k]);
      if (v > best) {
        best = v;
        pivotRow = i;
      }
    }
    if (best === 0 || !Number.isFinite(best)) throw new RangeError('Singular matrix');
    if (pivotRow !== k) {
      const rk = k * m, rp = pivotRow * m;
      for (let j = 0; j < m; j++) {
        const t = lu[rk + j];
        lu[rk + j] = lu[rp + j];
        lu[rp + j] = t;
      }
      const t = perm[k];
      perm[k] = perm[pivotRow];
      perm[pivotRow] = t;
    }
    const rk = k * m;
    const pivot = lu[rk + k];
    for (let i = k + 1; i < m; i++) {
      const ri = i * m;
      const aik = lu[ri + k];
      if (aik === 0) continue;
      const l = aik / pivot;
      lu[ri + k] = l;
      for (let j = k + 1; j < m; j++) lu[ri + j] -= l * lu[rk + j];
    }
  }
  return { m, lu, perm };
}

/** Solves A·x = b. */
export function luSolve({ m, lu, perm }: LU, b: Float64Array): Float64Array {
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[perm[i]];
    const ri = i * m;
    for (let j = 0; j < i; j++) s -= lu[ri + j] * x[j];
    x[i] = s;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i];
    const ri = i * m;
    for (let j = i + 1; j < m; j++) s -= lu[ri + j] * x[j];
    x[i] = s / lu[ri + i];
  }
  return x;
}

/** Solves Aᵀ·x = b, with A = Pᵀ·L·U, so Aᵀ = Uᵀ·Lᵀ·P. */
export function luSolveTransposed({ m, lu, perm }: LU, b: Float64Array): Float64Array {
  const z = Float64Array.from(b);
  for (let j = 0; j < m; j++) {
    z[j] /= lu[j * m + j];
    const zj = z[j];
    if (zj === 0) continue;
    const rj = j * m;
    for (let i = j + 1; i < m; i++) z[i] -= lu[rj + i] * zj;
  }
  for (let j = m - 1; j >= 0; j--) {
    const zj = z[j];
    if (zj === 0) continue;
    const rj = j * m;
    for (let i = 0; i < j; i++) z[i] -= lu[rj + i] * zj;
  }
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) x[perm[i]] = z[i];
  return x;
}

/** The diagonal of A⁻¹, one solve per column: O(m³). */
export function inverseDiagonal(factor: LU): Float64Array {
  const { m, lu, perm } = factor;
  const diagonal = new Float64Array(m);
  const x = new Float64Array(m);
  const row = new Int32Array(m);
  for (let i = 0; i < m; i++) row[perm[i]] = i;
  for (let col = 0; col < m; col++) {
    // P·e_col has its single 1 at position row[col]; forward substitution starts there.
    const first = row[col];
    x.fill(0, 0, first);
    x[first] = 1;
    for (let i = first + 1; i < m; i++) {
      let s = 0;
      const ri = i * m;
      for (let j = first; j < i; j++) s -= lu[ri + j] * x[j];
      x[i] = s;
    }
    for (let i = m - 1; i >= col; i--) {
      let s = x[i];
      const ri = i * m;
      for (let j = i + 1; j < m; j++) s -= lu[ri + j] * x[j];
      x[i] = s / lu[ri + i];
    }
    diagonal[col] = x[col];
  }
  return diagonal;
}
