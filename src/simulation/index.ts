export { compileJourney, SimulationError, type CompiledJourney, type CompileOptions } from './compile';
export { analyseExact, type ExactChain } from './exact';
export { analyseWhatIf, successWithDropOff, type WhatIf } from './whatIf';
export { MonteCarloRunner, runMonteCarlo, type MonteCarloOptions } from './monteCarlo';
export { rankHotspots, worstOpenFriction } from './hotspots';
export { wilsonInterval, proportionStandardError, Z95, type Interval, type LengthSummary } from './stats';
export { Xoshiro128, seedState } from './prng';
export {
  resolveSettings,
  settingsProblems,
  DEFAULT_CUSTOMERS,
  DEFAULT_MAX_STEPS,
  DEFAULT_SEED,
  MAX_CUSTOMERS,
  MAX_MAX_STEPS,
} from './settings';
export { analyseJourney, simulateJourney, simulateInChunks, type ChunkedRunOptions, type ExactAnalysis } from './simulate';
export type { FromWorker, ToWorker } from './messages';
export type * from './types';
