/**
 * The uncertainty analysis (simulation/uncertainty.ts) run in a worker of its own, so that it neither waits
 * for nor cancels a simulation run, with progress and Cancel. Its result is derived data: kept here with the
 * map it was computed for, never in the map, never undone, never exported. Loaded with the results panel.
 */
import { create } from 'zustand';
import type { JourneyMap } from '../domain/types';
import type { FromWorker, ToWorker } from '../simulation/messages';
import type { UncertaintyResult } from '../simulation/uncertainty';
import { useEditor } from './editorStore';

export type UncertaintyStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface UncertaintyState {
  status: UncertaintyStatus;
  /** Draws made and asked for while running. */
  progress: { done: number; total: number } | null;
  result: UncertaintyResult | null;
  /** The map the result was computed for (to name its nodes, and to tell when it is out of date). */
  resultMap: JourneyMap | null;
  error: string | null;
}

export const useUncertainty = create<UncertaintyState>()(() => ({ status: 'idle', progress: null, result: null, resultMap: null, error: null }));

let worker: Worker | null = null;
let current: { runId: string; map: JourneyMap } | null = null;
let counter = 0;

function post(message: ToWorker): void {
  if (!worker) {
    worker = new Worker(new URL('../simulation/worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onMessage(event.data));
    worker.addEventListener('error', (event) => {
      current = null;
      useUncertainty.setState({ status: 'error', progress: null, error: event.message || 'The analysis stopped unexpectedly' });
      worker?.terminate();
      worker = null;
    });
  }
  worker.postMessage(message);
}

function onMessage(message: FromWorker): void {
  if (!current || message.runId !== current.runId) return;
  switch (message.type) {
    case 'uncertaintyProgress':
      useUncertainty.setState({ progress: { done: message.done, total: message.total } });
      return;
    case 'uncertaintyResult':
      useUncertainty.setState({ status: 'done', progress: null, result: message.result, resultMap: current.map, error: null });
      current = null;
      return;
    case 'cancelled':
      current = null;
      useUncertainty.setState({ status: 'cancelled', progress: null });
      return;
    case 'error':
      current = null;
      useUncertainty.setState({ status: 'error', progress: null, error: message.message });
      return;
  }
}

export const uncertaintyActions = {
  /** Runs `draws` parameter draws on the map shown (a new run replaces one in progress). */
  run(draws: number): void {
    const { map } = useEditor.getState();
    if (current) post({ type: 'cancel', runId: current.runId });
    current = { runId: `uncertainty-${++counter}`, map };
    useUncertainty.setState({ status: 'running', progress: { done: 0, total: draws }, error: null });
    post({ type: 'uncertainty', runId: current.runId, map, options: { draws } });
  },
  cancel(): void {
    if (!current) return;
    post({ type: 'cancel', runId: current.runId });
    current = null;
    useUncertainty.setState({ status: 'cancelled', progress: null });
  },
};

// A result belongs to the map it was computed for: another map starts afresh.
useEditor.subscribe((state, prev) => {
  if (state.map.id === prev.map.id) return;
  if (current) uncertaintyActions.cancel();
  useUncertainty.setState({ status: 'idle', progress: null, result: null, resultMap: null, error: null });
});
