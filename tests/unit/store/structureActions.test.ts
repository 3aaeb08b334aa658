import { invariantProblems } from '../../../src/domain/edits';
import { extractFragment } from '../../../src/domain/fragments';
import { STAGE_WIDTH } from '../../../src/domain/layout';
import type { JourneyMap } from '../../../src/domain/types';
import { editorActions, resetEditor } from '../../../src/store/editorStore';
import { makeMap, nodeOf, snapshot, xInBand } from '../../support/maps';
import { currentMap, editorState, redoSteps, undoSteps } from '../../support/store';

/** The test map with a sticky note, "note-1", in the consideration band. */
const mapWithNote = (): JourneyMap => makeMap({ notes: [{ id: 'note-1', text: 'Ask the team', position: { x: 300, y: 400 } }] });

const select = (nodes: string[], edges: string[] = []) => editorActions.select({ nodes, edges });

beforeEach(() => resetEditor(mapWithNote()));
afterAll(() => resetEditor());

describe('accepted structure, note, layout and clipboard actions', () => {
  // Each runs on the test map (with `setup` first, which records no step) and must be one undo step.
  const actions: [string, () => void, () => unknown, (map: JourneyMap) => void][] = [
    ['addStage', () => {}, () => editorActions.addStage({ name: 'Onboarding', after: 'purchase' }), (m) => {
      expect(m.stages.map((s) => s.name)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy']);
      expect(nodeOf(m, 'out-success').position.x).toBe(xInBand(4));
    }],
    ['renameStage', () => {}, () => editorActions.renameStage('awareness', 'Discover'), (m) => expect(m.stages[0].name).toBe('Discover')],
    ['setStageColour', () => {}, () => editorActions.setStageColour('awareness', '#0f766e'), (m) => expect(m.stages[0].colour).toBe('#0f766e')],
    ['moveStage', () => {}, () => editorActions.moveStage('purchase', -1), (m) => {
      expect(m.stages.map((s) => s.id).slice(1, 3)).toEqual(['purchase', 'consideration']);
      expect(nodeOf(m, 'tp-checkout').position.x).toBe(xInBand(1));
      expect(nodeOf(m, 'tp-web').position.x).toBe(xInBand(2));
    }],
    ['removeStage (empty)', () => {}, () => editorActions.removeStage('advocacy'), (m) => expect(m.stages).toHaveLength(4)],
    ['removeStage (moving its nodes)', () => {}, () => editorActions.removeStage('consideration', 'purchase'), (m) => {
      expect(m.stages).toHaveLength(4);
      expect(nodeOf(m, 'tp-web')).toMatchObject({ stage: 'purchase', position: { x: xInBand(1), y: 0 } });
      expect(nodeOf(m, 'tp-checkout').position.x).toBe(xInBand(1));
    }],
    ['addChannel', () => {}, () => editorActions.addChannel('Kiosk', '#0f766e'), (m) => expect(m.channels.at(-1)).toEqual({ id: 'kiosk', name: 'Kiosk', colour: '#0f766e' })],
    ['renameChannel', () => {}, () => editorActions.renameChannel('phone', 'Call centre'), (m) => expect(m.channels[3].name).toBe('Call centre')],
    ['setChannelColour', () => {}, () => editorActions.setChannelColour('phone', undefined), (m) => expect(m.channels[3]).not.toHaveProperty('colour')],
    ['removeChannel (with a replacement)', () => {}, () => editorActions.removeChannel('website', 'phone'), (m) => {
      expect(m.channels.some((c) => c.id === 'website')).toBe(false);
      expect(nodeOf(m, 'tp-web').channel).toBe('phone');
    }],
    ['removeChannel (to no channel)', () => {}, () => editorActions.removeChannel('website', null), (m) => expect(nodeOf(m, 'tp-web')).not.toHaveProperty('channel')],
    ['addNote', () => {}, () => editorActions.addNote({ x: 0, y: 600 }, 'Hello'), (m) => expect(m.notes.at(-1)).toMatchObject({ text: 'Hello', position: { x: 0, y: 600 } })],
    ['updateNote', () => {}, () => editorActions.updateNote('note-1', { text: 'Ask legal', width: 300 }), (m) => expect(m.notes[0]).toMatchObject({ text: 'Ask legal', width: 300 })],
    ['applyLayout', () => {}, () => editorActions.applyLayout({ 'tp-web': { x: 600 + 45, y: 80 }, entry: { x: 100, y: 20 } }, { awareness: 600 }), (m) => {
      expect(m.stages[0].width).toBe(600);
      expect(nodeOf(m, 'tp-web')).toMatchObject({ stage: 'consideration', position: { x: 645, y: 80 } });
      expect(nodeOf(m, 'entry')).toMatchObject({ stage: 'awareness', position: { x: 100, y: 20 } });
    }],
    ['applyLayout (widths only)', () => {}, () => editorActions.applyLayout({}, { retention: 700 }), (m) => expect(m.stages[3].width).toBe(700)],
    ['paste', () => {}, () => editorActions.paste(extractFragment(mapWithNote(), ['tp-web', 'tp-checkout', 'note-1']) as JourneyMap, { x: 40, y: 40 }), (m) => {
      expect(m.nodes).toHaveLength(7);
      expect(m.edges).toHaveLength(5);
      expect(m.notes).toHaveLength(2);
    }],
    ['duplicateSelection', () => select(['tp-web', 'tp-checkout', 'note-1']), () => editorActions.duplicateSelection(), (m) => {
      expect(m.nodes).toHaveLength(7);
      expect(m.edges).toHaveLength(5);
      expect(m.notes).toHaveLength(2);
    }],
    ['cutSelection', () => select(['tp-web', 'note-1']), () => editorActions.cutSelection(), (m) => {
      expect(m.nodes.map((n) => n.id)).toEqual(['entry', 'tp-checkout', 'out-success', 'out-lost']);
      expect(m.edges.map((e) => e.id)).toEqual(['e-checkout-success']);
      expect(m.notes).toEqual([]);
    }],
    ['updateFriction', () => {}, () => editorActions.updateFriction('tp-checkout', 'f-long-form', { note: ' Form too long ', severity: 2 }), (m) => {
      expect(nodeOf(m, 'tp-checkout').friction[0]).toEqual({ id: 'f-long-form', note: 'Form too long', severity: 2 });
    }],
  ];

  it.each(actions)('%s is one undo step; undo and redo walk it back and forth', (_name, setup, run, check) => {
    setup();
    const before = currentMap();
    const pristine = snapshot(before);
    const result = run();
    expect(result === false || result === undefined).toBe(false);
    expect(editorState().lastEditError).toBeNull();
    const after = currentMap();
    expect(after).not.toBe(before);
    check(after);
    expect(invariantProblems(after)).toEqual([]);
    expect(undoSteps()).toBe(1);
    expect(editorState().history.past[0]).toBe(before);
    expect(before).toStrictEqual(pristine); // the edit did not write into the map it started from

    editorActions.undo();
    expect(currentMap()).toBe(before);
    expect(undoSteps()).toBe(0);
    expect(redoSteps()).toBe(1);
    editorActions.redo();
    expect(currentMap()).toBe(after);
    expect(undoSteps()).toBe(1);
  });
});

describe('refused actions', () => {
  const refusals: [string, () => unknown, RegExp][] = [
    ['addStage with a taken name', () => editorActions.addStage({ name: 'awareness' }), /already a stage named "Awareness"/],
    ['addStage after an unknown stage', () => editorActions.addStage({ after: 'ghost' }), /no stage "ghost"/],
    ['renameStage to blank', () => editorActions.renameStage('awareness', ' '), /needs a name/],
    ['renameStage of an unknown stage', () => editorActions.renameStage('ghost', 'Ghost'), /no stage "ghost"/],
    ['moveStage of the first stage left', () => editorActions.moveStage('awareness', -1), /already the first stage/],
    ['removeStage of a stage holding nodes', () => editorActions.removeStage('retention'), /holds 2 nodes/],
    ['setStageColour to a bad colour', () => editorActions.setStageColour('awareness', 'teal'), /#rrggbb/],
    ['addChannel with a taken name', () => editorActions.addChannel(' phone '), /already a channel named "Phone"/],
    ['removeChannel in use without a replacement', () => editorActions.removeChannel('website'), /choose a replacement/],
    ['removeChannel with an unknown replacement', () => editorActions.removeChannel('website', 'fax'), /no channel "fax"/],
    ['addNote at NaN', () => editorActions.addNote({ x: Number.NaN, y: 0 }), /finite/],
    ['addNote with too much text', () => editorActions.addNote({ x: 0, y: 0 }, 'x'.repeat(2001)), /at most 2,000/],
    ['updateNote of an unknown note', () => editorActions.updateNote('ghost', { text: 'x' }), /no sticky note "ghost"/],
    ['updateNote with a bad width after a good text', () => editorActions.updateNote('note-1', { text: 'new', width: 10 }), /120 to 600/],
    ['applyLayout with a bad width', () => editorActions.applyLayout({ 'tp-web': { x: 0, y: 0 } }, { awareness: 10 }), /pixels wide/],
    ['applyLayout with a good width and an unknown node', () => editorActions.applyLayout({ ghost: { x: 0, y: 0 } }, { awareness: 600 }), /no node "ghost"/],
    ['updateFriction to blank text', () => editorActions.updateFriction('tp-checkout', 'f-long-form', { note: '  ' }), /needs some text/],
    ['updateFriction of a good text with severity 9', () => editorActions.updateFriction('tp-checkout', 'f-long-form', { note: 'New', severity: 9 as never }), /Severity/],
    ['updateFriction of an unknown note', () => editorActions.updateFriction('tp-checkout', 'ghost', { severity: 1 }), /no friction note "ghost"/],
  ];

  it.each(refusals)('%s sets lastEditError, keeps the map and records no step', (_what, run, message) => {
    const before = currentMap();
    const pristine = snapshot(before);
    const selection = editorState().selection;
    const result = run();
    expect(result === undefined || result === false).toBe(true);
    expect(editorState().lastEditError).toMatch(message);
    expect(currentMap()).toBe(before);
    expect(currentMap()).toStrictEqual(pristine);
    expect(undoSteps()).toBe(0);
    expect(editorState().selection).toBe(selection);
  });

  it('an accepted action after a refusal clears lastEditError', () => {
    editorActions.removeStage('retention');
    expect(editorState().lastEditError).not.toBeNull();
    expect(editorActions.removeStage('retention', 'advocacy')).toBe(true);
    expect(editorState().lastEditError).toBeNull();
  });
});

describe('actions that change nothing', () => {
  it.each<[string, () => unknown]>([
    ['renameStage to its own name', () => editorActions.renameStage('awareness', ' Awareness ')],
    ['setStageColour to none when it has none', () => editorActions.setStageColour('awareness', undefined)],
    ['renameChannel to its own name', () => editorActions.renameChannel('phone', 'Phone')],
    ['updateNote with the same text', () => editorActions.updateNote('note-1', { text: 'Ask the team' })],
    ['updateFriction with the same severity', () => editorActions.updateFriction('tp-checkout', 'f-long-form', { severity: 4 })],
    ['applyLayout with nothing to apply', () => editorActions.applyLayout({}, {})],
    ['applyLayout with the widths the stages have', () => editorActions.applyLayout({}, { awareness: STAGE_WIDTH })],
  ])('%s is accepted and records no step', (_what, run) => {
    const before = currentMap();
    expect(run()).toBe(true);
    expect(editorState().lastEditError).toBeNull();
    expect(currentMap()).toBe(before);
    expect(undoSteps()).toBe(0);
  });
});

describe('selection', () => {
  it('selectAll selects every node and note, and no edge', () => {
    select([], ['e-web-lost']);
    editorActions.selectAll();
    expect(editorState().selection).toEqual({ nodes: ['entry', 'tp-web', 'tp-checkout', 'out-success', 'out-lost', 'note-1'], edges: [] });
    expect(undoSteps()).toBe(0);
  });

  it('addNote selects the new note', () => {
    const id = editorActions.addNote({ x: 0, y: 0 });
    expect(editorState().selection).toEqual({ nodes: [id], edges: [] });
  });

  it('after paste, is exactly the pasted nodes and notes', () => {
    select(['entry']);
    const fragment = extractFragment(mapWithNote(), ['tp-web', 'out-lost', 'note-1']) as JourneyMap;
    const result = editorActions.paste(fragment, { x: 40, y: 40 });
    expect(result?.addedChannels).toEqual([]);
    const before = new Set(mapWithNote().nodes.map((n) => n.id).concat('note-1'));
    const fresh = [...currentMap().nodes, ...currentMap().notes].map((n) => n.id).filter((id) => !before.has(id));
    expect(fresh).toHaveLength(3);
    expect(editorState().selection).toEqual({ nodes: result?.ids, edges: [] });
    expect([...(result?.ids ?? [])].sort()).toEqual([...fresh].sort());
  });

  it('after duplicate, is exactly the copies, offset from the originals', () => {
    select(['tp-web', 'note-1'], ['e-web-lost']);
    const ids = editorActions.duplicateSelection({ x: 20, y: 60 });
    expect(ids).toHaveLength(2);
    expect(editorState().selection).toEqual({ nodes: ids, edges: [] });
    const copy = nodeOf(currentMap(), ids[0]);
    expect(copy).toMatchObject({ label: 'Product page', stage: 'consideration', channel: 'website', position: { x: xInBand(1) + 20, y: 60 } });
    expect(currentMap().notes.find((n) => n.id === ids[1])).toMatchObject({ text: 'Ask the team', position: { x: 320, y: 460 } });
    // The duplicate is selected, so duplicating again copies the copies.
    const again = editorActions.duplicateSelection({ x: 20, y: 60 });
    expect(nodeOf(currentMap(), again[0]).position).toEqual({ x: xInBand(1) + 40, y: 120 });
    expect(undoSteps()).toBe(2);
  });

  it('duplicate and copy with nothing selected do nothing', () => {
    select([], ['e-web-lost']);
    expect(editorActions.copySelection()).toBeNull();
    expect(editorActions.duplicateSelection()).toEqual([]);
    expect(editorActions.cutSelection()).toBeNull();
    expect(undoSteps()).toBe(0);
    expect(currentMap().edges).toHaveLength(4);
  });
});

describe('copy and cut', () => {
  it('copySelection is the fragment of the selection and changes nothing', () => {
    select(['tp-web', 'tp-checkout', 'note-1']);
    const before = currentMap();
    expect(editorActions.copySelection()).toEqual(extractFragment(before, ['tp-web', 'tp-checkout', 'note-1']));
    expect(currentMap()).toBe(before);
    expect(undoSteps()).toBe(0);
  });

  it('cut returns what copy would, deletes the selection (with its edges) as one step, and pastes back', () => {
    select(['tp-web', 'tp-checkout', 'note-1'], ['e-entry-web']);
    const before = currentMap();
    const copied = editorActions.copySelection();
    const cut = editorActions.cutSelection();
    expect(cut).toEqual(copied);
    expect(currentMap().nodes.map((n) => n.id)).toEqual(['entry', 'out-success', 'out-lost']);
    expect(currentMap().edges).toEqual([]);
    expect(currentMap().notes).toEqual([]);
    expect(editorState().selection).toEqual({ nodes: [], edges: [] });
    expect(undoSteps()).toBe(1);

    const pasted = editorActions.paste(cut as JourneyMap, { x: 0, y: 0 });
    expect(pasted?.ids).toHaveLength(3);
    expect(currentMap().edges).toHaveLength(1); // tp-web → tp-checkout, between the pasted nodes
    expect(undoSteps()).toBe(2);

    editorActions.undo();
    editorActions.undo();
    expect(currentMap()).toBe(before);
  });
});

describe('dragging a sticky note', () => {
  it('moves it as one step when the drag ends', () => {
    editorActions.dragNodes({ 'note-1': { x: 500, y: 500 } });
    editorActions.endDrag({ 'note-1': { x: 520, y: 540 } });
    expect(currentMap().notes[0].position).toEqual({ x: 520, y: 540 });
    expect(undoSteps()).toBe(1);
    expect(editorState().dragPositions).toBeNull();
  });
});
