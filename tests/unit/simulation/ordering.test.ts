import fc from 'fast-check';
import { minimumDegreeOrder, type Elimination } from '../../../src/simulation/ordering';
import { Meter, runToEnd } from '../../../src/simulation/pausable';
import { Xoshiro128 } from '../../../src/simulation/prng';
import { compileJourney } from '../../../src/simulation/compile';
import { componentMatrix, exactWorkspace } from '../../../src/simulation/exact';
import { singleLoopMap } from './maps';

interface Graph {
  m: number;
  rowStart: Int32Array;
  target: Int32Array;
}

function graphOf(m: number, edges: [number, number][]): Graph {
  const rowStart = new Int32Array(m + 1);
  for (const [i] of edges) rowStart[i + 1]++;
  for (let i = 0; i < m; i++) rowStart[i + 1] += rowStart[i];
  const at = rowStart.slice(0, m);
  const target = new Int32Array(edges.length);
  for (const [i, j] of edges) target[at[i]++] = j;
  return { m, rowStart, target };
}

/**
 * A random directed graph of m nodes: a ring, then `extra` moves per node on average, to anywhere or (with
 * `reach`) to nearby nodes as in a journey, a few hubs, self-loops and repeated moves.
 */
function randomGraph(m: number, seed: number, extra: number, reach = m): Graph {
  const rng = new Xoshiro128(seed);
  const pick = (k: number) => Math.floor(rng.nextDouble() * k);
  const edges: [number, number][] = [];
  for (let i = 0; i < m; i++) {
    edges.push([i, (i + 1) % m]);
    const moves = pick(2 * extra + 1);
    for (let e = 0; e < moves; e++) edges.push([i, reach >= m ? pick(m) : (i + m + pick(2 * reach + 1) - reach) % m]);
    if (rng.nextDouble() < 0.1) edges.push([i, i]);
    if (rng.nextDouble() < 0.1) edges.push([i, pick(Math.min(m, 3))]);
  }
  return graphOf(m, edges);
}

/** Each node of `base` made into a group of c clones, linked to each other and to every clone of its neighbours. */
function clonedGraph(base: Graph, c: number): Graph {
  const edges: [number, number][] = [];
  for (let i = 0; i < base.m; i++) {
    for (let a = 0; a < c; a++) {
      for (let b = a + 1; b < c; b++) edges.push([i * c + a, i * c + b]);
      for (let q = base.rowStart[i]; q < base.rowStart[i + 1]; q++) for (let b = 0; b < c; b++) edges.push([i * c + a, base.target[q] * c + b]);
    }
  }
  return graphOf(base.m * c, edges);
}

const order = ({ m, rowStart, target }: Graph, meter = new Meter()): Elimination => runToEnd(minimumDegreeOrder(m, rowStart, target, meter));
const column = (e: Elimination, p: number) => [...e.rowIndex.subarray(e.colStart[p], e.colStart[p + 1])];
const squaredColumns = (e: Elimination) => {
  let sum = 0;
  for (let p = 0; p < e.m; p++) sum += (e.colStart[p + 1] - e.colStart[p]) ** 2;
  return sum;
};

/**
 * Eliminates the graph explicitly in e's order and checks each column against the neighbours its node has
 * then: equal, except in a dense tail, from which on every column holds every later position. Returns where
 * the trailing run of complete columns starts (m when the last column is the only one).
 */
function checkStructure(e: Elimination, { m, rowStart, target }: Graph): number {
  expect([...e.order].sort((a, b) => a - b)).toEqual(Array.from({ length: m }, (_, i) => i));
  expect(Array.from(e.order, (v, p) => e.position[v] === p).every(Boolean)).toBe(true);
  const neighbours: Set<number>[] = Array.from({ length: m }, () => new Set());
  for (let i = 0; i < m; i++) {
    for (let q = rowStart[i]; q < rowStart[i + 1]; q++) {
      if (target[q] === i) continue;
      neighbours[i].add(target[q]);
      neighbours[target[q]].add(i);
    }
  }
  const wrong: string[] = [];
  let inexact = m;
  for (let p = 0; p < m; p++) {
    const v = e.order[p];
    const rows = column(e, p);
    if (!rows.every((r, i) => r > p && (i === 0 || r > rows[i - 1]))) wrong.push(`column ${p} is not ascending after ${p}`);
    const linked = [...neighbours[v]].map((u) => e.position[u]).sort((a, b) => a - b);
    if (inexact === m && rows.join() !== linked.join()) inexact = p;
    if (inexact <= p && rows.length !== m - 1 - p) wrong.push(`column ${p} is neither its neighbours nor complete`);
    for (const u of neighbours[v]) {
      neighbours[u].delete(v);
      for (const x of neighbours[v]) if (x !== u) neighbours[u].add(x);
    }
    neighbours[v].clear();
  }
  // Cliques close: every later pair of a column is linked in the filled graph.
  const columns = Array.from({ length: m }, (_, p) => new Set(column(e, p)));
  for (let p = 0; p < m; p++) {
    const rows = column(e, p);
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) if (!columns[rows[i]].has(rows[j])) wrong.push(`column ${p}: ${rows[i]}–${rows[j]} missing`);
    }
  }
  expect(wrong.slice(0, 5)).toEqual([]);
  let tail = m - 1;
  while (tail > 0 && e.colStart[tail] - e.colStart[tail - 1] === m - tail) tail--;
  expect(tail).toBeLessThanOrEqual(inexact);
  return tail;
}

