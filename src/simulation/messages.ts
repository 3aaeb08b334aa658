/** Messages between the app and the simulation worker. Everything here survives structured cloning. */
import type { JourneyMap } from '../domain';
import type { RunSettings, SimulationResult } from './types';

export type ToWorker =
  | { type: 'run'; runId: string; map: JourneyMap; settings?: Partial<RunSettings> }
  | { type: 'cancel'; runId: string };

export type FromWorker =
  | { type: 'progress'; runId: string; done: number; total: number }
  | { type: 'result'; runId: string; result: SimulationResult }
  | { type: 'cancelled'; runId: string }
  | { type: 'error'; runId: string; message: string };
