/**
 * Sparse LU of A = I − Q for one leaky strongly connected component (Q: the moves between its nodes), in
 * the elimination order of ordering.ts, with the solves the exact engine needs and the diagonal of A⁻¹ for
 * what-if. No pivoting is needed: A is a nonsingular M-matrix (Q ≥ 0, irreducible, some row leaks), and
 * so is every symmetric permutation of it and every Schur complement, so eliminating the diagonal in any
 * order is stable. Each pivot is computed as its row's leak plus the moves still out of it (Grassmann–
 * Taksar–Heyman) rather than as 1 − Q[k][k], so nothing is ever subtracted: every quantity below is a sum
 * of non-negative terms, and the results keep their relative accuracy however close a loop is to closed.
 *
 * In the elimination order, with q the current (Schur complement) moves: for pivot p,
 *   pivot(p) = leak(p) + Σ_{i>p} q[p][i]       (= 1 − q[p][p])
 *   lower    = q[i][p] / pivot(p)   (i > p)     L[i][p] = −lower
 *   upper    = q[p][i]              (i > p)     U[p][i] = −upper, U[p][p] = pivot(p)
 * and eliminating p adds lower(i,p)·upper(p,j) to q[i][j] and lower(i,p)·leak(p) to leak(i).
 *
 * When the order ends in a block that is (nearly) dense — loops wired at random — that block is factorised
 * and inverted as a plain matrix (denseTail.ts) after the sparse columns; the factor's arrays hold it too.
 */
import { DenseTail, denseTailStart, factorDenseTail, invertDenseTail } from './denseTail';
import type { Elimination } from './ordering';
import { Meter, type Pausable } from './pausable';

/** The moves inside a component in local indices, without self-loops, and each node's leak. */
export interface ComponentMatrix {
  /** Row k: moves k → col[q] with probability value[q], q in rowStart[k] .. rowStart[k+1]-1 (repeats add up). */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly value: Float64Array;
  /** Probability of leaving the component from k in one step: drop-off, or a move to another component. */
  readonly leak: Float64Array;
}

export interface SparseFactor {
  readonly elimination: Elimination;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly pivot: Float64Array;
}

export class SingularComponentError extends RangeError {
  override name = 'SingularComponentError';
}

/**
 * Buffers to factorise one component and solve with it, kept to factorise the same structure again with
 * other values (uncertainty draws re-solve a journey a thousand times) without allocating. What a call
 * returns with them (the factor, a solution) lives in them: the next call overwrites it.
 */
export class ComponentBuffers {
  readonly factor: SparseFactor;
  /** For the caller: a right-hand side of the component's size. */
  readonly right: Float64Array;
  readonly solution: Float64Array;
  readonly work: Float64Array;
  readonly leakAt: Float64Array;
  readonly workLower: Float64Array;
  readonly workUpper: Float64Array;
  readonly head: Int32Array;
  readonly link: Int32Array;
  readonly nextAt: Int32Array;
  /** The moves into each node (the transpose of the matrix): its row starts, sources and values. */
  readonly inStart: Int32Array;
  readonly inFill: Int32Array;
  readonly inFrom: Int32Array;
  readonly inValue: Float64Array;
  /** The trailing block that is factorised densely (denseTail.ts); size 0 when there is none. */
  readonly tail: DenseTail;

  /** `entries`: the moves of the component's matrix (matrix.rowStart[m]). */
  constructor(elimination: Elimination, entries: number) {
    const { m, colStart } = elimination;
    const size = colStart[m];
    this.factor = { elimination, lower: new Float64Array(size), upper: new Float64Array(size), pivot: new Float64Array(m) };
    this.right = new Float64Array(m);
    this.solution = new Float64Array(m);
    this.work = new Float64Array(m);
    this.leakAt = new Float64Array(m);
    this.workLower = new Float64Array(m);
    this.workUpper = new Float64Array(m);
    this.head = new Int32Array(m);
    this.link = new Int32Array(m);
    this.nextAt = new Int32Array(m);
    this.inStart = new Int32Array(m + 1);
    this.inFill = new Int32Array(m);
    this.inFrom = new Int32Array(entries);
    this.inValue = new Float64Array(entries);
    this.tail = new DenseTail(elimination);
  }
}

