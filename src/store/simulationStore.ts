/**
 * Simulation results and what the canvas derives from them (heat per node, flow per edge, a highlighted
 * path). Derived data lives here, keyed by id: never in the map, never undone, never exported. Results
 * computed from an earlier version of the map are marked stale, not silently shown as current.
 *
 * The worker does the work, heat and flow included, and sends results packed in typed arrays; this thread
 * only unpacks them into records, 250 nodes at a time with a pause in between, so that it never
 * stalls for long however large the map.
 */
import { create } from 'zustand';
import type { JourneyMap } from '../domain/types';
import type { FromWorker, ToWorker } from '../simulation/messages';
import type { NodeHeat, PackedResult, PopulationHeat, UnpackedResult } from '../simulation/packed';
import type { SimulationProgress, SimulationResult } from '../simulation/types';
import { useEditor } from './editorStore';

export type { NodeHeat, PopulationHeat } from '../simulation/packed';

export type SimulationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface SimulationState {
  status: SimulationStatus;
  result: SimulationResult | null;
  /** What the map looked like to the simulation when the result was computed. */
  resultSignature: string | null;
  error: string | null;
  heatmap: boolean;
  heat: Record<string, NodeHeat>;
  /** Edge id → 0..1 share of the busiest edge's flow. */
  flow: Record<string, number>;
  /** Persona id → heat and flow of that persona's customers alone (empty when the map has no personas). */
  personaHeat: Record<string, PopulationHeat>;
  highlightedPath: string[] | null;
  panelOpen: boolean;
}

export const useSimulation = create<SimulationState>()(() => ({
  status: 'idle',
  result: null,
  resultSignature: null,
  error: null,
  heatmap: false,
  heat: {},
  flow: {},
  personaHeat: {},
  highlightedPath: null,
  panelOpen: false,
}));

/**
 * Phase and progress of the run in progress (work units for the exact analysis and what-if, customers for
 * Monte Carlo), null when none is. A store of its own: every canvas node and edge subscribes to
 * useSimulation, so a progress update there ran tens of thousands of selectors on a large map.
 */
export const useSimulationProgress = create<{ progress: SimulationProgress | null }>()(() => ({ progress: null }));

/** The progress bar moves at most this often (each repaint of a large canvas costs a frame). */
const PROGRESS_INTERVAL_MS = 200;
let progressShownAt = 0;

function showProgress(progress: SimulationProgress | null): void {
  const current = useSimulationProgress.getState().progress;
  const at = performance.now();
  if (progress !== null && current !== null && current.phase === progress.phase && at - progressShownAt < PROGRESS_INTERVAL_MS) return;
  progressShownAt = at;
  useSimulationProgress.setState({ progress });
}

/**
 * Everything the simulation reads from a map, and nothing else: moving a node or renaming it leaves
 * results current; changing a weight, a drop-off or a friction note makes them stale. Cached per map.
 */
const signatures = new WeakMap<JourneyMap, string>();
export function simulationSignature(map: JourneyMap): string {
  let signature = signatures.get(map);
  if (signature === undefined) {
    signature = JSON.stringify([
      map.nodes.map((n) => [n.id, n.kind, n.dropOff, n.share, n.result, n.friction.map((f) => [f.severity, f.resolved === true])]),
      map.edges.map((e) => [e.source, e.target, e.weight]),
      map.simulation ?? null,
      map.personas.map((p) => [p.id, p.share, p.nodes.map((o) => [o.node, o.share, o.dropOff]), p.edges]),
    ]);
    signatures.set(map, signature);
  }
  return signature;
}

export function isStale(state: Pick<SimulationState, 'result' | 'resultSignature'>, map: JourneyMap): boolean {
  return state.result !== null && state.resultSignature !== simulationSignature(map);
}

/**
 * A result from the worker, unpacked for `map` in slices of about 8 ms; null if the run was superseded or
 * cancelled meanwhile. The unpacking code loads with the first result, not with the app.
 */
