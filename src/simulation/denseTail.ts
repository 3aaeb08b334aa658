/**
 * The dense end of a sparse LU (sparse.ts). However good the elimination order, the last nodes of a loop
 * whose wiring has no small separators (customers who can jump from anywhere to anywhere) end up linked to
 * nearly all the others: the factor's trailing block is dense. Indexed sparse loops waste most of their
 * time there, so the block is stored, factorised and inverted as a plain row-major matrix, four rows at a
 * time (each entry of the pivot row is loaded once for four updates). The arithmetic is that of sparse.ts,
 * subtraction-free (Grassmann–Taksar–Heyman): every pivot is its row's leak plus its moves still out, and
 * every update adds non-negative terms.
 *
 * The elimination keeps its meaning: the tail's columns have complete structure (every later position),
 * so the solves of sparse.ts read the factor the same way whatever part was computed densely.
 */
import type { Elimination } from './ordering';
import type { Meter, Pausable } from './pausable';

/** A trailing block smaller than this stays sparse (the dense kernels pay off on larger blocks). */
export const DENSE_TAIL_MIN = 48;
/** Never hold more than this many nodes densely (4,096² doubles = 128 MB). */
const DENSE_TAIL_MAX = 4096;
/**
 * Time of one multiply-add in the indexed sparse loops relative to one in the dense kernels (measured on
 * the 3,000-node randomly wired loop of the benchmark: 2.3× in the factorisation, 2.8× in the inverse).
 */
const SPARSE_COST = 2.5;

/** An elimination whose positions from `denseFrom` on are factorised as one dense block. */
export interface DenseElimination extends Elimination {
  readonly denseFrom: number;
}

/**
 * First position of the dense tail: `denseFrom` when withDenseTail chose it, else where the trailing block
 * of complete columns starts (m when there is none of DENSE_TAIL_MIN nodes or more).
 */
export function denseTailStart(elimination: Elimination | DenseElimination): number {
  if ('denseFrom' in elimination) return elimination.denseFrom;
  const { m, colStart } = elimination;
  let p = m - 1;
  while (p >= 0 && colStart[p + 1] - colStart[p] === m - 1 - p) p--;
  const start = p + 1;
  return m - start >= DENSE_TAIL_MIN ? start : m;
}

/**
 * The elimination with the dense tail that makes the factorisation cheapest: the work of a sparse column
 * is about |column|² multiply-adds at SPARSE_COST, that of a dense block of t nodes t³/3.
 */
export function withDenseTail(elimination: Elimination): DenseElimination {
  const { m, colStart } = elimination;
  // cost(start) = SPARSE_COST·Σ_{p<start} |col p|² + (m − start)³/3, from no dense tail (start = m) down.
  let sparse = 0;
  for (let p = 0; p < m; p++) sparse += (colStart[p + 1] - colStart[p]) ** 2;
  let best = m, bestCost = SPARSE_COST * sparse;
  const lowest = Math.max(0, m - DENSE_TAIL_MAX);
  for (let p = m - 1; p >= lowest; p--) {
    sparse -= (colStart[p + 1] - colStart[p]) ** 2;
    const size = m - p;
    const cost = SPARSE_COST * sparse + size ** 3 / 3;
    if (size >= DENSE_TAIL_MIN && cost < bestCost) {
      best = p;
      bestCost = cost;
    }
  }
  return completeTail(elimination, best);
}

/** The elimination with positions `start` .. m−1 as its dense tail, their columns completed with explicit zeros. */
export function completeTail(elimination: Elimination, start: number): DenseElimination {
  const { m, order, position, colStart, rowIndex } = elimination;
  const size = m - start;
  if (colStart[m] - colStart[start] === (size * (size - 1)) / 2) return { ...elimination, denseFrom: start };
  const completeColStart = new Int32Array(m + 1);
  completeColStart.set(colStart.subarray(0, start + 1));
  for (let p = start; p < m; p++) completeColStart[p + 1] = completeColStart[p] + (m - 1 - p);
  const completeRowIndex = new Int32Array(colStart[start] + (size * (size - 1)) / 2);
  completeRowIndex.set(rowIndex.subarray(0, colStart[start]));
  let at = colStart[start];
  for (let p = start; p < m; p++) for (let i = p + 1; i < m; i++) completeRowIndex[at++] = i;
  return { m, order, position, colStart: completeColStart, rowIndex: completeRowIndex, denseFrom: start };
}

