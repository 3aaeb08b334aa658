/**
 * Simulation results and what the canvas derives from them (heat per node, flow per edge, a highlighted
 * path). Derived data lives here, keyed by id: never in the map, never undone, never exported. Results
 * computed from an earlier version of the map are marked stale, not silently shown as current.
 */
import { create } from 'zustand';
import { effectiveDropOff } from '../domain/queries';
import { DEFAULT_SEVERITY_DROP_OFF, type JourneyMap } from '../domain/types';
import type { FromWorker, ToWorker } from '../simulation/messages';
import type { SimulationResult } from '../simulation/types';
import { useEditor } from './editorStore';
import { nodeIndex, outgoingTotals } from './selectors';

export type SimulationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface NodeHeat {
  /** Customers lost at this node per 1,000 starts (exact). */
  lostPer1000: number;
  /** 0..1, relative to the node that loses most. */
  level: number;
}

export interface SimulationState {
  status: SimulationStatus;
  progress: { done: number; total: number } | null;
  result: SimulationResult | null;
  /** What the map looked like to the simulation when the result was computed. */
  resultSignature: string | null;
  error: string | null;
  heatmap: boolean;
  heat: Record<string, NodeHeat>;
  /** Edge id → 0..1 share of the busiest edge's flow. */
  flow: Record<string, number>;
  highlightedPath: string[] | null;
  panelOpen: boolean;
}

export const useSimulation = create<SimulationState>()(() => ({
  status: 'idle',
  progress: null,
  result: null,
  resultSignature: null,
  error: null,
  heatmap: false,
  heat: {},
  flow: {},
  highlightedPath: null,
  panelOpen: false,
}));

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
    ]);
    signatures.set(map, signature);
  }
  return signature;
}

export function isStale(state: Pick<SimulationState, 'result' | 'resultSignature'>, map: JourneyMap): boolean {
  return state.result !== null && state.resultSignature !== simulationSignature(map);
}

/** Heat per node and flow per edge, from exact results. */
export function deriveHeatAndFlow(map: JourneyMap, result: SimulationResult): Pick<SimulationState, 'heat' | 'flow'> {
  const heat: Record<string, NodeHeat> = {};
  let maxLost = 0;
  for (const p of Object.values(result.exact.abandon)) maxLost = Math.max(maxLost, p);
  for (const [id, p] of Object.entries(result.exact.abandon)) heat[id] = { lostPer1000: p * 1000, level: maxLost > 0 ? p / maxLost : 0 };

  const severity = result.settings.severityDropOff ?? DEFAULT_SEVERITY_DROP_OFF;
  const totals = outgoingTotals(map.edges);
  const nodes = nodeIndex(map.nodes);
  const raw: Record<string, number> = {};
  let maxFlow = 0;
  for (const e of map.edges) {
    const source = nodes.get(e.source);
    const visits = result.exact.expectedVisits[e.source] ?? 0;
    if (!source || !Number.isFinite(visits)) continue;
    const f = visits * (1 - effectiveDropOff(source, severity)) * (e.weight / (totals.get(e.source)?.total ?? 1));
    raw[e.id] = f;
    maxFlow = Math.max(maxFlow, f);
  }
  const flow: Record<string, number> = {};
  for (const [id, f] of Object.entries(raw)) flow[id] = maxFlow > 0 ? f / maxFlow : 0;
  return { heat, flow };
}

let worker: Worker | null = null;
let currentRun: string | null = null;
let runCounter = 0;

function ensureWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../simulation/worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => onWorkerMessage(event.data));
    worker.addEventListener('error', (event) => {
      useSimulation.setState({ status: 'error', progress: null, error: event.message || 'The simulation stopped unexpectedly' });
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
      useSimulation.setState({ progress: { done: message.done, total: message.total } });
      return;
    case 'result': {
      const map = runMaps.get(message.runId) ?? useEditor.getState().map;
      runMaps.delete(message.runId);
      currentRun = null;
      useSimulation.setState({
        status: 'done',
        progress: null,
        result: message.result,
        resultSignature: simulationSignature(map),
        error: null,
        highlightedPath: null,
        panelOpen: true,
        ...deriveHeatAndFlow(map, message.result),
      });
      return;
    }
    case 'cancelled':
      runMaps.delete(message.runId);
      currentRun = null;
      useSimulation.setState({ status: 'cancelled', progress: null });
      return;
    case 'error':
      runMaps.delete(message.runId);
      currentRun = null;
      useSimulation.setState({ status: 'error', progress: null, error: message.message, panelOpen: true });
      return;
  }
}

function post(message: ToWorker): void {
  ensureWorker().postMessage(message);
}

export const simulationActions = {
  run(): void {
    const { map } = useEditor.getState();
    if (currentRun) post({ type: 'cancel', runId: currentRun });
    const runId = `run-${++runCounter}`;
    currentRun = runId;
    runMaps.set(runId, map);
    const total = map.simulation?.customers ?? 10_000;
    useSimulation.setState({ status: 'running', progress: { done: 0, total }, error: null });
    post({ type: 'run', runId, map });
  },
  cancel(): void {
    if (!currentRun) return;
    post({ type: 'cancel', runId: currentRun });
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
    if (currentRun) post({ type: 'cancel', runId: currentRun });
    currentRun = null;
    useSimulation.setState({ status: 'idle', progress: null, result: null, resultSignature: null, error: null, heat: {}, flow: {}, highlightedPath: null });
  },
};

// Results belong to the map they were computed for.
useEditor.subscribe((state, prev) => {
  if (state.map.id !== prev.map.id) simulationActions.clear();
});

export interface StageLoss {
  stageId: string | null;
  name: string;
  /** Customers who abandon at nodes of this stage, per 1,000 starts (exact). */
  lostPer1000: number;
}

/** Where along the journey customers are lost: exact abandonment summed over each stage's nodes, in stage order. */
export function lossesByStage(map: JourneyMap, abandon: Record<string, number>): StageLoss[] {
  const byStage = new Map<string | null, number>();
  for (const node of map.nodes) {
    const p = abandon[node.id];
    if (p === undefined) continue;
    const key = node.stage ?? null;
    byStage.set(key, (byStage.get(key) ?? 0) + p);
  }
  const rows: StageLoss[] = map.stages.map((s) => ({ stageId: s.id, name: s.name, lostPer1000: (byStage.get(s.id) ?? 0) * 1000 }));
  const unstaged = byStage.get(null);
  if (unstaged !== undefined && unstaged > 0) rows.push({ stageId: null, name: 'No stage', lostPer1000: unstaged * 1000 });
  return rows;
}
