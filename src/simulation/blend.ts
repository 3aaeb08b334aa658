/**
 * Results of several populations (personas) put together: the exact results as a share-weighted mixture,
 * the Monte Carlo customers as one crowd. docs/simulation.md §8 defines every blended quantity.
 */
import { KIND_OUTCOME } from './compile';
import type { ExactChain } from './exact';
import { summariseLengths, wilsonInterval } from './stats';
import { exactResultOf } from './summary';
import type { ExactResult, MonteCarloResult, PathCount } from './types';
import type { WhatIf } from './whatIf';

export interface ExactPart {
  /** Share of all customers (the parts' shares sum to 1). */
  share: number;
  chain: ExactChain;
  whatIf: WhatIf;
  /** exactResult(chain, whatIf). */
  exact: ExactResult;
}

export interface BlendedExact {
  exact: ExactResult;
  /**
   * Per node (map order): the drop-off a customer arriving there meets, averaged over the personas of the
   * customers who arrive (weights share · reach), or over the shares where nobody arrives; 0 for outcomes.
   */
  dropOff: Float64Array;
}

/**
 * The share-weighted mixture of the parts' exact results (parts of the same map: the same nodes in the same
 * order). Probabilities of the whole journey and per-node quantities per customer (outcomes, abandon,
 * expected visits and steps, reach, uplift, removal effect, success, failure, abandoned, looping) mix
 * linearly. reachSuccess is conditional on being at the node, so it is averaged over who gets there:
 * Σ π·reach·h / Σ π·reach (Σ π·h where nobody does). Closed-loop nodes and dead ends: those of any part.
 * One part is returned as it is.
 */
export function blendExact(parts: readonly ExactPart[]): BlendedExact {
  if (parts.length === 1) return { exact: parts[0].exact, dropOff: parts[0].chain.journey.dropOff };
  const { journey } = parts[0].chain;
  const { n, kind } = journey;
  const weighted = parts.filter((p) => p.share !== 0);
  const linear = (pick: (p: ExactPart) => number): number => {
    let sum = 0;
    for (const p of weighted) sum += p.share * pick(p);
    return sum;
  };
  const column = (pick: (p: ExactPart) => ArrayLike<number>): Float64Array => {
    const out = new Float64Array(n);
    for (const p of weighted) {
      const values = pick(p);
      for (let i = 0; i < n; i++) out[i] += p.share * values[i];
    }
    return out;
  };
  const reach = column((p) => p.whatIf.reach);
  /** Σ π·reach·x / Σ π·reach at node i, or Σ π·x where no part's customers arrive. */
  const amongArrivals = (i: number, pick: (p: ExactPart) => ArrayLike<number>): number => {
    let sum = 0;
    if (reach[i] > 0) {
      for (const p of weighted) if (p.whatIf.reach[i] > 0) sum += p.share * p.whatIf.reach[i] * pick(p)[i];
      return sum / reach[i];
    }
    for (const p of weighted) sum += p.share * pick(p)[i];
    return sum;
  };
  const reachSuccess = new Float64Array(n);
  const dropOff = new Float64Array(n);
  const closed = new Uint8Array(n);
  const deadEnd = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    reachSuccess[i] = amongArrivals(i, (p) => p.chain.reachSuccess);
    if (kind[i] === KIND_OUTCOME) continue;
    dropOff[i] = amongArrivals(i, (p) => p.chain.journey.dropOff);
    for (const p of parts) {
      closed[i] |= p.chain.closed[i];
      deadEnd[i] |= p.chain.deadEnd[i];
    }
  }
  const exact = exactResultOf(journey, {
    visits: column((p) => p.chain.visits),
    abandon: column((p) => p.chain.abandon),
    reachSuccess,
    uplift: column((p) => p.whatIf.uplift),
    removalEffect: column((p) => p.whatIf.removalEffect),
    reach,
    closed,
    deadEnd,
    expectedSteps: linear((p) => p.chain.expectedSteps),
    success: linear((p) => p.chain.success),
    failure: linear((p) => p.chain.failure),
    abandoned: linear((p) => p.chain.abandoned),
    looping: linear((p) => p.chain.looping),
  });
  return { exact, dropOff };
}

export interface MonteCarloPart {
  result: MonteCarloResult;
  /** How many top paths of each kind the part's runner was asked for (finish(topCount)). */
  pathsAsked: number;
  /** The part's count of any path (MonteCarloRunner.pathCount), for paths missing from its lists. */
  countOf?: (path: string[]) => number;
}

/**
 * Every part's customers as one crowd: counts, visits, the length histogram and looping add up; shares and
 * the success interval are taken again over all customers. Top paths: the most frequent of the paths in
 * the parts' lists, each counted in every part (countOf where a part's list lacks it). Without countOf, a
 * path missing from a part's full list may have up to that list's last count there. pathUndercountBound
 * says how short a listed count may be (the parts' pruning, and counts not looked up), or, if more, how
 * many customers a path left out of the list may have had when that could be more than a listed path has.
 * One part gives what its runner's finish(topCount) gives.
 */
