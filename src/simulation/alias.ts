/**
 * Walker/Vose alias tables, one per node, so that each Monte Carlo step draws its next move with a single
 * uint32 and O(1) work whatever the node's out-degree. A node's table has one slot per outgoing edge plus one
 * "abandon" slot when it can lose customers.
 *
 * A draw u (uint32) on a table of k slots: x = u·k (exact in a double), slot i = ⌊x / 2³²⌋ and the remainder
 * r = x − i·2³² is uniform on [0, 2³²); the move is primary[i] if r < threshold[i], else alias[i].
 */
import { KIND_OUTCOME, type CompiledJourney } from './compile';

/** Move code for "abandons here"; codes ≥ 0 are non-outcome nodes; outcome node o is −2 − o. */
export const ABANDON = -1;

export const TWO_POW_32 = 4294967296;

export interface WalkTables {
  /** Slots of node i: slotStart[i] .. slotStart[i+1]-1 (outcomes have none). */
  readonly slotStart: Int32Array;
  readonly threshold: Float64Array;
  readonly primary: Int32Array;
  readonly alias: Int32Array;
  /** Alias table over the entries (slot values are node indices). */
  readonly entryThreshold: Float64Array;
  readonly entryPrimary: Int32Array;
  readonly entryAlias: Int32Array;
}

export function moveCode(journey: CompiledJourney, node: number): number {
  return journey.kind[node] === KIND_OUTCOME ? -2 - node : node;
}

export function buildWalkTables(journey: CompiledJourney): WalkTables {
  const { n, kind, dropOff, rowStart, target, share } = journey;
  const slotStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const degree = kind[i] === KIND_OUTCOME ? 0 : rowStart[i + 1] - rowStart[i];
    const slots = kind[i] === KIND_OUTCOME ? 0 : degree === 0 ? 1 : degree + (dropOff[i] > 0 ? 1 : 0);
    slotStart[i + 1] = slotStart[i] + slots;
  }
  const total = slotStart[n];
  const threshold = new Float64Array(total);
  const primary = new Int32Array(total);
  const alias = new Int32Array(total);
  const probabilities: number[] = [];
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (kind[i] === KIND_OUTCOME) continue;
    probabilities.length = 0;
    codes.length = 0;
    const d = rowStart[i] === rowStart[i + 1] ? 1 : dropOff[i];
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      probabilities.push((1 - d) * share[p]);
      codes.push(moveCode(journey, target[p]));
    }
    if (d > 0) {
      probabilities.push(d);
      codes.push(ABANDON);
    }
    fillAlias(probabilities, codes, slotStart[i], threshold, primary, alias);
  }

  const m = journey.entries.length;
  const entryThreshold = new Float64Array(m);
  const entryPrimary = new Int32Array(m);
  const entryAlias = new Int32Array(m);
  fillAlias(Array.from(journey.entryProbability), Array.from(journey.entries), 0, entryThreshold, entryPrimary, entryAlias);
  return { slotStart, threshold, primary, alias, entryThreshold, entryPrimary, entryAlias };
}

/** Vose's method: fills slots offset .. offset+k-1 for a distribution over k codes. */
function fillAlias(
  probabilities: readonly number[],
  codes: readonly number[],
  offset: number,
  threshold: Float64Array,
  primary: Int32Array,
  alias: Int32Array,
): void {
  const k = probabilities.length;
  const total = probabilities.reduce((a, b) => a + b, 0);
  const scaled = probabilities.map((p) => (p * k) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large[large.length - 1];
    threshold[offset + s] = scaled[s] * TWO_POW_32;
    primary[offset + s] = codes[s];
    alias[offset + s] = codes[l];
    scaled[l] -= 1 - scaled[s];
    if (scaled[l] < 1) small.push(large.pop()!);
  }
  // What is left is 1 up to rounding: always take the slot's own move.
  for (const i of [...small, ...large]) {
    threshold[offset + i] = TWO_POW_32;
    primary[offset + i] = codes[i];
    alias[offset + i] = codes[i];
  }
}
