/**
 * Counts complete paths by a 64-bit key (two 32-bit hashes) in an open-addressing table held in one Int32Array.
 * Paths are never stored: each entry keeps the PRNG state at the start of one customer who took it, and the
 * top paths are materialised at the end by replaying those customers.
 *
 * The Monte Carlo walk probes `table` itself (see walkBatch in monteCarlo.ts, which must use `slotOf` and the
 * same layout), keeps `size` in a local and calls `makeRoom()` once it exceeds `limit`; `add` does the same
 * for other callers.
 *
 * Memory is bounded: when the table is full, the least frequent half of the entries is dropped (the smallest
 * count t that frees at least half). A path dropped and seen again restarts from zero, so after pruning each
 * count can be short by at most the sum of the thresholds used, reported as `undercountBound`.
 */

export interface PathEntry {
  readonly keyA: number;
  readonly keyB: number;
  readonly count: number;
  /** Generator state at the start of one customer who took the path. */
  readonly state: Uint32Array;
}

/** One slot: keyA, keyB, count (0 = empty), complete flag, generator state (4 words). One probe, one cache line. */
export const PATH_STRIDE = 8;
export const KEY_A = 0, KEY_B = 1, COUNT = 2, COMPLETE = 3, STATE = 4;

/**
 * First slot probed for key word a (keyA) in a table of 2^(32 − shift) slots: the top bits of a mix of a.
 * Top bits, so that when the table grows fourfold an entry's first slot s becomes one of 4s … 4s + 3, and a
 * rehash in slot order writes the new table in order too (a table of megabytes is copied, not scattered).
 */
export function slotOf(a: number, shift: number): number {
  return Math.imul(a ^ (a >>> 16), 0x7feb352d) >>> shift;
}

export class PathCounter {
  /** PATH_STRIDE int32 per slot. Replaced when the table grows or is pruned: read it again after makeRoom(). */
  table: Int32Array;
  /** Slots − 1 (a power of two minus one). */
  mask: number;
  /** 32 − log2(slots), for slotOf. */
  shift: number;
  /** Entries in the table. */
  size = 0;
  /** Entries allowed before makeRoom() (60 % of the slots). */
  limit: number;
  /** Sum of the pruning thresholds so far: 0 while every count is exact. */
  undercountBound = 0;

  private readonly maxCapacity: number;

  /** maxCapacity: slots (a power of two, at least 16), 32 bytes each. */
  constructor(maxCapacity = 1 << 18) {
    if (!(Number.isInteger(Math.log2(maxCapacity)) && maxCapacity >= 16 && maxCapacity <= 1 << 26)) {
      throw new RangeError('The path table size must be a power of two from 16 to 2^26');
    }
    this.maxCapacity = maxCapacity;
    const capacity = Math.min(4096, maxCapacity);
    this.table = new Int32Array(capacity * PATH_STRIDE);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.limit = Math.floor(capacity * 0.6);
  }

  get distinct(): number {
    return this.size;
  }

  /** Counts one more customer on the path with key (a, b); state: the generator state at their start. */
  add(a: number, b: number, complete: number, s0: number, s1: number, s2: number, s3: number): void {
    const table = this.table;
    a |= 0;
    b |= 0;
    const wrap = this.mask * PATH_STRIDE + PATH_STRIDE - 1;
    let at = slotOf(a, this.shift) * PATH_STRIDE;
    let seen = table[at + COUNT];
    while (seen !== 0 && (table[at + KEY_A] !== a || table[at + KEY_B] !== b)) {
      at = (at + PATH_STRIDE) & wrap;
      seen = table[at + COUNT];
    }
    table[at + COUNT] = seen + 1;
    if (seen !== 0) return;
    table[at + KEY_A] = a;
    table[at + KEY_B] = b;
    table[at + COMPLETE] = complete;
    table[at + STATE] = s0;
    table[at + STATE + 1] = s1;
    table[at + STATE + 2] = s2;
    table[at + STATE + 3] = s3;
    if (++this.size > this.limit) this.makeRoom();
  }

