import { allIds, createMap, EditError, invariantProblems, MAX_COORDINATE } from '../../../src/domain/edits';
import { extractFragment, pasteFragment } from '../../../src/domain/fragments';
import { stageBands, stageForPosition } from '../../../src/domain/layout';
import type { JourneyMap, JourneyNode } from '../../../src/domain/types';
import { FORMAT_VERSION } from '../../../src/format/constants';
import { importMapText } from '../../../src/format/import';
import { formatProblem } from '../../../src/format/problems';
import { validateMap } from '../../../src/format/validate';
import { makeMap, makeNode, nodeOf, snapshot, xInBand } from '../../support/maps';

/** The test map with two sticky notes. */
const mapWithNotes = () =>
  makeMap({
    notes: [
      { id: 'note-1', text: 'Ask the team', position: { x: 300, y: 400 } },
      { id: 'note-2', text: 'Unrelated', position: { x: 900, y: 400 }, width: 300 },
    ],
  });

function expectSound(map: JourneyMap): void {
  expect(invariantProblems(map)).toEqual([]);
  const result = validateMap(map);
  expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
}

const pastedNode = (map: JourneyMap, ids: string[], label: string): JourneyNode => {
  const node = map.nodes.find((n) => ids.includes(n.id) && n.label === label);
  if (!node) throw new Error(`no pasted node labelled "${label}"`);
  return node;
};

const bandX = (map: JourneyMap, stage: string) => {
  const band = stageBands(map).find((b) => b.id === stage);
  if (!band) throw new Error(`no stage "${stage}"`);
  return band.x;
};

describe('extractFragment', () => {
  it('is null when nothing (or only unknown ids or edges) is selected', () => {
    const map = mapWithNotes();
    expect(extractFragment(map, [])).toBeNull();
    expect(extractFragment(map, ['ghost', 'e-web-lost'])).toBeNull();
  });

  it('holds the selected nodes and notes, only the edges between them, the channels in use and every stage', () => {
    const map = mapWithNotes();
    const fragment = extractFragment(map, ['tp-web', 'tp-checkout', 'out-success', 'note-1', 'ghost']);
    expect(fragment).not.toBeNull();
    const f = fragment as JourneyMap;
    expect(f.nodes).toEqual([nodeOf(map, 'tp-web'), nodeOf(map, 'tp-checkout'), nodeOf(map, 'out-success')]);
    expect(f.edges.map((e) => e.id)).toEqual(['e-web-checkout', 'e-checkout-success']);
    expect(f.edges[0]).toEqual(map.edges[1]);
    expect(f.notes).toEqual([map.notes[0]]);
    expect(f.channels).toEqual([{ id: 'website', name: 'Website', colour: '#1d4ed8' }]);
    expect(f.stages).toEqual(map.stages);
    expect(f.id).toBe(map.id);
    expect(f.name).toBe(map.name);
    expectSound(f);
  });

  it('holds only notes when only notes are selected, and no channel for nodes without one', () => {
    const map = mapWithNotes();
    expect(extractFragment(map, ['note-2'])).toMatchObject({ nodes: [], edges: [], notes: [map.notes[1]], channels: [] });
    expect(extractFragment(map, ['entry', 'out-lost'])).toMatchObject({ edges: [], channels: [] });
  });

  it('is a copy: changing it leaves the map alone', () => {
    const map = mapWithNotes();
    const before = snapshot(map);
    const f = extractFragment(map, ['tp-checkout', 'tp-web', 'note-1']) as JourneyMap;
    f.nodes[1].friction[0].note = 'changed';
    f.nodes[0].position.x = 9999;
    f.edges[0].weight = 42;
    f.notes[0].text = 'changed';
    f.stages[0].name = 'changed';
    f.channels[0].name = 'changed';
    expect(map).toStrictEqual(before);
  });
});

