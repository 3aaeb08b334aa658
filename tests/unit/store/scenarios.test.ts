/**
 * Editing in a scenario through the editor store: with a scenario chosen, every ordinary edit changes only
 * that scenario (the as-is nodes and edges stay as they were), as one undo step; undo and redo keep the
 * scenario shown; choosing null shows the as-is; deleting the shown scenario falls back to the as-is.
 */
import { addScenario, applyScenario, removeScenario } from '../../../src/domain/scenarios';
import type { JourneyMap } from '../../../src/domain/types';
import { formatProblem, validateMap } from '../../../src/format';
import { editDocument, editorActions, resetEditor } from '../../../src/store/editorStore';
import { edgeOf, makeMapWithPersonas, nodeOf, xInBand } from '../../support/maps';
import { currentMap, editorState, loadStore, redoSteps, undoSteps } from '../../support/store';

const SCENARIO = 'scenario-form';

/** makeMapWithPersonas with one empty scenario, "Shorter form". */
function mapWithScenario(): JourneyMap {
  const map = makeMapWithPersonas();
  addScenario(map, { id: SCENARIO, name: 'Shorter form' });
  return map;
}

const document = () => editorState().document;
const changes = () => document().scenarios.find((s) => s.id === SCENARIO)!.changes;

function expectValid(map: JourneyMap): void {
  const result = validateMap(map);
  expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
}

beforeEach(() => {
  loadStore(mapWithScenario());
  editorActions.chooseScenario(SCENARIO);
});
afterAll(() => resetEditor());

describe('choosing a scenario', () => {
  it('shows the document with the scenario applied, as session state: nothing saved or undone', () => {
    expect(editorState().scenario).toBe(SCENARIO);
    expect(currentMap()).toEqual(applyScenario(document(), SCENARIO));
    expect(undoSteps()).toBe(0);
  });

  it('shows the as-is again with null, and ignores a scenario the document does not have', () => {
    editorActions.updateNode('tp-web', { dropOff: 0.2 });
    editorActions.chooseScenario(null);
    expect(editorState().scenario).toBeNull();
    expect(currentMap()).toBe(document());
    expect(nodeOf(currentMap(), 'tp-web').dropOff).toBeUndefined();
    editorActions.chooseScenario('nowhere');
    expect(editorState().scenario).toBeNull();
    editorActions.chooseScenario(SCENARIO);
    expect(nodeOf(currentMap(), 'tp-web').dropOff).toBe(0.2);
  });

  it('drops a selection of what the scenario does not show', () => {
    editorActions.removeElements(['out-lost'], []);
    editorActions.chooseScenario(null);
    editorActions.select({ nodes: ['out-lost', 'tp-web'], edges: ['e-web-lost'] });
    editorActions.chooseScenario(SCENARIO);
    expect(editorState().selection).toEqual({ nodes: ['tp-web'], edges: [] });
  });
});

