/**
 * Monte Carlo engine: simulated customers walk the compiled journey, one uint32 from xoshiro128** per step.
 * The runner accumulates over calls to step(), so a worker can run in chunks with progress and cancel; the
 * results depend only on the seed and the number of customers, never on how the run is split into chunks.
 */
import { KIND_OUTCOME, type CompiledJourney } from './compile';
import { buildWalkTables, endCode, endNode, SECOND_DRAW_BELOW, SLOT_STRIDE, WIDE_CODE, type WalkTables } from './alias';
import { PathCounter } from './pathCounter';
import { seedState, Xoshiro128 } from './prng';
import { summariseLengths, wilsonInterval } from './stats';
import type { MonteCarloResult, PathCount } from './types';

export interface MonteCarloOptions {
  seed: number;
  /** A journey still going after this many steps is stopped and counted as looping. */
  maxSteps: number;
  /** Count paths for topPaths (default true). */
  trackPaths?: boolean;
  /** Slots of the path table (a power of two from 16 to 2^26, default 2^18; 32 bytes each). */
  maxPathSlots?: number;
}

/** Everything the hot loop touches, in one place so that it can be destructured into locals per batch. */
interface WalkState {
  /**
   * The walk tables (WalkTables.packed) followed by the runner's int32 counters, all in one array so that
   * the loop checks and loads one typed array: per slot, the draws made there (visits); per start slot, the
   * customers who started on each side; from endsAt, customers who ended at each node (abandoning there, or
   * reaching that outcome); from lengthsAt, journeys of each length. See flushCounters.
   */
  readonly walk: Int32Array;
  readonly startShift: number;
  readonly startInfo: number;
  readonly endsAt: number;
  readonly lengthsAt: number;
  readonly wideWord: Int32Array;
  /** 1 for outcome nodes, by node index. */
  readonly outcome: Uint8Array;
  readonly maxSteps: number;
  /** xoshiro128** state as int32 words, between batches. */
  readonly rng: Int32Array;
  readonly paths: PathCounter | null;
  /** [transitions, looping] */
  readonly totals: Float64Array;
}

const HASH_A = 0x811c9dc5;
const HASH_B = 0x2545f491;
const HASH_P = 0x01000193;
const HASH_Q = 0x9e3779b1;
/** Customers per call of walkBatch: the function is then optimised as a whole rather than on-stack. */
const BATCH = 4096;
const INT32_MAX = 0x7fffffff;
if (SECOND_DRAW_BELOW !== 20 || WIDE_CODE !== -0x40000000) throw new Error('walkBatch hard-codes SECOND_DRAW_BELOW and WIDE_CODE');
const NO_PATHS = new Int32Array(8);

/**
 * The hot loop. A step: draw u (xoshiro128**, state in locals), i = the slot (top bits of u, below the
 * node's word), then the slot's primary or alias move chosen with a mask instead of a branch; the draw is
 * counted in the slot, and two 32-bit hashes of the path move on. `code` is the next node's word, or negative
 * when the journey ends (−2 − the node where it ended; moves to wide nodes, below WIDE_CODE, leave the inner
 * loop too). The first draw of a customer is on the start table, which picks the entry and the first move
 * together. Per customer: the length histogram, where it ended, and its path key in the path table (probed
 * here rather than through a call). replayPath walks one customer the same way.
 *
 * Written for V8: every typed-array access in a loop that stores pays a map check and reloads the array's
 * length and data pointer, so there is one array (`walk`) for tables and counters; numeric constants are
 * local literals; and the loop keeps few values live (the step count runs down in `left`).
 */