export async function unpackInSlices(packed: PackedResult, map: JourneyMap, isCurrent: () => boolean): Promise<UnpackedResult | null> {
  const [{ unpackResult }, { runInSlices }] = await Promise.all([import('../simulation/packed'), import('../simulation/pausable')]);
  if (!isCurrent()) return null;
  const unpacked = await runInSlices(unpackResult(packed, map), {
    sliceMs: 8,
    tick: () => new Promise((resolve) => setTimeout(resolve, 0)),
    isCancelled: () => !isCurrent(),
  });
  // CANCELLED is the only symbol runInSlices resolves to.
  return typeof unpacked === 'symbol' || !isCurrent() ? null : unpacked;
}

let worker: Worker | null = null;
let currentRun: string | null = null;
let runCounter = 0;

function ensureWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../simulation/worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onWorkerMessage(event.data));
    worker.addEventListener('error', (event) => {
      showProgress(null);
      useSimulation.setState({ status: 'error', error: event.message || 'The simulation stopped unexpectedly' });
      worker?.terminate();
      worker = null;
    });
  }
  return worker;
}

/** The map each run was started on, to derive heat and flow from exactly what was simulated. */
const runMaps = new Map<string, JourneyMap>();

function onWorkerMessage(message: FromWorker): void {
  if (message.runId !== currentRun) return;
  switch (message.type) {
    case 'progress':
      showProgress({ phase: message.phase, done: message.done, total: message.total });
      return;
    case 'result': {
      const { runId } = message;
      const map = runMaps.get(runId) ?? useEditor.getState().map;
      void unpackInSlices(message.result, map, () => currentRun === runId).then((unpacked) => {
        if (unpacked === null) return;
        runMaps.delete(runId);
        currentRun = null;
        showProgress(null);
        useSimulation.setState({
          status: 'done',
          result: unpacked.result,
          resultSignature: simulationSignature(map),
          error: null,
          highlightedPath: null,
          panelOpen: true,
          heat: unpacked.heat,
          flow: unpacked.flow,
          personaHeat: unpacked.personaHeat,
        });
      });
      return;
    }
    case 'cancelled':
      finish(message.runId, { status: 'cancelled' });
      return;
    case 'error':
      finish(message.runId, { status: 'error', error: message.message, panelOpen: true });
      return;
  }
}

function finish(runId: string, state: Partial<SimulationState>): void {
  runMaps.delete(runId);
  if (currentRun === runId) currentRun = null;
  showProgress(null);
  useSimulation.setState(state);
}

function post(message: ToWorker): void {
  ensureWorker().postMessage(message);
}

export const simulationActions = {
  run(): void {
    const { map } = useEditor.getState();
    if (currentRun) {
      post({ type: 'cancel', runId: currentRun });
      runMaps.delete(currentRun);
    }
    const runId = `run-${++runCounter}`;
    currentRun = runId;
    runMaps.set(runId, map);
    showProgress({ phase: 'exact', done: 0, total: 1 });
    useSimulation.setState({ status: 'running', error: null });
    // Copying a large map to the worker takes tens of ms: in a task of its own, after the click's render.
    setTimeout(() => {
      if (currentRun === runId) post({ type: 'run', runId, map });
    }, 0);
  },
  cancel(): void {
    if (!currentRun) return;
    const runId = currentRun;
    post({ type: 'cancel', runId });
    // The worker answers 'cancelled' within one slice; if it has already sent the result, stop unpacking it.
    finish(runId, { status: 'cancelled' });
  },
  toggleHeatmap(): void {
    useSimulation.setState((s) => ({ heatmap: !s.heatmap }));
  },
  highlightPath(path: string[] | null): void {
    useSimulation.setState({ highlightedPath: path });
  },
  setPanelOpen(open: boolean): void {
    useSimulation.setState({ panelOpen: open });
  },
  /** A different map was opened: its results are not this map's. */
  clear(): void {
    if (currentRun) {
      post({ type: 'cancel', runId: currentRun });
      runMaps.delete(currentRun);
    }
    currentRun = null;
    showProgress(null);
    useSimulation.setState({ status: 'idle', result: null, resultSignature: null, error: null, heat: {}, flow: {}, personaHeat: {}, highlightedPath: null });
  },
};

// Results belong to the map they were computed for.
useEditor.subscribe((state, prev) => {
  if (state.map.id !== prev.map.id) simulationActions.clear();
});

export { lossesByStage, type StageLoss } from '../simulation/losses';
