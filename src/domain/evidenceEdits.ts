/**
 * Edits that bring evidence into a map, each one undo step in the store: scores computed from a survey, and
 * drop-offs and weights calibrated from observed counts. Both also remember the mapping the user confirmed,
 * so the next import of a file shaped the same way is proposed the same way.
 */
import { fail, isValidWeight, setScores } from './edits';
import type { FunnelMapping, JourneyMap, ObservedDropOff, ObservedTransitions, Scores, SurveyMapping } from './types';

/** The scores a survey gave one node: values with their evidence (and `responses`). */
export interface SurveyScores {
  node: string;
  scores: Scores;
}

/** Sets the scores computed from a survey on their nodes and remembers the mapping. */
export function setSurveyScores(map: JourneyMap, results: readonly SurveyScores[], mapping: SurveyMapping): void {
  for (const { node, scores } of results) setScores(map, node, scores);
  map.imports = { ...map.imports, survey: mapping };
}

export interface CalibratedNode {
  id: string;
  dropOff: number;
  observed: ObservedDropOff;
}

export interface CalibratedEdge {
  id: string;
  weight: number;
  observed: ObservedTransitions;
}

export interface Calibration {
  nodes: readonly CalibratedNode[];
  edges: readonly CalibratedEdge[];
}

/** Sets calibrated drop-offs and weights with the counts behind them, and remembers the step mapping. */
export function applyCalibration(map: JourneyMap, calibration: Calibration, mapping: FunnelMapping): void {
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const edges = new Map(map.edges.map((e) => [e.id, e]));
  for (const c of calibration.nodes) {
    const node = nodes.get(c.id) ?? fail(`There is no node "${c.id}"`);
    if (node.kind === 'outcome') fail(`"${node.label}" is an outcome: it has no drop-off`);
    if (!(c.dropOff >= 0 && c.dropOff < 1)) fail('Drop-off must be at least 0 and below 1');
    const { entered, left } = c.observed;
    if (!(Number.isSafeInteger(entered) && Number.isSafeInteger(left) && left >= 0 && left <= entered)) {
      fail(`The counts for "${node.label}" must be whole numbers with at most ${entered} leaving`);
    }
    node.dropOff = c.dropOff;
    node.observed = { ...c.observed };
  }
  for (const c of calibration.edges) {
    const edge = edges.get(c.id) ?? fail(`There is no edge "${c.id}"`);
    if (!isValidWeight(c.weight)) fail('A calibrated weight must be above 0');
    if (!(Number.isSafeInteger(c.observed.count) && c.observed.count >= 0)) fail('Transition counts must be whole numbers of at least 0');
    edge.weight = c.weight;
    edge.observed = { ...c.observed };
  }
  map.imports = { ...map.imports, funnel: mapping };
}
