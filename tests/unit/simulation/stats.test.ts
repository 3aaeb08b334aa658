import { summariseLengths, wilsonInterval } from '../../../src/simulation/stats';

describe('statistics', () => {
  it('gives Wilson 95% intervals', () => {
    const half = wilsonInterval(5, 10);
    expect(half.rate).toBe(0.5);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const all = wilsonInterval(100, 100);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.963, 3);
    expect(wilsonInterval(0, 0)).toEqual({ rate: 0, low: 0, high: 1 });
  });

  it('summarises a journey-length histogram', () => {
    const s = summariseLengths(Float64Array.from([0, 10, 30, 40, 0, 20, 0, 0]));
    expect(s.histogram).toEqual([0, 10, 30, 40, 0, 20]);
    expect(s.mean).toBeCloseTo((10 + 60 + 120 + 100) / 100, 12);
    expect(s.median).toBe(3);
    expect(s.p90).toBe(5);
    expect(s.max).toBe(5);
  });
});
