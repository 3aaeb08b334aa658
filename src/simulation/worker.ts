/**
 * The simulation worker: a typed switch over messages around simulateInChunks. Monte Carlo runs in chunks
 * and yields between them, so a later 'cancel' (or a new 'run', which supersedes the current one) is seen.
 */
import type { FromWorker, ToWorker } from './messages';
import { simulateInChunks } from './simulate';

export function createWorkerHandler(post: (message: FromWorker) => void): (message: ToWorker) => Promise<void> {
  const cancelled = new Set<string>();
  let current: string | null = null;

  async function run(message: Extract<ToWorker, { type: 'run' }>): Promise<void> {
    const { runId } = message;
    current = runId;
    try {
      const result = await simulateInChunks(message.map, message.settings, {
        isCancelled: () => cancelled.has(runId) || current !== runId,
        onProgress: (done, total) => post({ type: 'progress', runId, done, total }),
      });
      post(result === null ? { type: 'cancelled', runId } : { type: 'result', runId, result });
    } catch (error) {
      post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
    } finally {
      cancelled.delete(runId);
      if (current === runId) current = null;
    }
  }

  return async (message) => {
    switch (message.type) {
      case 'run':
        await run(message);
        return;
      case 'cancel':
        cancelled.add(message.runId);
        return;
      default: {
        const unknown: never = message;
        throw new Error(`Unknown simulation message ${JSON.stringify(unknown)}`);
      }
    }
  };
}

interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void;
}

const scope = globalThis as unknown as Partial<WorkerScope> & { document?: unknown; WorkerGlobalScope?: unknown };
if (scope.WorkerGlobalScope !== undefined && scope.document === undefined && scope.postMessage && scope.addEventListener) {
  const worker = scope as WorkerScope;
  const handle = createWorkerHandler((message) => worker.postMessage(message));
  worker.addEventListener('message', (event) => void handle(event.data));
}
