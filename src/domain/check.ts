/**
 * The map check: graph analysis that says what is wrong with a map's structure before the simulation
 * numbers do (customers stuck at a dead end, going round a loop forever, never reaching an outcome).
 * Everything here is linear in nodes + edges and iterative, so a 10,000-node map cannot overflow the stack.
 */
import type { JourneyMap } from './types';

export type MapCheckRule = 'no-entry' | 'no-success' | 'dead-end' | 'unreachable' | 'closed-loop' | 'unreached-outcome';

/** The rules in the order their warnings are listed. */
export const MAP_CHECK_RULES: readonly MapCheckRule[] = ['no-entry', 'no-success', 'dead-end', 'unreachable', 'closed-loop', 'unreached-outcome'];

export interface MapWarning {
  rule: MapCheckRule;
  /** The nodes concerned, in map order; empty for the map-level rules (no-entry, no-success). */
  nodeIds: string[];
}

/**
 * The map's edges as compressed adjacency lists over node indices: the targets of node i are
 * `targets[offsets[i] .. offsets[i + 1])`. Edges naming a node that does not exist are left out.
 */
interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
}

function adjacency(n: number, pairs: readonly (readonly [number, number])[]): Adjacency {
  const offsets = new Int32Array(n + 1);
  for (const [from] of pairs) offsets[from + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const next = offsets.slice(0, n);
  const targets = new Int32Array(pairs.length);
  for (const [from, to] of pairs) targets[next[from]++] = to;
  return { offsets, targets };
}

/** Marks every node reachable from `starts` (the starts included). */
function reach(graph: Adjacency, starts: readonly number[]): Uint8Array {
  const seen = new Uint8Array(graph.offsets.length - 1);
  const queue = new Int32Array(seen.length);
  let tail = 0;
  for (const s of starts) {
    if (seen[s]) continue;
    seen[s] = 1;
    queue[tail++] = s;
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head];
    for (let k = graph.offsets[v]; k < graph.offsets[v + 1]; k++) {
      const w = graph.targets[k];
      if (!seen[w]) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return seen;
}

/** Strongly connected components by Tarjan's algorithm with an explicit call stack: component number per node. */
function components(graph: Adjacency): Int32Array {
  const n = graph.offsets.length - 1;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  const nextEdge = new Int32Array(n);
  let stackSize = 0;
  let depth = 0;
  let counter = 0;
  let componentCount = 0;
  const visit = (v: number) => {
    order[v] = low[v] = counter++;
    stack[stackSize++] = v;
    onStack[v] = 1;
    calls[depth] = v;
    nextEdge[depth] = graph.offsets[v];
    depth++;
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    visit(root);
    while (depth > 0) {
      const v = calls[depth - 1];
      if (nextEdge[depth - 1] < graph.offsets[v + 1]) {
        const w = graph.targets[nextEdge[depth - 1]++];
        if (order[w] === -1) visit(w);
        else if (onStack[w] && order[w] < low[v]) low[v] = order[w];
        continue;
      }
      depth--;
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack[--stackSize];
          onStack[w] = 0;
          component[w] = componentCount;
        } while (w !== v);
        componentCount++;
      }
      if (depth > 0) {
        const parent = calls[depth - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return component;
}

/** The structural problems of a map, listed by rule (in MAP_CHECK_RULES order), then in map order. */
export function checkMap(map: JourneyMap): MapWarning[] {
  const nodes = map.nodes;
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (!indexOf.has(node.id)) indexOf.set(node.id, i);
  });
  const forwardPairs: [number, number][] = [];
  const backwardPairs: [number, number][] = [];
  const selfLoop = new Uint8Array(n);
  for (const edge of map.edges) {
    const from = indexOf.get(edge.source);
    const to = indexOf.get(edge.target);
    if (from === undefined || to === undefined) continue;
    forwardPairs.push([from, to]);
    backwardPairs.push([to, from]);
    if (from === to) selfLoop[from] = 1;
  }
  const forward = adjacency(n, forwardPairs);
  const backward = adjacency(n, backwardPairs);

  const entries: number[] = [];
  const outcomes: number[] = [];
  nodes.forEach((node, i) => {
    if (node.kind === 'entry') entries.push(i);
    else if (node.kind === 'outcome') outcomes.push(i);
  });
  const reachedFromEntry = reach(forward, entries);
  const leadsToOutcome = reach(backward, outcomes);

  const warnings: MapWarning[] = [];
  if (entries.length === 0) warnings.push({ rule: 'no-entry', nodeIds: [] });
  if (!nodes.some((node) => node.kind === 'outcome' && (node.result ?? 'success') === 'success')) {
    warnings.push({ rule: 'no-success', nodeIds: [] });
  }
  nodes.forEach((node, i) => {
    if (node.kind !== 'outcome' && forward.offsets[i] === forward.offsets[i + 1]) warnings.push({ rule: 'dead-end', nodeIds: [node.id] });
  });
  // Without an entry nothing is reachable: one "no entry" says it better than a warning per node.
  const hasEntry = entries.length > 0;
  nodes.forEach((node, i) => {
    if (hasEntry && node.kind === 'touchpoint' && !reachedFromEntry[i]) warnings.push({ rule: 'unreachable', nodeIds: [node.id] });
  });

  // A component is closed when it holds a cycle and no outcome lies downstream of it. Its members share
  // `leadsToOutcome`, so one member answers for all; walking the nodes in map order both lists each
  // component's members in map order and orders the components by their first member.
  const component = components(forward);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[component[i]]++;
  const closed = new Map<number, MapWarning>();
  for (let i = 0; i < n; i++) {
    if (leadsToOutcome[i] || (size[component[i]] < 2 && !selfLoop[i])) continue;
    let warning = closed.get(component[i]);
    if (!warning) {
      warning = { rule: 'closed-loop', nodeIds: [] };
      closed.set(component[i], warning);
      warnings.push(warning);
    }
    warning.nodeIds.push(nodes[i].id);
  }

  nodes.forEach((node, i) => {
    if (hasEntry && node.kind === 'outcome' && !reachedFromEntry[i]) warnings.push({ rule: 'unreached-outcome', nodeIds: [node.id] });
  });
  return warnings;
}
