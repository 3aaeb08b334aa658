import { createWorkerHandler } from '../../../src/simulation/worker';
import type { FromWorker } from '../../../src/simulation/messages';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import { unpackResult } from '../../../src/simulation/packed';
import { runToEnd } from '../../../src/simulation/pausable';
import { analyseBlend } from '../../../src/simulation/simulate';
import { makeMap, singleLoopMap } from './maps';

describe('simulation worker', () => {
  it('posts progress, then the result with both engines and hotspots', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => posted.push(m));
    await handle({ type: 'run', runId: 'r1', map: onlineStoreSample(), settings: { customers: 20_000 } });
    const last = posted[posted.length - 1];
    expect(posted.slice(0, -1).every((m) => m.type === 'progress' && m.runId === 'r1' && m.total === 20_000)).toBe(true);
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    const map = onlineStoreSample();
    const { result, personaHeat } = runToEnd(unpackResult(last.result, map));
    expect(result.monteCarlo.customers).toBe(20_000);
    // The sample has personas: the exact figures are their blend.
    const blend = analyseBlend(map);
    expect(result.exact.success).toBe(blend.exact.success);
    expect(result.hotspots.map((h) => h.nodeId)).toEqual(blend.hotspots.map((h) => h.nodeId));
    expect(result.personas?.map((p) => p.personaId)).toEqual(map.personas.map((p) => p.id));
    expect(Object.keys(personaHeat)).toEqual(map.personas.map((p) => p.id));
  });

  it('sends per-node values as typed arrays to transfer, not as large objects', async () => {
    const posted: { message: FromWorker; transfer?: ArrayBuffer[] }[] = [];
    const map = singleLoopMap({ touchpoints: 2000 });
    await createWorkerHandler((message, transfer) => posted.push({ message, transfer }))({ type: 'run', runId: 'r', map, settings: { customers: 1000 } });
    const { message, transfer } = posted[posted.length - 1];
    if (message.type !== 'result') throw new Error(`expected a result, got ${message.type}`);
    const packed = message.result;
    expect(packed.exact.uplift).toBeInstanceOf(Float64Array);
    expect(packed.exact.uplift.length).toBe(map.nodes.length);
    expect(transfer).toContain(packed.exact.uplift.buffer);
    expect(transfer).toContain(packed.flow.buffer);
    // What is cloned rather than transferred stays small, however large the map.
    expect(packed.shell.hotspots).toEqual([]);
    expect(Object.keys(packed.shell.exact.expectedVisits)).toHaveLength(0);
    expect(JSON.stringify(packed.shell).length).toBeLessThan(20_000);
  });

  it('stops the exact analysis of a huge loop soon after a cancel, long before it would finish', async () => {
    // Randomly wired, so that the sparse LU fills in: the exact analysis alone takes seconds.
    const map = singleLoopMap({ touchpoints: 3000, jumps: 1 });
    const posted: FromWorker[] = [];
    let progressAfterCancel = 0;
    let cancelSent = false;
    const handle = createWorkerHandler((m) => {
      posted.push(m);
      if (m.type === 'progress' && cancelSent) progressAfterCancel++;
    });
    const timer = setTimeout(() => {
      cancelSent = true;
      void handle({ type: 'cancel', runId: 'loop' });
    }, 150);
    await handle({ type: 'run', runId: 'loop', map, settings: { customers: 1_000_000 } });
    clearTimeout(timer);
    expect(posted[posted.length - 1]).toEqual({ type: 'cancelled', runId: 'loop' });
    expect(cancelSent).toBe(true);
    // It stopped at the first pause after the cancel arrived, in the middle of the exact analysis.
    expect(progressAfterCancel).toBeLessThanOrEqual(1);
    const last = posted.filter((m) => m.type === 'progress').at(-1);
    expect(last).toMatchObject({ phase: 'exact' });
    if (last?.type === 'progress') expect(last.done).toBeLessThan(last.total);
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
