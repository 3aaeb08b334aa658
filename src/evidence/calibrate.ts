/**
 * Calibration: observed funnel counts → the drop-offs and edge weights they determine, by maximum likelihood,
 * and what they do not determine, with the reason. Pure: the result is a proposal; the domain's
 * applyCalibration edit writes it into the map once the user accepts it. docs/evidence.md explains every rule.
 *
 *   step counts n(1), n(2), …    drop-off at step i = 1 − n(i+1)/n(i), when node(i)'s only way on leads to
 *                                node(i+1); step totals cannot say where people went at a branch.
 *   transition counts            each node's weights ∝ the counts on its outgoing map edges; its drop-off =
 *                                the share that left (exit rows, or inflow − outflow when every way in is counted).
 *
 * A calibrated node or edge records its counts in `observed`, with `designed`: the value it had before its
 * first calibration (kept through later calibrations), for "designed vs observed".
 */
import { effectiveDropOff, MAX_WEIGHT, type CalibratedEdge, type CalibratedNode, type JourneyEdge, type JourneyMap, type JourneyNode } from '../domain';
import { stepKey, type StepCount, type TransitionCount } from './funnel';
import type { StepMapping } from './funnelMapping';

/**
 * A count of 0 where the model needs more than 0 — an edge nobody took (a weight must be above 0), or a step
 * nobody went on from (a drop-off must be below 1) — is taken as half a customer: about the Jeffreys estimate
 * of something not yet seen, 0.5/(n + 1) of n, below the share of anything seen once.
 */
export const UNSEEN_COUNT = 0.5;

/**
 * Why a node's drop-off stays as it is:
 *   last-step          step counts say nothing about what follows the last step
 *   next-unmapped      the next step is not mapped to a node
 *   branches           several edges leave the node: its total does not say where people went
 *   no-edge            no edge leads from the node to the next step's node
 *   counts-grow        more customers at the next step than at this one: a funnel never grows
 *   no-count           nobody was counted at the node
 *   incomplete-inflow  transitions without exit rows, and some way into the node has no count
 *   more-out-than-in   transitions without exit rows, and more left the node than arrived
 *   no-outflow         transitions without exit rows, and no row leaves the node: the data may stop there
 *   mapped-twice       an earlier step was mapped to the same node
 */
export type DropOffReason =
  | 'last-step'
  | 'next-unmapped'
  | 'branches'
  | 'no-edge'
  | 'counts-grow'
  | 'no-count'
  | 'incomplete-inflow'
  | 'more-out-than-in'
  | 'no-outflow'
  | 'mapped-twice';

export type Undetermined =
  /** A step (or transition name) of the file: not mapped, or mapped to a node the map does not have. */
  | { kind: 'step'; step: string; reason: 'unmapped' | 'unknown-node' }
  | { kind: 'dropOff'; node: string; step?: string; reason: DropOffReason }
  /** None of the node's edges was counted (only its drop-off may be known). */
  | { kind: 'weights'; node: string; reason: 'no-count' }
  /** Customers moved between two names with no map edge for it (not invented), or within one node. */
  | { kind: 'transition'; from: string; to: string; count: number; reason: 'no-edge' | 'same-node' };

/**
 * Of `entered` customers at `node` (and `step`), `continued` went on (to `next` for step counts);
 * `designed` is the map's probability of the same, before its first calibration.
 */
export interface ObservedConversion {
  node: string;
  step?: string;
  next?: string;
  entered: number;
  continued: number;
  observed: number;
  designed?: number;
}

/** A proposal: `nodes` and `edges` are what the domain's applyCalibration takes; the rest is for the user. */
export interface Calibration {
  nodes: CalibratedNode[];
  edges: CalibratedEdge[];
  undetermined: Undetermined[];
  conversions: ObservedConversion[];
}

/** The drop-off `left` of `entered` (> 0) determine: their ratio, below 1 by UNSEEN_COUNT when all left. */
export function dropOffFromCounts(entered: number, left: number): number {
  return left / (left === entered ? entered + UNSEEN_COUNT : entered);
}

/** Weights ∝ counts (a 0 as UNSEEN_COUNT), scaled down only if the largest would pass MAX_WEIGHT. */
export function weightsFromCounts(counts: readonly number[]): number[] {
  const largest = Math.max(...counts);
  const scale = largest > MAX_WEIGHT ? MAX_WEIGHT / largest : 1;
  return counts.map((c) => Math.max(c, UNSEEN_COUNT) * scale);
}

