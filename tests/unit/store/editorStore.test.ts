import { createMap } from '../../../src/domain/edits';
import type { JourneyMap } from '../../../src/domain/types';
import { editorActions, resetEditor, useEditor } from '../../../src/store/editorStore';
import { emptyHistory, HISTORY_LIMIT, record, redo, undo } from '../../../src/store/history';
import { selectCanRedo, selectCanUndo } from '../../../src/store/selectors';
import { edgeOf, makeMap, nodeOf, xInBand } from '../../support/maps';
import { currentMap, editorState, loadStore, redoSteps, undoSteps } from '../../support/store';

beforeEach(() => loadStore());
afterAll(() => resetEditor());

describe('named actions', () => {
  // Each action, run on the test map, must be accepted and recorded as exactly one undo step.
  const actions: [string, () => unknown, (map: JourneyMap) => void][] = [
    ['addNode', () => editorActions.addNode({ kind: 'touchpoint', channel: 'phone', position: { x: xInBand(1), y: 300 } }), (m) => expect(m.nodes).toHaveLength(6)],
    ['updateNode', () => editorActions.updateNode('tp-web', { label: 'PDP' }), (m) => expect(nodeOf(m, 'tp-web').label).toBe('PDP')],
    ['setScores', () => editorActions.setScores('tp-web', { csat: 72 }), (m) => expect(nodeOf(m, 'tp-web').scores?.csat).toBe(72)],
    ['addFriction', () => editorActions.addFriction('tp-web', 'Slow', 3), (m) => expect(nodeOf(m, 'tp-web').friction).toHaveLength(1)],
    ['resolveFriction', () => editorActions.resolveFriction('tp-checkout', 'f-long-form', true), (m) => expect(nodeOf(m, 'tp-checkout').friction[0].resolved).toBe(true)],
    ['removeFriction', () => editorActions.removeFriction('tp-checkout', 'f-old'), (m) => expect(nodeOf(m, 'tp-checkout').friction).toHaveLength(1)],
    ['connect', () => editorActions.connect({ source: 'entry', target: 'tp-checkout' }), (m) => expect(m.edges).toHaveLength(5)],
    ['updateEdge', () => editorActions.updateEdge('e-web-lost', { weight: 2 }), (m) => expect(edgeOf(m, 'e-web-lost').weight).toBe(2)],
    ['renameMap', () => editorActions.renameMap('Renamed'), (m) => expect(m.name).toBe('Renamed')],
    ['removeElements', () => editorActions.removeElements(['out-success'], ['e-web-lost']), (m) => expect(m.edges).toHaveLength(2)],
  ];

  it.each(actions)('%s changes the map as one undo step', (_name, run, check) => {
    const before = currentMap();
    run();
    expect(currentMap()).not.toBe(before);
    check(currentMap());
    expect(undoSteps()).toBe(1);
    expect(editorState().history.past[0]).toBe(before);
    expect(editorState().lastEditError).toBeNull();
    editorActions.undo();
    expect(currentMap()).toBe(before);
  });

  it('returns the new node’s id and selects it', () => {
    const id = editorActions.addNode({ kind: 'outcome', position: { x: xInBand(4), y: 0 } });
    expect(id).toMatch(/^outcome-/);
    expect(editorState().selection).toEqual({ nodes: [id], edges: [] });
    expect(nodeOf(currentMap(), id!).stage).toBe('advocacy');
  });

  it('returns the new edge’s and friction note’s ids', () => {
    const edge = editorActions.connect({ source: 'entry', target: 'tp-checkout', weight: 2 });
    expect(edgeOf(currentMap(), edge!).weight).toBe(2);
    const note = editorActions.addFriction('tp-web', ' Slow images ', 2);
    expect(nodeOf(currentMap(), 'tp-web').friction).toEqual([{ id: note, note: 'Slow images', severity: 2 }]);
  });

  it('records no step for an edit that changes nothing', () => {
    expect(editorActions.updateNode('tp-web', { label: 'Product page' })).toBe(true);
    editorActions.removeElements([], []);
    editorActions.removeElements(['ghost'], ['ghost-edge']);
    editorActions.removeFriction('tp-web', 'ghost-note');
    expect(undoSteps()).toBe(0);
    expect(currentMap()).toEqual(makeMap());
  });
});

