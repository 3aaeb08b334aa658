/** The map check's warnings in plain English, naming nodes by their labels (kept apart from the check, which the toolbar needs at once). */
import type { MapWarning } from './check';
import type { JourneyMap } from './types';


function quotedLabel(map: JourneyMap, id: string): string {
  const label = map.nodes.find((node) => node.id === id)?.label.trim();
  return `"${label || id}"`;
}

/** `"A"`, `"A" and "B"`, `"A", "B" and "C"`, … up to four names, then `"A", "B", "C", "D" and 3 more`. */
function labelList(map: JourneyMap, ids: readonly string[]): string {
  const shown = ids.length > 4 ? ids.slice(0, 4) : ids;
  const names = shown.map((id) => quotedLabel(map, id));
  const last = ids.length > 4 ? `${ids.length - 4} more` : names.pop();
  return names.length === 0 ? (last ?? '') : `${names.join(', ')} and ${last}`;
}

/** Whether some edge leaves the group of nodes (to a node outside it). */
function hasExit(map: JourneyMap, ids: readonly string[]): boolean {
  const members = new Set(ids);
  return map.edges.some((edge) => members.has(edge.source) && !members.has(edge.target));
}

/** A warning in plain English, naming the nodes by their labels. */
export function describeWarning(map: JourneyMap, warning: MapWarning): string {
  const ids = warning.nodeIds;
  const names = labelList(map, ids);
  const one = ids.length === 1;
  switch (warning.rule) {
    case 'no-entry':
      return 'No entry: add an Entry where customers start';
    case 'no-success':
      return 'No success outcome: add an Outcome marked Success';
    case 'dead-end':
      return `Dead end: ${names} ${one ? 'leads' : 'lead'} nowhere`;
    case 'unreachable':
      return `Unreachable: no customer can reach ${names}`;
    case 'closed-loop':
      // A loop whose only ways out end at dead ends or other loops does not trap customers itself, but
      // still never brings them to an outcome.
      if (hasExit(map, ids)) return `Closed loop: ${names} never ${one ? 'leads' : 'lead'} to an outcome`;
      return one ? `Closed loop: ${names} leads only back to itself` : `Closed loop: ${names} lead only to each other`;
    case 'unreached-outcome':
      return `Outcome never reached: ${names}`;
  }
}
