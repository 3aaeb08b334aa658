/**
 * Walker/Vose alias tables, one per node, so that each Monte Carlo step draws its next move with a single
 * uint32 and O(1), branch-free work whatever the node's out-degree. A node's table has one slot per outgoing
 * edge plus an "abandon" slot when it can lose customers, padded with empty slots to 2^b slots (b ≥ 1).
 *
 * A node is named in the walk by its word, (first slot << 5) | (32 − b), so that a move leads straight to the
 * next table without looking the node up, and `u >>> word` is the slot within the table (JavaScript shifts
 * use the low 5 bits of the count). A draw u (32 bits) on a table of 2^b slots: slot i = the top b bits of u;
 * the slot's primary move is taken when u >>> 1 < its threshold and the alias otherwise. The thresholds are
 * absolute (slot i's threshold lies in [i, i + 1) · 2^(31 − b)), so u >>> 1 is compared as it is, without
 * first removing the slot bits. A table of more than 2^12 slots would leave too few bits for the comparison,
 * so it stores thresholds relative to its slot (in [0, 2^31)) and compares them with a second draw. Such a
 * "wide" node (more than 4,096 moves) is named in moves by a code below WIDE_CODE instead of its word, so
 * that the walk's inner loop, which only follows codes ≥ 0, never has to test for it.
 *
 * Table 0, at slot 0, is the start table: its moves are pairs (entry, first move from that entry), with
 * probability share(entry) · P(move), so the draw that picks a customer's entry also moves them on and a
 * journey takes exactly one draw per step. After the last slot, `packed` holds SLOT_STRIDE int32 per start
 * slot: the entry's word on the primary side, on the alias side, and two counters (customers who started on
 * each side).
 */
import { KIND_OUTCOME, SimulationError, type CompiledJourney } from './compile';
import { Meter, runToEnd, type Pausable } from './pausable';

/** Int32 per slot in `packed`: threshold, primary ^ alias, alias, visit counter. */
export const SLOT_STRIDE = 4;
/** Largest b for which one draw picks both the slot and the side. */
export const MAX_SINGLE_DRAW_BITS = 12;
/** Tables with `word & 31` below this take a second draw (b > MAX_SINGLE_DRAW_BITS). */
export const SECOND_DRAW_BELOW = 32 - MAX_SINGLE_DRAW_BITS;

/** Moves to the j-th wide node have code WIDE_CODE − j; its word is wideWord[j]. */
export const WIDE_CODE = -0x40000000;

/** The move code of a journey that ends at node `index`: abandoning there, or reaching that outcome. */
export const endCode = (index: number): number => -2 - index;
/** The node where a journey with move code `code` (< 0) ended. */
export const endNode = (code: number): number => -2 - code;

export interface WalkTables {
  /** Word of each non-outcome node (0 for outcomes). */
  readonly word: Int32Array;
  /** Slot → node index of the table that starts there; −1 elsewhere (and for the start table). */
  readonly nodeOfBase: Int32Array;
  /**
   * SLOT_STRIDE int32 per slot: threshold, primary ^ alias, alias, visits counted at that slot; then from
   * startInfo, per start slot: entry word (primary side), entry word (alias side), two start counters.
   */
  readonly packed: Int32Array;
  /** 32 − b of the start table, which begins at slot 0. */
  readonly startShift: number;
  /** Where the start slots' entries and counters begin in `packed` (SLOT_STRIDE · slots). */
  readonly startInfo: number;
  /** Words of the wide nodes (tables of more than 2^12 slots), by WIDE_CODE − code. */
  readonly wideWord: Int32Array;
}

function bitsFor(k: number): number {
  let b = 1;
  while (1 << b < k) b++;
  return b;
}

export function buildWalkTables(journey: CompiledJourney): WalkTables {
  return runToEnd(buildWalkTablesSteps(journey, new Meter()));
}