/** Buffers of inverseDiagonal, kept for the same reason; the diagonal returned lives in `diagonal`. */
export class InverseBuffers {
  readonly zLower: Float64Array;
  readonly zUpper: Float64Array;
  readonly zDiagonal: Float64Array;
  readonly inColumn: Int32Array;
  readonly lowerJ: Float64Array;
  readonly upperJ: Float64Array;
  readonly sumLower: Float64Array;
  readonly sumUpper: Float64Array;
  readonly diagonal: Float64Array;
  /** The dense tail's first position and size, its inverse (row-major) and two rows of work. */
  readonly tail: { readonly start: number; readonly size: number };
  readonly zTail: Float64Array;
  readonly tailWork: { row: Float64Array; rowBefore: Float64Array; scaled: Float64Array; scaledBefore: Float64Array; sumBefore: Float64Array };

  constructor(elimination: Elimination) {
    const { m, colStart } = elimination;
    this.zLower = new Float64Array(colStart[m]);
    this.zUpper = new Float64Array(colStart[m]);
    this.zDiagonal = new Float64Array(m);
    this.inColumn = new Int32Array(m);
    this.lowerJ = new Float64Array(m);
    this.upperJ = new Float64Array(m);
    this.sumLower = new Float64Array(m);
    this.sumUpper = new Float64Array(m);
    this.diagonal = new Float64Array(m);
    const start = denseTailStart(elimination), size = m - start;
    this.tail = { start, size };
    this.zTail = new Float64Array(size * size);
    this.tailWork = {
      row: new Float64Array(size),
      rowBefore: new Float64Array(size),
      scaled: new Float64Array(size),
      scaledBefore: new Float64Array(size),
      sumBefore: new Float64Array(size),
    };
  }
}

/** Left-looking numeric factorisation on the structure of `elimination` (into `buffers` when given). */
export function* factorComponent(
  elimination: Elimination,
  matrix: ComponentMatrix,
  meter: Meter,
  buffers = new ComponentBuffers(elimination, matrix.rowStart[elimination.m]),
): Pausable<SparseFactor> {
  const { m, order, position, colStart, rowIndex } = elimination;
  const { rowStart, col, value, leak } = matrix;
  const { factor, leakAt, workLower, workUpper, head, link, nextAt, inStart, inFill, inFrom, inValue, tail } = buffers;
  const { lower, upper, pivot } = factor;
  // Moves into each node (the transpose), to scatter column j's original entries.
  inStart.fill(0);
  for (let q = 0; q < rowStart[m]; q++) inStart[col[q] + 1]++;
  for (let k = 0; k < m; k++) inStart[k + 1] += inStart[k];
  for (let k = 0; k < m; k++) inFill[k] = inStart[k];
  for (let k = 0; k < m; k++) {
    for (let q = rowStart[k]; q < rowStart[k + 1]; q++) {
      const at = inFill[col[q]]++;
      inFrom[at] = k;
      inValue[at] = value[q];
    }
  }

  // Columns k < j whose next row is j: linked lists by row, with each column's current place in nextAt.
  // The work rows are left at zero by every column; cleared here in case an earlier call stopped midway.
  workLower.fill(0);
  workUpper.fill(0);
  head.fill(-1);
  for (let j = 0; j < tail.start; j++) {
    const node = order[j];
    for (let q = rowStart[node]; q < rowStart[node + 1]; q++) {
      const i = position[col[q]];
      if (i > j) workUpper[i] += value[q];
    }
    for (let q = inStart[node]; q < inStart[node + 1]; q++) {
      const i = position[inFrom[q]];
      if (i > j) workLower[i] += inValue[q];
    }
    let leakJ = leak[node];
    let operations = rowStart[node + 1] - rowStart[node] + inStart[node + 1] - inStart[node];
    for (let k = head[j], following = -1; k !== -1; k = following) {
      following = link[k];
      const at = nextAt[k];
      const upperKJ = upper[at], lowerJK = lower[at];
      leakJ += lowerJK * leakAt[k];
      const end = colStart[k + 1];
      for (let q = at + 1; q < end; q++) {
        const i = rowIndex[q];
        workLower[i] += lower[q] * upperKJ;
        workUpper[i] += lowerJK * upper[q];
      }
      operations += end - at;
      if (at + 1 < end) {
        nextAt[k] = at + 1;
        const row = rowIndex[at + 1];
        link[k] = head[row];
        head[row] = k;
      }
    }
    let d = leakJ;
    const start = colStart[j], end = colStart[j + 1];
    for (let q = start; q < end; q++) {
      const i = rowIndex[q];
      upper[q] = workUpper[i];
      d += workUpper[i];
      lower[q] = workLower[i];
      workUpper[i] = 0;
      workLower[i] = 0;
    }
    if (!(d > 0 && d < Infinity)) throw new SingularComponentError('A loop without a way out reached the sparse solver');
    const inverse = 1 / d;
    for (let q = start; q < end; q++) lower[q] *= inverse;
    pivot[j] = d;
    leakAt[j] = leakJ;
    if (start < end) {
      nextAt[j] = start;
      const row = rowIndex[start];
      link[j] = head[row];
      head[row] = j;
    }
    meter.progress++;
    if (meter.spend(operations)) yield;
  }
  if (tail.size > 0) {
    yield* gatherDenseTail(elimination, matrix, factor, leakAt, tail, meter);
    yield* factorDenseTail(tail, colStart, factor, leakAt, meter);
  }
  return factor;
}

