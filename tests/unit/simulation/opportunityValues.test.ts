import fc from 'fast-check';
import { addOpportunity, type FrictionRef, type JourneyMap, type Opportunity } from '../../../src/domain';
import { SimulationError } from '../../../src/simulation/compile';
import { opportunityValues } from '../../../src/simulation/opportunities';
import { analyseBlend, analyseJourney } from '../../../src/simulation/simulate';
import { arbitraryJourney, makeMap, workedExample } from './maps';
import { expectNear, forkMap, persona, withRandomPersonas } from './personaMaps';

function opportunity(id: string, touchpoints: string[], friction: FrictionRef[] = []): Opportunity {
  return { id, title: id, status: 'idea', effort: 'M', touchpoints, friction };
}

/** The map with exactly these notes resolved, by hand. */
function resolvedByHand(map: JourneyMap, refs: FrictionRef[]): JourneyMap {
  const copy = structuredClone(map);
  for (const { node, note } of refs) copy.nodes.find((n) => n.id === node)!.friction.find((f) => f.id === note)!.resolved = true;
  return copy;
}

const success = (map: JourneyMap) => analyseBlend(map).exact.success;

/**
 * A line: entry → page (two open notes, severities 3 and 5) → form (one open note, severity 4; one resolved)
 * → paid; the page has no drop-off of its own, so its notes set it: 1 − 0.95 · 0.8 = 0.24.
 */
function checkoutMap(): JourneyMap {
  const map = makeMap(
    [
      { id: 'in', kind: 'entry' },
      { id: 'page', friction: [3, 5] },
      { id: 'form', friction: [4, -5] },
      { id: 'help', dropOff: 0.3, friction: [5] },
      { id: 'paid', kind: 'outcome' },
    ],
    [['in', 'page'], ['page', 'form'], ['form', 'paid', 3], ['form', 'help'], ['help', 'form']],
  );
  return map;
}

describe('the value of an opportunity', () => {
  it('is the uplift of the touchpoint when it resolves all the notes that set the drop-off', () => {
    const map = workedExample();
    map.opportunities = [opportunity('note', ['cart'], [{ node: 'cart', note: 'f-shipping' }]), opportunity('touchpoint', ['cart'])];
    const values = opportunityValues(map);
    // docs/simulation.md §5: the cart's uplift is 0.5 · 0.1 · 0.72 / (1 − 0.1) = 0.04.
    expectNear(values.note, 0.04);
    expectNear(values.touchpoint, 0.04);
    expectNear(values.note, analyseJourney(map).exact.uplift.cart);
  });

  it('is the rise from resolving exactly the notes it names, all at once', () => {
    const map = checkoutMap();
    const pageFirst: FrictionRef = { node: 'page', note: 'f0' };
    const formNote: FrictionRef = { node: 'form', note: 'f0' };
    map.opportunities = [
      opportunity('one-note', ['page'], [pageFirst]),
      opportunity('two-places', ['page', 'form'], [pageFirst, formNote]),
      // Names the form without naming a note: all its notes, of which one is still open.
      opportunity('whole-form', ['form']),
    ];
    const values = opportunityValues(map);
    const now = success(map);
    expectNear(values['one-note'], success(resolvedByHand(map, [pageFirst])) - now);
    expectNear(values['two-places'], success(resolvedByHand(map, [pageFirst, formNote])) - now);
    expectNear(values['whole-form'], success(resolvedByHand(map, [formNote])) - now);
    // Less than the page's uplift (its other note stays), and not the sum of the parts: fixing the form
    // is worth more to customers who got past the page.
    expect(values['one-note']).toBeLessThan(analyseJourney(map).exact.uplift.page);
    expect(values['two-places']).toBeGreaterThan(values['one-note'] + values['whole-form']);
  });

  it('is 0 without an open note to resolve, or where a drop-off is set by hand', () => {
    const map = checkoutMap();
    // Done resolves the notes it addresses.
    addOpportunity(map, { id: 'done', title: 'Done', friction: [{ node: 'page', note: 'f0' }], status: 'done' });
    map.opportunities.push(
      opportunity('resolved-already', ['form'], [{ node: 'form', note: 'f1' }]),
      opportunity('nothing-named', []),
      // The help touchpoint's drop-off is set on the map: its notes do not move it.
      opportunity('set-by-hand', ['help']),
    );
    expect(opportunityValues(map)).toEqual({ done: 0, 'resolved-already': 0, 'nothing-named': 0, 'set-by-hand': 0 });
  });

  it('is blended over personas by share, or one persona\'s on request', () => {
    const map = forkMap();
    map.nodes.find((n) => n.id === 'b')!.dropOff = undefined;
    map.nodes.find((n) => n.id === 'b')!.friction = [{ id: 'slow', note: 'Slow', severity: 5 }];
    // Persona B sets its own drop-off at b, so the note does nothing for B.
    map.personas[1].nodes.push({ node: 'b', dropOff: 0.5 });
    addOpportunity(map, { id: 'fix-b', title: 'Fix b', friction: [{ node: 'b', note: 'slow' }] });
    const A = opportunityValues(map, { persona: 'A' })['fix-b'];
    const B = opportunityValues(map, { persona: 'B' })['fix-b'];
    // A reaches b one time in ten; b's note (severity 5) drops 20 %, and 3 in 4 of those who go on buy.
    expectNear(A, 0.1 * 0.2 * 0.75);
    expect(B).toBe(0);
    expectNear(opportunityValues(map)['fix-b'], 0.75 * A + 0.25 * B);
    expect(() => opportunityValues(map, { persona: 'C' })).toThrow(SimulationError);
    expect(() => opportunityValues(map, { persona: 'C' })).toThrow('"A" (Persona A), "B" (Persona B)');
  });

  it('equals the what-if of resolving its notes on random maps, with and without personas', () => {
    fc.assert(
      fc.property(arbitraryJourney, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 1e9 }), (base, personas, seed) => {
        const map = personas < 2 ? base : withRandomPersonas(base, personas, seed);
        const notes = map.nodes.flatMap((n) => n.friction.filter((f) => !f.resolved).map((f) => ({ node: n.id, note: f.id })));
        const picked = notes.filter((_, i) => (seed >>> i) & 1);
        map.opportunities = [opportunity('o', [...new Set(picked.map((r) => r.node))], picked)];
        const value = opportunityValues(map).o;
        expectNear(value, picked.length === 0 ? 0 : success(resolvedByHand(map, picked)) - success(map), 1e-12);
        // It never depends on Monte Carlo, and never changes the map.
        expect(map.nodes.every((n) => n.friction.every((f) => !picked.some((r) => r.node === n.id && r.note === f.id) || !f.resolved))).toBe(true);
      }),
      { numRuns: 80, seed: 4 },
    );
  });

  it('is the difference between the blended exact success of two runs, to the last digit', () => {
    const map = { ...checkoutMap(), personas: [persona('x', 2, [{ node: 'page', dropOff: 0.1 }]), persona('y', 1)] };
    const ref: FrictionRef = { node: 'form', note: 'f0' };
    map.opportunities = [opportunity('form', ['form'], [ref])];
    expect(opportunityValues(map).form).toBe(success(resolvedByHand(map, [ref])) - success(map));
  });
});
