/**
 * Who is simulated: the populations of a run (one per persona, or the whole map when it has none), how a
 * run's customers and seed are shared among them, and a persona as a population of its own.
 */
import { findPersona, personaShares, personaView, type JourneyMap, type Persona } from '../domain';
import { compileJourney, SimulationError, type CompiledJourney } from './compile';
import type { RunSettings } from './types';

/** One population of a run: a persona and the map as it sees it, or (persona null) the whole map. */
export interface Population {
  persona: Persona | null;
  /** Share of all customers (1 without personas). */
  share: number;
  /** The map as this population sees it (personaView). */
  view: JourneyMap;
}

/** The populations of a run on `map`, in the map's persona order; the map itself when it has no personas. */
export function populations(map: JourneyMap): Population[] {
  if (map.personas.length === 0) return [{ persona: null, share: 1, view: map }];
  const shares = personaShares(map);
  return map.personas.map((persona, k) => ({ persona, share: shares[k], view: personaView(map, persona.id) }));
}

/** The map as `population` sees it, compiled; errors name the persona whose view they are about. */
export function compilePopulation(population: Population, settings: Pick<RunSettings, 'severityDropOff'>): CompiledJourney {
  try {
    return compileJourney(population.view, { severityDropOff: settings.severityDropOff });
  } catch (error) {
    if (population.persona === null || !(error instanceof SimulationError)) throw error;
    throw new SimulationError(`As persona "${population.persona.name}" sees the map: ${error.message}`);
  }
}

/**
 * The map as persona `id` sees it, as a population of its own (no personas left): what `--persona ID`
 * simulates. Throws a SimulationError naming the map's personas when there is no such persona.
 */
export function soloPersona(map: JourneyMap, id: string): JourneyMap {
  if (!findPersona(map, id)) throw new SimulationError(unknownPersonaMessage(map, id));
  return { ...personaView(map, id), personas: [] };
}

export function unknownPersonaMessage(map: Pick<JourneyMap, 'personas'>, id: string): string {
  if (map.personas.length === 0) return `There is no persona "${id}": the map has no personas`;
  const known = map.personas.map((p) => `"${p.id}" (${p.name})`).join(', ');
  return `There is no persona "${id}"; the map's personas are ${known}`;
}

/**
 * The Monte Carlo seed of persona k (its index in the map's persona order) in a run with `seed`: the run
 * seed with k in the high 32 bits. seedState folds the high word in (times the golden-ratio constant)
 * before splitmix32 expands it, so the personas' streams are unrelated, and persona 0 draws exactly what a
 * run without personas would: one persona that overrides nothing changes nothing.
 */
export function personaSeed(seed: number, k: number): number {
  return seed + k * 2 ** 32;
}

/**
 * `customers` split in proportion to `shares` (summing to 1) by largest remainder: each gets the whole
 * part of its quota, and the customers left over go one each to the largest fractional parts (ties to the
 * earlier persona). The counts always add up to `customers`.
 */
export function splitCustomers(customers: number, shares: readonly number[]): number[] {
  const quotas = shares.map((s) => customers * s);
  const counts = quotas.map((q) => Math.floor(q));
  const byRemainder = quotas.map((q, k) => ({ k, rest: q - Math.floor(q) })).sort((a, b) => b.rest - a.rest || a.k - b.k);
  let left = customers - counts.reduce((a, b) => a + b, 0);
  // Rounding can only leave a few customers over (or, in theory, one too many); hand them out in turn.
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) counts[byRemainder[i].k]++;
  for (let i = byRemainder.length - 1; left < 0; i = (i - 1 + byRemainder.length) % byRemainder.length) {
    if (counts[byRemainder[i].k] > 0) {
      counts[byRemainder[i].k]--;
      left++;
    }
  }
  return counts;
}
