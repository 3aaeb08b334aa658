/**
 * Scenarios as changes on top of the as-is map: applyScenario gives the map as a scenario has it without
 * touching the as-is; diffScenario turns an edited view back into changes that reproduce it;
 * mergeScenarioEdit keeps what the view hides; deleting from the as-is prunes the scenarios' changes.
 */
import fc from 'fast-check';
import { produce } from 'immer';
import * as edits from '../../../src/domain/edits';
import { EditError } from '../../../src/domain/edits';
import { setNodeOverride } from '../../../src/domain/personas';
import { effectiveDropOff } from '../../../src/domain/queries';
import {
  addScenario,
  applyScenario,
  changeCount,
  diffScenario,
  emptyChanges,
  mergeScenarioEdit,
  removeScenario,
  renameScenario,
  scenarioDifferences,
} from '../../../src/domain/scenarios';
import { renameStage } from '../../../src/domain/structure';
import type { JourneyMap, ScenarioChanges } from '../../../src/domain/types';
import { formatProblem, validateMap } from '../../../src/format';
import { makeMap, makeMapWithPersonas, makeNode, nodeOf } from '../../support/maps';
import { mapArb } from '../format/arbitraries';
import { deepFreeze } from '../format/helpers';

const SCENARIO = 'scenario-test';

/** The map with one scenario holding these changes. */
function withScenario(map: JourneyMap, changes: Partial<ScenarioChanges> = {}): JourneyMap {
  return { ...map, scenarios: [{ id: SCENARIO, name: 'To-be', changes: { ...emptyChanges(), ...changes } }] };
}

/** The view after one edit made on it, the way the store makes it (immer, so the as-is is never written). */
function edited(view: JourneyMap, edit: (draft: JourneyMap) => unknown): JourneyMap {
  return produce(view, (draft) => void edit(draft));
}

/** What a scenario holding the changes an edit makes would show: the edit's result, through the diff. */
function throughDiff(asIs: JourneyMap, edit: (draft: JourneyMap) => unknown) {
  const expected = edited(asIs, edit);
  const changes = diffScenario(asIs, expected);
  return { expected, changes, shown: applyScenario(withScenario(asIs, changes), SCENARIO) };
}

const graph = (map: JourneyMap) => ({ nodes: map.nodes, edges: map.edges });