/** Positions p and p+1 are in one supervariable's run when column p is p+1 followed by column p+1. */
const chained = (e: Elimination, p: number) => {
  const rows = column(e, p);
  return rows[0] === p + 1 && rows.slice(1).join() === column(e, p + 1).join();
};

describe('approximate minimum-degree order', () => {
  it('gives each node the neighbours it has when eliminated, as later positions, ascending', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (m, seed, extra, local) => {
          const graph = randomGraph(m, seed, extra, local ? 4 : m);
          checkStructure(order(graph), graph);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  }, 30_000);

  it('handles a single node, a pair, a star and a complete graph', () => {
    const complete: [number, number][] = [];
    for (let i = 0; i < 80; i++) for (let j = 0; j < 80; j++) if (i !== j) complete.push([i, j]);
    const graphs = [
      graphOf(1, [[0, 0]]),
      graphOf(2, [[0, 1], [1, 0], [1, 0]]),
      graphOf(50, Array.from({ length: 49 }, (_, i) => [0, i + 1] as [number, number])),
      graphOf(80, complete),
    ];
    for (const graph of graphs) checkStructure(order(graph), graph);
    // The complete graph is all dense tail.
    expect(checkStructure(order(graphs[3]), graphs[3])).toBe(0);
  });

  it('ends on a dense tail with complete columns where the wiring is random, and keeps the columns exact', () => {
    const graph = randomGraph(400, 3, 3);
    const tail = checkStructure(order(graph), graph);
    expect(400 - tail).toBeGreaterThan(64);
  }, 30_000);

  it('orders the members of a supervariable consecutively', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 4 }), (m, seed, c) => {
        const graph = clonedGraph(randomGraph(m, seed, 1), c);
        const e = order(graph);
        checkStructure(e, graph);
        // The first clone of a group may go alone; the others are in one supervariable from then on (with
        // nodes mass-eliminated along, maybe): one run of positions, each column the next one's plus it.
        for (let i = 0; i < m; i++) {
          const positions = Array.from({ length: c }, (_, a) => e.position[i * c + a]).sort((a, b) => a - b);
          for (let p = positions[1]; p < positions[c - 1]; p++) expect(chained(e, p)).toBe(true);
        }
      }),
      { numRuns: 60, seed: 5 },
    );
  }, 30_000);

  it('is deterministic, counts one unit of progress per node, and pauses on large graphs', () => {
    const graph = randomGraph(3000, 11, 2);
    const meter = new Meter();
    const work = minimumDegreeOrder(graph.m, graph.rowStart, graph.target, meter);
    let pauses = 0;
    let step = work.next();
    while (!step.done) {
      pauses++;
      step = work.next();
    }
    expect(pauses).toBeGreaterThan(0);
    expect(meter.progress).toBe(graph.m);
    const again = order(graph);
    for (const key of ['order', 'position', 'colStart', 'rowIndex'] as const) {
      expect(again[key].length).toBe(step.value[key].length);
      expect(again[key].every((x, i) => x === step.value[key][i])).toBe(true);
    }
  });

  describe('fill on the test maps (structural counts, measured)', () => {
    const loopElimination = (options: Parameters<typeof singleLoopMap>[0]) => {
      const journey = compileJourney(singleLoopMap(options));
      const workspace = exactWorkspace(journey);
      const { start, cyclic } = workspace.components;
      const c = Array.from(cyclic).findIndex((isCyclic, i) => isCyclic && start[i + 1] - start[i] > 100);
      const m = start[c + 1] - start[c];
      const matrix = componentMatrix(journey, workspace.components, c, workspace.localIndex);
      return order({ m, rowStart: matrix.rowStart, target: matrix.col });
    };

    it('keeps a randomly wired loop of 3,000 touchpoints below the fill of exact minimum degree', () => {
      // Exact minimum degree stopping at a half-dense remainder: nnz(L) = 591,119, Σ|column|² = 3.97e8.
      const e = loopElimination({ touchpoints: 3000, jumps: 1 });
      expect(e.colStart[e.m]).toBeLessThan(590_000);
      expect(squaredColumns(e)).toBeLessThan(3.9e8);
    });

    it('keeps journey-shaped loops nearly free of fill', () => {
      // Measured nnz(L): 5,086 for 1,000 touchpoints, 50,611 for 10,000.
      expect(loopElimination({ touchpoints: 1000 }).colStart.at(-1)).toBeLessThan(5_200);
      expect(loopElimination({ touchpoints: 10000 }).colStart.at(-1)).toBeLessThan(52_000);
    });
  });
});