describe('pasteFragment into the same map', () => {
  const copy = () => {
    const map = mapWithNotes();
    const fragment = extractFragment(map, ['tp-web', 'tp-checkout', 'out-success', 'note-1']) as JourneyMap;
    return { map, fragment };
  };

  it('adds the nodes, notes and the edges between them under new ids, offset', () => {
    const { map, fragment } = copy();
    const takenBefore = allIds(map);
    const before = snapshot(map);
    const { ids, addedChannels } = pasteFragment(map, fragment, { x: 0, y: 300 });
    expect(addedChannels).toEqual([]);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(takenBefore.has(id)).toBe(false);
    // What was there is untouched; the pasted elements come after it.
    expect(map.nodes.slice(0, 5)).toEqual(before.nodes);
    expect(map.edges.slice(0, 4)).toEqual(before.edges);
    expect(map.notes.slice(0, 2)).toEqual(before.notes);
    expect(map.nodes.slice(5).map((n) => n.id)).toEqual(ids.slice(0, 3));
    expect(map.notes.slice(2).map((n) => n.id)).toEqual(ids.slice(3));
    expect(map.stages).toEqual(before.stages);
    expect(map.channels).toEqual(before.channels);

    const web = pastedNode(map, ids, 'Product page');
    const checkout = pastedNode(map, ids, 'Checkout');
    const success = pastedNode(map, ids, 'Order placed');
    expect(web).toEqual({ ...nodeOf(before, 'tp-web'), id: web.id, position: { x: xInBand(1), y: 300 } });
    expect(checkout).toEqual({ ...nodeOf(before, 'tp-checkout'), id: checkout.id, position: { x: xInBand(2), y: 300 } });
    expect(success).toMatchObject({ stage: 'retention', result: 'success', position: { x: xInBand(3), y: 300 } });
    expect(web.id).toMatch(/^tp-/);
    expect(success.id).toMatch(/^outcome-/);

    const newEdges = map.edges.slice(4);
    expect(newEdges.map(({ source, target, weight, label }) => ({ source, target, weight, label }))).toEqual([
      { source: web.id, target: checkout.id, weight: 3, label: 'Add to cart' },
      { source: checkout.id, target: success.id, weight: 1, label: undefined },
    ]);
    expect(newEdges[1]).not.toHaveProperty('label');
    for (const edge of newEdges) expect(takenBefore.has(edge.id)).toBe(false);
    expect(map.notes[2]).toEqual({ id: ids[3], text: 'Ask the team', position: { x: 300, y: 700 } });
    expectSound(map);
  });

  it('pasted twice, still collides with nothing', () => {
    const { map, fragment } = copy();
    const first = pasteFragment(map, fragment, { x: 40, y: 40 });
    const second = pasteFragment(map, fragment, { x: 80, y: 80 });
    expect(first.ids.filter((id) => second.ids.includes(id))).toEqual([]);
    expect(map.nodes).toHaveLength(11);
    expect(map.edges).toHaveLength(8);
    expect(map.notes).toHaveLength(4);
    expectSound(map);
  });

  it('sets each node’s stage from where it lands', () => {
    const { map, fragment } = copy();
    const { ids } = pasteFragment(map, fragment, { x: 280, y: 0 });
    expect(pastedNode(map, ids, 'Product page').stage).toBe('purchase');
    expect(pastedNode(map, ids, 'Order placed').stage).toBe('advocacy');
    const far = pasteFragment(map, fragment, { x: 5000, y: 0 });
    for (const id of far.ids.slice(0, 3)) expect(nodeOf(map, id)).not.toHaveProperty('stage');
    for (const node of map.nodes) expect(stageForPosition(map, node.position)).toBe(node.stage);
    expectSound(map);
  });

  it('does not share objects with the fragment', () => {
    const { map, fragment } = copy();
    const kept = snapshot(fragment);
    const { ids } = pasteFragment(map, fragment, { x: 0, y: 300 });
    expect(fragment).toStrictEqual(kept);
    pastedNode(map, ids, 'Checkout').friction[0].note = 'changed';
    expect(fragment.nodes[1].friction[0].note).toBe('Payment form is long');
  });
});

