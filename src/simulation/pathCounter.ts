/**
 * Counts complete paths by a 64-bit hash (two 32-bit words) in an open-addressing table held in one Int32Array.
 * Paths are never stored: each entry keeps the PRNG state at the start of one customer who took it, and the
 * top paths are materialised at the end by replaying those customers.
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
const STRIDE = 8;
const KEY_A = 0, KEY_B = 1, COUNT = 2, COMPLETE = 3, STATE = 4;

export class PathCounter {
  private capacity: number;
  private table: Int32Array;
  private size = 0;
  /** Sum of the pruning thresholds so far: 0 while every count is exact. */
  undercountBound = 0;

  /** maxCapacity: slots (a power of two), 32 bytes each. */
  constructor(private readonly maxCapacity = 1 << 18) {
    this.capacity = Math.min(1024, maxCapacity);
    this.table = new Int32Array(this.capacity * STRIDE);
  }

  get distinct(): number {
    return this.size;
  }

  add(a: number, b: number, complete: number, s0: number, s1: number, s2: number, s3: number): void {
    const table = this.table;
    const mask = this.capacity - 1;
    a |= 0;
    b |= 0;
    let at = (a & mask) * STRIDE;
    while (table[at + COUNT] !== 0) {
      if (table[at + KEY_A] === a && table[at + KEY_B] === b) {
        table[at + COUNT]++;
        return;
      }
      at = (at + STRIDE) & (mask * STRIDE + STRIDE - 1);
    }
    if ((this.size + 1) * 10 > this.capacity * 6) {
      this.makeRoom();
      this.add(a, b, complete, s0, s1, s2, s3);
      return;
    }
    table[at + KEY_A] = a;
    table[at + KEY_B] = b;
    table[at + COUNT] = 1;
    table[at + COMPLETE] = complete;
    table[at + STATE] = s0;
    table[at + STATE + 1] = s1;
    table[at + STATE + 2] = s2;
    table[at + STATE + 3] = s3;
    this.size++;
  }

  /** The `limit` most frequent complete (1) or abandoned (0) paths, most frequent first; ties by key. */
  top(limit: number, complete: number): PathEntry[] {
    const t = this.table;
    const found: number[] = [];
    for (let at = 0; at < t.length; at += STRIDE) if (t[at + COUNT] !== 0 && t[at + COMPLETE] === complete) found.push(at);
    found.sort((x, y) => t[y + COUNT] - t[x + COUNT] || t[x + KEY_A] - t[y + KEY_A] || t[x + KEY_B] - t[y + KEY_B]);
    return found.slice(0, limit).map((at) => ({
      keyA: t[at + KEY_A] >>> 0,
      keyB: t[at + KEY_B] >>> 0,
      count: t[at + COUNT],
      state: new Uint32Array(t.slice(at + STATE, at + STATE + 4).buffer),
    }));
  }

  private makeRoom(): void {
    if (this.capacity * 2 <= this.maxCapacity) {
      this.rehash(this.capacity * 2, 0);
      return;
    }
    const threshold = this.pruneThreshold();
    this.undercountBound += threshold;
    this.rehash(this.capacity, threshold);
  }

  /** Smallest t such that entries with count ≤ t are at least half of all entries. */
  private pruneThreshold(): number {
    const t = this.table;
    const buckets = new Uint32Array(1025);
    for (let at = 0; at < t.length; at += STRIDE) if (t[at + COUNT] !== 0) buckets[Math.min(t[at + COUNT], 1024)]++;
    let seen = 0;
    for (let c = 1; c < 1024; c++) {
      seen += buckets[c];
      if (seen * 2 >= this.size) return c;
    }
    const large: number[] = [];
    for (let at = 0; at < t.length; at += STRIDE) if (t[at + COUNT] >= 1024) large.push(t[at + COUNT]);
    large.sort((x, y) => x - y);
    return large[Math.max(0, Math.ceil(this.size / 2) - seen - 1)];
  }

  private rehash(capacity: number, dropAtMost: number): void {
    const old = this.table;
    const table = new Int32Array(capacity * STRIDE);
    const mask = capacity - 1;
    this.capacity = capacity;
    this.table = table;
    this.size = 0;
    for (let from = 0; from < old.length; from += STRIDE) {
      const count = old[from + COUNT];
      if (count === 0 || count <= dropAtMost) continue;
      let at = (old[from + KEY_A] & mask) * STRIDE;
      while (table[at + COUNT] !== 0) at = (at + STRIDE) & (mask * STRIDE + STRIDE - 1);
      table.set(old.subarray(from, from + STRIDE), at);
      this.size++;
    }
  }
}
