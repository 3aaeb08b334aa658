/**
 * The map's main path, from the exact analysis: start at the entry where most customers start, then at each
 * node take the step most customers arriving there take (expected flow along each edge, blended over the
 * personas by their shares), never going back to a node already on the path, until an outcome, or a node
 * with no way on. A greedy path: each step is the likeliest, which is what a reader of a journey diagram
 * expects, though the path as a whole need not be the single likeliest path.
 */
import type { JourneyMap } from '../domain';
import { analyseExact, compileJourney, populations, SimulationError, type CompiledJourney, type ExactChain } from '../simulation';
import { KIND_OUTCOME } from '../simulation/compile';

interface Part {
  share: number;
  journey: CompiledJourney;
  chain: ExactChain;
}

/** Node ids of the main path; empty when the map cannot be analysed (e.g. it has no entry). */
export function mainPath(map: JourneyMap): string[] {
  let parts: Part[];
  try {
    parts = populations(map).map(({ share, view }) => {
      const journey = compileJourney(view);
      return { share, journey, chain: analyseExact(journey) };
    });
  } catch (error) {
    if (error instanceof SimulationError) return [];
    throw error;
  }
  const { n, ids, kind } = parts[0].journey;
  const start = new Float64Array(n);
  for (const { share, journey } of parts) {
    journey.entries.forEach((node, e) => (start[node] += share * journey.entryProbability[e]));
  }
  let at = -1;
  for (let i = 0; i < n; i++) if (start[i] > 0 && (at < 0 || start[i] > start[at])) at = i;
  if (at < 0) return [];
  const path = [at];
  const onPath = new Set(path);
  while (kind[at] !== KIND_OUTCOME) {
    const next = likeliestStep(parts, at, map.edges.length, onPath);
    if (next < 0) break;
    path.push(next);
    onPath.add(next);
    at = next;
  }
  return path.map((i) => ids[i]);
}

/** How much each part's customers count at node i: its share times its expected visits there. */
function arrivals(parts: readonly Part[], i: number): number[] {
  const weights = parts.map((p) => p.share * p.chain.visits[i]);
  // Inside a closed loop visits are infinite: count only the parts caught there, alike.
  if (weights.some((w) => w === Infinity)) return weights.map((w) => (w === Infinity ? 1 : 0));
  // Where nobody arrives, each part counts by its share, so the path can still go on.
  if (!weights.some((w) => w > 0)) return parts.map((p) => p.share);
  return weights;
}

/** The target of the edge out of node i with the largest expected flow, leaving out nodes on the path; −1 if none. */
function likeliestStep(parts: readonly Part[], i: number, edgeCount: number, onPath: ReadonlySet<number>): number {
  const flow = new Float64Array(edgeCount);
  const target = new Int32Array(edgeCount).fill(-1);
  const weights = arrivals(parts, i);
  parts.forEach(({ journey }, k) => {
    const onward = weights[k] * (1 - journey.dropOff[i]);
    for (let s = journey.rowStart[i]; s < journey.rowStart[i + 1]; s++) {
      flow[journey.edgeIndex[s]] += onward * journey.share[s];
      target[journey.edgeIndex[s]] = journey.target[s];
    }
  });
  let best = -1;
  // Ties go to the edge drawn first in the map.
  for (let e = 0; e < edgeCount; e++) {
    if (target[e] < 0 || onPath.has(target[e])) continue;
    if (best < 0 || flow[e] > flow[best]) best = e;
  }
  return best < 0 ? -1 : target[best];
}