describe('pasteFragment into another map', () => {
  const fragment = () => extractFragment(mapWithNotes(), ['tp-web', 'tp-checkout', 'note-1']) as JourneyMap;

  it('keeps a stage by id, placing the node at the same offset within that stage’s band wherever the band is', () => {
    const target = createMap({
      id: 'other',
      stages: [
        { id: 'intro', name: 'Intro', width: 400 },
        { id: 'purchase', name: 'Purchase' },
        { id: 'consideration', name: 'Consideration', width: 500 },
      ],
    });
    const { ids } = pasteFragment(target, fragment(), { x: 0, y: 0 });
    const web = pastedNode(target, ids, 'Product page');
    const checkout = pastedNode(target, ids, 'Checkout');
    expect(web.stage).toBe('consideration');
    expect(web.position.x - bandX(target, 'consideration')).toBe(xInBand(1) - 280);
    expect(checkout.stage).toBe('purchase');
    expect(checkout.position.x - bandX(target, 'purchase')).toBe(xInBand(2) - 560);
    expectSound(target);
  });

  it('maps a stage by name (whatever its case) when the ids differ, at the same offset within the band', () => {
    const target = createMap({
      id: 'other',
      stages: [
        { id: 's-1', name: 'Discover', width: 600 },
        { id: 's-2', name: 'PURCHASE', width: 300 },
        { id: 's-3', name: 'consideration' },
      ],
    });
    const { ids, addedChannels } = pasteFragment(target, fragment(), { x: 10, y: 50 });
    expect(addedChannels).toEqual([]); // createMap's default channels include "Website"
    const web = pastedNode(target, ids, 'Product page');
    const checkout = pastedNode(target, ids, 'Checkout');
    expect(web).toMatchObject({ stage: 's-3', position: { x: 900 + 45 + 10, y: 50 } });
    expect(checkout).toMatchObject({ stage: 's-2', position: { x: 600 + 45 + 10, y: 50 } });
    expect(target.stages.map((s) => s.id)).toEqual(['s-1', 's-2', 's-3']);
    expectSound(target);
  });

  it('keeps the position of a node whose stage the map lacks, taking its stage from there', () => {
    const target = createMap({ id: 'other', stages: [{ id: 'only', name: 'Only', width: 2000 }] });
    const { ids } = pasteFragment(target, fragment(), { x: 0, y: 0 });
    expect(pastedNode(target, ids, 'Product page')).toMatchObject({ stage: 'only', position: { x: xInBand(1), y: 0 } });
    expectSound(target);
  });

  it('adds a channel the map lacks and reports it', () => {
    const target = createMap({ id: 'other', channels: [{ id: 'phone', name: 'Phone' }] });
    const { ids, addedChannels } = pasteFragment(target, fragment(), { x: 0, y: 0 });
    expect(addedChannels).toEqual(['Website']);
    expect(target.channels).toEqual([{ id: 'phone', name: 'Phone' }, { id: 'website', name: 'Website', colour: '#1d4ed8' }]);
    expect(pastedNode(target, ids, 'Product page').channel).toBe('website');
    expectSound(target);
  });

  it('adds a channel under a fresh id when its id is taken by a channel of another name', () => {
    const target = createMap({ id: 'other', channels: [{ id: 'website', name: 'Web chat' }] });
    const { ids, addedChannels } = pasteFragment(target, fragment(), { x: 0, y: 0 });
    expect(addedChannels).toEqual(['Website']);
    const added = target.channels[1];
    expect(added).toMatchObject({ name: 'Website', colour: '#1d4ed8' });
    expect(added.id).toMatch(/^channel-/);
    expect(pastedNode(target, ids, 'Product page').channel).toBe(added.id);
    expect(pastedNode(target, ids, 'Checkout').channel).toBe(added.id);
    expectSound(target);
  });

  it('matches an existing channel by name (whatever its case and id)', () => {
    const target = createMap({ id: 'other', channels: [{ id: 'web', name: 'WEBSITE' }] });
    const { ids, addedChannels } = pasteFragment(target, fragment(), { x: 0, y: 0 });
    expect(addedChannels).toEqual([]);
    expect(target.channels).toEqual([{ id: 'web', name: 'WEBSITE' }]);
    expect(pastedNode(target, ids, 'Product page').channel).toBe('web');
    expectSound(target);
  });

  it('drops a channel the fragment does not define', () => {
    const f = fragment();
    f.channels = [];
    const target = createMap({ id: 'other' });
    const { ids } = pasteFragment(target, f, { x: 0, y: 0 });
    expect(pastedNode(target, ids, 'Product page')).not.toHaveProperty('channel');
    expectSound(target);
  });

  it('keeps friction notes, giving duplicate friction ids within a node fresh ones', () => {
    const f = fragment();
    f.nodes[1].friction.push({ id: 'f-long-form', note: 'Same id', severity: 2 });
    const target = createMap({ id: 'other' });
    const { ids } = pasteFragment(target, f, { x: 0, y: 0 });
    const friction = pastedNode(target, ids, 'Checkout').friction;
    expect(friction.map((x) => x.note)).toEqual(['Payment form is long', 'Old coupon bug', 'Same id']);
    expect(new Set(friction.map((x) => x.id)).size).toBe(3);
    expectSound(target);
  });
});

