/**
 * A result on its way from the worker to the app. Structured cloning a result of a 10,000-node map (records
 * of 10,000 keys, 10,000 hotspot objects) costs the receiving thread about 100 ms in one go, before any code
 * of ours runs. So the worker sends per-node values as columns of Float64Arrays in map order, transferred
 * rather than copied, with the heat and flow the canvas shows already computed; the app turns them back
 * into the result's records in slices of 250 nodes (unpackResult), pausing in between.
 */
import { personaView, type JourneyMap } from '../domain';
import { compileJourney, KIND_OUTCOME, type CompiledJourney } from './compile';
import { hotspotOf } from './hotspots';
import type { Pausable } from './pausable';
import type { ExactResult, Hotspot, MonteCarloResult, PersonaMonteCarlo, PersonaResult, SimulationResult } from './types';

type PerNode<T> = { [K in keyof T]: T[K] extends Record<string, number> ? K : never }[keyof T];
type ExactColumn = PerNode<ExactResult>;
type MonteCarloColumn = PerNode<MonteCarloResult>;
type PersonaMonteCarloColumn = PerNode<PersonaMonteCarlo>;

const EXACT_COLUMNS: readonly ExactColumn[] = ['outcomes', 'abandon', 'expectedVisits', 'reachSuccess', 'uplift', 'removalEffect', 'reach'];
const MONTE_CARLO_COLUMNS: readonly MonteCarloColumn[] = ['outcomes', 'outcomeCounts', 'abandon', 'abandonCounts', 'visits'];
const PERSONA_MONTE_CARLO_COLUMNS: readonly PersonaMonteCarloColumn[] = ['outcomes', 'outcomeCounts', 'abandon'];

/** Customers lost at a node per 1,000 starts, and the same relative to the node that loses most (0..1). */
export interface NodeHeat {
  lostPer1000: number;
  level: number;
}

/** What the canvas draws for one population: heat per node id, and edge id → 0..1 of the busiest edge's flow. */
export interface PopulationHeat {
  heat: Record<string, NodeHeat>;
  flow: Record<string, number>;
}

/** Per-node values of exact results, hotspots and heat, as columns in map order. */
interface PackedExact {
  /** Per map node (NaN where the record has no entry for the node). */
  exact: Record<ExactColumn, Float64Array>;
  /** Map node index of each hotspot, in rank order, and each node's drop-off (as its hotspot shows it). */
  hotspotOrder: Int32Array;
  dropOff: Float64Array;
  /** Customers lost per 1,000 starts per map node (NaN for outcomes). */
  lostPer1000: Float64Array;
  /** Customers along each map edge, relative to the busiest edge (NaN inside a closed loop). */
  flow: Float64Array;
}

export interface PackedPersona extends PackedExact {
  /** The persona's result with the per-node records empty and no hotspots. */
  shell: PersonaResult;
  monteCarlo: Record<PersonaMonteCarloColumn, Float64Array>;
}

export interface PackedResult extends PackedExact {
  /** The result with the per-node records empty, no hotspots and no personas. */
  shell: SimulationResult;
  monteCarlo: Record<MonteCarloColumn, Float64Array>;
  /** Per persona, in the result's order; empty without personas. */
  personas: PackedPersona[];
}

export interface UnpackedResult {
  result: SimulationResult;
  heat: Record<string, NodeHeat>;
  /** Edge id → 0..1 share of the busiest edge's flow. */
  flow: Record<string, number>;
  /** Persona id → the heat and flow of that persona's customers alone (empty without personas). */
  personaHeat: Record<string, PopulationHeat>;
}

/** Customers along each map edge per customer: visits to its source that move on, times the edge's share. */
function rawFlow(map: JourneyMap, journey: CompiledJourney, visits: Record<string, number>): Float64Array {
  const flow = new Float64Array(map.edges.length);
  for (let i = 0; i < journey.n; i++) {
    // Edges out of outcomes carry nobody.
    if (journey.kind[i] === KIND_OUTCOME) continue;
    const v = visits[journey.ids[i]];
    for (let p = journey.rowStart[i]; p < journey.rowStart[i + 1]; p++) {
      flow[journey.edgeIndex[p]] += Number.isFinite(v) ? v * (1 - journey.dropOff[i]) * journey.share[p] : NaN;
    }
  }
  return flow;
}

/** `flow` relative to its busiest edge (NaN stays NaN). */
function relativeFlow(flow: Float64Array): Float64Array {
  let busiest = 0;
  for (const f of flow) if (f > busiest) busiest = f;
  return busiest > 0 ? flow.map((f) => f / busiest) : flow.slice();
}

