import { ABANDON, buildWalkTables } from '../../../src/simulation/alias';
import { compileJourney } from '../../../src/simulation/compile';
import { makeMap } from './maps';

/** The exact probability of each move code of a node's table, summing over slots and threshold fractions. */
function tableDistribution(word: number, packed: Int32Array): Map<number, number> {
  const b = word & 31;
  const first = word >>> 5;
  const slots = 1 << b;
  // r takes the values k·2^(b−1), k = 0 .. 2^(32−b) − 1, uniformly.
  const step = 2 ** (b - 1);
  const values = 2 ** (32 - b);
  const result = new Map<number, number>();
  const add = (code: number, p: number) => result.set(code, (result.get(code) ?? 0) + p);
  for (let s = first; s < first + slots; s++) {
    const below = Math.min(values, Math.ceil(packed[4 * s] / step));
    add(packed[4 * s + 1], below / values / slots);
    add(packed[4 * s + 2], (values - below) / values / slots);
  }
  return result;
}

describe('alias tables', () => {
  it('reproduce each node’s move probabilities to within 2^-24', () => {
    const map = makeMap(
      [
        { id: 'in', kind: 'entry', share: 2 },
        { id: 'in2', kind: 'entry', share: 1 },
        { id: 'a', dropOff: 0.13 },
        { id: 'b' },
        { id: 'dead' },
        { id: 'out', kind: 'outcome' },
      ],
      [['in', 'a'], ['in2', 'a'], ['a', 'b', 1], ['a', 'dead', 2.5], ['a', 'out', 7], ['b', 'out'], ['b', 'a', 3]],
    );
    const journey = compileJourney(map);
    const tables = buildWalkTables(journey);
    const i = (id: string) => journey.indexOf.get(id)!;
    const code = (id: string) => (id === 'out' ? -2 - i(id) : tables.word[i(id)]);
    const check = (word: number, expected: Record<string, number>) => {
      const got = tableDistribution(word, tables.packed);
      for (const [id, p] of Object.entries(expected)) {
        const c = id === 'abandon' ? ABANDON : code(id);
        expect(Math.abs((got.get(c) ?? 0) - p)).toBeLessThan(2 ** -24);
      }
      expect([...got.values()].reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    };
    for (const id of ['a', 'b', 'dead']) expect(tables.nodeOfBase[tables.word[i(id)] >>> 5]).toBe(i(id));
    check(tables.word[i('a')], { b: 0.87 / 10.5, dead: (0.87 * 2.5) / 10.5, out: (0.87 * 7) / 10.5, abandon: 0.13 });
    check(tables.word[i('b')], { out: 0.25, a: 0.75 });
    check(tables.word[i('dead')], { abandon: 1 });
    check(tables.entryWord, { in: 2 / 3, in2: 1 / 3 });
  });
});