/**
 * The dense tail's matrix before its own elimination: the moves between tail nodes plus every sparse
 * column's updates lower(i,k)·upper(k,j) for i, j in the tail, and the tail's leaks plus lower(i,k)·leak(k).
 */
function* gatherDenseTail(
  { m, order, position, colStart, rowIndex }: Elimination,
  { rowStart, col, value, leak }: ComponentMatrix,
  { lower, upper }: SparseFactor,
  leakAt: Float64Array,
  tail: DenseTail,
  meter: Meter,
): Pausable<void> {
  const { start, size: t, matrix: a, leak: tailLeak } = tail;
  a.fill(0);
  for (let p = start; p < m; p++) {
    const node = order[p], row = (p - start) * t;
    tailLeak[p - start] = leak[node];
    for (let q = rowStart[node]; q < rowStart[node + 1]; q++) {
      const j = position[col[q]] - start;
      if (j >= 0) a[row + j] += value[q];
    }
  }
  for (let k = 0; k < start; k++) {
    const end = colStart[k + 1];
    let first = end;
    while (first > colStart[k] && rowIndex[first - 1] >= start) first--;
    for (let q = first; q < end; q++) {
      const lowerIK = lower[q];
      if (lowerIK === 0) continue;
      const i = rowIndex[q] - start, row = i * t - start;
      tailLeak[i] += lowerIK * leakAt[k];
      for (let r = first; r < end; r++) a[row + rowIndex[r]] += lowerIK * upper[r];
    }
    if (meter.spend(1 + (end - first) * (end - first))) yield;
  }
}

/** x with x·A = b (b and x by local node): expected visits from inflow b. x is buffers.solution when given. */
export function* solveRow(factor: SparseFactor, b: Float64Array, meter: Meter, buffers?: ComponentBuffers): Pausable<Float64Array> {
  const { elimination: { m, order, colStart, rowIndex }, lower, upper, pivot } = factor;
  // y·U = b, forward; then x·L = y, backward.
  const y = buffers?.work ?? new Float64Array(m);
  for (let p = 0; p < m; p++) y[p] = b[order[p]];
  for (let p = 0; p < m; p++) {
    const yp = (y[p] /= pivot[p]);
    if (yp === 0) continue;
    for (let q = colStart[p]; q < colStart[p + 1]; q++) y[rowIndex[q]] += yp * upper[q];
    if (meter.spend(colStart[p + 1] - colStart[p])) yield;
  }
  for (let p = m - 1; p >= 0; p--) {
    let s = y[p];
    for (let q = colStart[p]; q < colStart[p + 1]; q++) s += y[rowIndex[q]] * lower[q];
    y[p] = s;
    if (meter.spend(colStart[p + 1] - colStart[p])) yield;
  }
  const x = buffers?.solution ?? new Float64Array(m);
  for (let p = 0; p < m; p++) x[order[p]] = y[p];
  return x;
}

/** x with A·x = r (r and x by local node): success from what each node reaches outside. x is buffers.solution when given. */
export function* solveColumn(factor: SparseFactor, r: Float64Array, meter: Meter, buffers?: ComponentBuffers): Pausable<Float64Array> {
  const { elimination: { m, order, colStart, rowIndex }, lower, upper, pivot } = factor;
  // L·z = r, forward; then U·x = z, backward.
  const z = buffers?.work ?? new Float64Array(m);
  for (let p = 0; p < m; p++) z[p] = r[order[p]];
  for (let p = 0; p < m; p++) {
    const zp = z[p];
    if (zp === 0) continue;
    for (let q = colStart[p]; q < colStart[p + 1]; q++) z[rowIndex[q]] += lower[q] * zp;
    if (meter.spend(colStart[p + 1] - colStart[p])) yield;
  }
  for (let p = m - 1; p >= 0; p--) {
    let s = z[p];
    for (let q = colStart[p]; q < colStart[p + 1]; q++) s += upper[q] * z[rowIndex[q]];
    z[p] = s / pivot[p];
    if (meter.spend(colStart[p + 1] - colStart[p])) yield;
  }
  const x = buffers?.solution ?? new Float64Array(m);
  for (let p = 0; p < m; p++) x[order[p]] = z[p];
  return x;
}

