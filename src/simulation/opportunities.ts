/**
 * What an opportunity is worth: the rise in the exact completion (success) rate if every open friction note
 * it addresses were resolved at once, computed in one what-if solve against the map as it is. Exact only (no
 * Monte Carlo, no what-if identities): one solve per opportunity and persona, plus one per persona for now.
 */
import { findPersona, openAddressedNotes, personaView, withNotesResolved, type JourneyMap } from '../domain';
import { SimulationError } from './compile';
import { analyseExact } from './exact';
import { compilePopulation, populations, unknownPersonaMessage, type Population } from './personas';
import { resolveSettings } from './settings';

export interface OpportunityValueOptions {
  /** A persona id: the value for that persona's customers alone (default: blended over all personas). */
  persona?: string;
}

/**
 * Opportunity id → exact success with the open notes it addresses resolved, minus exact success now: a
 * probability (0.032 is 3.2 points of completion). With personas both are blended by persona share, as in
 * a run, or are the one persona's. An opportunity with no open note to resolve is worth 0, without a solve.
 * A note only moves a node's drop-off where neither the map nor the persona sets the drop-off itself.
 */
export function opportunityValues(map: JourneyMap, options: OpportunityValueOptions = {}): Record<string, number> {
  const { persona } = options;
  if (persona !== undefined && !findPersona(map, persona)) throw new SimulationError(unknownPersonaMessage(map, persona));
  const settings = resolveSettings(map);
  const success = (m: JourneyMap): number => {
    const pops: Population[] = persona === undefined ? populations(m) : [{ persona: findPersona(m, persona)!, share: 1, view: personaView(m, persona) }];
    let total = 0;
    for (const population of pops) if (population.share !== 0) total += population.share * analyseExact(compilePopulation(population, settings)).success;
    return total;
  };
  const now = success(map);
  const values: Record<string, number> = {};
  for (const opportunity of map.opportunities) {
    const notes = openAddressedNotes(map, opportunity);
    values[opportunity.id] = notes.length === 0 ? 0 : success(withNotesResolved(map, notes)) - now;
  }
  return values;
}
