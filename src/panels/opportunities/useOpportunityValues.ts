/**
 * Opportunity values for the panel: computed by the exact engine (simulation/opportunities), which is
 * loaded with the panel, never with the first screen. The work runs after the render, in a task of its own,
 * and is remembered for the parts of the map it depends on, so renaming an opportunity or changing its owner
 * does not compute again; changing what it addresses, the friction, the flows or the persona does.
 */
import { useEffect, useState } from 'react';
import type { JourneyMap } from '../../domain/types';
import type { OpportunityValues } from './opportunityView';

export type ValuesState =
  | { status: 'computing' }
  | { status: 'done'; values: OpportunityValues }
  | { status: 'error'; message: string };

type ComputeValues = (map: JourneyMap, options: { persona?: string }) => Record<string, number>;
let engine: Promise<ComputeValues> | null = null;
const loadEngine = () => (engine ??= import('../../simulation/opportunities').then((m) => m.opportunityValues));

/** What the values depend on; compared by identity (immer keeps unchanged parts) plus a small text key. */
interface Inputs {
  nodes: JourneyMap['nodes'];
  edges: JourneyMap['edges'];
  personas: JourneyMap['personas'];
  simulation: JourneyMap['simulation'];
  key: string;
}

function inputsOf(map: JourneyMap, persona: string | null): Inputs {
  const addressing = map.opportunities.map((o) => [o.id, o.status, o.touchpoints, o.friction]);
  return { nodes: map.nodes, edges: map.edges, personas: map.personas, simulation: map.simulation, key: JSON.stringify([persona, addressing]) };
}

const sameInputs = (a: Inputs, b: Inputs) =>
  a.nodes === b.nodes && a.edges === b.edges && a.personas === b.personas && a.simulation === b.simulation && a.key === b.key;

/** No opportunities, nothing to value: the engine is not even loaded. */
const NOTHING: ValuesState = { status: 'done', values: {} };

/** The last result, kept across openings of the panel. */
let last: { inputs: Inputs; state: ValuesState } | null = null;

export function useOpportunityValues(map: JourneyMap, persona: string | null): ValuesState {
  const inputs = inputsOf(map, persona);
  const known = map.opportunities.length === 0 ? NOTHING : last !== null && sameInputs(last.inputs, inputs) ? last.state : null;
  const [, setComputed] = useState(0);

  useEffect(() => {
    if (map.opportunities.length === 0 || (last !== null && sameInputs(last.inputs, inputs))) return;
    let wanted = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void loadEngine()
      .then(
        (compute) =>
          new Promise<ValuesState>((resolve) => {
            // A task of its own: whatever was just typed is painted before the exact solves run.
            timer = setTimeout(() => {
              if (!wanted) return;
              try {
                resolve({ status: 'done', values: compute(map, persona === null ? {} : { persona }) });
              } catch (error) {
                resolve({ status: 'error', message: error instanceof Error ? error.message : String(error) });
              }
            });
          }),
        (error: unknown): ValuesState => ({ status: 'error', message: `The value calculation did not load (${error instanceof Error ? error.message : String(error)})` }),
      )
      .then((state) => {
        if (!wanted) return;
        last = { inputs, state };
        setComputed((n) => n + 1);
      });
    return () => {
      wanted = false;
      clearTimeout(timer);
    };
    // `inputs` is rebuilt every render; what it holds is what the effect depends on.
  }, [inputs.nodes, inputs.edges, inputs.personas, inputs.simulation, inputs.key]);

  return known ?? { status: 'computing' };
}
