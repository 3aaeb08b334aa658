/**
 * Minimum-degree elimination order for the sparse solve of one strongly connected component, on the
 * symmetric pattern of its matrix (an edge either way links two nodes). Eliminating a node joins all its
 * remaining neighbours into a clique (the fill); picking the node with the fewest neighbours each time
 * keeps that fill small: journey loops are long and thin, with a few hubs (help, home page) that this
 * order eliminates last. The order also gives the factor's structure: the neighbours a node has when it
 * is eliminated are exactly the rows of its column of L (and columns of its row of U).
 */
import { Meter, type Pausable } from './pausable';

/** Fewer nodes than this are never treated as a dense block. */
const DENSE_TAIL_MIN = 64;

export interface Elimination {
  readonly m: number;
  /** order[p]: the local node eliminated p-th; position[node]: its place in that order. */
  readonly order: Int32Array;
  readonly position: Int32Array;
  /** Column p of the factor holds the positions rowIndex[colStart[p]] .. rowIndex[colStart[p+1]-1], all > p, ascending. */
  readonly colStart: Int32Array;
  readonly rowIndex: Int32Array;
}

/**
 * `rowStart`/`target`: the component's directed adjacency in local indices (self-loops and repeated
 * edges allowed). Ties go to the node whose degree changed last, then to the lowest index.
 */
export function* minimumDegreeOrder(m: number, rowStart: Int32Array, target: Int32Array, meter: Meter): Pausable<Elimination> {
  const adjacency: number[][] = [];
  for (let i = 0; i < m; i++) adjacency.push([]);
  for (let i = 0; i < m; i++) {
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const j = target[p];
      if (j === i) continue;
      adjacency[i].push(j);
      adjacency[j].push(i);
    }
  }
  const mark = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    const list = adjacency[i];
    let kept = 0;
    for (let q = 0; q < list.length; q++) {
      const j = list[q];
      if (mark[j] === i) continue;
      mark[j] = i;
      list[kept++] = j;
    }
    list.length = kept;
  }
  if (meter.spend(rowStart[m])) yield;

  // Nodes in buckets by degree: doubly linked lists.
  const head = new Int32Array(m).fill(-1);
  const next = new Int32Array(m);
  const prev = new Int32Array(m);
  const degree = new Int32Array(m);
  const insert = (v: number, d: number) => {
    degree[v] = d;
    prev[v] = -1;
    next[v] = head[d];
    if (head[d] !== -1) prev[head[d]] = v;
    head[d] = v;
  };
  const remove = (v: number) => {
    if (prev[v] !== -1) next[prev[v]] = next[v];
    else head[degree[v]] = next[v];
    if (next[v] !== -1) prev[next[v]] = prev[v];
  };
  for (let i = m - 1; i >= 0; i--) insert(i, adjacency[i].length);

  const order = new Int32Array(m);
  const colStart = new Int32Array(m + 1);
  let structure = new Int32Array(Math.max(16, 4 * m));
  let filled = 0;
  mark.fill(0);
  let stamp = 0;
  let minDegree = 0;
  let p = 0;
  for (; p < m; p++) {
    while (head[minDegree] === -1) minDegree++;
    // Once every node left is linked to at least half of the others, what is left is all but dense: it is
    // eliminated in the order it stands, as a dense block, without forming its cliques one by one.
    if (m - p > DENSE_TAIL_MIN && 2 * minDegree >= m - p) break;
    const v = head[minDegree];
    remove(v);
    order[p] = v;
    const neighbours = adjacency[v];
    adjacency[v] = [];
    colStart[p] = filled;
    if (filled + neighbours.length > structure.length) {
      const grown = new Int32Array(Math.max(2 * structure.length, filled + neighbours.length));
      grown.set(structure.subarray(0, filled));
      structure = grown;
    }
    for (let q = 0; q < neighbours.length; q++) structure[filled++] = neighbours[q];
    // The neighbours become a clique, and lose v.
    let operations = neighbours.length;
    for (let a = 0; a < neighbours.length; a++) {
      const u = neighbours[a];
      remove(u);
      if (++stamp === 0x3fffffff) {
        mark.fill(0);
        stamp = 1;
      }
      const list = adjacency[u];
      let kept = 0;
      for (let q = 0; q < list.length; q++) {
        const x = list[q];
        if (x === v) continue;
        mark[x] = stamp;
        list[kept++] = x;
      }
      list.length = kept;
      for (let b = 0; b < neighbours.length; b++) {
        const x = neighbours[b];
        if (x !== u && mark[x] !== stamp) list.push(x);
      }
      insert(u, list.length);
      if (list.length < minDegree) minDegree = list.length;
      operations += list.length + neighbours.length;
    }
    meter.progress++;
    if (meter.spend(operations)) yield;
  }
  if (p < m) {
    const rest = m - p;
    const needed = filled + (rest * (rest - 1)) / 2;
    if (needed > structure.length) {
      const grown = new Int32Array(needed);
      grown.set(structure.subarray(0, filled));
      structure = grown;
    }
    const tail: number[] = [];
    for (let d = minDegree; d < m && tail.length < rest; d++) for (let v = head[d]; v !== -1; v = next[v]) tail.push(v);
    for (let t = 0; t < rest; t++) {
      order[p + t] = tail[t];
      colStart[p + t] = filled;
      for (let u = t + 1; u < rest; u++) structure[filled++] = tail[u];
      meter.progress++;
      if (meter.spend(rest - t)) yield;
    }
  }
  colStart[m] = filled;

  const position = new Int32Array(m);
  for (let p = 0; p < m; p++) position[order[p]] = p;
  const rowIndex = new Int32Array(filled);
  for (let q = 0; q < filled; q++) rowIndex[q] = position[structure[q]];
  if (meter.spend(filled)) yield;
  for (let p = 0; p < m; p++) {
    const size = colStart[p + 1] - colStart[p];
    if (size < 2) continue;
    rowIndex.subarray(colStart[p], colStart[p + 1]).sort();
    if (meter.spend(size * Math.log2(size))) yield;
  }
  return { m, order, position, colStart, rowIndex };
}