describe('applyScenario', () => {
  it('gives the map itself for the as-is (null) or a scenario it does not have', () => {
    const map = withScenario(makeMap());
    expect(applyScenario(map, null)).toBe(map);
    expect(applyScenario(map, undefined)).toBe(map);
    expect(applyScenario(map, 'nowhere')).toBe(map);
  });

  it('leaves the (deep-frozen) as-is untouched, with personas, opportunities and every kind of change', () => {
    const asIs = withScenario(makeMapWithPersonas(), {
      addedNodes: [makeNode({ id: 'tp-express', label: 'Express pay', stage: 'purchase' })],
      removedNodes: ['tp-checkout'],
      changedNodes: [{ id: 'tp-web', set: { dropOff: 0.2 }, unset: ['emotion'] }],
      addedEdges: [
        { id: 'e-web-express', source: 'tp-web', target: 'tp-express', weight: 3 },
        { id: 'e-express-success', source: 'tp-express', target: 'out-success', weight: 1 },
      ],
      removedEdges: ['e-web-lost'],
      changedEdges: [{ id: 'e-entry-web', set: { weight: 2 }, unset: [] }],
    });
    const before = structuredClone(asIs);
    deepFreeze(asIs);
    const shown = applyScenario(asIs, SCENARIO);
    expect(asIs).toEqual(before);
    expect(shown.nodes.map((n) => n.id)).toEqual(['entry', 'tp-web', 'out-success', 'out-lost', 'tp-express']);
    expect(shown.edges.map((e) => e.id)).toEqual(['e-entry-web', 'e-web-express', 'e-express-success']);
    // What the view hides is left out of its personas and opportunities, not of the document's.
    expect(shown.personas[0].nodes.map((o) => o.node)).toEqual(['entry', 'tp-web']);
    expect(shown.personas[0].edges).toEqual([]);
    expect(shown.opportunities.map((o) => o.touchpoints)).toEqual([[], ['tp-web']]);
    expect(asIs.scenarios[0].changes.removedNodes).toEqual(['tp-checkout']);
    // Unchanged nodes and edges are the as-is objects themselves.
    expect(shown.nodes[0]).toBe(asIs.nodes[0]);
    expect(shown.stages).toBe(asIs.stages);
  });

  it('shows a changed drop-off', () => {
    const asIs = makeMap();
    const { changes, shown, expected } = throughDiff(asIs, (m) => edits.updateNode(m, 'tp-web', { dropOff: 0.2 }));
    expect(changes).toEqual({ ...emptyChanges(), changedNodes: [{ id: 'tp-web', set: { dropOff: 0.2 }, unset: [] }] });
    expect(nodeOf(shown, 'tp-web')).toEqual({ ...nodeOf(asIs, 'tp-web'), dropOff: 0.2 });
    expect(graph(shown)).toEqual(graph(expected));
  });

  it('shows a resolved friction note, and the drop-off that follows from friction falls', () => {
    const asIs = makeMap();
    const { changes, shown } = throughDiff(asIs, (m) => edits.resolveFriction(m, 'tp-checkout', 'f-long-form', true));
    expect(changes.changedNodes).toEqual([
      {
        id: 'tp-checkout',
        set: { friction: [{ id: 'f-long-form', note: 'Payment form is long', severity: 4, resolved: true }, nodeOf(asIs, 'tp-checkout').friction[1]] },
        unset: [],
      },
    ]);
    expect(nodeOf(shown, 'tp-checkout').friction.every((f) => f.resolved)).toBe(true);
    expect(effectiveDropOff(nodeOf(asIs, 'tp-checkout'))).toBeCloseTo(0.1, 12);
    expect(effectiveDropOff(nodeOf(shown, 'tp-checkout'))).toBe(0);
  });

  it('clears a drop-off (unset), so that it follows from friction again', () => {
    const asIs = makeMap();
    edits.updateNode(asIs, 'tp-checkout', { dropOff: 0.5 });
    const { changes, shown } = throughDiff(asIs, (m) => edits.updateNode(m, 'tp-checkout', { dropOff: undefined }));
    expect(changes.changedNodes).toEqual([{ id: 'tp-checkout', set: {}, unset: ['dropOff'] }]);
    expect('dropOff' in nodeOf(shown, 'tp-checkout')).toBe(false);
    expect(effectiveDropOff(nodeOf(shown, 'tp-checkout'))).toBeCloseTo(0.1, 12);
  });

  it('shows a reweighted edge', () => {
    const asIs = makeMap();
    const { changes, shown, expected } = throughDiff(asIs, (m) => edits.updateEdge(m, 'e-web-checkout', { weight: 1 }));
    expect(changes).toEqual({ ...emptyChanges(), changedEdges: [{ id: 'e-web-checkout', set: { weight: 1 }, unset: [] }] });
    expect(shown.edges.find((e) => e.id === 'e-web-checkout')).toEqual({ id: 'e-web-checkout', source: 'tp-web', target: 'tp-checkout', weight: 1, label: 'Add to cart' });
    expect(graph(shown)).toEqual(graph(expected));
  });

  it('shows an added and a removed edge', () => {
    const asIs = makeMap();
    const { changes, shown, expected } = throughDiff(asIs, (m) => {
      edits.connect(m, { id: 'e-checkout-lost', source: 'tp-checkout', target: 'out-lost', weight: 2 });
      edits.removeEdges(m, ['e-web-lost']);
    });
    expect(changes).toEqual({
      ...emptyChanges(),
      addedEdges: [{ id: 'e-checkout-lost', source: 'tp-checkout', target: 'out-lost', weight: 2 }],
      removedEdges: ['e-web-lost'],
    });
    expect(shown.edges.map((e) => e.id)).toEqual(['e-entry-web', 'e-web-checkout', 'e-checkout-success', 'e-checkout-lost']);
    expect(graph(shown)).toEqual(graph(expected));
  });

  it('shows an added touchpoint with its connections', () => {
    const asIs = makeMap();
    const { changes, shown, expected } = throughDiff(asIs, (m) => {
      edits.addNode(m, { id: 'tp-chat', kind: 'touchpoint', label: 'Chat', position: { x: 300, y: 300 }, channel: 'chat' });
      edits.connect(m, { id: 'e-web-chat', source: 'tp-web', target: 'tp-chat' });
      edits.connect(m, { id: 'e-chat-checkout', source: 'tp-chat', target: 'tp-checkout' });
    });
    expect(changes.addedNodes.map((n) => n.id)).toEqual(['tp-chat']);
    expect(changes.addedEdges.map((e) => e.id)).toEqual(['e-web-chat', 'e-chat-checkout']);
    expect(changeCount(changes)).toBe(3);
    expect(graph(shown)).toEqual(graph(expected));
    expect(scenarioDifferences(withScenario(asIs, changes), SCENARIO)).toEqual({
      nodes: new Map([['tp-chat', 'added']]),
      edges: new Map([['e-web-chat', 'added'], ['e-chat-checkout', 'added']]),
      removedNodes: [],
      removedEdges: [],
    });
  });

  it('shows a removed touchpoint without its edges, even when the file names only the touchpoint', () => {
    const asIs = makeMap();
    const { changes, shown, expected } = throughDiff(asIs, (m) => edits.removeNodes(m, ['tp-checkout']));
    expect(changes).toEqual({ ...emptyChanges(), removedNodes: ['tp-checkout'], removedEdges: ['e-web-checkout', 'e-checkout-success'] });
    expect(graph(shown)).toEqual(graph(expected));
    const namingOnlyTheNode = applyScenario(withScenario(asIs, { removedNodes: ['tp-checkout'] }), SCENARIO);
    expect(graph(namingOnlyTheNode)).toEqual(graph(expected));
  });

  it('skips changes that name what the as-is no longer has, and added nodes whose ids the as-is took', () => {
    const asIs = withScenario(makeMap(), {
      removedNodes: ['gone'],
      changedNodes: [{ id: 'gone-too', set: { dropOff: 0.5 }, unset: [] }],
      addedNodes: [makeNode({ id: 'tp-web', label: 'Impostor' })],
    });
    expect(graph(applyScenario(asIs, SCENARIO))).toEqual(graph(asIs));
  });

  it('does not take a rebuilt but equal value for a change (scores set again in another order)', () => {
    const asIs = makeMap();
    const { changes } = throughDiff(asIs, (m) => {
      edits.setScores(m, 'tp-web', { nps: undefined });
      edits.setScores(m, 'tp-web', { nps: 31 });
    });
    expect(changes).toEqual(emptyChanges());
  });
});