/** The node's drop-off before its first calibration. */
export function designedDropOff(map: JourneyMap, node: JourneyNode): number {
  return node.observed?.designed ?? effectiveDropOff(node, map.simulation?.severityDropOff);
}

/** The edge's weight before its first calibration. */
export const designedWeight = (edge: JourneyEdge): number => edge.observed?.designed ?? edge.weight;

/** Designed probability that a customer arriving at `node` goes on along `edge`. */
function designedMove(map: JourneyMap, node: JourneyNode, edge: JourneyEdge): number {
  let total = 0;
  for (const e of map.edges) if (e.source === node.id) total += designedWeight(e);
  return (1 - designedDropOff(map, node)) * (designedWeight(edge) / total);
}

function calibratedNode(map: JourneyMap, node: JourneyNode, entered: number, left: number): CalibratedNode {
  return { id: node.id, dropOff: dropOffFromCounts(entered, left), observed: { entered, left, designed: designedDropOff(map, node) } };
}

/** Step (or transition) names → nodes through the mapping; each name found wanting is reported once. */
function nodeResolver(map: JourneyMap, mapping: readonly StepMapping[], undetermined: Undetermined[]) {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const nodeIdOf = new Map<string, string>();
  for (const m of mapping) if (!nodeIdOf.has(stepKey(m.step))) nodeIdOf.set(stepKey(m.step), m.node);
  const reported = new Set<string>();
  return (step: string): JourneyNode | undefined => {
    const id = nodeIdOf.get(stepKey(step));
    const node = id === undefined ? undefined : byId.get(id);
    if (node === undefined && !reported.has(step)) {
      reported.add(step);
      undetermined.push({ kind: 'step', step, reason: id === undefined ? 'unmapped' : 'unknown-node' });
    }
    return node;
  };
}

/**
 * Step counts of a straight funnel (in the file's order) → drop-offs. Only a node whose one way on leads to
 * the next step's node is determined; no edge weight is.
 */
export function calibrateFromSteps(map: JourneyMap, steps: readonly StepCount[], mapping: readonly StepMapping[]): Calibration {
  const result: Calibration = { nodes: [], edges: [], undetermined: [], conversions: [] };
  const resolve = nodeResolver(map, mapping, result.undetermined);
  const nodes = steps.map((s) => resolve(s.step));
  const seen = new Set<string>();
  steps.forEach((here, i) => {
    const node = nodes[i];
    if (node === undefined || node.kind === 'outcome') return;
    const undetermined = (reason: DropOffReason) => result.undetermined.push({ kind: 'dropOff', node: node.id, step: here.step, reason });
    if (seen.has(node.id)) return undetermined('mapped-twice');
    seen.add(node.id);
    const next = steps[i + 1];
    const nextNode = nodes[i + 1];
    if (next === undefined) return undetermined('last-step');
    if (nextNode === undefined) return undetermined('next-unmapped');
    if (here.users === 0) return undetermined('no-count');
    if (next.users > here.users) return undetermined('counts-grow');
    const ways = map.edges.filter((e) => e.source === node.id);
    const edge = ways.find((e) => e.target === nextNode.id);
    result.conversions.push({
      node: node.id,
      step: here.step,
      next: nextNode.id,
      entered: here.users,
      continued: next.users,
      observed: next.users / here.users,
      ...(edge ? { designed: designedMove(map, node, edge) } : {}),
    });
    if (edge === undefined) return undetermined('no-edge');
    if (ways.length > 1) return undetermined('branches');
    result.nodes.push(calibratedNode(map, node, here.users, here.users - next.users));
  });
  return result;
}

/** Transition counts gathered per node and per pair of nodes. */
interface Flows {
  /** Customers arriving at / leaving each node (moves within one node left out). */
  arrived: Map<string, number>;
  departed: Map<string, number>;
  started: Map<string, number>;
  exited: Map<string, number>;
  /** Counts between two different mapped nodes, keyed by pairKey. */
  pairs: Map<string, number>;
  /** Whether the file has exit rows at all: then a node without one lost nobody. */
  hasExits: boolean;
}

const pairKey = (source: string, target: string) => `${source}\u0000${target}`;
/** Adds `count` to the tally of `key`. */
export const addCount = (tally: Map<string, number>, key: string, count: number) => tally.set(key, (tally.get(key) ?? 0) + count);

