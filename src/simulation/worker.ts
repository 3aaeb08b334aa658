/**
 * The simulation worker: a typed switch over messages around simulateInChunks and
 * analyseUncertaintyInChunks. Every phase runs in slices of about 25 ms with a pause between them, so a
 * later 'cancel' (or a new request of the same type, which supersedes the current one) is seen within one
 * slice. The result is packed here, so that the app receives typed arrays (transferred, not copied)
 * instead of large objects.
 */
import type { FromWorker, ToWorker } from './messages';
import { packResult } from './packed';
import { simulateInChunks } from './simulate';
import { analyseUncertaintyInChunks } from './uncertainty';

export type PostFromWorker = (message: FromWorker, transfer?: ArrayBuffer[]) => void;

/** Requests that supersede one another: a new one of a type stops the one of that type in progress. */
type RequestType = 'run' | 'uncertainty';

export function createWorkerHandler(post: PostFromWorker): (message: ToWorker) => Promise<void> {
  const cancelled = new Set<string>();
  const current: Record<RequestType, string | null> = { run: null, uncertainty: null };

  /** Works on one request, posting its result, 'cancelled' or 'error'. */
  async function serve<T>(
    type: RequestType,
    runId: string,
    work: (isCancelled: () => boolean) => Promise<T | null>,
    deliver: (result: T) => void,
  ): Promise<void> {
    current[type] = runId;
    try {
      const result = await work(() => cancelled.has(runId) || current[type] !== runId);
      if (result === null) post({ type: 'cancelled', runId });
      else deliver(result);
    } catch (error) {
      post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
    } finally {
      cancelled.delete(runId);
      if (current[type] === runId) current[type] = null;
    }
  }

  const run = ({ runId, map, settings }: Extract<ToWorker, { type: 'run' }>) =>
    serve(
      'run',
      runId,
      (isCancelled) => simulateInChunks(map, settings, { isCancelled, onProgress: ({ phase, done, total }) => post({ type: 'progress', runId, phase, done, total }) }),
      (result) => {
        const { packed, transfer } = packResult(map, result);
        post({ type: 'result', runId, result: packed }, transfer);
      },
    );

  const uncertainty = ({ runId, map, options }: Extract<ToWorker, { type: 'uncertainty' }>) =>
    serve(
      'uncertainty',
      runId,
      (isCancelled) => analyseUncertaintyInChunks(map, options, { isCancelled, onProgress: (done, total) => post({ type: 'uncertaintyProgress', runId, done, total }) }),
      (result) => {
        const transfer = [result.upliftLow, result.upliftHigh, result.topHotspotShare].map((array) => array.buffer as ArrayBuffer);
        post({ type: 'uncertaintyResult', runId, result }, transfer);
      },
    );

  return async (message) => {
    switch (message.type) {
      case 'run':
        await run(message);
        return;
      case 'uncertainty':
        await uncertainty(message);
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