/** buildWalkTables, pausing every ~10⁵ operations (a 10,000-node map takes tens of ms before V8 optimises it). */
export function* buildWalkTablesSteps(journey: CompiledJourney, meter: Meter): Pausable<WalkTables> {
  const { n, kind, dropOff, rowStart, target, share } = journey;
  const word = new Int32Array(n);
  const moveCount = (i: number) => {
    const degree = rowStart[i + 1] - rowStart[i];
    return degree === 0 ? 1 : degree + (dropOff[i] > 0 ? 1 : 0);
  };
  let pairs = 0;
  for (const e of journey.entries) pairs += moveCount(e);
  const startBits = bitsFor(pairs);
  let slots = 1 << startBits;
  const wide: number[] = [];
  const moveCode = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (kind[i] === KIND_OUTCOME) {
      moveCode[i] = endCode(i);
      continue;
    }
    const b = bitsFor(moveCount(i));
    if (slots + (1 << b) >= 1 << 26) throw new SimulationError('The map is too large for the Monte Carlo engine');
    word[i] = (slots << 5) | (32 - b);
    slots += 1 << b;
    moveCode[i] = b > MAX_SINGLE_DRAW_BITS ? WIDE_CODE - wide.push(word[i]) + 1 : word[i];
  }

  const code = (j: number) => moveCode[j];
  /** Move probabilities and codes of node i: its edges, then abandoning (everyone, at a dead end). */
  const movesOf = (i: number, probabilities: number[], codes: number[], scale: number) => {
    const d = rowStart[i] === rowStart[i + 1] ? 1 : dropOff[i];
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      probabilities.push(scale * (1 - d) * share[p]);
      codes.push(code(target[p]));
    }
    if (d > 0) {
      probabilities.push(scale * d);
      codes.push(endCode(i));
    }
  };

  const startInfo = SLOT_STRIDE * slots;
  const packed = new Int32Array(startInfo + SLOT_STRIDE * (1 << startBits));
  const nodeOfBase = new Int32Array(slots).fill(-1);
  for (let i = 0; i < n; i++) {
    if (kind[i] === KIND_OUTCOME) continue;
    nodeOfBase[word[i] >>> 5] = i;
    const probabilities: number[] = [];
    const codes: number[] = [];
    movesOf(i, probabilities, codes, 1);
    fillAlias(probabilities, codes, word[i] >>> 5, 32 - (word[i] & 31), packed);
    if (meter.spend(64 * probabilities.length)) yield;
  }

  // The start table is filled with pair numbers first, then each side is split into its entry and its move.
  const probabilities: number[] = [];
  const pairCodes: number[] = [];
  const pairEntry: number[] = [];
  journey.entries.forEach((e, k) => {
    const first = probabilities.length;
    movesOf(e, probabilities, pairCodes, journey.entryProbability[k]);
    for (let p = first; p < probabilities.length; p++) pairEntry.push(word[e]);
  });
  const pairNumbers = pairCodes.map((_, p) => p);
  fillAlias(probabilities, pairNumbers, 0, startBits, packed);
  for (let s = 0; s < 1 << startBits; s++) {
    const at = SLOT_STRIDE * s;
    const alias = packed[at + 2], primary = packed[at + 1] ^ alias;
    packed[at + 1] = pairCodes[primary] ^ pairCodes[alias];
    packed[at + 2] = pairCodes[alias];
    packed[startInfo + at] = pairEntry[primary];
    packed[startInfo + at + 1] = pairEntry[alias];
  }
  return { word, nodeOfBase, packed, startShift: 32 - startBits, startInfo, wideWord: Int32Array.from(wide) };
}

/** Vose's method over 2^b slots (the extra ones empty) for the table whose first slot is `base`. */
function fillAlias(probabilities: number[], codes: number[], base: number, b: number, packed: Int32Array): void {
  const k = 1 << b;
  while (probabilities.length < k) {
    probabilities.push(0);
    codes.push(codes[0]);
  }
  const total = probabilities.reduce((a, x) => a + x, 0);
  // A table of zeros (or NaN) would silently become uniform; compileJourney makes this impossible.
  if (!(Math.abs(total - 1) < 1e-6)) throw new SimulationError(`Move probabilities add up to ${total}, not 1`);
  const scaled = probabilities.map((p) => (p * k) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  // Slot i takes its primary move for u >>> 1 below i · unit + fraction · unit (absolute), or, in a table
  // read with a second draw, below fraction · 2^31 (relative).
  const relative = b > MAX_SINGLE_DRAW_BITS;
  const unit = relative ? 2 ** 31 : 2 ** (31 - b);
  const set = (slot: number, fraction: number, primary: number, alias: number) => {
    const at = SLOT_STRIDE * (base + slot);
    const below = Math.round(fraction * unit);
    if (below >= unit || primary === alias) {
      // Always the primary move: store it as the alias, with nothing to flip.
      packed[at] = 0;
      packed[at + 1] = 0;
      packed[at + 2] = primary;
      return;
    }
    packed[at] = (relative ? 0 : slot * unit) + below;
    packed[at + 1] = primary ^ alias;
    packed[at + 2] = alias;
  };
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large[large.length - 1];
    set(s, scaled[s], codes[s], codes[l]);
    scaled[l] -= 1 - scaled[s];
    if (scaled[l] < 1) small.push(large.pop()!);
  }
  // What is left is 1 up to rounding: the slot's own move either way.
  for (const i of [...small, ...large]) set(i, 1, codes[i], codes[i]);
}
