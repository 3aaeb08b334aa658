/**
 * The simulation worker: a typed switch over messages around simulateInChunks. Every phase runs in slices
 * of about 25 ms with a pause between them, so a later 'cancel' (or a new 'run', which supersedes the
 * current one) is seen within one slice. The result is packed here, so that the app receives typed arrays
 * (transferred, not copied) instead of large objects.
 */
import type { FromWorker, ToWorker } from './messages';
import { packResult } from './packed';
import { simulateInChunks } from './simulate';

export type PostFromWorker = (message: FromWorker, transfer?: ArrayBuffer[]) => void;

export function createWorkerHandler(post: PostFromWorker): (message: ToWorker) => Promise<void> {
  const cancelled = new Set<string>();
  let current: string | null = null;

  async function run(message: Extract<ToWorker, { type: 'run' }>): Promise<void> {
    const { runId } = message;
    current = runId;
    try {
      const result = await simulateInChunks(message.map, message.settings, {
        isCancelled: () => cancelled.has(runId) || current !== runId,
        onProgress: ({ phase, done, total }) => post({ type: 'progress', runId, phase, done, total }),
      });
      if (result === null) {
        post({ type: 'cancelled', runId });
      } else {
        const { packed, transfer } = packResult(message.map, result);
        post({ type: 'result', runId, result: packed }, transfer);
      }
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
  postMessage(message: FromWorker, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void;
}

const scope = globalThis as unknown as Partial<WorkerScope> & { document?: unknown; WorkerGlobalScope?: unknown };
if (scope.WorkerGlobalScope !== undefined && scope.document === undefined && scope.postMessage && scope.addEventListener) {
  const worker = scope as WorkerScope;
  const handle = createWorkerHandler((message, transfer = []) => worker.postMessage(message, transfer));
  worker.addEventListener('message', (event) => void handle(event.data));
}
