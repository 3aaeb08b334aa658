import { addNode, allIds, connect, invariantProblems, MAX_COORDINATE, moveNodes, removeNodes } from '../../../src/domain/edits';
import { addNote, MAX_NOTE_LENGTH, STICKY_MAX_WIDTH, STICKY_MIN_WIDTH, updateNote } from '../../../src/domain/notes';
import type { JourneyMap } from '../../../src/domain/types';
import { formatProblem, validateMap } from '../../../src/format';
import { makeMap, nodeOf, snapshot, xInBand, expectRefused, noteOf } from '../../support/maps';



/** The test map with one sticky note, "note-1", in the consideration band. */
const mapWithNote = () => makeMap({ notes: [{ id: 'note-1', text: 'Ask the team', position: { x: 300, y: 400 } }] });

const problemsOf = (map: JourneyMap) => {
  const result = validateMap(map);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('addNote', () => {
  it('adds an empty note at a copy of the position, with a fresh id and the default width', () => {
    const map = makeMap();
    const position = { x: 10, y: 20 };
    const id = addNote(map, { position });
    expect(id).toMatch(/^note-/);
    expect(map.notes).toStrictEqual([{ id, text: '', position: { x: 10, y: 20 } }]);
    expect(map.notes[0].position).not.toBe(position);
    expect(problemsOf(map)).toEqual([]);
  });

  it('keeps text (untrimmed, multi-line) and a width, rounded', () => {
    const map = makeMap();
    const id = addNote(map, { position: { x: 0, y: 0 }, text: ' Two\nlines ', width: 250.6, id: 'note-x' });
    expect(id).toBe('note-x');
    expect(noteOf(map, id)).toStrictEqual({ id: 'note-x', text: ' Two\nlines ', position: { x: 0, y: 0 }, width: 251 });
  });

  it('accepts the limits exactly', () => {
    const map = makeMap();
    addNote(map, { position: { x: MAX_COORDINATE, y: -MAX_COORDINATE }, text: 'x'.repeat(MAX_NOTE_LENGTH), width: STICKY_MIN_WIDTH });
    addNote(map, { position: { x: 0, y: 0 }, width: STICKY_MAX_WIDTH });
    expect(map.notes.map((n) => n.width)).toEqual([STICKY_MIN_WIDTH, STICKY_MAX_WIDTH]);
    expect(problemsOf(map)).toEqual([]);
  });

  it.each<[string, Parameters<typeof addNote>[1], RegExp]>([
    ['text that is too long', { position: { x: 0, y: 0 }, text: 'x'.repeat(MAX_NOTE_LENGTH + 1) }, /at most 2,000 characters/],
    ['a width below the minimum', { position: { x: 0, y: 0 }, width: STICKY_MIN_WIDTH - 1 }, /120 to 600 pixels wide/],
    ['a width that rounds to the minimum but is below it', { position: { x: 0, y: 0 }, width: STICKY_MIN_WIDTH - 0.4 }, /120 to 600/],
    ['a width above the maximum', { position: { x: 0, y: 0 }, width: STICKY_MAX_WIDTH + 1 }, /120 to 600/],
    ['a NaN width', { position: { x: 0, y: 0 }, width: Number.NaN }, /120 to 600/],
    ['a NaN position', { position: { x: Number.NaN, y: 0 } }, /finite number/],
    ['an infinite position', { position: { x: 0, y: Infinity } }, /finite number/],
    ['a position too far away', { position: { x: MAX_COORDINATE + 1, y: 0 } }, /within 10,000,000 pixels/],
    ['the id of a node', { position: { x: 0, y: 0 }, id: 'tp-web' }, /id "tp-web" is already used/],
    ['the id of an edge', { position: { x: 0, y: 0 }, id: 'e-web-lost' }, /id "e-web-lost" is already used/],
    ['the id of a note', { position: { x: 0, y: 0 }, id: 'note-1' }, /id "note-1" is already used/],
  ])('refuses %s', (_what, init, message) => {
    expectRefused(mapWithNote(), (m) => addNote(m, init), message);
  });
});

describe('one id space for nodes, edges and notes', () => {
  it('refuses a node or an edge with a note’s id', () => {
    expectRefused(mapWithNote(), (m) => addNode(m, { kind: 'touchpoint', id: 'note-1', position: { x: 0, y: 0 } }), /id "note-1" is already used/);
    expectRefused(mapWithNote(), (m) => connect(m, { source: 'entry', target: 'tp-checkout', id: 'note-1' }), /id "note-1" is already used/);
  });

  it('gives fresh ids that collide with nothing', () => {
    const map = mapWithNote();
    for (let i = 0; i < 20; i++) {
      addNote(map, { position: { x: i, y: i } });
      addNode(map, { kind: 'touchpoint', position: { x: i, y: 500 } });
    }
    const ids = [...map.nodes, ...map.edges, ...map.notes].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(allIds(map).size).toBe(ids.length);
    expect(invariantProblems(map)).toEqual([]);
  });

  it('is checked by invariantProblems', () => {
    const map = mapWithNote();
    map.notes.push({ id: 'tp-web', text: '', position: { x: 0, y: 0 } });
    expect(invariantProblems(map)).toEqual(['notes[1].id: duplicate id "tp-web"']);
  });
});

describe('updateNote', () => {
  it('changes the text and the width (rounded)', () => {
    const map = mapWithNote();
    updateNote(map, 'note-1', { text: 'Ask legal' });
    expect(noteOf(map, 'note-1').text).toBe('Ask legal');
    updateNote(map, 'note-1', { width: 333.3 });
    expect(noteOf(map, 'note-1')).toStrictEqual({ id: 'note-1', text: 'Ask legal', position: { x: 300, y: 400 }, width: 333 });
    updateNote(map, 'note-1', { text: '' });
    expect(noteOf(map, 'note-1').text).toBe('');
  });

  it('changes nothing for an empty patch or the same values', () => {
    const map = mapWithNote();
    const before = snapshot(map);
    updateNote(map, 'note-1', {});
    updateNote(map, 'note-1', { text: 'Ask the team' });
    expect(map).toStrictEqual(before);
  });

  it.each<[string, string, Parameters<typeof updateNote>[2], RegExp]>([
    ['an unknown note', 'ghost', { text: 'x' }, /no sticky note "ghost"/],
    ['a node id', 'tp-web', { text: 'x' }, /no sticky note "tp-web"/],
    ['text that is too long', 'note-1', { text: 'x'.repeat(MAX_NOTE_LENGTH + 1) }, /at most 2,000/],
    ['a width out of range', 'note-1', { width: 80 }, /120 to 600/],
    ['a good text with a bad width', 'note-1', { text: 'Changed', width: 5000 }, /120 to 600/],
  ])('refuses %s and changes nothing', (_what, id, patch, message) => {
    expectRefused(mapWithNote(), (m) => updateNote(m, id, patch), message);
  });
});

describe('moveNodes with sticky notes', () => {
  it('moves notes (which have no stage) together with nodes', () => {
    const map = mapWithNote();
    moveNodes(map, { 'note-1': { x: xInBand(3), y: 10 }, 'tp-web': { x: xInBand(2), y: 50 } });
    expect(noteOf(map, 'note-1')).toStrictEqual({ id: 'note-1', text: 'Ask the team', position: { x: xInBand(3), y: 10 } });
    expect(nodeOf(map, 'tp-web')).toMatchObject({ position: { x: xInBand(2), y: 50 }, stage: 'purchase' });
  });

  it('clears a node’s stage when it is dropped outside every band', () => {
    const map = mapWithNote();
    moveNodes(map, { 'tp-web': { x: 5000, y: 0 } });
    expect(nodeOf(map, 'tp-web')).not.toHaveProperty('stage');
    moveNodes(map, { 'tp-web': { x: -400, y: 0 } });
    expect(nodeOf(map, 'tp-web')).not.toHaveProperty('stage');
  });

  it('moves nothing when a note’s position is bad or an id is unknown', () => {
    expectRefused(mapWithNote(), (m) => moveNodes(m, { 'tp-web': { x: 0, y: 0 }, 'note-1': { x: 0, y: Number.NaN } }), /finite/);
    expectRefused(mapWithNote(), (m) => moveNodes(m, { 'note-1': { x: -MAX_COORDINATE - 1, y: 0 } }), /within/);
    expectRefused(mapWithNote(), (m) => moveNodes(m, { 'note-1': { x: 0, y: 0 }, ghost: { x: 0, y: 0 } }), /no node "ghost"/);
  });
});

describe('removeNodes with sticky notes', () => {
  it('removes notes and no edges', () => {
    const map = mapWithNote();
    const { nodes, edges } = map;
    removeNodes(map, ['note-1']);
    expect(map.notes).toEqual([]);
    expect(map.nodes).toBe(nodes);
    expect(map.edges).toBe(edges);
  });

  it('removes notes and nodes, with the nodes’ edges, in one go', () => {
    const map = mapWithNote();
    addNote(map, { position: { x: 0, y: 0 }, id: 'note-2' });
    removeNodes(map, ['note-1', 'tp-checkout']);
    expect(map.notes.map((n) => n.id)).toEqual(['note-2']);
    expect(map.nodes.map((n) => n.id)).toEqual(['entry', 'tp-web', 'out-success', 'out-lost']);
    expect(map.edges.map((e) => e.id)).toEqual(['e-entry-web', 'e-web-lost']);
    expect(invariantProblems(map)).toEqual([]);
  });

  it('leaves the map as it was when no id matches', () => {
    const map = mapWithNote();
    const { notes, nodes, edges } = map;
    removeNodes(map, ['ghost']);
    expect(map.notes).toBe(notes);
    expect(map.nodes).toBe(nodes);
    expect(map.edges).toBe(edges);
  });
});