describe('editing with a scenario chosen', () => {
  // Each edit, made in the scenario, must show in the scenario, leave the as-is nodes and edges as they
  // were, be recorded as one undo step and keep the document valid.
  const actions: [string, () => unknown, (shown: JourneyMap, asIs: JourneyMap) => void][] = [
    [
      'updateNode (drop-off)',
      () => editorActions.updateNode('tp-web', { dropOff: 0.2 }),
      (shown, asIs) => {
        expect(nodeOf(shown, 'tp-web').dropOff).toBe(0.2);
        expect(nodeOf(asIs, 'tp-web').dropOff).toBeUndefined();
      },
    ],
    [
      'resolveFriction',
      () => editorActions.resolveFriction('tp-checkout', 'f-long-form', true),
      (shown, asIs) => {
        expect(nodeOf(shown, 'tp-checkout').friction[0].resolved).toBe(true);
        expect(nodeOf(asIs, 'tp-checkout').friction[0].resolved).toBeUndefined();
      },
    ],
    [
      'connect',
      () => editorActions.connect({ id: 'e-entry-checkout', source: 'entry', target: 'tp-checkout', weight: 2 }),
      (shown, asIs) => {
        expect(edgeOf(shown, 'e-entry-checkout').weight).toBe(2);
        expect(asIs.edges.some((e) => e.id === 'e-entry-checkout')).toBe(false);
      },
    ],
    [
      'removeElements',
      () => editorActions.removeElements(['tp-checkout'], ['e-web-lost']),
      (shown, asIs) => {
        expect(shown.nodes.map((n) => n.id)).toEqual(['entry', 'tp-web', 'out-success', 'out-lost']);
        expect(shown.edges.map((e) => e.id)).toEqual(['e-entry-web']);
        expect(asIs.nodes.some((n) => n.id === 'tp-checkout')).toBe(true);
        expect(asIs.edges).toHaveLength(4);
        // The as-is keeps the persona overrides and opportunity references of what the scenario removed.
        expect(asIs.personas).toEqual(makeMapWithPersonas().personas);
        expect(asIs.opportunities).toEqual(makeMapWithPersonas().opportunities);
      },
    ],
    [
      'addNode',
      () => editorActions.addNode({ id: 'tp-express', kind: 'touchpoint', channel: 'website', position: { x: xInBand(2), y: 400 } }),
      (shown, asIs) => {
        expect(nodeOf(shown, 'tp-express').stage).toBe('purchase');
        expect(asIs.nodes.some((n) => n.id === 'tp-express')).toBe(false);
      },
    ],
  ];

  it.each(actions)('%s changes only the scenario, as one undo step', (_name, run, check) => {
    const asIsBefore = document();
    const shownBefore = currentMap();
    run();
    expect(editorState().lastEditError).toBeNull();
    check(currentMap(), document());
    expect(document()).not.toBe(asIsBefore);
    expect(document().nodes).toBe(asIsBefore.nodes);
    expect(document().edges).toBe(asIsBefore.edges);
    expect(currentMap()).toEqual(applyScenario(document(), SCENARIO));
    expect(undoSteps()).toBe(1);
    expect(editorState().history.past[0]).toBe(asIsBefore);
    expectValid(document());

    const shownAfter = currentMap();
    editorActions.undo();
    expect(document()).toBe(asIsBefore);
    expect(editorState().scenario).toBe(SCENARIO);
    expect(currentMap()).toEqual(shownBefore);
    editorActions.redo();
    expect(redoSteps()).toBe(0);
    expect(editorState().scenario).toBe(SCENARIO);
    expect(currentMap()).toEqual(shownAfter);
  });

  it('keeps each edit one step: three edits, three undos back to the empty scenario', () => {
    editorActions.updateNode('tp-web', { dropOff: 0.2 });
    editorActions.resolveFriction('tp-checkout', 'f-long-form', true);
    editorActions.updateEdge('e-web-checkout', { weight: 1 });
    expect(undoSteps()).toBe(3);
    expect(changes().changedNodes.map((c) => c.id)).toEqual(['tp-web', 'tp-checkout']);
    expect(changes().changedEdges).toEqual([{ id: 'e-web-checkout', set: { weight: 1 }, unset: [] }]);
    editorActions.undo();
    editorActions.undo();
    editorActions.undo();
    expect(changes().changedNodes).toEqual([]);
    expect(changes().changedEdges).toEqual([]);
    expect(editorState().scenario).toBe(SCENARIO);
  });

  it('undoes an as-is edit from the scenario too, and stays in the scenario', () => {
    editorActions.chooseScenario(null);
    editorActions.updateNode('tp-web', { label: 'PDP' });
    editorActions.chooseScenario(SCENARIO);
    editorActions.updateNode('tp-web', { dropOff: 0.3 });
    editorActions.undo();
    editorActions.undo();
    expect(editorState().scenario).toBe(SCENARIO);
    expect(nodeOf(currentMap(), 'tp-web').label).toBe('Product page');
    expect(nodeOf(document(), 'tp-web').label).toBe('Product page');
  });
});

describe('deleting the scenario shown', () => {
  it('falls back to the as-is map; undo brings the scenario back, though not into view', () => {
    editorActions.updateNode('tp-web', { dropOff: 0.2 });
    editDocument((map) => removeScenario(map, SCENARIO));
    expect(document().scenarios).toEqual([]);
    expect(editorState().scenario).toBeNull();
    expect(currentMap()).toBe(document());
    expect(nodeOf(currentMap(), 'tp-web').dropOff).toBeUndefined();
    expect(undoSteps()).toBe(2);
    editorActions.undo();
    expect(document().scenarios.map((s) => s.id)).toEqual([SCENARIO]);
    editorActions.chooseScenario(SCENARIO);
    expect(nodeOf(currentMap(), 'tp-web').dropOff).toBe(0.2);
  });
});

describe('loading a map', () => {
  it('keeps the scenario shown when the same map is loaded again (another tab saved it)', () => {
    editorActions.updateNode('tp-web', { dropOff: 0.2 });
    const saved = structuredClone(document());
    editorActions.loadMap(saved);
    expect(editorState().scenario).toBe(SCENARIO);
    expect(document()).toBe(saved);
    expect(nodeOf(currentMap(), 'tp-web').dropOff).toBe(0.2);
    expect(undoSteps()).toBe(0);
  });

  it('shows the as-is of another map, or of the same map without that scenario', () => {
    const without = mapWithScenario();
    without.scenarios = [];
    editorActions.loadMap(without);
    expect(editorState().scenario).toBeNull();
    loadStore(mapWithScenario());
    editorActions.chooseScenario(SCENARIO);
    editorActions.loadMap({ ...mapWithScenario(), id: 'another-map' });
    expect(editorState().scenario).toBeNull();
    expect(currentMap()).toBe(document());
  });
});