function walkBatch(w: WalkState, count: number): void {
  const { walk, startShift, startInfo, endsAt, lengthsAt, wideWord, outcome, maxSteps, rng, paths, totals } = w;
  // Literals, not module constants: V8 reloads (and unboxes) a module-level constant on every use, while a
  // local const initialised with a literal compiles to an immediate operand.
  const P = 0x01000193, Q = 0x9e3779b1; // HASH_P, HASH_Q
  const wideCode = -0x40000000; // WIDE_CODE
  const startTwice = startShift < 20; // SECOND_DRAW_BELOW
  let table = paths === null ? NO_PATHS : paths.table;
  let mask = paths === null ? 0 : paths.mask;
  let shift = paths === null ? 0 : paths.shift;
  let size = paths === null ? 0 : paths.size;
  let limit = paths === null ? 0 : paths.limit;
  let s0 = rng[0], s1 = rng[1], s2 = rng[2], s3 = rng[3];
  let transitions = totals[0], looping = totals[1];
  for (let c = 0; c < count; c++) {
    // The customer's start state, kept for the path table (spilled to the stack, so it costs the steps nothing).
    const c0 = s0, c1 = s1, c2 = s2, c3 = s3;
    let m = Math.imul(s1, 5);
    let u = Math.imul((m << 7) | (m >>> 25), 9);
    let t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
    let i = (u >>> startShift) << 2;
    let r = u >>> 1;
    if (startTwice) {
      m = Math.imul(s1, 5);
      r = Math.imul((m << 7) | (m >>> 25), 9) >>> 1;
      t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
    }
    const side = (r - walk[i]) >> 31;
    let code = walk[i | 2] ^ (walk[i | 1] & side);
    // The entry on the chosen side (primary: side −1), and its start counter two places on.
    const k = startInfo + i + 1 + side;
    walk[k + 2]++;
    const entry = walk[k];
    let h1 = Math.imul(Math.imul(0x811c9dc5 ^ entry, P) ^ code, P);
    let h2 = Math.imul(0x2545f491 ^ entry, Q);
    h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ code, Q);
    // Steps left before maxSteps, counted down: (code | (left − 1)) >= 0 means code >= 0 and left >= 1.
    let left = maxSteps - 1;
    for (;;) {
      while ((code | (left - 1)) >= 0) {
        left = (left - 1) | 0;
        m = Math.imul(s1, 5);
        u = Math.imul((m << 7) | (m >>> 25), 9);
        t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
        i = ((code >>> 5) + (u >>> code)) << 2;
        walk[i | 3]++;
        code = walk[i | 2] ^ (walk[i | 1] & (((u >>> 1) - walk[i]) >> 31));
        h1 = Math.imul(h1 ^ code, P);
        h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ code, Q);
      }
      if (code > wideCode || left === 0) break;
      // A move to a wide node (more than 4,096 moves): the slot from one draw, the side from a second.
      left--;
      const wide = wideWord[wideCode - code];
      m = Math.imul(s1, 5);
      u = Math.imul((m << 7) | (m >>> 25), 9);
      t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      i = ((wide >>> 5) + (u >>> wide)) << 2;
      m = Math.imul(s1, 5);
      r = Math.imul((m << 7) | (m >>> 25), 9) >>> 1;
      t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      walk[i | 3]++;
      code = walk[i | 2] ^ (walk[i | 1] & ((r - walk[i]) >> 31));
      h1 = Math.imul(h1 ^ code, P);
      h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ code, Q);
    }
    const steps = maxSteps - left;
    transitions += steps;
    if (code >= 0 || code <= wideCode) {
      // Stopped after maxSteps steps on the way to another touchpoint.
      looping++;
      continue;
    }
    walk[lengthsAt + steps]++;
    walk[endsAt - 2 - code]++;
    if (paths !== null) {
      // PathCounter's layout: keyA, keyB, count, complete, start state; first slot slotOf(keyA, shift).
      const a = h1 ^ steps, b = (h2 + steps) | 0;
      let at = (Math.imul(a ^ (a >>> 16), 0x7feb352d) >>> shift) << 3;
      let seen = table[at + 2];
      while (seen !== 0 && (table[at] !== a || table[at + 1] !== b)) {
        at = (at + 8) & ((mask << 3) | 7);
        seen = table[at + 2];
      }
      table[at + 2] = seen + 1;
      if (seen === 0) {
        table[at] = a;
        table[at + 1] = b;
        table[at + 3] = outcome[-2 - code];
        table[at + 4] = c0;
        table[at + 5] = c1;
        table[at + 6] = c2;
        table[at + 7] = c3;
        if (++size > limit) {
          paths.size = size;
          paths.makeRoom();
          table = paths.table;
          mask = paths.mask;
          shift = paths.shift;
          size = paths.size;
          limit = paths.limit;
        }
      }
    }
  }
  // Written back once per batch. The constructor runs a batch of 0 customers first, so that this code has
  // type feedback when V8 compiles the loop on-stack during the first real batch (else the cached OSR code
  // would deoptimise here on every call until the whole function is optimised).
  rng[0] = s0; rng[1] = s1; rng[2] = s2; rng[3] = s3;
  totals[0] = transitions;
  totals[1] = looping;
  if (paths !== null) paths.size = size;
}