/** One edit of the view, picked by a generated number; edits the view refuses are skipped. */
const editArb = fc.oneof(
  fc.record({ kind: fc.constant('drop-off' as const), at: fc.nat(), value: fc.option(fc.double({ min: 0, max: 0.99, noNaN: true }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('label' as const), at: fc.nat(), value: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('emotion' as const), at: fc.nat(), value: fc.option(fc.constantFrom(-2, -1, 0, 1, 2), { nil: undefined }) }),
  fc.record({ kind: fc.constant('resolve' as const), at: fc.nat(), note: fc.nat(), value: fc.boolean() }),
  fc.record({ kind: fc.constant('add-friction' as const), at: fc.nat(), severity: fc.constantFrom(1, 2, 3, 4, 5) }),
  fc.record({ kind: fc.constant('scores' as const), at: fc.nat(), csat: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), x: fc.integer({ min: -500, max: 2000 }), y: fc.integer({ min: -500, max: 2000 }) }),
  fc.record({ kind: fc.constant('weight' as const), at: fc.nat(), value: fc.double({ min: 0.01, max: 100, noNaN: true }) }),
  fc.record({ kind: fc.constant('edge-label' as const), at: fc.nat(), value: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('connect' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('remove-edge' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove-node' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add-node' as const), type: fc.constantFrom('entry', 'touchpoint', 'outcome'), x: fc.integer({ min: 0, max: 1400 }) }),
);
type Edit = typeof editArb extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(map: JourneyMap, edit: Edit): void {
  const node = (at: number) => map.nodes[at % Math.max(map.nodes.length, 1)];
  const edge = (at: number) => map.edges[at % Math.max(map.edges.length, 1)];
  switch (edit.kind) {
    case 'drop-off': {
      const n = node(edit.at);
      if (n && n.kind !== 'outcome') edits.updateNode(map, n.id, { dropOff: edit.value });
      return;
    }
    case 'label':
      if (node(edit.at)) edits.updateNode(map, node(edit.at).id, { label: edit.value });
      return;
    case 'emotion':
      if (node(edit.at)) edits.updateNode(map, node(edit.at).id, { emotion: edit.value as never });
      return;
    case 'resolve': {
      const n = node(edit.at);
      if (n && n.friction.length > 0) edits.resolveFriction(map, n.id, n.friction[edit.note % n.friction.length].id, edit.value);
      return;
    }
    case 'add-friction':
      if (node(edit.at)) edits.addFriction(map, node(edit.at).id, 'Slow', edit.severity as 1);
      return;
    case 'scores':
      if (node(edit.at)) edits.setScores(map, node(edit.at).id, { csat: edit.csat });
      return;
    case 'move':
      if (node(edit.at)) edits.moveNodes(map, { [node(edit.at).id]: { x: edit.x, y: edit.y } });
      return;
    case 'weight':
      if (edge(edit.at)) edits.updateEdge(map, edge(edit.at).id, { weight: edit.value });
      return;
    case 'edge-label':
      if (edge(edit.at)) edits.updateEdge(map, edge(edit.at).id, { label: edit.value });
      return;
    case 'connect':
      if (map.nodes.length > 0) edits.connect(map, { source: node(edit.from).id, target: node(edit.to).id });
      return;
    case 'remove-edge':
      if (edge(edit.at)) edits.removeEdges(map, [edge(edit.at).id]);
      return;
    case 'remove-node':
      if (node(edit.at)) edits.removeNodes(map, [node(edit.at).id]);
      return;
    case 'add-node':
      edits.addNode(map, { kind: edit.type, position: { x: edit.x, y: 100 } });
      return;
  }
}

describe('diffScenario', () => {
  it('gives changes that show the view they were taken from, after any edits of a scenario view', () => {
    fc.assert(
      fc.property(mapArb({ maxNodes: 8, maxEdges: 14, maxScenarios: 2 }), fc.nat(), fc.array(editArb, { maxLength: 12 }), (asIs, pick, edits) => {
        deepFreeze(asIs);
        const scenario = asIs.scenarios.length > 0 ? asIs.scenarios[pick % asIs.scenarios.length].id : null;
        let view = applyScenario(asIs, scenario);
        for (const edit of edits) {
          try {
            view = edited(view, (draft) => applyEdit(draft, edit));
          } catch (error) {
            if (!(error instanceof EditError)) throw error;
          }
        }
        const changes = diffScenario(asIs, view);
        const again = applyScenario(withScenario(asIs, changes), SCENARIO);
        expect(graph(again)).toEqual(graph(view));
        // And the diff of what it shows is the same diff: the changes are a fixed point.
        expect(diffScenario(asIs, again)).toEqual(changes);
      }),
      { numRuns: 300 },
    );
  });

  it('reproduces every generated scenario: diff(asIs, applyScenario(asIs, s)) shows the same map as s', () => {
    fc.assert(
      fc.property(mapArb({ maxNodes: 8, maxEdges: 14 }), (asIs) => {
        for (const scenario of asIs.scenarios) {
          const shown = applyScenario(asIs, scenario.id);
          expect(graph(applyScenario(withScenario(asIs, diffScenario(asIs, shown)), SCENARIO))).toEqual(graph(shown));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('mergeScenarioEdit', () => {
  /** makeMapWithPersonas with an empty scenario; `edit` is made while the scenario is shown. */
  function mergeInScenario(edit: (draft: JourneyMap) => unknown, changes: Partial<ScenarioChanges> = {}) {
    const document = withScenario(makeMapWithPersonas(), changes);
    deepFreeze(document);
    const before = applyScenario(document, SCENARIO);
    const after = edited(before, edit);
    return { document, merged: mergeScenarioEdit(document, SCENARIO, before, after) };
  }

  it('puts node and edge edits into the scenario and leaves the as-is nodes and edges as they were', () => {
    const { document, merged } = mergeInScenario((m) => {
      edits.updateNode(m, 'tp-web', { dropOff: 0.25 });
      edits.updateEdge(m, 'e-web-lost', { weight: 4 });
    });
    expect(merged.nodes).toBe(document.nodes);
    expect(merged.edges).toBe(document.edges);
    expect(merged.personas).toBe(document.personas);
    expect(merged.scenarios[0].changes).toEqual({
      ...emptyChanges(),
      changedNodes: [{ id: 'tp-web', set: { dropOff: 0.25 }, unset: [] }],
      changedEdges: [{ id: 'e-web-lost', set: { weight: 4 }, unset: [] }],
    });
  });

  it('keeps the as-is nodes, edges, persona overrides and opportunity references of a touchpoint the scenario removes', () => {
    const { document, merged } = mergeInScenario((m) => edits.removeNodes(m, ['tp-checkout']));
    expect(merged.nodes).toBe(document.nodes);
    expect(merged.edges).toBe(document.edges);
    expect(merged.personas).toEqual(document.personas);
    expect(merged.opportunities).toEqual(document.opportunities);
    expect(merged.scenarios[0].changes).toEqual({ ...emptyChanges(), removedNodes: ['tp-checkout'], removedEdges: ['e-web-checkout', 'e-checkout-success'] });
    expect(validateMap(merged).ok).toBe(true);
  });

  it('puts a persona edit into the as-is, keeping the overrides of what the scenario hides', () => {
    const { document, merged } = mergeInScenario((m) => setNodeOverride(m, 'persona-new', 'tp-web', 'dropOff', 0.05), { removedNodes: ['tp-checkout'] });
    const persona = merged.personas.find((p) => p.id === 'persona-new')!;
    expect(persona.nodes).toEqual(
      expect.arrayContaining([{ node: 'tp-web', dropOff: 0.05, emotion: -1 }, { node: 'tp-checkout', dropOff: 0.4 }, { node: 'entry', share: 2 }]),
    );
    expect(persona.nodes).toHaveLength(3);
    expect(persona.edges).toEqual(document.personas[0].edges);
    expect(merged.personas[1]).toEqual(document.personas[1]);
    // The scenario shows what it showed (its changes now name the removed node's edges too).
    expect(graph(applyScenario(merged, SCENARIO))).toEqual(graph(applyScenario(document, SCENARIO)));
    expect(validateMap(merged).ok).toBe(true);
  });

  it('puts edits of stages and the map itself into the as-is', () => {
    const { document, merged } = mergeInScenario((m) => {
      renameStage(m, 'purchase', 'Checkout');
      edits.renameMap(m, 'To-be journey');
    });
    expect(merged.stages.find((s) => s.id === 'purchase')?.name).toBe('Checkout');
    expect(merged.name).toBe('To-be journey');
    expect(merged.nodes).toBe(document.nodes);
    expect(merged.scenarios[0].changes).toEqual(emptyChanges());
  });
});

describe('evidence in scenarios (version 5)', () => {
  /** makeMapWithPersonas with import mappings naming tp-web and tp-checkout, and tp-web's drop-off calibrated. */
  function withEvidence(changes: Partial<ScenarioChanges> = {}): JourneyMap {
    const map = makeMapWithPersonas({
      imports: {
        survey: { columns: [{ column: 'Rate checkout', role: 'csat', node: 'tp-checkout' }, { column: 'Step', role: 'touchpoint', values: [{ value: 'Web', node: 'tp-web' }, { value: 'Pay', node: 'tp-checkout' }] }], csat: 'top2', ces: 'mean' },
        funnel: { steps: [{ step: '/product', node: 'tp-web' }, { step: '/pay', node: 'tp-checkout' }] },
      },
    });
    Object.assign(nodeOf(map, 'tp-web'), { dropOff: 0.2, observed: { entered: 500, left: 100 } });
    return deepFreeze(withScenario(map, changes));
  }

  it('gives a scenario the import mappings to the nodes it has, leaving the (deep-frozen) as-is\'s untouched', () => {
    const document = withEvidence({ removedNodes: ['tp-checkout'] });
    const before = structuredClone(document);
    const shown = applyScenario(document, SCENARIO);
    expect(shown.imports).toEqual({
      survey: { columns: [{ column: 'Step', role: 'touchpoint', values: [{ value: 'Web', node: 'tp-web' }] }], csat: 'top2', ces: 'mean' },
      funnel: { steps: [{ step: '/product', node: 'tp-web' }] },
    });
    expect(document).toEqual(before);
    expect(validateMap(document).ok).toBe(true);
    // A scenario that removes no mapped node shows the document's own mappings.
    const keeping = withEvidence({ changedNodes: [{ id: 'tp-web', set: { emotion: 2 }, unset: [] }] });
    expect(applyScenario(keeping, SCENARIO).imports).toBe(keeping.imports);
  });

  it('keeps the as-is import mappings of a node removed while the scenario is shown', () => {
    const document = withEvidence();
    const before = applyScenario(document, SCENARIO);
    const after = edited(before, (m) => edits.removeNodes(m, ['tp-checkout']));
    expect(after.imports?.funnel?.steps).toEqual([{ step: '/product', node: 'tp-web' }]);
    const merged = mergeScenarioEdit(document, SCENARIO, before, after);
    expect(merged.imports).toBe(document.imports);
    expect(merged.scenarios[0].changes.removedNodes).toEqual(['tp-checkout']);
    expect(validateMap(merged).ok).toBe(true);
  });

  it('drops observed counts only in the scenario when a drop-off is typed while it is shown', () => {
    const document = withEvidence();
    const before = applyScenario(document, SCENARIO);
    const after = edited(before, (m) => edits.updateNode(m, 'tp-web', { dropOff: 0.1 }));
    const merged = mergeScenarioEdit(document, SCENARIO, before, after);
    expect(merged.scenarios[0].changes.changedNodes).toEqual([{ id: 'tp-web', set: { dropOff: 0.1 }, unset: ['observed'] }]);
    expect(nodeOf(merged, 'tp-web').observed).toEqual({ entered: 500, left: 100 });
    expect(nodeOf(applyScenario(merged, SCENARIO), 'tp-web')).not.toHaveProperty('observed');
    expect(validateMap(merged).ok).toBe(true);
  });
});

describe('deleting from the as-is map', () => {
  /** A scenario that changes, removes and connects to tp-checkout, and changes the edge out of it. */
  const document = () =>
    withScenario(makeMapWithPersonas(), {
      addedNodes: [makeNode({ id: 'tp-survey', label: 'Survey', stage: 'retention' })],
      changedNodes: [
        { id: 'tp-checkout', set: { dropOff: 0.05 }, unset: [] },
        { id: 'tp-web', set: { label: 'Product page v2' }, unset: [] },
      ],
      addedEdges: [
        { id: 'e-checkout-survey', source: 'tp-checkout', target: 'out-lost', weight: 1 },
        { id: 'e-web-survey', source: 'tp-web', target: 'tp-survey', weight: 1 },
        { id: 'e-survey-success', source: 'tp-survey', target: 'out-success', weight: 1 },
      ],
      removedEdges: ['e-web-lost'],
      changedEdges: [{ id: 'e-checkout-success', set: { weight: 3 }, unset: [] }],
    });

  it('drops the scenario changes that name a deleted node or its edges; the map still validates', () => {
    const before = document();
    expect(validateMap(before).ok).toBe(true);
    const after = edited(before, (m) => edits.removeNodes(m, ['tp-checkout']));
    const c = after.scenarios[0].changes;
    expect(c.changedNodes.map((ch) => ch.id)).toEqual(['tp-web']);
    expect(c.changedEdges).toEqual([]);
    expect(c.addedEdges.map((e) => e.id)).toEqual(['e-web-survey', 'e-survey-success']);
    expect(c.addedNodes.map((n) => n.id)).toEqual(['tp-survey']);
    expect(c.removedEdges).toEqual(['e-web-lost']);
    const result = validateMap(after);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('drops a change that moved an edge onto a deleted node (a file may reconnect edges; the editor does not)', () => {
    const before = withScenario(makeMap(), { changedEdges: [{ id: 'e-web-lost', set: { target: 'out-success' }, unset: [] }] });
    expect(validateMap(before).ok).toBe(true);
    const after = edited(before, (m) => edits.removeNodes(m, ['out-success']));
    expect(after.scenarios[0].changes.changedEdges).toEqual([]);
    expect(validateMap(after).ok).toBe(true);
  });

  it('drops the removal of a deleted edge; the scenario shows the as-is without it', () => {
    const after = edited(document(), (m) => edits.removeEdges(m, ['e-web-lost']));
    expect(after.scenarios[0].changes.removedEdges).toEqual([]);
    expect(applyScenario(after, SCENARIO).edges.some((e) => e.id === 'e-web-lost')).toBe(false);
    expect(validateMap(after).ok).toBe(true);
  });
});

describe('adding, renaming and removing scenarios', () => {
  it('adds a scenario with no changes, or a copy of another\'s, and refuses blank, taken and "As-is" names', () => {
    const map = withScenario(makeMap(), { removedEdges: ['e-web-lost'] });
    const id = addScenario(map, { name: ' Fix checkout ', description: ' Shorter form ' });
    expect(map.scenarios[1]).toEqual({ id, name: 'Fix checkout', description: 'Shorter form', changes: emptyChanges() });
    const copy = addScenario(map, { name: 'Copy', from: SCENARIO });
    expect(map.scenarios[2].changes).toEqual(map.scenarios[0].changes);
    expect(map.scenarios[2].changes).not.toBe(map.scenarios[0].changes);
    expect(new Set([SCENARIO, id, copy]).size).toBe(3);
    expect(() => addScenario(map, { name: '  ' })).toThrow(EditError);
    expect(() => addScenario(map, { name: 'fix CHECKOUT' })).toThrow(/already a scenario/);
    expect(() => addScenario(map, { name: 'As-is' })).toThrow(/map itself/);
    expect(() => addScenario(map, { name: 'Other', id })).toThrow(/already used/);
    expect(map.scenarios).toHaveLength(3);
  });

  it('renames (refusing a taken name) and removes', () => {
    const map = withScenario(makeMap());
    addScenario(map, { name: 'Other', id: 'other' });
    renameScenario(map, SCENARIO, 'Renamed');
    expect(map.scenarios[0].name).toBe('Renamed');
    expect(() => renameScenario(map, SCENARIO, 'other')).toThrow(/already a scenario/);
    renameScenario(map, SCENARIO, 'renamed');
    expect(map.scenarios[0].name).toBe('renamed');
    removeScenario(map, SCENARIO);
    expect(map.scenarios.map((s) => s.id)).toEqual(['other']);
    const same = map.scenarios;
    removeScenario(map, 'nowhere');
    expect(map.scenarios).toBe(same);
  });
});