describe('refused edits', () => {
  const refusals: [string, () => unknown, RegExp][] = [
    ['CSAT 140', () => editorActions.setScores('tp-web', { csat: 140 }), /CSAT must be between 0 and 100/],
    ['a NaN NPS', () => editorActions.setScores('tp-web', { nps: Number.NaN }), /NPS/],
    ['an edge out of an outcome', () => editorActions.connect({ source: 'out-success', target: 'tp-web' }), /is an outcome/],
    ['a duplicate edge', () => editorActions.connect({ source: 'tp-web', target: 'tp-checkout' }), /already leads to/],
    ['weight 0', () => editorActions.updateEdge('e-web-lost', { weight: 0 }), /Weight must be above 0/],
    ['a blank map name', () => editorActions.renameMap('  '), /A map needs a name/],
    ['a blank friction note', () => editorActions.addFriction('tp-web', ' ', 3), /needs some text/],
    ['an unknown channel', () => editorActions.addNode({ kind: 'touchpoint', channel: 'fax', position: { x: 0, y: 0 } }), /no channel "fax"/],
    ['resolving a missing note', () => editorActions.resolveFriction('tp-web', 'ghost', true), /no friction note/],
    ['a drop-off of 1', () => editorActions.updateNode('tp-web', { dropOff: 1 }), /Drop-off/],
  ];

  it.each(refusals)('%s sets lastEditError, keeps the map and records no step', (_what, run, message) => {
    const before = currentMap();
    const selection = editorState().selection;
    const result = run();
    expect(result === undefined || result === false).toBe(true);
    expect(editorState().lastEditError).toMatch(message);
    expect(currentMap()).toBe(before);
    expect(undoSteps()).toBe(0);
    expect(editorState().selection).toBe(selection);
  });

  it('the next accepted edit clears the error, and so do undo and clearEditError', () => {
    editorActions.setScores('tp-web', { csat: 140 });
    expect(editorActions.setScores('tp-web', { csat: 72 })).toBe(true);
    expect(editorState().lastEditError).toBeNull();

    editorActions.renameMap('');
    editorActions.undo();
    expect(editorState().lastEditError).toBeNull();

    editorActions.renameMap('');
    editorActions.clearEditError();
    expect(editorState().lastEditError).toBeNull();
  });

  it('does not swallow errors that are not refusals', () => {
    expect(() => editorActions.updateNode('tp-web', null as never)).toThrow(TypeError);
    expect(undoSteps()).toBe(0);
  });
});

describe('undo and redo', () => {
  it('walk back and forth through every step', () => {
    const maps = [currentMap()];
    editorActions.renameMap('One');
    maps.push(currentMap());
    editorActions.setScores('tp-web', { nps: -20 });
    maps.push(currentMap());
    editorActions.connect({ source: 'entry', target: 'tp-checkout' });
    maps.push(currentMap());

    for (let i = maps.length - 2; i >= 0; i--) {
      editorActions.undo();
      expect(currentMap()).toBe(maps[i]);
    }
    expect(selectCanUndo(editorState())).toBe(false);
    expect(redoSteps()).toBe(3);
    for (let i = 1; i < maps.length; i++) {
      editorActions.redo();
      expect(currentMap()).toBe(maps[i]);
    }
    expect(selectCanRedo(editorState())).toBe(false);
    expect(currentMap().name).toBe('One');
    expect(nodeOf(currentMap(), 'tp-web').scores?.nps).toBe(-20);
  });

  it('do nothing with nothing to undo or redo', () => {
    const state = editorState();
    editorActions.undo();
    editorActions.redo();
    expect(editorState()).toBe(state);
  });

  it('a new edit clears the redo stack', () => {
    editorActions.renameMap('A');
    editorActions.renameMap('B');
    editorActions.undo();
    expect(redoSteps()).toBe(1);
    editorActions.renameMap('C');
    expect(redoSteps()).toBe(0);
    editorActions.redo();
    expect(currentMap().name).toBe('C');
    expect(undoSteps()).toBe(2);
  });

  it('a refused edit leaves the redo stack alone', () => {
    editorActions.renameMap('A');
    editorActions.undo();
    editorActions.renameMap('');
    expect(redoSteps()).toBe(1);
  });

  it('drops the selection of elements that an undo takes away', () => {
    const id = editorActions.addNode({ kind: 'touchpoint', position: { x: 0, y: 0 } })!;
    editorActions.select({ nodes: [id, 'tp-web'], edges: ['e-web-lost'] });
    editorActions.undo();
    expect(editorState().selection).toEqual({ nodes: ['tp-web'], edges: ['e-web-lost'] });
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    const extra = 7;
    for (let i = 1; i <= HISTORY_LIMIT + extra; i++) editorActions.renameMap(`Name ${i}`);
    expect(undoSteps()).toBe(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT; i++) editorActions.undo();
    expect(currentMap().name).toBe(`Name ${extra}`);
    editorActions.undo();
    expect(currentMap().name).toBe(`Name ${extra}`);
    expect(redoSteps()).toBe(HISTORY_LIMIT);
  });
});

