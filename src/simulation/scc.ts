/**
 * Strongly connected components with Tarjan's algorithm, iterative (an explicit call stack, no recursion:
 * maps can have 10,000+ nodes and a long chain would overflow the JavaScript stack).
 */

export interface Components {
  readonly count: number;
  /** Component of each node; components are numbered in topological order (edges go from lower to higher or stay inside). */
  readonly componentOf: Int32Array;
  /** Nodes grouped by component: component c holds members[start[c]] .. members[start[c+1]-1]. */
  readonly members: Int32Array;
  readonly start: Int32Array;
  /** 1 when the component has a cycle (more than one node, or a self-loop). */
  readonly cyclic: Uint8Array;
}

export function stronglyConnectedComponents(n: number, rowStart: Int32Array, target: Int32Array): Components {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const emitted = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  let emittedCount = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let csp = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callNode[csp] = root;
    callEdge[csp++] = rowStart[root];
    while (csp > 0) {
      const v = callNode[csp - 1];
      const p = callEdge[csp - 1];
      if (p < rowStart[v + 1]) {
        callEdge[csp - 1] = p + 1;
        const w = target[p];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[csp] = w;
          callEdge[csp++] = rowStart[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      csp--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          emitted[w] = emittedCount;
        } while (w !== v);
        emittedCount++;
      }
      if (csp > 0) {
        const u = callNode[csp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }

  // Tarjan emits a component only after every component it reaches: reverse for topological order.
  const count = emittedCount;
  const componentOf = new Int32Array(n);
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) {
    const c = count - 1 - emitted[v];
    componentOf[v] = c;
    start[c + 1]++;
  }
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let v = 0; v < n; v++) members[fill[componentOf[v]]++] = v;

  const cyclic = new Uint8Array(count);
  for (let c = 0; c < count; c++) if (start[c + 1] - start[c] > 1) cyclic[c] = 1;
  for (let v = 0; v < n; v++) {
    for (let p = rowStart[v]; p < rowStart[v + 1]; p++) if (target[p] === v) cyclic[componentOf[v]] = 1;
  }
  return { count, componentOf, members, start, cyclic };
}