export function mergeMonteCarlo(parts: readonly MonteCarloPart[], seed: number, topCount = 10): MonteCarloResult {
  const results = parts.map((p) => p.result);
  const [first] = results;
  const N = results.reduce((sum, r) => sum + r.customers, 0);
  const share = (c: number) => (N > 0 ? c / N : 0);
  const sum = (pick: (r: MonteCarloResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const counts = (key: 'outcomeCounts' | 'abandonCounts' | 'visits'): Record<string, number> => {
    const added: Record<string, number> = {};
    for (const id of Object.keys(first[key])) added[id] = sum((r) => r[key][id]);
    return added;
  };
  const shares = (record: Record<string, number>): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [id, c] of Object.entries(record)) out[id] = share(c);
    return out;
  };
  const outcomeCounts = counts('outcomeCounts');
  const abandonCounts = counts('abandonCounts');
  const histogram: number[] = [];
  for (const r of results) r.journeyLength.histogram.forEach((c, L) => (histogram[L] = (histogram[L] ?? 0) + c));
  const successCount = sum((r) => r.success.count);
  const failureCount = sum((r) => r.failure.count);
  const abandonedCount = sum((r) => r.abandoned.count);
  const loopingCount = sum((r) => r.looping.count);
  const complete = mergePaths(parts, (r) => r.topPaths, N, topCount);
  const abandoned = mergePaths(parts, (r) => r.topAbandonPaths, N, topCount);
  const bound = Math.max(sum((r) => r.pathUndercountBound), complete.bound, abandoned.bound);
  return {
    customers: N,
    seed,
    maxSteps: first.maxSteps,
    transitions: sum((r) => r.transitions),
    outcomes: shares(outcomeCounts),
    outcomeCounts,
    abandon: shares(abandonCounts),
    abandonCounts,
    visits: counts('visits'),
    success: { count: successCount, ...wilsonInterval(successCount, N) },
    failure: { count: failureCount, share: share(failureCount) },
    abandoned: { count: abandonedCount, share: share(abandonedCount) },
    looping: { count: loopingCount, share: share(loopingCount) },
    journeyLength: summariseLengths(histogram),
    topPaths: complete.paths,
    topAbandonPaths: abandoned.paths,
    topPathsExact: bound === 0,
    pathUndercountBound: bound,
    distinctPathsTracked: sum((r) => r.distinctPathsTracked),
  };
}

/**
 * The `topCount` most frequent paths of the parts' lists (ties in the order first met: part by part, most
 * frequent first), and the bound described at mergeMonteCarlo.
 */
function mergePaths(
  parts: readonly MonteCarloPart[],
  pick: (r: MonteCarloResult) => PathCount[],
  N: number,
  topCount: number,
): { paths: PathCount[]; bound: number } {
  const merged = new Map<string, { path: string[]; count: number; seenIn: Set<number> }>();
  parts.forEach(({ result }, k) => {
    for (const { path, count } of pick(result)) {
      const key = JSON.stringify(path);
      let entry = merged.get(key);
      if (!entry) merged.set(key, (entry = { path, count: 0, seenIn: new Set() }));
      entry.count += count;
      entry.seenIn.add(k);
    }
  });
  // The most customers a part may have on a path missing from its list: 0 unless the list is full.
  const unlisted = parts.map(({ result, pathsAsked }) => {
    const list = pick(result);
    return list.length >= pathsAsked && list.length > 0 ? list[list.length - 1].count : 0;
  });
  for (const entry of merged.values()) {
    parts.forEach(({ countOf }, k) => {
      if (countOf && !entry.seenIn.has(k)) entry.count += countOf(entry.path);
    });
  }
  const top = [...merged.values()].sort((a, b) => b.count - a.count).slice(0, topCount);
  let bound = 0;
  for (const entry of top) {
    let short = 0;
    parts.forEach(({ result, countOf }, k) => {
      short += result.pathUndercountBound;
      if (!entry.seenIn.has(k) && !countOf) short += unlisted[k];
    });
    bound = Math.max(bound, short);
  }
  // A path in no part's list was counted at most Σ unlisted times: it can only belong in the list if
  // that is more than the list's last count (or the list is short).
  const leftOut = unlisted.reduce((a, b) => a + b, 0);
  if (leftOut > 0 && (top.length < topCount || leftOut > top[top.length - 1].count)) bound = Math.max(bound, leftOut);
  return { paths: top.map(({ path, count }) => ({ path, count, share: N > 0 ? count / N : 0 })), bound };
}
