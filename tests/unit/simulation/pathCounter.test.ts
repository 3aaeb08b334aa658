import { PathCounter } from '../../../src/simulation/pathCounter';

describe('path counter', () => {
  it('counts exactly while the table has room, growing as needed', () => {
    const counter = new PathCounter(1 << 14);
    for (let k = 0; k < 5000; k++) for (let r = 0; r <= k % 3; r++) counter.add(k * 2654435761, k, k % 2, k, 0, 0, 0);
    expect(counter.distinct).toBe(5000);
    expect(counter.undercountBound).toBe(0);
    const top = counter.top(3, 0);
    expect(top.map((e) => e.count)).toEqual([3, 3, 3]);
    expect(top[0].state[0]).toBe(top[0].keyB);
  });

  it('drops the rarest entries when full and bounds the undercount', () => {
    const counter = new PathCounter(256);
    // A few heavy paths among a stream of one-off paths.
    for (let k = 0; k < 20_000; k++) {
      counter.add(k % 10 === 0 ? 1 + (k % 30) : 1000 + k, 7, 1, 0, 0, 0, 0);
    }
    expect(counter.distinct).toBeLessThanOrEqual(256);
    expect(counter.undercountBound).toBeGreaterThan(0);
    const top = counter.top(3, 1);
    expect(top.map((e) => e.keyA).sort((a, b) => a - b)).toEqual([1, 11, 21]);
    for (const e of top) {
      expect(e.count).toBeLessThanOrEqual(667);
      expect(e.count).toBeGreaterThanOrEqual(667 - counter.undercountBound);
    }
  });
});