export class MonteCarloRunner {
  readonly tables: WalkTables;
  private readonly walk: WalkState;
  /** The int32 counters of WalkState.walk, added up (flushCounters) before they could overflow. */
  private readonly visitCounts: Float64Array;
  private readonly endCounts: Float64Array;
  private readonly lengthCounts: Float64Array;
  private customers = 0;
  /** Customers walked since the counters were last flushed. */
  private pending = 0;

  /** `tables`: buildWalkTables(journey), when already built (buildWalkTablesSteps, to build them in slices). */
  constructor(readonly journey: CompiledJourney, readonly options: MonteCarloOptions, tables: WalkTables = buildWalkTables(journey)) {
    if (!(Number.isInteger(options.maxSteps) && options.maxSteps >= 1)) throw new RangeError('maxSteps must be a whole number of at least 1');
    this.tables = tables;
    const { packed } = this.tables;
    const outcome = new Uint8Array(journey.n);
    for (let i = 0; i < journey.n; i++) outcome[i] = journey.kind[i] === KIND_OUTCOME ? 1 : 0;
    const walk = new Int32Array(packed.length + journey.n + options.maxSteps + 1);
    walk.set(packed);
    this.walk = {
      walk,
      startShift: this.tables.startShift,
      startInfo: this.tables.startInfo,
      endsAt: packed.length,
      lengthsAt: packed.length + journey.n,
      wideWord: this.tables.wideWord,
      outcome,
      maxSteps: options.maxSteps,
      rng: new Int32Array(seedState(options.seed).buffer),
      paths: options.trackPaths === false ? null : new PathCounter(options.maxPathSlots),
      totals: new Float64Array(2),
    };
    this.visitCounts = new Float64Array(journey.n);
    this.endCounts = new Float64Array(journey.n);
    this.lengthCounts = new Float64Array(options.maxSteps + 1);
    walkBatch(this.walk, 0);
  }

  /** Customers simulated so far. */
  get done(): number {
    return this.customers;
  }

  /** Steps taken so far (visits to non-outcome nodes). */
  get transitions(): number {
    return this.walk.totals[0];
  }

  /** Simulates `count` more customers. */
  step(count: number): void {
    if (!(Number.isInteger(count) && count >= 0)) throw new RangeError('count must be a whole number of at least 0');
    for (let left = count; left > 0; left -= BATCH) {
      const batch = Math.min(BATCH, left);
      // A draw counter grows by at most maxSteps per customer, the others by at most 1.
      if ((this.pending + batch) * this.options.maxSteps > INT32_MAX) this.flushCounters();
      walkBatch(this.walk, batch);
      this.pending += batch;
    }
    this.customers += count;
  }

