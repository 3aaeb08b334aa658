/**
 * A result on its way from the worker to the app. Structured cloning a result of a 10,000-node map (records
 * of 10,000 keys, 10,000 hotspot objects) costs the receiving thread about 100 ms in one go, before any code
 * of ours runs. So the worker sends per-node values as columns of Float64Arrays in map order, transferred
 * rather than copied, with the heat and flow the canvas shows already computed; the app turns them back
 * into the result's records in slices of 250 nodes (unpackResult), pausing in between.
 */
import type { JourneyMap } from '../domain';
import { compileJourney, KIND_OUTCOME } from './compile';
import { hotspotOf } from './hotspots';
import type { Pausable } from './pausable';
import type { ExactResult, Hotspot, MonteCarloResult, SimulationResult } from './types';

type PerNode<T> = { [K in keyof T]: T[K] extends Record<string, number> ? K : never }[keyof T];
type ExactColumn = PerNode<ExactResult>;
type MonteCarloColumn = PerNode<MonteCarloResult>;

const EXACT_COLUMNS: readonly ExactColumn[] = ['outcomes', 'abandon', 'expectedVisits', 'reachSuccess', 'uplift', 'removalEffect', 'reach'];
const MONTE_CARLO_COLUMNS: readonly MonteCarloColumn[] = ['outcomes', 'outcomeCounts', 'abandon', 'abandonCounts', 'visits'];

/** Customers lost at a node per 1,000 starts, and the same relative to the node that loses most (0..1). */
export interface NodeHeat {
  lostPer1000: number;
  level: number;
}

export interface PackedResult {
  /** The result with the per-node records empty and no hotspots. */
  shell: SimulationResult;
  /** Per map node (NaN where the record has no entry for the node). */
  exact: Record<ExactColumn, Float64Array>;
  monteCarlo: Record<MonteCarloColumn, Float64Array>;
  /** Map node index of each hotspot, in rank order, and each node's drop-off. */
  hotspotOrder: Int32Array;
  dropOff: Float64Array;
  /** Customers lost per 1,000 starts per map node (NaN for outcomes). */
  lostPer1000: Float64Array;
  /** Customers along each map edge, relative to the busiest edge (NaN inside a closed loop). */
  flow: Float64Array;
}

export interface UnpackedResult {
  result: SimulationResult;
  heat: Record<string, NodeHeat>;
  /** Edge id → 0..1 share of the busiest edge's flow. */
  flow: Record<string, number>;
}

/** Packs `result` of a run on `map`; `transfer` lists the buffers to transfer with it. */
export function packResult(map: JourneyMap, result: SimulationResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const n = map.nodes.length;
  const ids = map.nodes.map((node) => node.id);
  const column = (record: Record<string, number>) => Float64Array.from(ids, (id) => record[id] ?? NaN);
  const exact = {} as Record<ExactColumn, Float64Array>;
  for (const key of EXACT_COLUMNS) exact[key] = column(result.exact[key]);
  const monteCarlo = {} as Record<MonteCarloColumn, Float64Array>;
  for (const key of MONTE_CARLO_COLUMNS) monteCarlo[key] = column(result.monteCarlo[key]);

  const journey = compileJourney(map, { severityDropOff: result.settings.severityDropOff });
  const index = journey.indexOf;
  const hotspotOrder = Int32Array.from(result.hotspots, (h) => index.get(h.nodeId) ?? -1);
  const lostPer1000 = Float64Array.from(exact.abandon, (p) => p * 1000);
  // Customers along each edge: visits to its source that move on, times the edge's share. Edges out of
  // outcomes carry nobody.
  const flow = new Float64Array(map.edges.length);
  let busiest = 0;
  for (let i = 0; i < n; i++) {
    if (journey.kind[i] === KIND_OUTCOME) continue;
    const visits = exact.expectedVisits[i];
    for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) {
      const f = Number.isFinite(visits) ? visits * (1 - journey.dropOff[i]) * journey.share[p] : NaN;
      flow[journey.edgeIndex[p]] += f;
      if (f > busiest) busiest = f;
    }
  }
  if (busiest > 0) for (let e = 0; e < flow.length; e++) flow[e] /= busiest;

  const shell: SimulationResult = {
    ...result,
    exact: { ...result.exact, ...emptyRecords(EXACT_COLUMNS) },
    monteCarlo: { ...result.monteCarlo, ...emptyRecords(MONTE_CARLO_COLUMNS) },
    hotspots: [],
  };
  const packed: PackedResult = { shell, exact, monteCarlo, hotspotOrder, dropOff: journey.dropOff, lostPer1000, flow };
  const transfer = [...Object.values(exact), ...Object.values(monteCarlo), hotspotOrder, journey.dropOff, lostPer1000, flow].map(
    (array) => array.buffer as ArrayBuffer,
  );
  return { packed, transfer };
}

/** Nodes (or edges) handled between two pauses. */
const PER_SLICE = 250;

/** The result, heat and flow again, for the same map, pausing every 250 nodes. */
export function* unpackResult(packed: PackedResult, map: JourneyMap): Pausable<UnpackedResult> {
  const { shell } = packed;
  if (shell.mapId !== map.id || packed.lostPer1000.length !== map.nodes.length || packed.flow.length !== map.edges.length) {
    throw new RangeError('This result was computed for another map');
  }
  const exact: ExactResult = { ...shell.exact, ...emptyRecords(EXACT_COLUMNS) };
  const monteCarlo: MonteCarloResult = { ...shell.monteCarlo, ...emptyRecords(MONTE_CARLO_COLUMNS) };
  const heat: Record<string, NodeHeat> = {};
  let mostLost = 0;
  for (const lost of packed.lostPer1000) if (lost > mostLost) mostLost = lost;
  for (let i = 0; i < map.nodes.length; i++) {
    const id = map.nodes[i].id;
    for (const key of EXACT_COLUMNS) {
      const value = packed.exact[key][i];
      if (value === value) exact[key][id] = value;
    }
    for (const key of MONTE_CARLO_COLUMNS) {
      const value = packed.monteCarlo[key][i];
      if (value === value) monteCarlo[key][id] = value;
    }
    const lost = packed.lostPer1000[i];
    if (lost === lost) heat[id] = { lostPer1000: lost, level: mostLost > 0 ? lost / mostLost : 0 };
    if (i % PER_SLICE === PER_SLICE - 1) yield;
  }
  const hotspots: Hotspot[] = [];
  for (let k = 0; k < packed.hotspotOrder.length; k++) {
    const i = packed.hotspotOrder[k];
    hotspots.push(hotspotOf(map.nodes[i], packed.dropOff[i], exact));
    if (k % PER_SLICE === PER_SLICE - 1) yield;
  }
  const flow: Record<string, number> = {};
  for (let e = 0; e < map.edges.length; e++) {
    const f = packed.flow[e];
    if (f === f) flow[map.edges[e].id] = f;
    if (e % (4 * PER_SLICE) === 4 * PER_SLICE - 1) yield;
  }
  return { result: { ...shell, exact, monteCarlo, hotspots }, heat, flow };
}

function emptyRecords<K extends string>(keys: readonly K[]): Record<K, Record<string, number>> {
  const records = {} as Record<K, Record<string, number>>;
  for (const key of keys) records[key] = {};
  return records;
}