function gatherFlows(map: JourneyMap, transitions: readonly TransitionCount[], resolve: (step: string) => JourneyNode | undefined, result: Calibration): Flows {
  const flows: Flows = { arrived: new Map(), departed: new Map(), started: new Map(), exited: new Map(), pairs: new Map(), hasExits: false };
  const edgeKeys = new Set(map.edges.map((e) => pairKey(e.source, e.target)));
  const unmatched = new Map<string, Extract<Undetermined, { kind: 'transition' }>>();
  for (const t of transitions) {
    const from = t.from === null ? null : resolve(t.from);
    const to = t.to === null ? null : resolve(t.to);
    if (t.to === null) flows.hasExits = true;
    if (from && to && (from.id === to.id || !edgeKeys.has(pairKey(from.id, to.id)))) {
      const key = pairKey(t.from!, t.to!);
      const known = unmatched.get(key) ?? { kind: 'transition', from: t.from!, to: t.to!, count: 0, reason: from.id === to.id ? 'same-node' : 'no-edge' };
      known.count += t.count;
      unmatched.set(key, known);
      if (from.id === to.id) continue;
    }
    if (from) addCount(flows.departed, from.id, t.count);
    if (from && t.to === null) addCount(flows.exited, from.id, t.count);
    if (to) addCount(flows.arrived, to.id, t.count);
    if (to && t.from === null) addCount(flows.started, to.id, t.count);
    if (from && to) addCount(flows.pairs, pairKey(from.id, to.id), t.count);
  }
  result.undetermined.push(...unmatched.values());
  return flows;
}

/** Entered and left at a node, or why they are not known. */
function nodeCounts(map: JourneyMap, node: JourneyNode, flows: Flows): { entered: number; left: number } | DropOffReason {
  if (flows.hasExits) {
    const entered = flows.departed.get(node.id) ?? 0;
    return entered === 0 ? 'no-count' : { entered, left: flows.exited.get(node.id) ?? 0 };
  }
  const inflowKnown =
    node.kind === 'entry' ? flows.started.has(node.id) : map.edges.every((e) => e.target !== node.id || flows.pairs.has(pairKey(e.source, node.id)));
  if (!inflowKnown) return 'incomplete-inflow';
  const entered = flows.arrived.get(node.id) ?? 0;
  const departed = flows.departed.get(node.id);
  if (entered === 0) return 'no-count';
  if (departed === undefined) return 'no-outflow';
  return departed > entered ? 'more-out-than-in' : { entered, left: entered - departed };
}

function calibrateWeights(map: JourneyMap, node: JourneyNode, flows: Flows, result: Calibration): void {
  const ways = map.edges.filter((e) => e.source === node.id);
  if (ways.length === 0) return;
  const counts = ways.map((e) => flows.pairs.get(pairKey(node.id, e.target)) ?? 0);
  if (counts.every((c) => c === 0)) {
    result.undetermined.push({ kind: 'weights', node: node.id, reason: 'no-count' });
    return;
  }
  const weights = weightsFromCounts(counts);
  ways.forEach((e, k) => result.edges.push({ id: e.id, weight: weights[k], observed: { count: counts[k], designed: designedWeight(e) } }));
}

/**
 * Transition counts → each mapped node's edge weights (∝ counts; a transition without a map edge is reported,
 * not invented) and drop-off (the share that left).
 */
export function calibrateFromTransitions(map: JourneyMap, transitions: readonly TransitionCount[], mapping: readonly StepMapping[]): Calibration {
  const result: Calibration = { nodes: [], edges: [], undetermined: [], conversions: [] };
  const resolve = nodeResolver(map, mapping, result.undetermined);
  const flows = gatherFlows(map, transitions, resolve, result);
  const counted = new Set([...flows.arrived.keys(), ...flows.departed.keys()]);
  for (const node of map.nodes) {
    if (!counted.has(node.id) || node.kind === 'outcome') continue;
    calibrateWeights(map, node, flows, result);
    const counts = nodeCounts(map, node, flows);
    if (typeof counts === 'string') {
      result.undetermined.push({ kind: 'dropOff', node: node.id, reason: counts });
      continue;
    }
    const { entered, left } = counts;
    result.nodes.push(calibratedNode(map, node, entered, left));
    const designed = 1 - designedDropOff(map, node);
    result.conversions.push({ node: node.id, entered, continued: entered - left, observed: 1 - left / entered, designed });
  }
  return result;
}