describe('dragging', () => {
  it('shows live positions without touching the map, then records one step on endDrag', () => {
    const before = currentMap();
    for (let i = 1; i <= 30; i++) {
      editorActions.dragNodes({ 'tp-web': { x: xInBand(1) + i * 20, y: i * 3 } });
      expect(currentMap()).toBe(before);
    }
    expect(editorState().dragPositions).toEqual({ 'tp-web': { x: xInBand(1) + 600, y: 90 } });
    expect(undoSteps()).toBe(0);

    editorActions.endDrag();
    expect(undoSteps()).toBe(1);
    expect(editorState().dragPositions).toBeNull();
    // 45 + 280 + 600 = 925: its centre is in band 3, so the stage follows.
    expect(nodeOf(currentMap(), 'tp-web')).toMatchObject({ position: { x: xInBand(1) + 600, y: 90 }, stage: 'retention' });

    editorActions.undo();
    expect(currentMap()).toBe(before);
    expect(nodeOf(currentMap(), 'tp-web')).toMatchObject({ position: { x: xInBand(1), y: 0 }, stage: 'consideration' });
  });

  it('moves several nodes as one step, the final positions given to endDrag winning', () => {
    editorActions.dragNodes({ entry: { x: 10, y: 10 }, 'tp-web': { x: 400, y: 10 } });
    editorActions.dragNodes({ entry: { x: 20, y: 20 } });
    editorActions.endDrag({ 'tp-web': { x: 420, y: 40 } });
    expect(undoSteps()).toBe(1);
    expect(nodeOf(currentMap(), 'entry').position).toEqual({ x: 20, y: 20 });
    expect(nodeOf(currentMap(), 'tp-web').position).toEqual({ x: 420, y: 40 });
  });

  it('records nothing when the drag ends where it started', () => {
    const before = currentMap();
    editorActions.dragNodes({ 'tp-web': { x: 999, y: 999 } });
    editorActions.endDrag({ 'tp-web': { ...nodeOf(before, 'tp-web').position } });
    expect(undoSteps()).toBe(0);
    expect(currentMap()).toBe(before);
    expect(editorState().dragPositions).toBeNull();

    editorActions.endDrag();
    expect(undoSteps()).toBe(0);
  });

  it('ignores nodes deleted while they were dragged', () => {
    editorActions.dragNodes({ 'tp-web': { x: 0, y: 500 }, entry: { x: 5, y: 5 } });
    editorActions.removeElements(['tp-web'], []);
    editorActions.endDrag();
    expect(undoSteps()).toBe(2);
    expect(nodeOf(currentMap(), 'entry').position).toEqual({ x: 5, y: 5 });
    expect(editorState().lastEditError).toBeNull();
  });
});

describe('removeElements', () => {
  it('removes a node with its edges as one step, and undo brings both back', () => {
    const before = currentMap();
    editorActions.select({ nodes: ['tp-web'], edges: ['e-web-lost'] });
    editorActions.removeElements(['tp-web'], []);
    expect(currentMap().nodes.map((n) => n.id)).not.toContain('tp-web');
    expect(currentMap().edges.map((e) => e.id)).toEqual(['e-checkout-success']);
    expect(undoSteps()).toBe(1);
    expect(editorState().selection).toEqual({ nodes: [], edges: [] });

    editorActions.undo();
    expect(currentMap()).toBe(before);
    expect(currentMap()).toEqual(makeMap());
  });

  it('removeSelection deletes what is selected as one step', () => {
    editorActions.select({ nodes: ['out-lost'], edges: ['e-checkout-success'] });
    editorActions.removeSelection();
    expect(undoSteps()).toBe(1);
    expect(currentMap().nodes.map((n) => n.id)).toEqual(['entry', 'tp-web', 'tp-checkout', 'out-success']);
    expect(currentMap().edges.map((e) => e.id)).toEqual(['e-entry-web', 'e-web-checkout']);
  });
});