function packExact(map: JourneyMap, exact: ExactResult, hotspots: readonly Hotspot[], flow: Float64Array): PackedExact {
  const ids = map.nodes.map((node) => node.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const columns = {} as Record<ExactColumn, Float64Array>;
  for (const key of EXACT_COLUMNS) columns[key] = column(ids, exact[key]);
  const dropOff = new Float64Array(ids.length);
  for (const h of hotspots) dropOff[index.get(h.nodeId)!] = h.dropOff;
  return {
    exact: columns,
    hotspotOrder: Int32Array.from(hotspots, (h) => index.get(h.nodeId) ?? -1),
    dropOff,
    lostPer1000: Float64Array.from(columns.abandon, (p) => p * 1000),
    flow: relativeFlow(flow),
  };
}

const column = (ids: readonly string[], record: Record<string, number>) => Float64Array.from(ids, (id) => record[id] ?? NaN);

const buffersOf = (packed: PackedExact) =>
  [...Object.values(packed.exact), packed.hotspotOrder, packed.dropOff, packed.lostPer1000, packed.flow].map((array) => array.buffer as ArrayBuffer);

/** Packs `result` of a run on `map`; `transfer` lists the buffers to transfer with it. */
export function packResult(map: JourneyMap, result: SimulationResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const ids = map.nodes.map((node) => node.id);
  const compile = (view: JourneyMap) => compileJourney(view, { severityDropOff: result.settings.severityDropOff });
  const { personas: personaResults = [], ...rest } = result;
  const personas: PackedPersona[] = [];
  let flow: Float64Array;
  if (personaResults.length === 0) {
    flow = rawFlow(map, compile(map), result.exact.expectedVisits);
  } else {
    // The crowd's flow along an edge is the share-weighted flow of each persona's customers.
    flow = new Float64Array(map.edges.length);
    for (const persona of personaResults) {
      const own = rawFlow(map, compile(personaView(map, persona.personaId)), persona.exact.expectedVisits);
      for (let e = 0; e < own.length; e++) flow[e] += persona.share * own[e];
      const monteCarlo = {} as Record<PersonaMonteCarloColumn, Float64Array>;
      for (const key of PERSONA_MONTE_CARLO_COLUMNS) monteCarlo[key] = column(ids, persona.monteCarlo[key]);
      personas.push({
        ...packExact(map, persona.exact, persona.hotspots, own),
        monteCarlo,
        shell: {
          ...persona,
          exact: { ...persona.exact, ...emptyRecords(EXACT_COLUMNS) },
          monteCarlo: { ...persona.monteCarlo, ...emptyRecords(PERSONA_MONTE_CARLO_COLUMNS) },
          hotspots: [],
        },
      });
    }
  }
  const monteCarlo = {} as Record<MonteCarloColumn, Float64Array>;
  for (const key of MONTE_CARLO_COLUMNS) monteCarlo[key] = column(ids, result.monteCarlo[key]);
  const shell: SimulationResult = {
    ...rest,
    exact: { ...result.exact, ...emptyRecords(EXACT_COLUMNS) },
    monteCarlo: { ...result.monteCarlo, ...emptyRecords(MONTE_CARLO_COLUMNS) },
    hotspots: [],
  };
  const packed: PackedResult = { ...packExact(map, result.exact, result.hotspots, flow), shell, monteCarlo, personas };
  const transfer = [
    ...buffersOf(packed),
    ...Object.values(monteCarlo).map((array) => array.buffer as ArrayBuffer),
    ...personas.flatMap((p) => [...buffersOf(p), ...Object.values(p.monteCarlo).map((array) => array.buffer as ArrayBuffer)]),
  ];
  return { packed, transfer };
}

/** Nodes (or edges) handled between two pauses. */
const PER_SLICE = 250;

/** Exact records, hotspots, heat and flow again from their columns, pausing every 250 nodes. */
function* unpackExact(packed: PackedExact, shell: ExactResult, map: JourneyMap): Pausable<{ exact: ExactResult; hotspots: Hotspot[] } & PopulationHeat> {
  const exact: ExactResult = { ...shell, ...emptyRecords(EXACT_COLUMNS) };
  const heat: Record<string, NodeHeat> = {};
  let mostLost = 0;
  for (const lost of packed.lostPer1000) if (lost > mostLost) mostLost = lost;
  for (let i = 0; i < map.nodes.length; i++) {
    const id = map.nodes[i].id;
    for (const key of EXACT_COLUMNS) {
      const value = packed.exact[key][i];
      if (value === value) exact[key][id] = value;
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
  return { exact, hotspots, heat, flow };
}

/** Records of `keys` from their columns, pausing every 250 nodes. */
function* unpackColumns<K extends string>(columns: Record<K, Float64Array>, keys: readonly K[], map: JourneyMap): Pausable<Record<K, Record<string, number>>> {
  const records = emptyRecords(keys);
  for (let i = 0; i < map.nodes.length; i++) {
    const id = map.nodes[i].id;
    for (const key of keys) {
      const value = columns[key][i];
      const record: Record<string, number> = records[key];
      if (value === value) record[id] = value;
    }
    if (i % PER_SLICE === PER_SLICE - 1) yield;
  }
  return records;
}

/** The result, heat and flow again (per persona too), for the same map, pausing every 250 nodes. */
export function* unpackResult(packed: PackedResult, map: JourneyMap): Pausable<UnpackedResult> {
  const { shell } = packed;
  if (shell.mapId !== map.id || packed.lostPer1000.length !== map.nodes.length || packed.flow.length !== map.edges.length) {
    throw new RangeError('This result was computed for another map');
  }
  const { exact, hotspots, heat, flow } = yield* unpackExact(packed, shell.exact, map);
  const monteCarlo: MonteCarloResult = { ...shell.monteCarlo, ...(yield* unpackColumns(packed.monteCarlo, MONTE_CARLO_COLUMNS, map)) };
  const result: SimulationResult = { ...shell, exact, monteCarlo, hotspots };
  const personaHeat: Record<string, PopulationHeat> = {};
  if (packed.personas.length > 0) {
    result.personas = [];
    for (const persona of packed.personas) {
      const own = yield* unpackExact(persona, persona.shell.exact, map);
      const records = yield* unpackColumns(persona.monteCarlo, PERSONA_MONTE_CARLO_COLUMNS, map);
      result.personas.push({ ...persona.shell, exact: own.exact, monteCarlo: { ...persona.shell.monteCarlo, ...records }, hotspots: own.hotspots });
      personaHeat[persona.shell.personaId] = { heat: own.heat, flow: own.flow };
    }
  }
  return { result, heat, flow, personaHeat };
}

function emptyRecords<K extends string>(keys: readonly K[]): Record<K, Record<string, number>> {
  const records = {} as Record<K, Record<string, number>>;
  for (const key of keys) records[key] = {};
  return records;
}
