import { editorActions, resetEditor } from '../../../src/store/editorStore';
import { closeMerge, emptyHistory, record } from '../../../src/store/history';
import { makeMap, nodeOf, xInBand } from '../../support/maps';
import { currentMap, loadStore, undoSteps } from '../../support/store';

beforeEach(() => loadStore());
afterAll(() => resetEditor());

const GRID = 20;
/** One arrow-key step to the right, as React Flow reports it: the node's new position. */
const nudgeRight = (id: string) => {
  const { x, y } = nodeOf(currentMap(), id).position;
  editorActions.nudgeNodes({ [id]: { x: x + GRID, y } });
};

describe('arrow-key nudges', () => {
  it('ten nudges while the key is held are one undo step', () => {
    const start = nodeOf(currentMap(), 'tp-web').position;
    for (let i = 0; i < 10; i++) nudgeRight('tp-web');
    editorActions.endNudge();
    expect(nodeOf(currentMap(), 'tp-web').position).toEqual({ x: start.x + 10 * GRID, y: start.y });
    expect(undoSteps()).toBe(1);
    editorActions.undo();
    expect(nodeOf(currentMap(), 'tp-web').position).toEqual(start);
  });

  it('two separate presses are two undo steps', () => {
    const start = nodeOf(currentMap(), 'tp-web').position;
    nudgeRight('tp-web');
    editorActions.endNudge();
    nudgeRight('tp-web');
    editorActions.endNudge();
    expect(undoSteps()).toBe(2);
    editorActions.undo();
    expect(nodeOf(currentMap(), 'tp-web').position).toEqual({ x: start.x + GRID, y: start.y });
    editorActions.undo();
    expect(nodeOf(currentMap(), 'tp-web').position).toEqual(start);
  });

  it('any other edit ends the merge: a nudge after it is a step of its own', () => {
    nudgeRight('tp-web');
    editorActions.renameMap('Renamed');
    nudgeRight('tp-web');
    expect(undoSteps()).toBe(3);
  });

  it('an undo in the middle of a hold ends the merge too', () => {
    const start = nodeOf(currentMap(), 'tp-web').position;
    nudgeRight('tp-web');
    nudgeRight('tp-web');
    editorActions.undo();
    expect(nodeOf(currentMap(), 'tp-web').position).toEqual(start);
    nudgeRight('tp-web');
    expect(undoSteps()).toBe(1);
    editorActions.redo();
    expect(undoSteps()).toBe(1);
  });

  it('a nudge that moves nothing records nothing', () => {
    editorActions.nudgeNodes({ 'tp-web': { ...nodeOf(currentMap(), 'tp-web').position } });
    expect(undoSteps()).toBe(0);
  });

  it('a drag after nudges is a step of its own', () => {
    nudgeRight('tp-web');
    editorActions.endDrag({ 'tp-web': { x: xInBand(1), y: 200 } });
    expect(undoSteps()).toBe(2);
  });
});

describe('history merge keys', () => {
  it('join steps with the same key until the merge is closed, without mutating their input', () => {
    const [a, b, c] = [makeMap({ name: 'a' }), makeMap({ name: 'b' }), makeMap({ name: 'c' })];
    const h0 = emptyHistory();
    const h1 = record(h0, a, 'k');
    const h2 = record(h1, b, 'k');
    expect(h2.past).toEqual([a]);
    expect(h1.past).toEqual([a]);
    const h3 = record(closeMerge(h2), c, 'k');
    expect(h3.past).toEqual([a, c]);
    expect(record(h3, a).past).toEqual([a, c, a]);
    expect(record(h3, a, 'other').past).toHaveLength(3);
    expect(closeMerge(h0)).toBe(h0);
  });
});