/** The dense trailing block of one factorisation: its first position, its matrix and its leaks. */
export class DenseTail {
  readonly start: number;
  readonly size: number;
  /** Row-major size × size: the moves between tail nodes (Schur complement), then the factor's rows. */
  readonly matrix: Float64Array;
  readonly leak: Float64Array;
  readonly lower: Float64Array;

  constructor(elimination: Elimination) {
    this.start = denseTailStart(elimination);
    this.size = elimination.m - this.start;
    this.matrix = new Float64Array(this.size * this.size);
    this.leak = new Float64Array(this.size);
    this.lower = new Float64Array(this.size);
  }
}

/** Pivots eliminated together: their updates of the rows below go in one pass (a rank-4 update). */
const BLOCK = 4;

/**
 * Eliminates the dense tail, whose matrix already holds the moves between tail nodes after the sparse
 * columns' updates and whose leaks are set, writing pivots and the tail's columns of the factor
 * (lower(i,p) = q[i][p]/pivot(p), upper(p,i) = q[p][i]) into the sparse factor's arrays.
 *
 * Pivots go four at a time: first the block's own rows are brought up to date (they are the rows of U,
 * and a pivot is its row's leak plus its row sum) together with the block's columns in the rows below
 * (they give lower); then every row below gets the four pivots' updates in one pass, two rows at a time.
 * The sums are the same as one pivot at a time, in another order.
 */
export function* factorDenseTail(
  tail: DenseTail,
  colStart: Int32Array,
  factor: { lower: Float64Array; upper: Float64Array; pivot: Float64Array },
  leakAt: Float64Array,
  meter: Meter,
): Pausable<void> {
  const { start, size: t, matrix: a, leak } = tail;
  const { lower, upper, pivot } = factor;
  for (let p = 0; p < t; p += BLOCK) {
    const end = Math.min(p + BLOCK, t);
    for (let k = p; k < end; k++) {
      const rowK = k * t;
      let d = leak[k];
      for (let j = k + 1; j < t; j++) d += a[rowK + j];
      if (!(d > 0 && d < Infinity)) throw new RangeError('A loop without a way out reached the dense solver');
      const inverse = 1 / d;
      pivot[start + k] = d;
      leakAt[start + k] = leak[k];
      const base = colStart[start + k] - k - 1;
      for (let i = k + 1; i < t; i++) {
        const rowI = i * t;
        const li = a[rowI + k] * inverse;
        a[rowI + k] = li;
        lower[base + i] = li;
        upper[base + i] = a[rowK + i];
        leak[i] += li * leak[k];
        if (li === 0) continue;
        // The block's later columns in every row below; whole rows for the block's own rows.
        const last = i < end ? t : end;
        for (let j = k + 1; j < last; j++) a[rowI + j] += li * a[rowK + j];
      }
    }
    // q[i][j] += Σ_k l(i,k)·q[k][j] for the block's pivots k and i, j ≥ end (the diagonal too, never read).
    const width = end - p;
    if (width === BLOCK) {
      const u0 = p * t, u1 = u0 + t, u2 = u1 + t, u3 = u2 + t;
      let i = end;
      for (; i + 1 < t; i += 2) {
        const r = i * t, s = r + t;
        const l0 = a[r + p], l1 = a[r + p + 1], l2 = a[r + p + 2], l3 = a[r + p + 3];
        const m0 = a[s + p], m1 = a[s + p + 1], m2 = a[s + p + 2], m3 = a[s + p + 3];
        for (let j = end; j < t; j++) {
          const v0 = a[u0 + j], v1 = a[u1 + j], v2 = a[u2 + j], v3 = a[u3 + j];
          a[r + j] += l0 * v0 + l1 * v1 + l2 * v2 + l3 * v3;
          a[s + j] += m0 * v0 + m1 * v1 + m2 * v2 + m3 * v3;
        }
      }
      if (i < t) {
        const r = i * t;
        const l0 = a[r + p], l1 = a[r + p + 1], l2 = a[r + p + 2], l3 = a[r + p + 3];
        for (let j = end; j < t; j++) a[r + j] += l0 * a[u0 + j] + l1 * a[u1 + j] + l2 * a[u2 + j] + l3 * a[u3 + j];
      }
    } else {
      for (let k = p; k < end; k++) {
        const rowK = k * t;
        for (let i = end; i < t; i++) {
          const r = i * t, li = a[r + k];
          for (let j = end; j < t; j++) a[r + j] += li * a[rowK + j];
        }
      }
    }
    meter.progress += width;
    if (meter.spend(width * (t - p) * (t - p))) yield;
  }
}

