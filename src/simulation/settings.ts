/** Run settings: defaults, then the map's `simulation` block, then explicit overrides (CLI flags, UI). */
import { DEFAULT_SEVERITY_DROP_OFF, SIMULATION_LIMITS, type JourneyMap } from '../domain';
import { SimulationError } from './compile';
import type { RunSettings } from './types';

// The same limits as the map file format and the editor's settings.
export const DEFAULT_CUSTOMERS = 10_000;
export const MAX_CUSTOMERS = SIMULATION_LIMITS.customers.max;
export const DEFAULT_SEED = 1;
export const MAX_SEED = SIMULATION_LIMITS.seed.max;
export const DEFAULT_MAX_STEPS = 200;
export const MAX_MAX_STEPS = SIMULATION_LIMITS.maxSteps.max;

export function resolveSettings(map: JourneyMap, overrides: Partial<RunSettings> = {}): RunSettings {
  const fromMap = map.simulation ?? {};
  const settings: RunSettings = {
    customers: overrides.customers ?? fromMap.customers ?? DEFAULT_CUSTOMERS,
    seed: overrides.seed ?? fromMap.seed ?? DEFAULT_SEED,
    maxSteps: overrides.maxSteps ?? fromMap.maxSteps ?? DEFAULT_MAX_STEPS,
    severityDropOff: [...(overrides.severityDropOff ?? fromMap.severityDropOff ?? DEFAULT_SEVERITY_DROP_OFF)] as RunSettings['severityDropOff'],
  };
  const problems = settingsProblems(settings);
  if (problems.length > 0) throw new SimulationError(problems.join('; '));
  return settings;
}

export function settingsProblems(s: RunSettings): string[] {
  const problems: string[] = [];
  if (!(Number.isInteger(s.customers) && s.customers >= 1 && s.customers <= MAX_CUSTOMERS)) {
    problems.push(`customers must be a whole number from 1 to ${MAX_CUSTOMERS.toLocaleString('en')}`);
  }
  if (!(Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= MAX_SEED)) problems.push(`seed must be a whole number from 0 to ${MAX_SEED.toLocaleString('en')}`);
  if (!(Number.isInteger(s.maxSteps) && s.maxSteps >= 1 && s.maxSteps <= MAX_MAX_STEPS)) {
    problems.push(`maxSteps must be a whole number from 1 to ${MAX_MAX_STEPS.toLocaleString('en')}`);
  }
  if (!(s.severityDropOff.length === 5 && s.severityDropOff.every((d) => d >= 0 && d <= 1))) {
    problems.push('severityDropOff must be five probabilities between 0 and 1');
  }
  return problems;
}