/**
 * The diagonal of A⁻¹ (by local node) by selected inversion (Takahashi's equations): the entries of
 * Z = A⁻¹ on the factor's structure, last column first. With ũ = upper / pivot,
 *   Z[i][j] = Σ_{k ∈ col j} Z[i][k]·lower(k,j),   Z[j][i] = Σ_{k ∈ col j} ũ(j,k)·Z[k][i]   (i ∈ col j)
 *   Z[j][j] = 1/pivot(j) + Σ_{k ∈ col j} ũ(j,k)·Z[k][j]
 * Column j's rows form a clique of the filled graph, so every Z[i][k] needed is stored: for i < k at k's
 * place in column i. Cost: about that of the factorisation.
 */
export function* inverseDiagonal(factor: SparseFactor, meter: Meter, buffers = new InverseBuffers(factor.elimination)): Pausable<Float64Array> {
  const { elimination: { m, order, colStart, rowIndex }, lower, upper, pivot } = factor;
  /** zLower[q] = Z[rowIndex[q]][j], zUpper[q] = Z[j][rowIndex[q]] for q in column j. */
  const { zLower, zUpper, zDiagonal, inColumn, lowerJ, upperJ, sumLower, sumUpper, diagonal: byNode, tail, zTail } = buffers;
  const { start: tailStart, size: t } = tail;
  if (t > 0) {
    yield* invertDenseTail(tail, colStart, factor, zTail, buffers.tailWork, meter);
    for (let i = 0; i < t; i++) zDiagonal[tailStart + i] = zTail[i * t + i];
  }
  inColumn.fill(-1);
  for (let j = tailStart - 1; j >= 0; j--) {
    const start = colStart[j], end = colStart[j + 1];
    const inverse = 1 / pivot[j];
    for (let q = start; q < end; q++) {
      const a = rowIndex[q];
      inColumn[a] = j;
      lowerJ[a] = lower[q];
      upperJ[a] = upper[q] * inverse;
      sumLower[a] = 0;
      sumUpper[a] = 0;
    }
    let operations = end - start;
    // Rows in the dense tail come last in the column: their pairs are read from zTail.
    let inTail = end;
    while (inTail > start && rowIndex[inTail - 1] >= tailStart) inTail--;
    for (let q = start; q < inTail; q++) {
      const a = rowIndex[q];
      const lowerA = lowerJ[a], upperA = upperJ[a];
      let sumLowerA = 0, sumUpperA = 0;
      const aEnd = colStart[a + 1];
      for (let r = colStart[a]; r < aEnd; r++) {
        const b = rowIndex[r];
        if (inColumn[b] !== j) continue;
        const zab = zUpper[r], zba = zLower[r];
        sumLowerA += zab * lowerJ[b];
        sumUpperA += upperJ[b] * zba;
        sumLower[b] += zba * lowerA;
        sumUpper[b] += upperA * zab;
      }
      sumLower[a] += sumLowerA;
      sumUpper[a] += sumUpperA;
      operations += aEnd - colStart[a];
    }
    for (let q = inTail; q < end; q++) {
      const a = rowIndex[q];
      const lowerA = lowerJ[a], upperA = upperJ[a];
      const rowA = (a - tailStart) * t - tailStart, columnA = a - tailStart;
      let sumLowerA = 0, sumUpperA = 0;
      for (let r = q + 1; r < end; r++) {
        const b = rowIndex[r];
        const zab = zTail[rowA + b], zba = zTail[(b - tailStart) * t + columnA];
        sumLowerA += zab * lowerJ[b];
        sumUpperA += upperJ[b] * zba;
        sumLower[b] += zba * lowerA;
        sumUpper[b] += upperA * zab;
      }
      sumLower[a] += sumLowerA;
      sumUpper[a] += sumUpperA;
      operations += end - q;
    }
    let diagonal = inverse;
    for (let q = start; q < end; q++) {
      const a = rowIndex[q];
      const za = zDiagonal[a];
      const zaj = sumLower[a] + za * lowerJ[a];
      zLower[q] = zaj;
      zUpper[q] = sumUpper[a] + upperJ[a] * za;
      diagonal += upperJ[a] * zaj;
    }
    zDiagonal[j] = diagonal;
    meter.progress++;
    if (meter.spend(operations)) yield;
  }
  for (let p = 0; p < m; p++) byNode[order[p]] = zDiagonal[p];
  return byNode;
}