  /** Adds the int32 counters of the walk into the float64 totals and clears them. */
  private flushCounters(): void {
    const { walk, startInfo, endsAt, lengthsAt } = this.walk;
    const { word, nodeOfBase } = this.tables;
    const { n, kind } = this.journey;
    for (let v = 0; v < n; v++) {
      if (kind[v] === KIND_OUTCOME) continue;
      const first = word[v] >>> 5, end = first + (1 << (32 - (word[v] & 31)));
      let sum = 0;
      for (let s = first; s < end; s++) {
        sum += walk[SLOT_STRIDE * s + 3];
        walk[SLOT_STRIDE * s + 3] = 0;
      }
      this.visitCounts[v] += sum;
    }
    // Customers who started at an entry visited it without a move there.
    for (let at = startInfo; at < endsAt; at += SLOT_STRIDE) {
      for (let side = 0; side < 2; side++) {
        this.visitCounts[nodeOfBase[walk[at + side] >>> 5]] += walk[at + 2 + side];
        walk[at + 2 + side] = 0;
      }
    }
    for (let v = 0; v < n; v++) {
      this.endCounts[v] += walk[endsAt + v];
      walk[endsAt + v] = 0;
    }
    for (let L = 0; L < this.lengthCounts.length; L++) {
      this.lengthCounts[L] += walk[lengthsAt + L];
      walk[lengthsAt + L] = 0;
    }
    this.pending = 0;
  }

  /**
   * Customers so far who took `path` (node ids from the entry to the outcome, or to the node where they
   * abandoned, as in topPaths): its count in the path table, found by hashing the path as the walk does.
   * 0 for a path nobody took, and for one dropped when the table was pruned; 0 too without path counting.
   */
  pathCount(path: readonly string[]): number {
    const { paths } = this.walk;
    const { indexOf, kind } = this.journey;
    const nodes = path.map((id) => indexOf.get(id) ?? -1);
    if (paths === null || nodes.length === 0 || nodes.includes(-1)) return 0;
    const { word, wideWord } = this.tables;
    const last = nodes[nodes.length - 1];
    // The move codes the walk hashed: to each next node, then (abandoning) the end where the customer left.
    const codes: number[] = [];
    for (let k = 1; k < nodes.length; k++) {
      const v = nodes[k];
      if (kind[v] === KIND_OUTCOME) codes.push(endCode(v));
      else if ((word[v] & 31) >= SECOND_DRAW_BELOW) codes.push(word[v]);
      else codes.push(WIDE_CODE - wideWord.indexOf(word[v]));
    }
    if (kind[last] !== KIND_OUTCOME) codes.push(endCode(last));
    const entry = word[nodes[0]];
    let h1 = Math.imul(Math.imul(HASH_A ^ entry, HASH_P) ^ codes[0], HASH_P);
    let h2 = Math.imul(HASH_B ^ entry, HASH_Q);
    h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ codes[0], HASH_Q);
    for (let k = 1; k < codes.length; k++) {
      h1 = Math.imul(h1 ^ codes[k], HASH_P);
      h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ codes[k], HASH_Q);
    }
    // A step is a visit to a non-outcome node.
    const steps = kind[last] === KIND_OUTCOME ? nodes.length - 1 : nodes.length;
    return paths.count(h1 ^ steps, (h2 + steps) | 0);
  }

  /** The results so far (the runner can go on stepping afterwards). */
  finish(topCount = 10): MonteCarloResult {
    this.flushCounters();
    const { journey, visitCounts, endCounts: ends, lengthCounts: lengths } = this;
    const { paths, totals } = this.walk;
    const N = this.customers;
    const share = (c: number) => (N > 0 ? c / N : 0);
    const outcomes: Record<string, number> = {}, outcomeCounts: Record<string, number> = {};
    const abandon: Record<string, number> = {}, abandonCounts: Record<string, number> = {};
    const visits: Record<string, number> = {};
    let successCount = 0, failureCount = 0, abandonedCount = 0;
    for (let i = 0; i < journey.n; i++) {
      const id = journey.ids[i];
      const ended = ends[i];
      if (journey.kind[i] === KIND_OUTCOME) {
        outcomeCounts[id] = ended;
        outcomes[id] = share(ended);
        visits[id] = ended;
        if (journey.success[i]) successCount += ended;
        else failureCount += ended;
      } else {
        abandonCounts[id] = ended;
        abandon[id] = share(ended);
        visits[id] = visitCounts[i];
        abandonedCount += ended;
      }
    }
    const undercountBound = paths?.undercountBound ?? 0;
    const pathList = (complete: number): PathCount[] =>
      paths === null
        ? []
        : paths.top(topCount, complete).map((entry) => {
            const path = replayPath(this.tables, journey, this.options.maxSteps, entry.state);
            if (path.keyA !== entry.keyA || path.keyB !== entry.keyB) throw new Error('Monte Carlo path replay diverged from the counted path');
            return { path: path.nodes.map((i) => journey.ids[i]), count: entry.count, share: share(entry.count) };
          });
    return {
      customers: N,
      seed: this.options.seed,
      maxSteps: this.options.maxSteps,
      transitions: totals[0],
      outcomes,
      outcomeCounts,
      abandon,
      abandonCounts,
      visits,
      success: { count: successCount, ...wilsonInterval(successCount, N) },
      failure: { count: failureCount, share: share(failureCount) },
      abandoned: { count: abandonedCount, share: share(abandonedCount) },
      looping: { count: totals[1], share: share(totals[1]) },
      journeyLength: summariseLengths(lengths),
      topPaths: pathList(1),
      topAbandonPaths: pathList(0),
      topPathsExact: undercountBound === 0,
      pathUndercountBound: undercountBound,
      distinctPathsTracked: paths?.distinct ?? 0,
    };
  }
}

