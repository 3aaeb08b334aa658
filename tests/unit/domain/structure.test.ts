import fc from 'fast-check';
import { EditError } from '../../../src/domain/edits';
import { NODE_WIDTH, STAGE_MAX_WIDTH, STAGE_MIN_WIDTH, STAGE_WIDTH, STICKY_WIDTH, stageBands, stageForPosition } from '../../../src/domain/layout';
import {
  addChannel,
  addStage,
  MAX_NAME_LENGTH,
  moveStage,
  nodesInStage,
  nodesOnChannel,
  removeChannel,
  removeStage,
  renameChannel,
  renameStage,
  setChannelColour,
  setStageColour,
  setStageWidths,
  uniqueStageName,
} from '../../../src/domain/structure';
import type { JourneyMap, JourneyNode, Stage } from '../../../src/domain/types';
import { makeMap, makeNode, nodeOf, snapshot, xInBand, expectRefused, noteOf } from '../../support/maps';



const bandOf = (map: JourneyMap, id: string) => {
  const band = stageBands(map).find((b) => b.id === id);
  if (!band) throw new Error(`test map has no stage "${id}"`);
  return band;
};

/** Every node with a stage sits in that stage's band (and every node without one outside every band). */
function expectNodesInTheirBands(map: JourneyMap): void {
  for (const node of map.nodes) expect(stageForPosition(map, node.position), node.id).toBe(node.stage);
}

/**
 * The test map plus a node right of every band, one left of the first band, and a sticky note in the
 * first and the third band. Bands: awareness [0, 280), consideration [280, 560), purchase [560, 840),
 * retention [840, 1120), advocacy [1120, 1400).
 */
function mapWithOutliers(): JourneyMap {
  const base = makeMap();
  return makeMap({
    nodes: [
      ...base.nodes,
      makeNode({ id: 'tp-far', label: 'Far right', position: { x: 1500, y: 0 } }),
      makeNode({ id: 'tp-left', label: 'Far left', position: { x: -400, y: 0 } }),
    ],
    notes: [
      { id: 'note-a', text: 'In awareness', position: { x: 20, y: 300 } },
      { id: 'note-p', text: 'In purchase', position: { x: 600, y: 300 } },
    ],
  });
}

const xs = (map: JourneyMap, ids: string[]) =>
  Object.fromEntries(ids.map((id) => [id, (map.nodes.find((n) => n.id === id) ?? noteOf(map, id)).position.x]));

