/** Small wording and option helpers shared by the Evidence dialog's steps. */
import type { JourneyMap, JourneyNode } from '../../domain/types';

/** "1 response", "412 responses", with thousands grouped. */
export const counted = (n: number, noun: string, plural = `${noun}s`): string => `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;

/** A share 0..1 as a percentage with at most one decimal: "22%", "40.5%". */
export const percent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;

/** A weight as people read it: "3", "0.5", "12,345". */
export const weightText = (w: number): string => Number(w.toFixed(2)).toLocaleString('en');

export interface NodeOption {
  value: string;
  label: string;
}

/**
 * Select options for `nodes`, by label; a label two nodes share gets the stage (or the id) after it, so the
 * user can tell which is meant.
 */
export function nodeOptions(map: JourneyMap, nodes: readonly JourneyNode[]): NodeOption[] {
  const uses = new Map<string, number>();
  for (const n of nodes) uses.set(n.label, (uses.get(n.label) ?? 0) + 1);
  return nodes.map((n) => {
    if ((uses.get(n.label) ?? 0) < 2) return { value: n.id, label: n.label };
    const stage = map.stages.find((s) => s.id === n.stage)?.name;
    return { value: n.id, label: `${n.label} (${stage ?? n.id})` };
  });
}

/** Labels of the map's nodes by id. */
export const labelsOf = (map: JourneyMap): Map<string, string> => new Map(map.nodes.map((n) => [n.id, n.label]));
