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
export {
  analyseBlend,
  analyseJourney,
  simulateJourney,
  simulateInChunks,
  PATHS_PER_PERSONA,
  type BlendedAnalysis,
  type ChunkedRunOptions,
  type ExactAnalysis,
  type PersonaAnalysis,
} from './simulate';
export { personaSeed, populations, soloPersona, splitCustomers, unknownPersonaMessage, type Population } from './personas';
export { blendExact, mergeMonteCarlo } from './blend';
export { opportunityValues, type OpportunityValueOptions } from './opportunities';
export type { FromWorker, ToWorker } from './messages';
export type * from './types';
export { compareScenarios, compareScenariosInChunks, differenceInterval, type ComparedRun, type ScenarioComparison } from './scenarios';
export { lossesByStage, type StageLoss } from './losses';
export {
  analyseUncertainty,
  analyseUncertaintyInChunks,
  DEFAULT_DRAWS,
  MAX_DRAWS,
  type ParameterCounts,
  type UncertaintyOptions,
  type UncertaintyResult,
  type UncertaintyRunOptions,
} from './uncertainty';
export type { PercentileInterval } from './percentiles';
export { beta, dirichlet, gamma, standardNormal } from './sampling';