/**
 * Walks one customer again from a saved generator state, with the reference generator and the same draws as
 * walkBatch, so that top paths are materialised without storing any path during the run.
 */
function replayPath(
  tables: WalkTables,
  journey: CompiledJourney,
  maxSteps: number,
  state: Uint32Array,
): { nodes: number[]; keyA: number; keyB: number } {
  const { packed, startShift, startInfo, nodeOfBase, wideWord } = tables;
  const rng = new Xoshiro128(state);
  const select = (i: number, r: number) => packed[i | 2] ^ (packed[i | 1] & ((r - packed[i]) >> 31));
  let u = rng.nextUint32() | 0;
  let i = (u >>> startShift) << 2;
  let r = startShift < SECOND_DRAW_BELOW ? rng.nextUint32() >>> 1 : u >>> 1;
  const side = (r - packed[i]) >> 31;
  let code = select(i, r);
  const entry = packed[startInfo + i + 1 + side];
  const nodes = [nodeOfBase[entry >>> 5]];
  let h1 = Math.imul(Math.imul(HASH_A ^ entry, HASH_P) ^ code, HASH_P);
  let h2 = Math.imul(HASH_B ^ entry, HASH_Q);
  h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ code, HASH_Q);
  let steps = 1;
  while ((code >= 0 || code <= WIDE_CODE) && steps !== maxSteps) {
    steps++;
    const word = code >= 0 ? code : wideWord[WIDE_CODE - code];
    nodes.push(nodeOfBase[word >>> 5]);
    u = rng.nextUint32() | 0;
    i = ((word >>> 5) + (u >>> word)) << 2;
    r = code >= 0 ? u >>> 1 : rng.nextUint32() >>> 1;
    code = select(i, r);
    h1 = Math.imul(h1 ^ code, HASH_P);
    h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ code, HASH_Q);
  }
  // A path to an outcome ends with the outcome; an abandoned one ends where the customer left.
  if (code < 0 && code > WIDE_CODE && journey.kind[endNode(code)] === KIND_OUTCOME) nodes.push(endNode(code));
  return { nodes, keyA: (h1 ^ steps) >>> 0, keyB: (h2 + steps) >>> 0 };
}

/** Runs `customers` customers in one go. */
export function runMonteCarlo(journey: CompiledJourney, customers: number, options: MonteCarloOptions): MonteCarloResult {
  const runner = new MonteCarloRunner(journey, options);
  runner.step(customers);
  return runner.finish();
}
