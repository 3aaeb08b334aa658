import { createWorkerHandler } from '../../../src/simulation/worker';
import type { FromWorker } from '../../../src/simulation/messages';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { makeMap } from './maps';

describe('simulation worker', () => {
  it('posts progress, then the result with both engines and hotspots', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => posted.push(m));
    await handle({ type: 'run', runId: 'r1', map: onlineStoreSample(), settings: { customers: 20_000 } });
    const last = posted[posted.length - 1];
    expect(posted.slice(0, -1).every((m) => m.type === 'progress' && m.runId === 'r1' && m.total === 20_000)).toBe(true);
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.result.monteCarlo.customers).toBe(20_000);
    expect(last.result.exact.success).toBeCloseTo(0.228, 3);
    expect(last.result.hotspots[0].nodeId).toBe('product-page');
  });

  it('sees a cancel message sent while the run is going', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => {
      posted.push(m);
      if (m.type === 'progress') void handle({ type: 'cancel', runId: 'r2' });
    });
    await handle({ type: 'run', runId: 'r2', map: onlineStoreSample(), settings: { customers: 5_000_000 } });
    expect(posted[posted.length - 1]).toEqual({ type: 'cancelled', runId: 'r2' });
  });

  it('a new run supersedes the one in progress', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => posted.push(m));
    const first = handle({ type: 'run', runId: 'old', map: onlineStoreSample(), settings: { customers: 5_000_000 } });
    await new Promise((r) => setTimeout(r, 5));
    await handle({ type: 'run', runId: 'new', map: onlineStoreSample(), settings: { customers: 1000 } });
    await first;
    expect(posted.find((m) => m.runId === 'old' && m.type !== 'progress')).toEqual({ type: 'cancelled', runId: 'old' });
    expect(posted.find((m) => m.runId === 'new' && m.type !== 'progress')?.type).toBe('result');
  });

  it('reports a map that cannot be simulated as an error message', async () => {
    const posted: FromWorker[] = [];
    await createWorkerHandler((m) => posted.push(m))({ type: 'run', runId: 'r3', map: makeMap([{ id: 'a' }], []) });
    expect(posted).toEqual([{ type: 'error', runId: 'r3', message: expect.stringMatching(/no entry/) }]);
  });
});
