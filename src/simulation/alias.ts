/**
 * Walker/Vose alias tables, one per node, so that each Monte Carlo step draws its next move with a single
 * uint32 and O(1), branch-free work whatever the node's out-degree. A node's table has one slot per outgoing
 * edge plus an "abandon" slot when it can lose customers, padded with empty slots to 2^b slots (b ≥ 1).
 *
 * A node is named in the walk by its word, (first slot << 5) | b, so that a move leads straight to the next
 * table without looking the node up. A draw u (32 bits) on a table of 2^b slots: slot i = the top b bits of
 * u; the other 32 − b bits, as a 31-bit number r, pick the slot's primary move when r < threshold and its
 * alias otherwise. A table of more than 2^12 slots would leave too few bits for r, so it takes r from a
 * second draw.
 */
import { KIND_OUTCOME, SimulationError, type CompiledJourney } from './compile';

/** Move code for "abandons here". Codes > 0 are words of non-outcome nodes; outcome node o is −2 − o. */
export const ABANDON = -1;

export const MAX_SINGLE_DRAW_BITS = 12;
const TWO_POW_31 = 2147483648;

export interface WalkTables {
  /** Word of each non-outcome node (0 for outcomes). */
  readonly word: Int32Array;
  /** Slot base (word >>> 5) → node index; −1 where no table starts. */
  readonly nodeOfBase: Int32Array;
  /** Four int32 per slot: threshold (31 bits), primary move, alias move, unused. */
  readonly packed: Int32Array;
  /** Word of the table over entries: its moves are the entries' words. */
  readonly entryWord: number;
}

function bitsFor(k: number): number {
  let b = 1;
  while (1 << b < k) b++;
  return b;
}

export function buildWalkTables(journey: CompiledJourney): WalkTables {
  const { n, kind, dropOff, rowStart, target, share } = journey;
  const word = new Int32Array(n);
  let slots = 0;
  const allocate = (k: number): number => {
    const b = bitsFor(k);
    if (slots + (1 << b) >= 1 << 26) throw new SimulationError('The map is too large for the Monte Carlo engine');
    const w = (slots << 5) | b;
    slots += 1 << b;
    return w;
  };
  const slotCount = (i: number) => {
    const degree = rowStart[i + 1] - rowStart[i];
    return degree === 0 ? 1 : degree + (dropOff[i] > 0 ? 1 : 0);
  };
  for (let i = 0; i < n; i++) if (kind[i] !== KIND_OUTCOME) word[i] = allocate(slotCount(i));
  const entryWord = allocate(journey.entries.length);

  const nodeOfBase = new Int32Array(slots).fill(-1);
  const packed = new Int32Array(4 * slots);
  const code = (j: number) => (kind[j] === KIND_OUTCOME ? -2 - j : word[j]);
  for (let i = 0; i < n; i++) {
    if (kind[i] === KIND_OUTCOME) continue;
    nodeOfBase[word[i] >>> 5] = i;
    const probabilities: number[] = [];
    const codes: number[] = [];
    const d = rowStart[i] === rowStart[i + 1] ? 1 : dropOff[i];
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      probabilities.push((1 - d) * share[p]);
      codes.push(code(target[p]));
    }
    if (d > 0) {
      probabilities.push(d);
      codes.push(ABANDON);
    }
    fillAlias(probabilities, codes, word[i], packed);
  }
  fillAlias(Array.from(journey.entryProbability), Array.from(journey.entries, code), entryWord, packed);
  return { word, nodeOfBase, packed, entryWord };
}

/** Vose's method over 2^b slots (the extra ones empty) for the table named by `tableWord`. */
function fillAlias(probabilities: number[], codes: number[], tableWord: number, packed: Int32Array): void {
  const k = 1 << (tableWord & 31);
  const offset = tableWord >>> 5;
  while (probabilities.length < k) {
    probabilities.push(0);
    codes.push(codes[0]);
  }
  const total = probabilities.reduce((a, b) => a + b, 0);
  const scaled = probabilities.map((p) => (p * k) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  const set = (slot: number, threshold: number, primary: number, alias: number) => {
    const at = 4 * (offset + slot);
    packed[at] = threshold;
    packed[at + 1] = primary;
    packed[at + 2] = alias;
  };
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large[large.length - 1];
    set(s, Math.min(TWO_POW_31 - 1, Math.round(scaled[s] * TWO_POW_31)), codes[s], codes[l]);
    scaled[l] -= 1 - scaled[s];
    if (scaled[l] < 1) small.push(large.pop()!);
  }
  // What is left is 1 up to rounding: the slot's own move either way.
  for (const i of [...small, ...large]) set(i, TWO_POW_31 - 1, codes[i], codes[i]);
}
