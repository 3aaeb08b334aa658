import { buildWalkTables, endCode, MAX_SINGLE_DRAW_BITS, SLOT_STRIDE } from '../../../src/simulation/alias';
import { compileJourney } from '../../../src/simulation/compile';
import { makeMap } from './maps';

/**
 * The exact probability of each (side's entry word, move code) of a table, summing over slots and threshold
 * fractions: slot s is the top b bits of the draw u; r = u >>> 1 (or a second draw >>> 1 in a table of more
 * than 2^12 slots) takes the primary move when r < threshold.
 */
function tableDistribution(base: number, b: number, packed: Int32Array, startInfo?: number): Map<string, number> {
  const slots = 2 ** b;
  const relative = b > MAX_SINGLE_DRAW_BITS;
  const unit = relative ? 2 ** 31 : 2 ** (31 - b);
  const result = new Map<string, number>();
  const add = (key: string, p: number) => result.set(key, (result.get(key) ?? 0) + p);
  for (let s = 0; s < slots; s++) {
    const at = SLOT_STRIDE * (base + s);
    const low = relative ? 0 : s * unit;
    const below = Math.min(unit, Math.max(0, packed[at] - low));
    const alias = packed[at + 2], primary = packed[at + 1] ^ alias;
    const key = (side: number, move: number) => (startInfo !== undefined ? `${packed[startInfo + at + side]}:${move}` : String(move));
    add(key(0, primary), below / unit / slots);
    add(key(1, alias), (unit - below) / unit / slots);
  }
  return result;
}

describe('alias tables', () => {
  it('reproduce each node’s move probabilities, and the start table entry × first move, to within 2^-24', () => {
    const map = makeMap(
      [
        { id: 'in', kind: 'entry', share: 2 },
        { id: 'in2', kind: 'entry', share: 1, dropOff: 0.25 },
        { id: 'a', dropOff: 0.13 },
        { id: 'b' },
        { id: 'dead' },
        { id: 'out', kind: 'outcome' },
      ],
      [['in', 'a'], ['in2', 'a'], ['in2', 'out'], ['a', 'b', 1], ['a', 'dead', 2.5], ['a', 'out', 7], ['b', 'out'], ['b', 'a', 3]],
    );
    const journey = compileJourney(map);
    const tables = buildWalkTables(journey);
    const i = (id: string) => journey.indexOf.get(id)!;
    const code = (id: string) => (id === 'out' ? endCode(i(id)) : tables.word[i(id)]);
    const check = (got: Map<string, number>, expected: Record<string, number>) => {
      for (const [key, p] of Object.entries(expected)) expect(Math.abs((got.get(key) ?? 0) - p)).toBeLessThan(2 ** -24);
      expect([...got.values()].reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    };
    const ofNode = (id: string) => {
      const word = tables.word[i(id)];
      expect(tables.nodeOfBase[word >>> 5]).toBe(i(id));
      return tableDistribution(word >>> 5, 32 - (word & 31), tables.packed);
    };
    check(ofNode('a'), {
      [code('b')]: 0.87 / 10.5,
      [code('dead')]: (0.87 * 2.5) / 10.5,
      [code('out')]: (0.87 * 7) / 10.5,
      [endCode(i('a'))]: 0.13,
    });
    check(ofNode('b'), { [code('out')]: 0.25, [code('a')]: 0.75 });
    check(ofNode('dead'), { [endCode(i('dead'))]: 1 });
    // The start table: entry in (2/3) then a; entry in2 (1/3) then a or out (3/8 each) or abandon (1/4).
    const start = tableDistribution(0, 32 - tables.startShift, tables.packed, tables.startInfo);
    const pair = (entry: string, move: number) => `${tables.word[i(entry)]}:${move}`;
    check(start, {
      [pair('in', code('a'))]: 2 / 3,
      [pair('in2', code('a'))]: 1 / 3 * 0.375,
      [pair('in2', code('out'))]: 1 / 3 * 0.375,
      [pair('in2', endCode(i('in2')))]: 1 / 3 * 0.25,
    });
  });

  it('compare a second draw in tables of more than 2^12 slots', () => {
    const fan = Array.from({ length: 5000 }, (_, k) => ({ id: `t${k}` }));
    const map = makeMap(
      [{ id: 'in', kind: 'entry' }, { id: 'hub', dropOff: 0.1 }, ...fan],
      [['in', 'hub'], ...fan.map((t, k) => ['hub', t.id, 1 + (k % 3)] as [string, string, number])],
    );
    const journey = compileJourney(map);
    const tables = buildWalkTables(journey);
    const word = tables.word[journey.indexOf.get('hub')!];
    const b = 32 - (word & 31);
    expect(b).toBe(13);
    const got = tableDistribution(word >>> 5, b, tables.packed);
    const total = fan.reduce((s, _, k) => s + 1 + (k % 3), 0);
    fan.forEach((t, k) => {
      const p = (0.9 * (1 + (k % 3))) / total;
      expect(Math.abs((got.get(String(tables.word[journey.indexOf.get(t.id)!])) ?? 0) - p)).toBeLessThan(2 ** -30);
    });
    expect(Math.abs((got.get(String(endCode(journey.indexOf.get('hub')!))) ?? 0) - 0.1)).toBeLessThan(2 ** -30);
  });
});
