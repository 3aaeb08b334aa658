/**
 * Rules that span several records and so cannot live in the per-field schema: unique ids, references to
 * stages, channels and nodes, and the edge rules of domain `connect` (nothing leaves an outcome, nothing
 * enters an entry, at most one edge per pair of nodes).
 */
import { invariantProblems } from '../domain/edits';
import type { JourneyMap, NodeKind } from '../domain/types';
import { MAX_REPORTED_PROBLEMS } from './collectProblems';
import { problem, type Problem } from './problems';

function duplicateIds(items: readonly { id: string }[], list: string, problems: Problem[], taken = new Set<string>()) {
  items.forEach((item, i) => {
    if (taken.has(item.id)) problems.push(problem(`${list}[${i}].id`, `duplicate id "${item.id}"`));
    taken.add(item.id);
  });
}

export function referenceProblems(map: JourneyMap): Problem[] {
  const problems: Problem[] = [];
  duplicateIds(map.stages, 'stages', problems);
  duplicateIds(map.channels, 'channels', problems);
  // Nodes and edges share one id space, as in domain `invariantProblems`.
  const graphIds = new Set<string>();
  duplicateIds(map.nodes, 'nodes', problems, graphIds);
  duplicateIds(map.edges, 'edges', problems, graphIds);

  const stages = new Set(map.stages.map((s) => s.id));
  const channels = new Set(map.channels.map((c) => c.id));
  const kinds = new Map<string, NodeKind>();
  map.nodes.forEach((node, i) => {
    if (!kinds.has(node.id)) kinds.set(node.id, node.kind);
    if (node.stage !== undefined && !stages.has(node.stage)) problems.push(problem(`nodes[${i}].stage`, `there is no stage "${node.stage}"`));
    if (node.channel !== undefined && !channels.has(node.channel)) {
      problems.push(problem(`nodes[${i}].channel`, `there is no channel "${node.channel}"`));
    }
    duplicateIds(node.friction, `nodes[${i}].friction`, problems);
  });

  const pairs = new Set<string>();
  map.edges.forEach((edge, i) => {
    const source = kinds.get(edge.source);
    const target = kinds.get(edge.target);
    if (source === undefined) problems.push(problem(`edges[${i}].source`, `there is no node "${edge.source}"`));
    if (target === undefined) problems.push(problem(`edges[${i}].target`, `there is no node "${edge.target}"`));
    if (source === 'outcome') {
      problems.push(problem(`edges[${i}].source`, `"${edge.source}" is an outcome: a journey ends there, so no edge can leave it`));
    }
    if (target === 'entry') {
      problems.push(problem(`edges[${i}].target`, `"${edge.target}" is an entry: customers start there, so no edge can lead into it`));
    }
    const pair = JSON.stringify([edge.source, edge.target]);
    if (pairs.has(pair)) problems.push(problem(`edges[${i}]`, `"${edge.source}" already leads to "${edge.target}"`));
    pairs.add(pair);
  });

  // Anything the domain adds to its invariants later is refused too.
  if (problems.length === 0) {
    for (const text of invariantProblems(map)) {
      const at = text.indexOf(': ');
      problems.push(at < 0 ? problem('', text) : problem(text.slice(0, at), text.slice(at + 2)));
    }
  }
  return problems.slice(0, MAX_REPORTED_PROBLEMS);
}
