/** Messages between the app and the simulation worker. Everything here survives structured cloning. */
import type { JourneyMap } from '../domain';
import type { PackedResult } from './packed';
import type { RunSettings, SimulationPhase } from './types';

export type ToWorker =
  | { type: 'run'; runId: string; map: JourneyMap; settings?: Partial<RunSettings> }
  | { type: 'cancel'; runId: string };

export type FromWorker =
  /** After each slice of about 25 ms: exact analysis and what-if in work units, Monte Carlo in customers. */
  | { type: 'progress'; runId: string; phase: SimulationPhase; done: number; total: number }
  /** The result for the map of the run, packed (unpackResult in the app); its arrays are transferred. */
  | { type: 'result'; runId: string; result: PackedResult }
  | { type: 'cancelled'; runId: string }
  | { type: 'error'; runId: string; message: string };
