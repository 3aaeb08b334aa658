import fc from 'fast-check';
import { stronglyConnectedComponents } from '../../../src/simulation/scc';

function csr(n: number, edges: [number, number][]) {
  const rowStart = new Int32Array(n + 1);
  for (const [s] of edges) rowStart[s + 1]++;
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const fill = rowStart.slice(0, n);
  const target = new Int32Array(edges.length);
  for (const [s, t] of edges) target[fill[s]++] = t;
  return { rowStart, target };
}

function reachability(n: number, edges: [number, number][]): boolean[][] {
  const reach = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
  for (const [s, t] of edges) reach[s][t] = true;
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i][k] && reach[k][j]) reach[i][j] = true;
  return reach;
}

const graph = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({ n: fc.constant(n), edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }) }),
);

describe('strongly connected components', () => {
  it('groups exactly the mutually reachable nodes, in topological order', () => {
    fc.assert(
      fc.property(graph, ({ n, edges }) => {
        const { rowStart, target } = csr(n, edges);
        const c = stronglyConnectedComponents(n, rowStart, target);
        const reach = reachability(n, edges);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) expect(c.componentOf[i] === c.componentOf[j]).toBe(reach[i][j] && reach[j][i]);
        }
        for (const [s, t] of edges) expect(c.componentOf[s]).toBeLessThanOrEqual(c.componentOf[t]);
        for (let k = 0; k < c.count; k++) {
          const members = Array.from(c.members.subarray(c.start[k], c.start[k + 1]));
          const selfLoop = edges.some(([s, t]) => s === t && members.includes(s));
          expect(c.cyclic[k] === 1).toBe(members.length > 1 || selfLoop);
          for (const v of members) expect(c.componentOf[v]).toBe(k);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('copes with a 200,000-node cycle without recursion', () => {
    const n = 200_000;
    const edges: [number, number][] = Array.from({ length: n }, (_, i) => [i, (i + 1) % n]);
    const { rowStart, target } = csr(n, edges);
    const c = stronglyConnectedComponents(n, rowStart, target);
    expect(c.count).toBe(1);
    expect(c.cyclic[0]).toBe(1);
  });
});
