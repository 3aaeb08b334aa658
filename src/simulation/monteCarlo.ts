/**
 * Monte Carlo engine: simulated customers walk the compiled journey, one uint32 from xoshiro128** per step.
 * The runner accumulates over calls to step(), so a worker can run in chunks with progress and cancel; the
 * results depend only on the seed and the number of customers, never on how the run is split into chunks.
 */
import { KIND_OUTCOME, type CompiledJourney } from './compile';
import { ABANDON, buildWalkTables, MAX_SINGLE_DRAW_BITS, type WalkTables } from './alias';
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
  /** Slots of the path table (a power of two, default 2^18, 32 bytes each). */
  maxPathSlots?: number;
}

/** Everything the hot loop touches, in one place so that it can be destructured into locals per batch. */
interface WalkState {
  readonly packed: Int32Array;
  readonly entryWord: number;
  readonly nodeOfBase: Int32Array;
  readonly maxSteps: number;
  /** xoshiro128** state as int32 words: at the start of the current customer during a batch. */
  readonly rng: Int32Array;
  /** Visits per node, indexed by the node's slot base. */
  readonly visits: Float64Array;
  /** Abandonments at non-outcome nodes, customers ending at outcome nodes; by node index. */
  readonly ends: Float64Array;
  readonly lengths: Float64Array;
  readonly paths: PathCounter | null;
  /** [transitions, looping] */
  readonly totals: Float64Array;
}

const HASH_A = 0x811c9dc5;
const HASH_B = 0x2545f491;
/** Customers per call of walkBatch: the function is then optimised as a whole rather than on-stack. */
const BATCH = 4096;

function finalMix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The hot loop. A step: draw u (xoshiro128** inlined, state in locals), slot = top b bits of u, then the
 * slot's primary or alias move chosen with a mask instead of a branch. `code` is the next node's word, or
 * negative when the journey ends. replayPath walks one customer the same way.
 */
function walkBatch(w: WalkState, count: number): void {
  const { packed, entryWord, nodeOfBase, maxSteps, rng, visits, ends, lengths, paths, totals } = w;
  // Imported bindings may compile to getter calls (CommonJS interop under tsx): copy them to locals.
  const wide = MAX_SINGLE_DRAW_BITS, abandon = ABANDON;
  let s0 = rng[0], s1 = rng[1], s2 = rng[2], s3 = rng[3];
  let transitions = totals[0], looping = totals[1];
  // State is written back at the top of every customer, inside the loop: a store after the loop would have
  // no type feedback when V8 compiles the loop on-stack, and the cached OSR code would deoptimise there on
  // every call. The stored state is also the customer's start state, which the path table keeps for replay.
  for (let c = 0; ; c++) {
    rng[0] = s0; rng[1] = s1; rng[2] = s2; rng[3] = s3;
    totals[0] = transitions;
    totals[1] = looping;
    if (c === count) break;
    let at = entryWord, steps = 0, code = 0;
    let h1 = HASH_A, h2 = HASH_B;
    for (;;) {
      const m = Math.imul(s1, 5);
      const u = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
      const bits = at & 31;
      const slot = ((at >>> 5) + (u >>> (32 - bits))) << 2;
      let r = (u << bits) >>> 1;
      if (bits > wide) {
        const m2 = Math.imul(s1, 5);
        r = Math.imul((m2 << 7) | (m2 >>> 25), 9) >>> 1;
        const t2 = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t2; s3 = (s3 << 11) | (s3 >>> 21);
      }
      const primary = packed[slot + 1], alias = packed[slot + 2];
      code = alias ^ ((primary ^ alias) & ((r - packed[slot]) >> 31));
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ code, 0x9e3779b1);
      if (code < 0 || steps === maxSteps) break;
      steps++;
      visits[code >>> 5]++;
      at = code;
    }
    transitions += steps;
    if (code >= 0) {
      looping++;
      continue;
    }
    lengths[steps]++;
    if (code === abandon) ends[nodeOfBase[at >>> 5]]++;
    else ends[-2 - code]++;
    if (paths !== null) paths.add(finalMix(h1 ^ steps), finalMix(h2 + steps), code === abandon ? 0 : 1, rng[0], rng[1], rng[2], rng[3]);
  }
}

export class MonteCarloRunner {
  readonly tables: WalkTables;
  private readonly walk: WalkState;
  private customers = 0;

  constructor(readonly journey: CompiledJourney, readonly options: MonteCarloOptions) {
    if (!(Number.isInteger(options.maxSteps) && options.maxSteps >= 1)) throw new RangeError('maxSteps must be a whole number of at least 1');
    this.tables = buildWalkTables(journey);
    this.walk = {
      packed: this.tables.packed,
      entryWord: this.tables.entryWord,
      nodeOfBase: this.tables.nodeOfBase,
      maxSteps: options.maxSteps,
      rng: new Int32Array(seedState(options.seed).buffer),
      visits: new Float64Array(this.tables.nodeOfBase.length),
      ends: new Float64Array(journey.n),
      lengths: new Float64Array(options.maxSteps + 1),
      paths: options.trackPaths === false ? null : new PathCounter(options.maxPathSlots),
      totals: new Float64Array(2),
    };
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
    for (let left = count; left > 0; left -= BATCH) walkBatch(this.walk, Math.min(BATCH, left));
    this.customers += count;
  }

  /** The results so far (the runner can go on stepping afterwards). */
  finish(topCount = 10): MonteCarloResult {
    const { journey, tables } = this;
    const { visits: visitCounts, ends, lengths, paths, totals } = this.walk;
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
        visits[id] = visitCounts[tables.word[i] >>> 5];
        abandonedCount += ended;
      }
    }
    const undercountBound = paths?.undercountBound ?? 0;
    const pathList = (complete: number): PathCount[] =>
      paths === null
        ? []
        : paths.top(topCount, complete).map((entry) => {
            const path = replayPath(this.walk, entry.state);
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
function replayPath(w: WalkState, state: Uint32Array): { nodes: number[]; keyA: number; keyB: number } {
  const rng = new Xoshiro128(state);
  const nodes: number[] = [];
  let at = w.entryWord;
  let steps = 0;
  let h1 = HASH_A, h2 = HASH_B;
  for (;;) {
    const u = rng.nextUint32() | 0;
    const bits = at & 31;
    const slot = ((at >>> 5) + (u >>> (32 - bits))) << 2;
    const r = bits > MAX_SINGLE_DRAW_BITS ? rng.nextUint32() >>> 1 : (u << bits) >>> 1;
    const code = r < w.packed[slot] ? w.packed[slot + 1] : w.packed[slot + 2];
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ code, 0x9e3779b1);
    if (code === ABANDON) break;
    if (code < 0) {
      nodes.push(-2 - code);
      break;
    }
    if (steps === w.maxSteps) break;
    steps++;
    nodes.push(w.nodeOfBase[code >>> 5]);
    at = code;
  }
  return { nodes, keyA: finalMix(h1 ^ steps), keyB: finalMix(h2 + steps) };
}

/** Runs `customers` customers in one go. */
export function runMonteCarlo(journey: CompiledJourney, customers: number, options: MonteCarloOptions): MonteCarloResult {
  const runner = new MonteCarloRunner(journey, options);
  runner.step(customers);
  return runner.finish();
}
