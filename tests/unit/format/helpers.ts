import { expect } from 'vitest';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import type { JourneyMap } from '../../../src/domain/types';
import { exportMapText, formatProblem, type ImportResult } from '../../../src/format';

/** The online store sample as a parsed file document, ready to be damaged by a test. */
export function sampleDocument(): Record<string, any> {
  return JSON.parse(exportMapText(onlineStoreSample()));
}

export function textOf(doc: unknown): string {
  return JSON.stringify(doc);
}

export function expectMap(result: ImportResult): JourneyMap {
  if (!result.ok) throw new Error(`expected a map, got problems:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.map;
}

/** The refusal's problems as text lines ("nodes[3].scores.csat: must be between 0 and 100"). */
export function problemLines(result: ImportResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

type Plain = Record<string, any>;

/** Every node-like and edge-like object of a map or map file: its nodes and edges and its scenarios' changes. */
function nodesAndEdges(map: Plain): { nodes: Plain[]; edges: Plain[]; changes: Plain[] } {
  const changes: Plain[] = (map.scenarios ?? []).map((s: Plain) => s.changes);
  return {
    nodes: [...(map.nodes ?? []), ...changes.flatMap((c) => [...c.addedNodes, ...c.changedNodes.map((ch: Plain) => ch.set)])],
    edges: [...(map.edges ?? []), ...changes.flatMap((c) => [...c.addedEdges, ...c.changedEdges.map((ch: Plain) => ch.set)])],
    changes,
  };
}

/**
 * A copy of a map (or map file) without the CES scores measured as the % of 5–7 answers (0 to 100, version
 * 5): version 4's CES was the mean answer, 1 to 7, so it could not hold them. The rest is as it was.
 */
export function withoutTop3Ces<T>(map: T): T {
  const copy = structuredClone(map) as Plain;
  for (const node of nodesAndEdges(copy).nodes) {
    const scores = node.scores;
    if (scores?.evidence?.ces?.measure !== 'top3') continue;
    delete scores.ces;
    delete scores.evidence.ces;
    if (Object.keys(scores.evidence).length === 0) delete scores.evidence;
  }
  return copy as T;
}

/**
 * A copy of a map (or map file) as version 4 held it: without the fields version 5 added (`imports`, nodes'
 * and edges' `observed`, `scores.evidence`, and "observed" among the fields a scenario leaves empty), and
 * without the CES scores version 4 could not hold (withoutTop3Ces).
 */
export function withoutVersion5Fields<T>(map: T): T {
  const copy = withoutTop3Ces(map) as Plain;
  delete copy.imports;
  const { nodes, edges, changes } = nodesAndEdges(copy);
  for (const item of [...nodes, ...edges]) delete item.observed;
  for (const node of nodes) if (node.scores) delete node.scores.evidence;
  for (const c of changes) {
    for (const ch of [...c.changedNodes, ...c.changedEdges]) ch.unset = ch.unset.filter((field: string) => field !== 'observed');
  }
  return copy as T;
}
