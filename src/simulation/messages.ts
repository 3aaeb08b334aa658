/** Messages between the app and the simulation worker. Everything here survives structured cloning. */
import type { JourneyMap } from '../domain';
import type { PackedResult } from './packed';
import type { RunSettings, SimulationPhase } from './types';
import type { UncertaintyOptions, UncertaintyResult } from './uncertainty';

export type ToWorker =
  | { type: 'run'; runId: string; map: JourneyMap; settings?: Partial<RunSettings> }
  /**
   * Uncertainty draws (uncertainty.ts). A new 'uncertainty' supersedes the one in progress (then 'cancelled'
   * for the old runId); a 'run' does not, nor the other way round. 'cancel' with its runId stops it.
   */
  | { type: 'uncertainty'; runId: string; map: JourneyMap; options?: UncertaintyOptions }
  | { type: 'cancel'; runId: string };

export type FromWorker =
  /** After each slice of about 25 ms: exact analysis and what-if in work units, Monte Carlo in customers. */
  | { type: 'progress'; runId: string; phase: SimulationPhase; done: number; total: number }
  /** The result for the map of the run, packed (unpackResult in the app); its arrays are transferred. */
  | { type: 'result'; runId: string; result: PackedResult }
  /** After each slice of about 25 ms of an 'uncertainty' request: draws made of the draws asked for. */
  | { type: 'uncertaintyProgress'; runId: string; done: number; total: number }
  /** The uncertainty result; its per-node arrays (upliftLow, upliftHigh, topHotspotShare) are transferred. */
  | { type: 'uncertaintyResult'; runId: string; result: UncertaintyResult }
  /** 'cancelled' and 'error' answer 'run' and 'uncertainty' alike. */
  | { type: 'cancelled'; runId: string }
  | { type: 'error'; runId: string; message: string };
