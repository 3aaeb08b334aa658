import { CANCELLED, Meter, runInSlices, runToEnd, type Pausable } from '../../../src/simulation/pausable';

function* countTo(n: number, meter: Meter): Pausable<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    meter.progress++;
    if (meter.spend(1 << 12)) yield;
  }
  return sum;
}

describe('pausable computations', () => {
  it('run to the end synchronously', () => {
    expect(runToEnd(countTo(1000, new Meter()))).toBe(500_500);
  });

  it('offer a pause after every ~10⁵ operations', () => {
    const work = countTo(1000, new Meter());
    let pauses = 0;
    while (!work.next().done) pauses++;
    expect(pauses).toBe(Math.floor((1000 * (1 << 12)) / (1 << 17)));
  });

  it('run in slices, pausing when a slice has used its time, and stop when cancelled', async () => {
    const meter = new Meter();
    let pauses = 0;
    const done = await runInSlices(countTo(2000, meter), { sliceMs: 0, tick: async () => void pauses++, isCancelled: () => false });
    expect(done).toBe(2_001_000);
    expect(pauses).toBeGreaterThan(0);

    const stopped = new Meter();
    const cancelled = await runInSlices(countTo(2000, stopped), { sliceMs: 0, tick: async () => {}, isCancelled: () => stopped.progress > 100 });
    expect(cancelled).toBe(CANCELLED);
    expect(stopped.progress).toBeLessThan(2000);
  });
});