describe('session state', () => {
  it('selection is never history and never changes the map', () => {
    const map = currentMap();
    editorActions.select({ nodes: ['tp-web'], edges: [] });
    editorActions.select({ nodes: [], edges: ['e-web-lost'] });
    expect(editorState().selection).toEqual({ nodes: [], edges: ['e-web-lost'] });
    expect(currentMap()).toBe(map);
    expect(undoSteps()).toBe(0);
    expect(redoSteps()).toBe(0);
  });

  it('selecting the same ids again leaves the state object alone', () => {
    editorActions.select({ nodes: ['tp-web'], edges: [] });
    const state = editorState();
    editorActions.select({ nodes: ['tp-web'], edges: [] });
    expect(editorState()).toBe(state);
  });

  it('the viewport is never history, and does not clear redo', () => {
    editorActions.renameMap('A');
    editorActions.undo();
    const map = currentMap();
    editorActions.setViewport({ x: 10, y: -20, zoom: 1.5 });
    expect(editorState().viewport).toEqual({ x: 10, y: -20, zoom: 1.5 });
    expect(currentMap()).toBe(map);
    expect(undoSteps()).toBe(0);
    expect(redoSteps()).toBe(1);
  });

  it('loadMap replaces the map, starts history afresh and bumps the epoch', () => {
    editorActions.renameMap('A');
    editorActions.undo();
    editorActions.select({ nodes: ['tp-web'], edges: [] });
    editorActions.dragNodes({ 'tp-web': { x: 1, y: 1 } });
    const epoch = editorState().mapEpoch;
    const other = createMap({ id: 'other', name: 'Other' });
    editorActions.loadMap(other, { x: 1, y: 2, zoom: 0.5 });
    expect(editorState()).toMatchObject({
      map: other,
      history: { past: [], future: [] },
      selection: { nodes: [], edges: [] },
      dragPositions: null,
      viewport: { x: 1, y: 2, zoom: 0.5 },
      mapEpoch: epoch + 1,
      lastEditError: null,
    });
    editorActions.undo();
    expect(currentMap()).toBe(other);
  });

  it('notices are added, replaced by id and dismissed', () => {
    const id = editorActions.notify('warning', 'First', { id: 'n1' });
    expect(id).toBe('n1');
    editorActions.notify('error', 'Second', { id: 'n1' });
    const generated = editorActions.notify('info', 'Third');
    expect(editorState().notices.map((n) => [n.id, n.kind, n.text])).toEqual([
      ['n1', 'error', 'Second'],
      [generated, 'info', 'Third'],
    ]);
    editorActions.dismiss('n1');
    expect(editorState().notices.map((n) => n.id)).toEqual([generated]);
    expect(undoSteps()).toBe(0);
  });

  it('resetEditor opens an empty map with no history', () => {
    editorActions.renameMap('A');
    resetEditor();
    expect(currentMap().nodes).toEqual([]);
    expect(undoSteps()).toBe(0);
    expect(editorState().notices).toEqual([]);
  });
});

describe('history module', () => {
  it('records, undoes and redoes snapshots without mutating its input', () => {
    const a = createMap({ id: 'a' });
    const b = createMap({ id: 'b' });
    const h0 = emptyHistory();
    const h1 = record(h0, a);
    expect(h0).toEqual({ past: [], future: [] });
    const back = undo(h1, b)!;
    expect(back.map).toBe(a);
    expect(back.history).toEqual({ past: [], future: [b] });
    const forth = redo(back.history, a)!;
    expect(forth.map).toBe(b);
    expect(forth.history).toEqual({ past: [a], future: [] });
    expect(undo(h0, a)).toBeUndefined();
    expect(redo(h0, a)).toBeUndefined();
  });

  it('forgets the oldest snapshot beyond the limit', () => {
    let history = emptyHistory();
    const maps = Array.from({ length: HISTORY_LIMIT + 1 }, (_, i) => createMap({ id: `m${i}` }));
    for (const m of maps) history = record(history, m);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(maps[1]);
    expect(history.past.at(-1)).toBe(maps[HISTORY_LIMIT]);
  });
});

it('the store is shared, so tests reset it', () => {
  // Guard for the helpers: loadStore() in beforeEach gave this test the pristine test map.
  expect(useEditor.getState().map).toEqual(makeMap());
  expect(undoSteps()).toBe(0);
});