/**
 * Z = A⁻¹ on the tail (the inverse of its Schur complement), row-major into `z`, by Takahashi's equations
 * on the dense block, last column first: with l = column j of lower and ũ = row j of upper / pivot(j),
 *   Z[i][j] = Σ_{k>j} Z[i][k]·l(k),   Z[j][i] = Σ_{k>j} ũ(k)·Z[k][i]   (i > j),
 *   Z[j][j] = 1/pivot(j) + Σ_{k>j} ũ(k)·Z[k][j].
 * Columns go in pairs (j and j' = j − 1): one pass over the rows below j makes both columns' sums over
 * k > j, two rows at a time; the terms with k = j are added once column j is known.
 */
export function* invertDenseTail(
  tail: { start: number; size: number },
  colStart: Int32Array,
  factor: { lower: Float64Array; upper: Float64Array; pivot: Float64Array },
  z: Float64Array,
  work: { row: Float64Array; rowBefore: Float64Array; scaled: Float64Array; scaledBefore: Float64Array; sumBefore: Float64Array },
  meter: Meter,
): Pausable<void> {
  const { start, size: t } = tail;
  const { lower, upper, pivot } = factor;
  const { row, rowBefore, scaled, scaledBefore, sumBefore } = work;
  for (let j = t - 1; j >= 0; j -= 2) {
    const paired = j > 0;
    const inverse = 1 / pivot[start + j];
    // Column j of the factor holds rows j+1 .. t-1 in order (base + i for row i); column j − 1 rows j .. t-1.
    const base = colStart[start + j] - j - 1;
    const baseBefore = paired ? colStart[start + j - 1] - j : 0;
    const inverseBefore = paired ? 1 / pivot[start + j - 1] : 0;
    for (let i = j + 1; i < t; i++) {
      scaled[i] = upper[base + i] * inverse;
      row[i] = 0;
      if (paired) {
        scaledBefore[i] = upper[baseBefore + i] * inverseBefore;
        rowBefore[i] = 0;
      }
    }
    let diagonal = inverse;
    if (paired) {
      let i = j + 1;
      for (; i + 3 < t; i += 4) {
        const r0 = i * t, r1 = r0 + t, r2 = r1 + t, r3 = r2 + t;
        const u0 = scaled[i], u1 = scaled[i + 1], u2 = scaled[i + 2], u3 = scaled[i + 3];
        const w0 = scaledBefore[i], w1 = scaledBefore[i + 1], w2 = scaledBefore[i + 2], w3 = scaledBefore[i + 3];
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        for (let k = j + 1; k < t; k++) {
          const z0 = z[r0 + k], z1 = z[r1 + k], z2 = z[r2 + k], z3 = z[r3 + k];
          const lk = lower[base + k], lb = lower[baseBefore + k];
          s0 += z0 * lk;
          s1 += z1 * lk;
          s2 += z2 * lk;
          s3 += z3 * lk;
          b0 += z0 * lb;
          b1 += z1 * lb;
          b2 += z2 * lb;
          b3 += z3 * lb;
          row[k] += u0 * z0 + u1 * z1 + u2 * z2 + u3 * z3;
          rowBefore[k] += w0 * z0 + w1 * z1 + w2 * z2 + w3 * z3;
        }
        z[r0 + j] = s0;
        z[r1 + j] = s1;
        z[r2 + j] = s2;
        z[r3 + j] = s3;
        sumBefore[i] = b0;
        sumBefore[i + 1] = b1;
        sumBefore[i + 2] = b2;
        sumBefore[i + 3] = b3;
        diagonal += u0 * s0 + u1 * s1 + u2 * s2 + u3 * s3;
      }
      for (; i + 1 < t; i += 2) {
        const r0 = i * t, r1 = r0 + t;
        const u0 = scaled[i], u1 = scaled[i + 1], w0 = scaledBefore[i], w1 = scaledBefore[i + 1];
        let s0 = 0, s1 = 0, b0 = 0, b1 = 0;
        for (let k = j + 1; k < t; k++) {
          const z0 = z[r0 + k], z1 = z[r1 + k];
          const lk = lower[base + k], lb = lower[baseBefore + k];
          s0 += z0 * lk;
          s1 += z1 * lk;
          b0 += z0 * lb;
          b1 += z1 * lb;
          row[k] += u0 * z0 + u1 * z1;
          rowBefore[k] += w0 * z0 + w1 * z1;
        }
        z[r0 + j] = s0;
        z[r1 + j] = s1;
        sumBefore[i] = b0;
        sumBefore[i + 1] = b1;
        diagonal += u0 * s0 + u1 * s1;
      }
      for (; i < t; i++) {
        const r = i * t, u = scaled[i], w = scaledBefore[i];
        let s0 = 0, b0 = 0;
        for (let k = j + 1; k < t; k++) {
          const zk = z[r + k];
          s0 += zk * lower[base + k];
          b0 += zk * lower[baseBefore + k];
          row[k] += u * zk;
          rowBefore[k] += w * zk;
        }
        z[r + j] = s0;
        sumBefore[i] = b0;
        diagonal += u * s0;
      }
    } else {
      for (let i = j + 1; i < t; i++) {
        const r = i * t, u = scaled[i];
        let s0 = 0;
        for (let k = j + 1; k < t; k++) {
          const zk = z[r + k];
          s0 += zk * lower[base + k];
          row[k] += u * zk;
        }
        z[r + j] = s0;
        diagonal += u * s0;
      }
    }
    const rowJ = j * t;
    for (let k = j + 1; k < t; k++) z[rowJ + k] = row[k];
    z[rowJ + j] = diagonal;
    if (paired) {
      // Column j' = j − 1: add the terms with k = j, now that row and column j are known.
      const jb = j - 1, rowB = jb * t;
      const lowerAtJ = lower[baseBefore + j], scaledAtJ = upper[baseBefore + j] * inverseBefore;
      let zjjb = diagonal * lowerAtJ, zjbj = scaledAtJ * diagonal;
      for (let k = j + 1; k < t; k++) {
        zjjb += z[rowJ + k] * lower[baseBefore + k];
        zjbj += scaledBefore[k] * z[k * t + j];
      }
      z[rowJ + jb] = zjjb;
      z[rowB + j] = zjbj;
      let diagonalBefore = inverseBefore + scaledAtJ * zjjb;
      for (let i = j + 1; i < t; i++) {
        const zib = sumBefore[i] + z[i * t + j] * lowerAtJ;
        z[i * t + jb] = zib;
        z[rowB + i] = rowBefore[i] + scaledAtJ * z[rowJ + i];
        diagonalBefore += scaledBefore[i] * zib;
      }
      z[rowB + jb] = diagonalBefore;
    }
    meter.progress += paired ? 2 : 1;
    if (meter.spend(4 * (t - j) * (t - j))) yield;
  }
}