describe('addStage', () => {
  it('appends "New stage" at the end and moves nothing but what is right of every band', () => {
    const map = mapWithOutliers();
    const id = addStage(map);
    expect(id).toMatch(/^stage-/);
    expect(map.stages).toHaveLength(6);
    expect(map.stages[5]).toStrictEqual({ id, name: 'New stage' });
    expect(xs(map, ['entry', 'tp-web', 'tp-checkout', 'out-success', 'tp-left', 'note-a', 'note-p'])).toEqual({
      entry: xInBand(0), 'tp-web': xInBand(1), 'tp-checkout': xInBand(2), 'out-success': xInBand(3), 'tp-left': -400, 'note-a': 20, 'note-p': 600,
    });
    // The new band [1400, 1680) would otherwise swallow the node that sat right of every band.
    expect(nodeOf(map, 'tp-far').position).toEqual({ x: 1500 + STAGE_WIDTH, y: 0 });
    expectNodesInTheirBands(map);
  });

  it('names further stages "New stage 2", "New stage 3"', () => {
    const map = makeMap();
    addStage(map);
    addStage(map);
    expect(map.stages.slice(5).map((s) => s.name)).toEqual(['New stage', 'New stage 2']);
    expect(new Set(map.stages.map((s) => s.id)).size).toBe(7);
  });

  it('inserted after a stage, shifts the later bands’ nodes and notes right by its width and leaves earlier ones', () => {
    const map = mapWithOutliers();
    const id = addStage(map, { name: '  Onboarding ', after: 'consideration', colour: '#0f766e' });
    expect(map.stages.map((s) => s.id)).toEqual(['awareness', 'consideration', id, 'purchase', 'retention', 'advocacy']);
    expect(map.stages[2]).toStrictEqual({ id, name: 'Onboarding', colour: '#0f766e' });
    expect(xs(map, ['entry', 'tp-web', 'tp-checkout', 'out-success', 'out-lost', 'tp-far', 'tp-left', 'note-a', 'note-p'])).toEqual({
      entry: xInBand(0),
      'tp-web': xInBand(1),
      'tp-checkout': xInBand(2) + STAGE_WIDTH,
      'out-success': xInBand(3) + STAGE_WIDTH,
      'out-lost': xInBand(3) + STAGE_WIDTH,
      'tp-far': 1500 + STAGE_WIDTH,
      'tp-left': -400,
      'note-a': 20,
      'note-p': 600 + STAGE_WIDTH,
    });
    expect(nodeOf(map, 'out-lost').position.y).toBe(200);
    expect(nodesInStage(map, id)).toEqual([]);
    expectNodesInTheirBands(map);
  });

  it('shifts by the new band’s default width whatever the widths of its neighbours', () => {
    const map = makeMap();
    map.stages[0].width = 600;
    map.stages[1].width = 240;
    const web = nodeOf(map, 'tp-web');
    web.position = { x: 600 + 20, y: 0 };
    const checkout = nodeOf(map, 'tp-checkout');
    checkout.position = { x: 840 + 30, y: 0 };
    for (const id of ['out-success', 'out-lost']) nodeOf(map, id).position.x = 1120 + 45;
    addStage(map, { after: 'awareness', id: 'stage-new' });
    expect(bandOf(map, 'stage-new')).toMatchObject({ x: 600, width: STAGE_WIDTH });
    expect(web.position.x).toBe(600 + STAGE_WIDTH + 20);
    expect(checkout.position.x).toBe(840 + STAGE_WIDTH + 30);
    expect(nodeOf(map, 'entry').position.x).toBe(xInBand(0));
    expectNodesInTheirBands(map);
  });

  it('inserted after the last stage, goes at the end', () => {
    const map = makeMap();
    addStage(map, { after: 'advocacy', name: 'Win-back' });
    expect(map.stages.map((s) => s.name).at(-1)).toBe('Win-back');
    expectNodesInTheirBands(map);
  });

  it('accepts a name of exactly the maximum length', () => {
    const map = makeMap();
    addStage(map, { name: 'x'.repeat(MAX_NAME_LENGTH) });
    expect(map.stages.at(-1)?.name).toHaveLength(MAX_NAME_LENGTH);
  });

  it.each<[string, Parameters<typeof addStage>[1], RegExp]>([
    ['a blank name', { name: '   ' }, /needs a name/],
    ['an empty name', { name: '' }, /needs a name/],
    ['a name that is too long', { name: 'x'.repeat(MAX_NAME_LENGTH + 1) }, /at most 80 characters/],
    ['a name already used (whatever its case)', { name: ' PURCHASE ' }, /already a stage named "Purchase"/],
    ['an unknown stage to go after', { name: 'Later', after: 'ghost' }, /no stage "ghost"/],
    ['a colour in upper case', { name: 'Later', colour: '#0F766E' }, /#rrggbb/],
    ['a short colour', { name: 'Later', colour: '#fff' }, /#rrggbb/],
    ['a colour name', { name: 'Later', colour: 'red' }, /#rrggbb/],
    ['an id already used', { name: 'Later', id: 'purchase' }, /id "purchase" is already used/],
  ])('refuses %s and changes nothing', (_what, init, message) => {
    expectRefused(mapWithOutliers(), (m) => addStage(m, init), message);
  });
});

describe('uniqueStageName', () => {
  it('returns the base when free, else the first free numbered name, ignoring case', () => {
    expect(uniqueStageName({ stages: [] }, 'New stage')).toBe('New stage');
    expect(uniqueStageName({ stages: [{ id: 'a', name: 'new STAGE' }] }, 'New stage')).toBe('New stage 2');
    expect(
      uniqueStageName({ stages: [{ id: 'a', name: 'New stage' }, { id: 'b', name: 'New stage 2' }, { id: 'c', name: 'New stage 4' }] }, 'New stage'),
    ).toBe('New stage 3');
  });
});

describe('renameStage', () => {
  it('renames, trimming the name', () => {
    const map = makeMap();
    renameStage(map, 'purchase', '  Checkout ');
    expect(map.stages[2]).toStrictEqual({ id: 'purchase', name: 'Checkout' });
  });

  it('may change only the case of its own name', () => {
    const map = makeMap();
    renameStage(map, 'purchase', 'PURCHASE');
    expect(map.stages[2].name).toBe('PURCHASE');
  });

  it('keeps the map as it was when the name is the same', () => {
    const map = makeMap();
    const before = snapshot(map);
    renameStage(map, 'purchase', ' Purchase ');
    expect(map).toStrictEqual(before);
  });

  it.each<[string, string, string, RegExp]>([
    ['an unknown stage', 'ghost', 'Ghost', /no stage "ghost"/],
    ['a blank name', 'purchase', ' \t ', /needs a name/],
    ['a name that is too long', 'purchase', 'y'.repeat(MAX_NAME_LENGTH + 1), /at most 80 characters/],
    ['another stage’s name in another case', 'purchase', 'retention', /already a stage named "Retention"/],
  ])('refuses %s', (_what, id, name, message) => {
    expectRefused(makeMap(), (m) => renameStage(m, id, name), message);
  });
});

describe('setStageColour', () => {
  it('sets and clears a stage’s colour', () => {
    const map = makeMap();
    setStageColour(map, 'purchase', '#b91c1c');
    expect(map.stages[2]).toStrictEqual({ id: 'purchase', name: 'Purchase', colour: '#b91c1c' });
    setStageColour(map, 'purchase', undefined);
    expect(map.stages[2]).toStrictEqual({ id: 'purchase', name: 'Purchase' });
  });

  it('refuses a colour not written #rrggbb and an unknown stage', () => {
    expectRefused(makeMap(), (m) => setStageColour(m, 'purchase', '#B91C1C'), /#rrggbb/);
    expectRefused(makeMap(), (m) => setStageColour(m, 'purchase', 'b91c1c'), /#rrggbb/);
    expectRefused(makeMap(), (m) => setStageColour(m, 'ghost', '#b91c1c'), /no stage "ghost"/);
  });
});

describe('moveStage', () => {
  it('swaps two bands and moves both bands’ nodes and notes with them', () => {
    const map = mapWithOutliers();
    moveStage(map, 'consideration', 1);
    expect(map.stages.map((s) => s.id)).toEqual(['awareness', 'purchase', 'consideration', 'retention', 'advocacy']);
    expect(xs(map, ['entry', 'tp-web', 'tp-checkout', 'out-success', 'tp-far', 'tp-left', 'note-a', 'note-p'])).toEqual({
      entry: xInBand(0),
      'tp-web': xInBand(2),
      'tp-checkout': xInBand(1),
      'out-success': xInBand(3),
      'tp-far': 1500,
      'tp-left': -400,
      'note-a': 20,
      'note-p': 600 - STAGE_WIDTH,
    });
    expectNodesInTheirBands(map);
  });

  it('keeps every node’s place within its band when the bands differ in width', () => {
    const map = makeMap();
    map.stages[2].width = 600; // purchase [560, 1160), retention [1160, 1440)
    for (const id of ['out-success', 'out-lost']) nodeOf(map, id).position.x = 1160 + 60;
    nodeOf(map, 'tp-checkout').position.x = 560 + 400;
    const offsets = (m: JourneyMap) => Object.fromEntries(m.nodes.map((n) => [n.id, n.position.x - bandOf(m, n.stage as string).x]));
    const before = offsets(map);
    moveStage(map, 'purchase', -1);
    expect(map.stages.map((s) => s.id)).toEqual(['awareness', 'purchase', 'consideration', 'retention', 'advocacy']);
    expect(bandOf(map, 'purchase')).toMatchObject({ x: 280, width: 600 });
    expect(bandOf(map, 'consideration')).toMatchObject({ x: 880, width: STAGE_WIDTH });
    expect(offsets(map)).toEqual(before);
    expect(nodeOf(map, 'tp-checkout').position.x).toBe(280 + 400);
    expect(nodeOf(map, 'tp-web').position.x).toBe(880 + 45);
    expect(nodeOf(map, 'out-success').position.x).toBe(1160 + 60);
    expectNodesInTheirBands(map);
  });

  it('moved back, puts everything where it was', () => {
    const map = mapWithOutliers();
    const before = snapshot(map);
    moveStage(map, 'retention', -1);
    moveStage(map, 'retention', 1);
    expect(map).toStrictEqual(before);
  });

  it('refuses to move the first stage left, the last right, and an unknown stage', () => {
    expectRefused(mapWithOutliers(), (m) => moveStage(m, 'awareness', -1), /already the first stage/);
    expectRefused(mapWithOutliers(), (m) => moveStage(m, 'advocacy', 1), /already the last stage/);
    expectRefused(mapWithOutliers(), (m) => moveStage(m, 'ghost', 1), /no stage "ghost"/);
  });
});

describe('nodesInStage', () => {
  it('lists the nodes whose stage it is', () => {
    const map = makeMap();
    expect(nodesInStage(map, 'retention')).toEqual(['out-success', 'out-lost']);
    expect(nodesInStage(map, 'advocacy')).toEqual([]);
    expect(nodesInStage(map, 'ghost')).toEqual([]);
  });
});

describe('removeStage', () => {
  it('removes an empty stage and shifts the later bands’ nodes left (here: those right of every band)', () => {
    const map = mapWithOutliers();
    removeStage(map, 'advocacy');
    expect(map.stages.map((s) => s.id)).toEqual(['awareness', 'consideration', 'purchase', 'retention']);
    expect(nodeOf(map, 'tp-far').position.x).toBe(1500 - STAGE_WIDTH);
    expect(nodeOf(map, 'out-success').position.x).toBe(xInBand(3));
    expectNodesInTheirBands(map);
  });

  it('removes an empty stage in the middle and shifts later bands’ nodes and notes left by its width', () => {
    const map = mapWithOutliers();
    map.stages[1].width = 400;
    for (const id of ['tp-checkout', 'out-success', 'out-lost', 'note-p']) {
      const item = map.nodes.find((n) => n.id === id) ?? noteOf(map, id);
      item.position = { x: item.position.x + 120, y: item.position.y };
    }
    nodeOf(map, 'tp-web').stage = 'awareness';
    nodeOf(map, 'tp-web').position.x = xInBand(0);
    removeStage(map, 'consideration');
    expect(xs(map, ['entry', 'tp-web', 'tp-checkout', 'out-success', 'tp-far', 'note-a', 'note-p'])).toEqual({
      entry: xInBand(0),
      'tp-web': xInBand(0),
      'tp-checkout': xInBand(2) + 120 - 400,
      'out-success': xInBand(3) + 120 - 400,
      'tp-far': 1500 - 400,
      'note-a': 20,
      'note-p': 600 + 120 - 400,
    });
    expectNodesInTheirBands(map);
  });

  it('with moveNodesTo a later stage, puts the nodes in that band and shifts the later bands left', () => {
    const map = mapWithOutliers();
    removeStage(map, 'consideration', 'retention');
    expect(map.stages.map((s) => s.id)).toEqual(['awareness', 'purchase', 'retention', 'advocacy']);
    const web = nodeOf(map, 'tp-web');
    expect(web.stage).toBe('retention');
    const band = bandOf(map, 'retention');
    expect(web.position.x).toBeGreaterThanOrEqual(band.x);
    expect(web.position.x + NODE_WIDTH).toBeLessThanOrEqual(band.x + band.width);
    expect(web.position).toEqual({ x: band.x + 45, y: 0 }); // same place within the band
    expect(xs(map, ['entry', 'tp-checkout', 'out-success', 'tp-far', 'note-a', 'note-p'])).toEqual({
      entry: xInBand(0),
      'tp-checkout': xInBand(1),
      'out-success': xInBand(2),
      'tp-far': 1500 - STAGE_WIDTH,
      'note-a': 20,
      'note-p': 600 - STAGE_WIDTH,
    });
    expect(nodesInStage(map, 'retention')).toEqual(['tp-web', 'out-success', 'out-lost']);
    expectNodesInTheirBands(map);
  });

  it('with moveNodesTo an earlier stage, moves the nodes and the band’s notes there', () => {
    const map = mapWithOutliers();
    removeStage(map, 'purchase', 'awareness');
    const checkout = nodeOf(map, 'tp-checkout');
    expect(checkout).toMatchObject({ stage: 'awareness', position: { x: xInBand(0), y: 0 } });
    expect(noteOf(map, 'note-p').position).toEqual({ x: 40, y: 300 });
    expect(nodeOf(map, 'out-success').position.x).toBe(xInBand(2));
    expectNodesInTheirBands(map);
  });

  it('keeps a moved node inside a narrower target band', () => {
    const map = makeMap();
    map.stages[1].width = 800; // consideration [280, 1080)
    map.stages[0].width = STAGE_MIN_WIDTH; // awareness [0, 220), consideration [220, 1020)
    nodeOf(map, 'tp-web').position.x = 220 + 500;
    for (const id of ['tp-checkout']) nodeOf(map, id).position.x = 1020 + 45;
    for (const id of ['out-success', 'out-lost']) nodeOf(map, id).position.x = 1300 + 45;
    expectNodesInTheirBands(map);
    removeStage(map, 'consideration', 'awareness');
    const web = nodeOf(map, 'tp-web');
    expect(web.stage).toBe('awareness');
    expect(web.position.x).toBeGreaterThanOrEqual(0);
    expect(web.position.x + NODE_WIDTH).toBeLessThanOrEqual(STAGE_MIN_WIDTH);
    expectNodesInTheirBands(map);
  });

  it('refuses to delete the last stage', () => {
    const map = makeMap({ stages: [{ id: 'only', name: 'Only' }], nodes: [], edges: [] });
    expectRefused(map, (m) => removeStage(m, 'only'), /at least one stage/);
  });

  it('refuses to delete a stage holding nodes unless told where they go', () => {
    expectRefused(mapWithOutliers(), (m) => removeStage(m, 'retention'), /Stage "Retention" holds 2 nodes: choose where they go first/);
    expectRefused(mapWithOutliers(), (m) => removeStage(m, 'purchase'), /holds 1 node:/);
  });

  it.each<[string, string, string | undefined, RegExp]>([
    ['an unknown stage', 'ghost', undefined, /no stage "ghost"/],
    ['moving the nodes into the stage being deleted', 'retention', 'retention', /another stage/],
    ['moving the nodes into an unknown stage', 'retention', 'ghost', /no stage "ghost"/],
    ['an empty stage with an unknown target', 'advocacy', 'ghost', /no stage "ghost"/],
  ])('refuses %s', (_what, id, moveNodesTo, message) => {
    expectRefused(mapWithOutliers(), (m) => removeStage(m, id, moveNodesTo), message);
  });
});

describe('setStageWidths', () => {
  it('sets widths (rounded), clears a width equal to the default, and leaves other stages alone', () => {
    const map = makeMap();
    map.stages[3].width = 500;
    setStageWidths(map, { awareness: 400.4, consideration: STAGE_MIN_WIDTH, retention: STAGE_WIDTH, purchase: STAGE_MAX_WIDTH });
    expect(map.stages.map((s) => s.width)).toEqual([400, STAGE_MIN_WIDTH, STAGE_MAX_WIDTH, undefined, undefined]);
    expect(map.stages[3]).toStrictEqual({ id: 'retention', name: 'Retention' });
    expect(map.stages[4]).toStrictEqual({ id: 'advocacy', name: 'Advocacy' });
  });

  it('changes nothing, not even the stages array, when every width is what it was', () => {
    const map = makeMap();
    map.stages[1].width = 500;
    const { stages } = map;
    const before = snapshot(map);
    setStageWidths(map, {});
    setStageWidths(map, { awareness: STAGE_WIDTH, consideration: 500.2 });
    expect(map.stages).toBe(stages);
    expect(map).toStrictEqual(before);
  });

  it('does not touch a stage missing from the widths, whatever its id', () => {
    // Ids like "valueOf" are valid stage ids; `id in widths` would find Object.prototype's members.
    const map = makeMap({ stages: [{ id: 'valueOf', name: 'A' }, { id: 'toString', name: 'B' }, { id: 'c', name: 'C' }], nodes: [], edges: [] });
    setStageWidths(map, { c: 400 });
    expect(map.stages).toStrictEqual([{ id: 'valueOf', name: 'A' }, { id: 'toString', name: 'B' }, { id: 'c', name: 'C', width: 400 }]);
  });

  it('is reflected by stageBands even when the bands were read before', () => {
    const map = makeMap();
    expect(bandOf(map, 'consideration').x).toBe(STAGE_WIDTH);
    setStageWidths(map, { awareness: 500 });
    expect(bandOf(map, 'consideration')).toMatchObject({ x: 500, width: STAGE_WIDTH });
  });

  it.each<[string, Record<string, number>, RegExp]>([
    ['a width below the minimum', { awareness: STAGE_MIN_WIDTH - 0.5 }, /220 to 11200 pixels/],
    ['a width above the maximum', { awareness: STAGE_MAX_WIDTH + 1 }, /220 to 11200 pixels/],
    ['NaN', { awareness: Number.NaN }, /pixels wide/],
    ['Infinity', { awareness: Infinity }, /pixels wide/],
    ['an unknown stage', { ghost: 400 }, /no stage "ghost"/],
    ['one bad width among good ones', { awareness: 400, consideration: 0 }, /pixels wide/],
  ])('refuses %s and changes nothing', (_what, widths, message) => {
    expectRefused(makeMap(), (m) => setStageWidths(m, widths), message);
  });
});

describe('a sticky note’s band', () => {
  it('is the band under its centre, taking its default width to be STICKY_WIDTH', () => {
    // Left edge 182: centre 282 with the default width of 200, i.e. in consideration (from x = 280).
    const map = makeMap({ notes: [{ id: 'note-edge', text: 'on the line', position: { x: 280 - STICKY_WIDTH / 2 + 2, y: 300 } }] });
    addStage(map, { after: 'awareness', id: 'stage-new' });
    expect(noteOf(map, 'note-edge').position.x).toBe(282 - STICKY_WIDTH / 2 + STAGE_WIDTH);
  });
});

describe('addChannel', () => {
  it('adds a channel whose id is a slug of its name', () => {
    const map = makeMap();
    expect(addChannel(map, '  Front desk ', '#475569')).toBe('front-desk');
    expect(map.channels.at(-1)).toStrictEqual({ id: 'front-desk', name: 'Front desk', colour: '#475569' });
    expect(addChannel(map, 'SMS / Text')).toBe('sms-text');
    expect(map.channels.at(-1)).toStrictEqual({ id: 'sms-text', name: 'SMS / Text' });
  });

  it('falls back to a fresh id when the slug is empty, taken or reserved', () => {
    const map = makeMap();
    map.channels[0].name = 'Web'; // id "website" stays taken
    const ids = [addChannel(map, 'Website'), addChannel(map, '!!!'), addChannel(map, 'Constructor'), addChannel(map, '中文')];
    for (const id of ids) expect(id).toMatch(/^channel-/);
    expect(new Set(map.channels.map((c) => c.id)).size).toBe(map.channels.length);
  });

  it('uses a given id', () => {
    const map = makeMap();
    expect(addChannel(map, 'Kiosk', undefined, 'k1')).toBe('k1');
  });

  it.each<[string, string, string | undefined, string | undefined, RegExp]>([
    ['a blank name', '  ', undefined, undefined, /channel needs a name/],
    ['a name that is too long', 'z'.repeat(MAX_NAME_LENGTH + 1), undefined, undefined, /at most 80 characters/],
    ['a name already used (whatever its case)', 'WEBSITE', undefined, undefined, /already a channel named "Website"/],
    ['a bad colour', 'Kiosk', 'blue', undefined, /#rrggbb/],
    ['an id already used', 'Kiosk', undefined, 'phone', /id "phone" is already used/],
  ])('refuses %s', (_what, name, colour, id, message) => {
    expectRefused(makeMap(), (m) => addChannel(m, name, colour, id), message);
  });
});

describe('renameChannel and setChannelColour', () => {
  it('rename, trimming; a case change of its own name is fine', () => {
    const map = makeMap();
    renameChannel(map, 'website', ' Web shop ');
    expect(map.channels[0]).toStrictEqual({ id: 'website', name: 'Web shop', colour: '#1d4ed8' });
    renameChannel(map, 'phone', 'PHONE');
    expect(map.channels[3].name).toBe('PHONE');
  });

  it('set and clear a colour', () => {
    const map = makeMap();
    setChannelColour(map, 'website', '#b91c1c');
    expect(map.channels[0].colour).toBe('#b91c1c');
    setChannelColour(map, 'website', undefined);
    expect(map.channels[0]).toStrictEqual({ id: 'website', name: 'Website' });
  });

  it('refuse blank, long and duplicate names, unknown channels and bad colours', () => {
    expectRefused(makeMap(), (m) => renameChannel(m, 'website', ''), /needs a name/);
    expectRefused(makeMap(), (m) => renameChannel(m, 'website', 'w'.repeat(81)), /at most 80/);
    expectRefused(makeMap(), (m) => renameChannel(m, 'website', 'email'), /already a channel named "Email"/);
    expectRefused(makeMap(), (m) => renameChannel(m, 'fax', 'Fax'), /no channel "fax"/);
    expectRefused(makeMap(), (m) => setChannelColour(m, 'fax', '#b91c1c'), /no channel "fax"/);
    expectRefused(makeMap(), (m) => setChannelColour(m, 'website', '#b91c1'), /#rrggbb/);
  });
});

describe('removeChannel', () => {
  it('removes a channel no node uses', () => {
    const map = makeMap();
    removeChannel(map, 'social');
    expect(map.channels.map((c) => c.id)).toEqual(['website', 'mobile-app', 'store', 'phone', 'email', 'chat']);
  });

  it('lists and refuses to remove a channel in use without a replacement', () => {
    const map = makeMap();
    expect(nodesOnChannel(map, 'website')).toEqual(['tp-web', 'tp-checkout']);
    expectRefused(map, (m) => removeChannel(m, 'website'), /Channel "Website" is used by 2 nodes: choose a replacement first/);
  });

  it('moves its touchpoints to the replacement', () => {
    const map = makeMap();
    removeChannel(map, 'website', 'phone');
    expect(map.channels.some((c) => c.id === 'website')).toBe(false);
    expect(nodesOnChannel(map, 'phone')).toEqual(['tp-web', 'tp-checkout']);
  });

  it('with a null replacement, clears its touchpoints’ channel', () => {
    const map = makeMap();
    removeChannel(map, 'website', null);
    expect(nodeOf(map, 'tp-web')).not.toHaveProperty('channel');
    expect(nodeOf(map, 'tp-checkout')).not.toHaveProperty('channel');
    expect(map.channels).toHaveLength(6);
  });

  it.each<[string, string, string | null | undefined, RegExp]>([
    ['an unknown channel', 'fax', null, /no channel "fax"/],
    ['itself as replacement', 'website', 'website', /another channel/],
    ['an unknown replacement', 'website', 'fax', /no channel "fax"/],
    ['an unknown replacement for an unused channel', 'social', 'fax', /no channel "fax"/],
  ])('refuses %s', (_what, id, replacement, message) => {
    expectRefused(makeMap(), (m) => removeChannel(m, id, replacement), message);
  });
});

describe('every sequence of stage edits', () => {
  type StageOp = { op: 'add'; after: number | null } | { op: 'move'; index: number; direction: -1 | 1 } | { op: 'remove'; index: number; target: number };

  const opArb: fc.Arbitrary<StageOp> = fc.oneof(
    fc.record({ op: fc.constant('add' as const), after: fc.option(fc.nat(9), { nil: null }) }),
    fc.record({ op: fc.constant('move' as const), index: fc.nat(9), direction: fc.constantFrom(-1 as const, 1 as const) }),
    fc.record({ op: fc.constant('remove' as const), index: fc.nat(9), target: fc.nat(9) }),
  );

  /** A map with 1–5 stages of various widths, nodes inside their stages’ bands, and a few outside every band. */
  const mapArb = fc
    .record({
      widths: fc.array(fc.option(fc.integer({ min: STAGE_MIN_WIDTH, max: 900 }), { nil: undefined }), { minLength: 1, maxLength: 5 }),
      placed: fc.array(fc.record({ stage: fc.nat(4), offset: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.integer({ min: -500, max: 500 }) }), { maxLength: 10 }),
      right: fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 2 }),
      left: fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 2 }),
    })
    .map(({ widths, placed, right, left }) => {
      const stages: Stage[] = widths.map((width, i) => ({ id: `s${i}`, name: `Stage ${i}`, ...(width === undefined ? {} : { width }) }));
      const map = makeMap({ stages, nodes: [], edges: [], notes: [] });
      const bands = stageBands(map);
      const rightEdge = bands[bands.length - 1].x + bands[bands.length - 1].width;
      const nodes: JourneyNode[] = [
        ...placed.map((p, i) => {
          const band = bands[p.stage % bands.length];
          return makeNode({ id: `n${i}`, stage: band.id, position: { x: band.x + Math.round(p.offset * (band.width - NODE_WIDTH)), y: p.y } });
        }),
        ...right.map((dx, i) => makeNode({ id: `r${i}`, position: { x: rightEdge + dx, y: 0 } })),
        ...left.map((dx, i) => makeNode({ id: `l${i}`, position: { x: -NODE_WIDTH / 2 - dx, y: 0 } })),
      ];
      map.nodes = nodes;
      return map;
    });

  function apply(map: JourneyMap, op: StageOp): void {
    const n = map.stages.length;
    if (op.op === 'add') addStage(map, op.after === null ? {} : { after: map.stages[op.after % n].id });
    else if (op.op === 'move') moveStage(map, map.stages[op.index % n].id, op.direction);
    else {
      const id = map.stages[op.index % n].id;
      const target = map.stages[op.target % n].id;
      removeStage(map, id, target === id ? undefined : target);
    }
  }

  it('keeps every node in its stage’s band (and every stageless node outside the bands) and every node', () => {
    fc.assert(
      fc.property(mapArb, fc.array(opArb, { minLength: 1, maxLength: 12 }), (map, ops) => {
        expectNodesInTheirBands(map);
        const ids = map.nodes.map((n) => n.id);
        for (const op of ops) {
          const before = snapshot(map);
          try {
            apply(map, op);
          } catch (error) {
            if (!(error instanceof EditError)) throw error;
            expect(map).toStrictEqual(before);
          }
          expect(map.nodes.map((n) => n.id)).toEqual(ids);
          expect(map.stages.length).toBeGreaterThanOrEqual(1);
          for (const node of map.nodes) {
            expect(stageForPosition(map, node.position), `${node.id} after ${JSON.stringify(op)}`).toBe(node.stage);
            if (node.stage !== undefined) expect(map.stages.some((s) => s.id === node.stage)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