  /** Customers counted under key (a, b): 0 if none (or if its entry was pruned). */
  count(a: number, b: number): number {
    const table = this.table;
    a |= 0;
    b |= 0;
    const wrap = this.mask * PATH_STRIDE + PATH_STRIDE - 1;
    for (let at = slotOf(a, this.shift) * PATH_STRIDE; table[at + COUNT] !== 0; at = (at + PATH_STRIDE) & wrap) {
      if (table[at + KEY_A] === a && table[at + KEY_B] === b) return table[at + COUNT];
    }
    return 0;
  }

  /** Grows the table (up to maxCapacity slots), or else drops its rarer half. */
  makeRoom(): void {
    const capacity = this.mask + 1;
    if (capacity * 2 <= this.maxCapacity) {
      this.rehash(Math.min(this.maxCapacity, capacity * 4), 0);
      return;
    }
    const threshold = this.pruneThreshold();
    this.undercountBound += threshold;
    this.rehash(capacity, threshold);
  }

  /** The `limit` most frequent complete (1) or abandoned (0) paths, most frequent first; ties by key. */
  top(limit: number, complete: number): PathEntry[] {
    const t = this.table;
    if (limit <= 0) return [];
    // Keep the best `limit` slots seen so far, sorted; most slots fail the first comparison.
    const best: number[] = [];
    const before = (x: number, y: number) =>
      t[x + COUNT] - t[y + COUNT] || t[y + KEY_A] - t[x + KEY_A] || t[y + KEY_B] - t[x + KEY_B];
    for (let at = 0; at < t.length; at += PATH_STRIDE) {
      if (t[at + COUNT] === 0 || t[at + COMPLETE] !== complete) continue;
      if (best.length === limit && before(at, best[limit - 1]) <= 0) continue;
      let k = best.length < limit ? best.length : limit - 1;
      while (k > 0 && before(at, best[k - 1]) > 0) {
        best[k] = best[k - 1];
        k--;
      }
      best[k] = at;
    }
    return best.map((at) => ({
      keyA: t[at + KEY_A] >>> 0,
      keyB: t[at + KEY_B] >>> 0,
      count: t[at + COUNT],
      state: new Uint32Array(t.slice(at + STATE, at + STATE + 4).buffer),
    }));
  }

  /** Smallest t such that entries with count ≤ t are at least half of all entries. */
  private pruneThreshold(): number {
    const t = this.table;
    const buckets = new Uint32Array(1025);
    for (let at = 0; at < t.length; at += PATH_STRIDE) if (t[at + COUNT] !== 0) buckets[Math.min(t[at + COUNT], 1024)]++;
    let seen = 0;
    for (let c = 1; c < 1024; c++) {
      seen += buckets[c];
      if (seen * 2 >= this.size) return c;
    }
    const large: number[] = [];
    for (let at = 0; at < t.length; at += PATH_STRIDE) if (t[at + COUNT] >= 1024) large.push(t[at + COUNT]);
    large.sort((x, y) => x - y);
    return large[Math.max(0, Math.ceil(this.size / 2) - seen - 1)];
  }

  private rehash(capacity: number, dropAtMost: number): void {
    const old = this.table;
    const table = new Int32Array(capacity * PATH_STRIDE);
    const mask = capacity - 1;
    const shift = 32 - Math.log2(capacity);
    const wrap = mask * PATH_STRIDE + PATH_STRIDE - 1;
    let size = 0;
    for (let from = 0; from < old.length; from += PATH_STRIDE) {
      const count = old[from + COUNT];
      if (count === 0 || count <= dropAtMost) continue;
      let at = slotOf(old[from + KEY_A], shift) * PATH_STRIDE;
      while (table[at + COUNT] !== 0) at = (at + PATH_STRIDE) & wrap;
      for (let k = 0; k < PATH_STRIDE; k++) table[at + k] = old[from + k];
      size++;
    }
    this.table = table;
    this.mask = mask;
    this.shift = shift;
    this.size = size;
    this.limit = Math.floor(capacity * 0.6);
  }
}
