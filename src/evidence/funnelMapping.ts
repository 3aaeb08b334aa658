/**
 * Which touchpoint each step of a funnel or transitions file is: a proposal for the user to confirm, and the
 * mapping to remember in the map (`imports.funnel`, format version 5) so the next export of the same report
 * maps itself. A remembered step comes first (when its node still exists); the rest are matched by
 * name — numbering such as "1. " stripped, then the share of meaningful words in common (touchpointMatch.ts
 * says which words count: case, accents, plurals and filler words are ignored).
 */
import type { FunnelMapping, JourneyMap } from '../domain';
import { stepKey } from './funnel';
import { meaningfulWords } from './touchpointMatch';

export type StepMapping = FunnelMapping['steps'][number];

/** Words in common over words in either (Jaccard); "Cart" ~ "Shopping cart" scores 0.5. */
export const MIN_NAME_MATCH = 0.5;

/** How alike a step name and a touchpoint label are, 0..1 (1: the same words once numbering goes). */
export function nameMatch(step: string, label: string): number {
  const x = new Set(meaningfulWords(stepKey(step)));
  const y = new Set(meaningfulWords(stepKey(label)));
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const either = x.size + y.size - shared;
  return either === 0 ? 0 : shared / either;
}

/**
 * A touchpoint (or entry or outcome) for each step where one is found, in the steps' order: the remembered
 * one, else the best name match at or above MIN_NAME_MATCH. Name matches are one-to-one: the closest pairs
 * are taken first and a node taken is not proposed again.
 */
export function proposeFunnelMapping(steps: readonly string[], map: JourneyMap): StepMapping[] {
  const nodeIds = new Set(map.nodes.map((n) => n.id));
  const remembered = new Map<string, string>();
  for (const entry of map.imports?.funnel?.steps ?? []) {
    if (nodeIds.has(entry.node) && !remembered.has(stepKey(entry.step))) remembered.set(stepKey(entry.step), entry.node);
  }
  const chosen = new Map<string, string>();
  for (const step of steps) {
    const node = remembered.get(stepKey(step));
    if (node !== undefined) chosen.set(step, node);
  }
  const taken = new Set(chosen.values());
  const pairs: { step: string; node: string; score: number }[] = [];
  for (const step of steps) {
    if (chosen.has(step)) continue;
    for (const node of map.nodes) {
      const score = nameMatch(step, node.label);
      if (!taken.has(node.id) && score >= MIN_NAME_MATCH) pairs.push({ step, node: node.id, score });
    }
  }
  // Stable sort: equal scores keep the steps' and then the nodes' order.
  pairs.sort((p, q) => q.score - p.score);
  for (const { step, node } of pairs) {
    if (chosen.has(step) || taken.has(node)) continue;
    chosen.set(step, node);
    taken.add(node);
  }
  return steps.filter((s) => chosen.has(s)).map((step) => ({ step, node: chosen.get(step)! }));
}

/**
 * The mapping to remember after the user confirmed `confirmed` (what to pass to the domain's applyCalibration,
 * which stores it in `imports.funnel`): the confirmed steps, after the remembered steps of other names whose
 * node still exists — so a second report with other step names does not make the map forget the first.
 */
export function funnelMappingToRemember(map: JourneyMap, confirmed: readonly StepMapping[]): FunnelMapping {
  const nodeIds = new Set(map.nodes.map((n) => n.id));
  const mapped = confirmed.filter((m) => nodeIds.has(m.node));
  const keys = new Set(mapped.map((m) => stepKey(m.step)));
  const kept = (map.imports?.funnel?.steps ?? []).filter((m) => nodeIds.has(m.node) && !keys.has(stepKey(m.step)));
  return { steps: [...kept, ...mapped].map((m) => ({ step: m.step, node: m.node })) };
}

/** funnelMappingToRemember written into `map.imports.funnel` (replacing the object, never mutating it in place). */
export function rememberFunnelMapping(map: JourneyMap, confirmed: readonly StepMapping[]): void {
  map.imports = { ...map.imports, funnel: funnelMappingToRemember(map, confirmed) };
}