describe('pasteFragment near the edge of the canvas', () => {
  it('never leaves a map the file format refuses: it refuses the paste or keeps every position in range', () => {
    const map = mapWithNotes();
    const far = mapWithNotes();
    far.nodes = [makeNode({ id: 'tp-edge', position: { x: MAX_COORDINATE, y: MAX_COORDINATE } })];
    far.edges = [];
    far.notes = [{ id: 'note-edge', text: '', position: { x: -MAX_COORDINATE, y: 0 } }];
    const before = snapshot(map);
    try {
      pasteFragment(map, far, { x: 40, y: 40 });
    } catch (error) {
      expect(error).toBeInstanceOf(EditError);
      expect(map).toStrictEqual(before);
      return;
    }
    expectSound(map);
    pasteFragment(map, far, { x: -40, y: -40 });
    expectSound(map);
  });
});

describe('the clipboard round trip', () => {
  it('a fragment written as a map file imports and pastes into another map', () => {
    const source = mapWithNotes();
    source.nodes.push(makeNode({ id: 'tp-call', label: 'Call', channel: 'phone', stage: 'purchase', position: { x: xInBand(2), y: 200 } }));
    source.edges.push({ id: 'e-web-call', source: 'tp-web', target: 'tp-call', weight: 0.5 });
    const fragment = extractFragment(source, ['tp-web', 'tp-checkout', 'tp-call', 'note-1']) as JourneyMap;
    const text = JSON.stringify({ format: 'journey-map', version: FORMAT_VERSION, ...fragment });
    const imported = importMapText(text);
    if (!imported.ok) throw new Error(imported.problems.map(formatProblem).join('\n'));
    expect(imported.warnings).toEqual([]);
    expect(imported.map).toEqual(fragment);

    const target = createMap({
      id: 'other',
      stages: [{ id: 'x-consideration', name: 'Consideration' }, { id: 'x-purchase', name: 'Purchase', width: 500 }],
      channels: [{ id: 'web', name: 'website' }],
    });
    const { ids, addedChannels } = pasteFragment(target, imported.map, { x: 0, y: 0 });
    expect(addedChannels).toEqual(['Phone']);
    expect(ids).toHaveLength(4);
    expect(target.nodes.map((n) => [n.label, n.stage, n.channel, n.position.x])).toEqual([
      ['Product page', 'x-consideration', 'web', 45],
      ['Checkout', 'x-purchase', 'web', 280 + 45],
      ['Call', 'x-purchase', 'phone', 280 + 45],
    ]);
    expect(target.edges).toHaveLength(2);
    expectSound(target);
  });
});
