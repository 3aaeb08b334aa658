/**
 * Counts complete paths by a 64-bit hash (two uint32 words) in an open-addressing table of typed arrays.
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
  /** 1 when the path ends at an outcome, 0 when the customer abandoned. */
  readonly complete: number;
  readonly state: Uint32Array;
}

const EMPTY = 0;

export class PathCounter {
  private capacity: number;
  private keyA: Uint32Array;
  private keyB: Uint32Array;
  private counts: Uint32Array;
  private complete: Uint8Array;
  private states: Uint32Array;
  private size = 0;
  /** Sum of the pruning thresholds so far: 0 while every count is exact. */
  undercountBound = 0;

  constructor(private readonly maxCapacity = 1 << 18) {
    this.capacity = Math.min(1024, maxCapacity);
    this.keyA = new Uint32Array(this.capacity);
    this.keyB = new Uint32Array(this.capacity);
    this.counts = new Uint32Array(this.capacity);
    this.complete = new Uint8Array(this.capacity);
    this.states = new Uint32Array(this.capacity * 4);
  }

  get distinct(): number {
    return this.size;
  }

  add(a: number, b: number, complete: number, s0: number, s1: number, s2: number, s3: number): void {
    const mask = this.capacity - 1;
    const keyA = this.keyA, keyB = this.keyB, counts = this.counts;
    a >>>= 0;
    b >>>= 0;
    let slot = a & mask;
    while (counts[slot] !== EMPTY) {
      if (keyA[slot] === a && keyB[slot] === b) {
        counts[slot]++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    if ((this.size + 1) * 10 > this.capacity * 6) {
      this.makeRoom();
      this.add(a, b, complete, s0, s1, s2, s3);
      return;
    }
    keyA[slot] = a;
    keyB[slot] = b;
    counts[slot] = 1;
    this.complete[slot] = complete;
    const s = this.states, at = slot * 4;
    s[at] = s0;
    s[at + 1] = s1;
    s[at + 2] = s2;
    s[at + 3] = s3;
    this.size++;
  }

  /** The `limit` most frequent entries (complete or abandoned paths), most frequent first; ties by key for determinism. */
  top(limit: number, complete: number): PathEntry[] {
    const found: number[] = [];
    for (let slot = 0; slot < this.capacity; slot++) {
      if (this.counts[slot] !== EMPTY && this.complete[slot] === complete) found.push(slot);
    }
    found.sort((x, y) => this.counts[y] - this.counts[x] || this.keyA[x] - this.keyA[y] || this.keyB[x] - this.keyB[y]);
    return found.slice(0, limit).map((slot) => ({
      keyA: this.keyA[slot],
      keyB: this.keyB[slot],
      count: this.counts[slot],
      complete: this.complete[slot],
      state: this.states.slice(slot * 4, slot * 4 + 4),
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
    const buckets = new Uint32Array(1025);
    for (let slot = 0; slot < this.capacity; slot++) {
      const c = this.counts[slot];
      if (c !== EMPTY) buckets[Math.min(c, 1024)]++;
    }
    let seen = 0;
    for (let t = 1; t < 1024; t++) {
      seen += buckets[t];
      if (seen * 2 >= this.size) return t;
    }
    const large: number[] = [];
    for (let slot = 0; slot < this.capacity; slot++) if (this.counts[slot] >= 1024) large.push(this.counts[slot]);
    large.sort((x, y) => x - y);
    return large[Math.max(0, Math.ceil(this.size / 2) - seen - 1)];
  }

  private rehash(capacity: number, dropAtMost: number): void {
    const { keyA, keyB, counts, complete, states } = this;
    const old = this.capacity;
    this.capacity = capacity;
    this.keyA = new Uint32Array(capacity);
    this.keyB = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.complete = new Uint8Array(capacity);
    this.states = new Uint32Array(capacity * 4);
    this.size = 0;
    const mask = capacity - 1;
    for (let from = 0; from < old; from++) {
      if (counts[from] === EMPTY || counts[from] <= dropAtMost) continue;
      let slot = keyA[from] & mask;
      while (this.counts[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keyA[slot] = keyA[from];
      this.keyB[slot] = keyB[from];
      this.counts[slot] = counts[from];
      this.complete[slot] = complete[from];
      this.states.set(states.subarray(from * 4, from * 4 + 4), slot * 4);
      this.size++;
    }
  }
}
