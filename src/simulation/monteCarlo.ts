/**
 * Monte Carlo engine: simulated customers walk the compiled journey, one uint32 from xoshiro128** per
 * random choice. The runner accumulates over calls to step(), so a worker can run in chunks with progress
 * and cancel; results depend only on the seed and the total number of customers, not on the chunking.
 */
import { KIND_OUTCOME, type CompiledJourney } from './compile';
import { ABANDON, buildWalkTables, TWO_POW_32, type WalkTables } from './alias';
import { PathCounter } from './pathCounter';
import { seedState, UINT32_TO_UNIT, Xoshiro128 } from './prng';
import { summariseLengths, wilsonInterval } from './stats';
import type { MonteCarloResult, PathCount } from './types';

export interface MonteCarloOptions {
  seed: number;
  /** A journey still going after this many steps is stopped and counted as looping. */
  maxSteps: number;
  /** Count paths for topPaths (default true). */
  trackPaths?: boolean;
  /** Slots of the path table (a power of two); bounds memory at 17 bytes per slot. */
  maxPathSlots?: number;
}

const HASH_A = 0x811c9dc5;
const HASH_B = 0x2545f491;

function finalMix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class MonteCarloRunner {
  readonly tables: WalkTables;
  private readonly rng: Uint32Array;
  private readonly visitCounts: Float64Array;
  /** Abandonments at non-outcome nodes, customers ending at outcome nodes. */
  private readonly endCounts: Float64Array;
  private readonly lengths: Float64Array;
  private readonly paths: PathCounter | null;
  private customers = 0;
  private transitions = 0;
  private loopingCount = 0;

  constructor(readonly journey: CompiledJourney, readonly options: MonteCarloOptions) {
    if (!(Number.isInteger(options.maxSteps) && options.maxSteps >= 1)) throw new RangeError('maxSteps must be a whole number of at least 1');
    this.tables = buildWalkTables(journey);
    this.rng = seedState(options.seed);
    this.visitCounts = new Float64Array(journey.n);
    this.endCounts = new Float64Array(journey.n);
    this.lengths = new Float64Array(options.maxSteps + 1);
    this.paths = options.trackPaths === false ? null : new PathCounter(options.maxPathSlots);
  }

  /** Customers simulated so far. */
  get done(): number {
    return this.customers;
  }

  /** Simulates `count` more customers. The hot loop keeps the generator state in locals (xoshiro128**, inlined). */
  step(count: number): void {
    const { slotStart, threshold, primary, alias, entryThreshold, entryPrimary, entryAlias } = this.tables;
    const visits = this.visitCounts, ends = this.endCounts, lengths = this.lengths, paths = this.paths;
    const maxSteps = this.options.maxSteps;
    const entryCount = entryPrimary.length;
    const st = this.rng;
    let s0 = st[0] | 0, s1 = st[1] | 0, s2 = st[2] | 0, s3 = st[3] | 0;
    let transitions = 0, looping = 0;

    for (let c = 0; c < count; c++) {
      const t0 = s0, t1 = s1, t2 = s2, t3 = s3;
      let node = entryPrimary[0];
      if (entryCount > 1) {
        const m = Math.imul(s1, 5);
        const u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
        const x = u * entryCount;
        const i = (x * UINT32_TO_UNIT) | 0;
        node = x - i * TWO_POW_32 < entryThreshold[i] ? entryPrimary[i] : entryAlias[i];
      }
      let h1 = Math.imul(HASH_A ^ node, 0x01000193);
      let h2 = Math.imul(HASH_B ^ node, 0x9e3779b1);
      let steps = 0;
      let code = 0;
      for (;;) {
        if (steps === maxSteps) break;
        steps++;
        visits[node]++;
        const base = slotStart[node];
        const k = slotStart[node + 1] - base;
        if (k === 1) {
          code = primary[base];
        } else {
          const m = Math.imul(s1, 5);
          const u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
          const t = s1 << 9;
          s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = (s3 << 11) | (s3 >>> 21);
          const x = u * k;
          const i = (x * UINT32_TO_UNIT) | 0;
          const j = base + i;
          code = x - i * TWO_POW_32 < threshold[j] ? primary[j] : alias[j];
        }
        h1 = Math.imul(h1 ^ code, 0x01000193);
        h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ code, 0x9e3779b1);
        if (code < 0) break;
        node = code;
      }
      transitions += steps;
      if (code >= 0) {
        looping++;
        continue;
      }
      lengths[steps]++;
      if (code === ABANDON) ends[node]++;
      else ends[-2 - code]++;
      if (paths !== null) {
        paths.add(finalMix(h1 ^ steps), finalMix(h2 + steps), code === ABANDON ? 0 : 1, t0, t1, t2, t3);
      }
    }

    st[0] = s0; st[1] = s1; st[2] = s2; st[3] = s3;
    this.customers += count;
    this.transitions += transitions;
    this.loopingCount += looping;
  }

  /** The results so far (the runner can go on stepping afterwards). */
  finish(topCount = 10): MonteCarloResult {
    const { journey } = this;
    const N = this.customers;
    const share = (c: number) => (N > 0 ? c / N : 0);
    const outcomes: Record<string, number> = {}, outcomeCounts: Record<string, number> = {};
    const abandon: Record<string, number> = {}, abandonCounts: Record<string, number> = {};
    const visits: Record<string, number> = {};
    let successCount = 0, failureCount = 0, abandonedCount = 0;
    for (let i = 0; i < journey.n; i++) {
      const id = journey.ids[i];
      const ended = this.endCounts[i];
      if (journey.kind[i] === KIND_OUTCOME) {
        outcomeCounts[id] = ended;
        outcomes[id] = share(ended);
        visits[id] = ended;
        if (journey.success[i]) successCount += ended;
        else failureCount += ended;
      } else {
        abandonCounts[id] = ended;
        abandon[id] = share(ended);
        visits[id] = this.visitCounts[i];
        abandonedCount += ended;
      }
    }
    const pathList = (complete: number): PathCount[] =>
      (this.paths?.top(topCount, complete) ?? []).map((entry) => {
        const path = this.replay(entry.state, entry.keyA, entry.keyB);
        return { path: path.map((i) => journey.ids[i]), count: entry.count, share: share(entry.count) };
      });
    return {
      customers: N,
      seed: this.options.seed,
      maxSteps: this.options.maxSteps,
      transitions: this.transitions,
      outcomes,
      outcomeCounts,
      abandon,
      abandonCounts,
      visits,
      success: { count: successCount, ...wilsonInterval(successCount, N) },
      failure: { count: failureCount, share: share(failureCount) },
      abandoned: { count: abandonedCount, share: share(abandonedCount) },
      looping: { count: this.loopingCount, share: share(this.loopingCount) },
      journeyLength: summariseLengths(this.lengths),
      topPaths: pathList(1),
      topAbandonPaths: pathList(0),
      topPathsExact: (this.paths?.undercountBound ?? 0) === 0,
      pathUndercountBound: this.paths?.undercountBound ?? 0,
      distinctPathsTracked: this.paths?.distinct ?? 0,
    };
  }

  /**
   * Walks one customer again from a saved generator state, with the reference generator and the same
   * draws as the hot loop, and checks that the path hashes to the key it was counted under.
   */
  private replay(state: Uint32Array, keyA: number, keyB: number): number[] {
    const { slotStart, threshold, primary, alias, entryThreshold, entryPrimary, entryAlias } = this.tables;
    const rng = new Xoshiro128(state);
    const draw = (k: number, thresholds: Float64Array, primaries: Int32Array, aliases: Int32Array, base: number) => {
      const x = rng.nextUint32() * k;
      const i = Math.floor(x * UINT32_TO_UNIT);
      return x - i * TWO_POW_32 < thresholds[base + i] ? primaries[base + i] : aliases[base + i];
    };
    let node = entryPrimary.length > 1 ? draw(entryPrimary.length, entryThreshold, entryPrimary, entryAlias, 0) : entryPrimary[0];
    const path = [node];
    let h1 = Math.imul(HASH_A ^ node, 0x01000193);
    let h2 = Math.imul(HASH_B ^ node, 0x9e3779b1);
    let steps = 0;
    for (;;) {
      steps++;
      const base = slotStart[node];
      const k = slotStart[node + 1] - base;
      const code = k === 1 ? primary[base] : draw(k, threshold, primary, alias, base);
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ code, 0x9e3779b1);
      if (code === ABANDON) break;
      if (code < 0) {
        path.push(-2 - code);
        break;
      }
      node = code;
      path.push(node);
      if (steps > this.options.maxSteps) break;
    }
    if (finalMix(h1 ^ steps) !== keyA || finalMix(h2 + steps) !== keyB) {
      throw new Error('Monte Carlo path replay diverged from the counted path');
    }
    return path;
  }
}

/** Runs `customers` customers in one go. */
export function runMonteCarlo(journey: CompiledJourney, customers: number, options: MonteCarloOptions): MonteCarloResult {
  const runner = new MonteCarloRunner(journey, options);
  runner.step(customers);
  return runner.finish();
}
