import { simulateInChunks, simulateJourney } from '../../../src/simulation/simulate';
import { resolveSettings } from '../../../src/simulation/settings';
import { SimulationError } from '../../../src/simulation/compile';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import type { SimulationProgress } from '../../../src/simulation/types';
import { singleLoopMap, workedExample } from './maps';

describe('running both engines', () => {
  it('takes settings from defaults, then the map, then overrides', () => {
    const map = workedExample();
    expect(resolveSettings(map)).toEqual({ customers: 10_000, seed: 1, maxSteps: 200, severityDropOff: [0.01, 0.02, 0.05, 0.1, 0.2] });
    map.simulation = { customers: 500, seed: 9 };
    expect(resolveSettings(map, { seed: 3 })).toMatchObject({ customers: 500, seed: 3, maxSteps: 200 });
    expect(() => resolveSettings(map, { customers: 0 })).toThrow(SimulationError);
    expect(() => resolveSettings(map, { maxSteps: 2.5 })).toThrow(/maxSteps/);
  });

  it('gives the same result in chunks as in one go, with progress', async () => {
    const map = onlineStoreSample();
    const whole = simulateJourney(map, { customers: 40_000 });
    const progress: number[] = [];
    const chunked = await simulateInChunks(map, { customers: 40_000 }, { chunkMs: 1, onProgress: ({ phase, done, total }) => {
      if (phase !== 'monteCarlo') return;
      expect(total).toBe(40_000);
      progress.push(done);
    } });
    expect(chunked).not.toBeNull();
    expect(chunked!.monteCarlo).toEqual(whole.monteCarlo);
    expect(chunked!.exact).toEqual(whole.exact);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(40_000);
    expect(progress.every((d, i) => i === 0 || d > progress[i - 1])).toBe(true);
    expect(chunked!.hotspots).toEqual(whole.hotspots);
  });

  it('reports the exact analysis, what-if and Monte Carlo in turn, and stops in any of them when cancelled', async () => {
    const map = singleLoopMap({ touchpoints: 3000 });
    const seen: SimulationProgress[] = [];
    const result = await simulateInChunks(map, { customers: 2000 }, { chunkMs: 1, onProgress: (p) => void seen.push(p) });
    expect(result).not.toBeNull();
    const phases = seen.map((p) => p.phase).filter((phase, i, all) => i === 0 || phase !== all[i - 1]);
    expect(phases).toEqual(['exact', 'whatIf', 'monteCarlo']);
    expect(seen.every((p) => p.done >= 0 && p.done <= p.total)).toBe(true);
    const exactDone = seen.filter((p) => p.phase === 'exact').map((p) => p.done);
    expect(exactDone.every((d, i) => i === 0 || d >= exactDone[i - 1])).toBe(true);

    for (const phase of ['exact', 'whatIf', 'monteCarlo'] as const) {
      const reported: SimulationProgress[] = [];
      const cancelled = await simulateInChunks(map, { customers: 2000 }, {
        chunkMs: 1,
        onProgress: (p) => void reported.push(p),
        isCancelled: () => reported.some((p) => p.phase === phase),
      });
      expect(cancelled).toBeNull();
      // Nothing of a later phase ran.
      expect(reported.at(-1)!.phase).toBe(phase);
    }
  });

  it('stops when an AbortSignal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await simulateInChunks(onlineStoreSample(), {}, { signal: controller.signal })).toBeNull();
  });

  it('stops when cancelled between chunks', async () => {
    let chunks = 0;
    const result = await simulateInChunks(onlineStoreSample(), { customers: 1_000_000 }, {
      chunkMs: 1,
      onProgress: ({ phase }) => void (phase === 'monteCarlo' && chunks++),
      isCancelled: () => chunks >= 2,
    });
    expect(result).toBeNull();
    expect(chunks).toBe(2);
  });

  it('returns plain data that survives structured cloning and JSON', () => {
    const result = simulateJourney(workedExample(), { customers: 2000 });
    expect(structuredClone(result)).toEqual(result);
    expect(JSON.parse(JSON.stringify(result)).exact.outcomes).toEqual(result.exact.outcomes);
  });
});
