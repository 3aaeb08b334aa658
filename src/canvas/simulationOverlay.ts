/** Per-node and per-edge reads of derived simulation data: each component subscribes to its own values only. */
import type { CSSProperties } from 'react';
import { useSimulation, type NodeHeat, type SimulationState } from '../store/simulationStore';

/**
 * Pale amber (nobody lost) to red (the node that loses most). Text on a tinted card is in INK or ON_HEAT
 * (render/colours.ts), at least 4.5:1 on every tint (tests/unit/canvas/contrast.test.ts).
 */
export function heatColour(level: number): string {
  const l = Math.max(0, Math.min(1, level));
  return `hsl(${Math.round(38 - 38 * l)} 90% ${Math.round(95 - 25 * l)}%)`;
}

/**
 * What the heatmap shows: nothing while it is off; with a persona chosen, that persona's heat and flow from the
 * last run (none if the run had no such persona: all customers' figures would pass for the persona's).
 */
export function heatView(s: SimulationState, persona: string | null): Pick<SimulationState, 'heat' | 'flow'> | undefined {
  if (!s.heatmap) return undefined;
  return persona === null ? s : s.personaHeat?.[persona];
}

export function useNodeHeat(id: string, persona: string | null): NodeHeat | undefined {
  return useSimulation((s) => heatView(s, persona)?.heat[id]);
}

/** true: on the highlighted path; false: a path is highlighted and this is not on it; null: none is. */
export function useOnPath(id: string): boolean | null {
  return useSimulation((s) => (s.highlightedPath === null ? null : s.highlightedPath.includes(id)));
}

function edgeOnPath(s: SimulationState, source: string, target: string): boolean | null {
  const path = s.highlightedPath;
  if (path === null) return null;
  for (let i = 0; i + 1 < path.length; i++) if (path[i] === source && path[i + 1] === target) return true;
  return false;
}

export function useEdgeOverlay(id: string, source: string, target: string, persona: string | null): { flow: number | undefined; onPath: boolean | null } {
  const flow = useSimulation((s) => heatView(s, persona)?.flow[id]);
  const onPath = useSimulation((s) => edgeOnPath(s, source, target));
  return { flow, onPath };
}

export function heatStyle(heat: NodeHeat | undefined): CSSProperties | undefined {
  return heat ? ({ '--heat': heatColour(heat.level) } as CSSProperties) : undefined;
}

export function overlayClasses(heat: NodeHeat | undefined, onPath: boolean | null): string {
  return `${heat ? ' has-heat' : ''}${onPath === true ? ' is-on-path' : onPath === false ? ' is-off-path' : ''}`;
}
