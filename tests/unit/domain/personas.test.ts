import { produce } from 'immer';
import { createMap, MAX_WEIGHT, removeEdges, removeNodes } from '../../../src/domain/edits';
import {
  addPersona,
  edgeOverride,
  findPersona,
  nodeOverride,
  OVERRIDABLE,
  personaShares,
  personaView,
  removePersona,
  setEdgeOverride,
  setNodeOverride,
  updatePersona,
} from '../../../src/domain/personas';
import { COLOUR_PALETTE, type JourneyMap, type Persona } from '../../../src/domain/types';
import { formatProblem, validateMap } from '../../../src/format';
import { edgeOf, expectRefused, makeMap, makeMapWithPersonas, nodeOf, snapshot } from '../../support/maps';

function personaOf(map: JourneyMap, id: string): Persona {
  const persona = findPersona(map, id);
  if (!persona) throw new Error(`test map has no persona "${id}"`);
  return persona;
}

/** The map passes the file format's validation, with no warning: every reference resolves. */
function expectValid(map: JourneyMap): void {
  const result = validateMap(map);
  expect(result.ok ? result.warnings : result.problems.map(formatProblem)).toEqual([]);
}

describe('personaView: the one fallback rule', () => {
  it('is the map itself without a persona, for an id the map lacks, and for a persona with no overrides', () => {
    const map = makeMapWithPersonas();
    expect(personaView(map, null)).toBe(map);
    expect(personaView(map, undefined)).toBe(map);
    expect(personaView(map, 'persona-gone')).toBe(map);
    const plain = addPersona(map, { name: 'Browser' });
    expect(personaView(map, plain)).toBe(map);
  });

  it('writes in only the values the persona sets, and shares everything else with the map by identity', () => {
    const map = makeMapWithPersonas();
    const before = snapshot(map);
    const view = personaView(map, 'persona-new');
    expect(view).not.toBe(map);
    expect(map).toEqual(before);

    expect(nodeOf(view, 'entry')).toEqual({ ...nodeOf(map, 'entry'), share: 2 });
    expect(nodeOf(view, 'tp-web')).toEqual({ ...nodeOf(map, 'tp-web'), dropOff: 0.3, emotion: -1 });
    // tp-checkout: its drop-off is the persona's, its emotion (none) the map's.
    expect(nodeOf(view, 'tp-checkout')).toEqual({ ...nodeOf(map, 'tp-checkout'), dropOff: 0.4 });
    expect(nodeOf(view, 'tp-checkout')).not.toHaveProperty('emotion');
    expect(edgeOf(view, 'e-web-checkout')).toEqual({ ...edgeOf(map, 'e-web-checkout'), weight: 1 });

    for (const id of ['out-success', 'out-lost']) expect(nodeOf(view, id)).toBe(nodeOf(map, id));
    for (const id of ['e-entry-web', 'e-web-lost', 'e-checkout-success']) expect(edgeOf(view, id)).toBe(edgeOf(map, id));
    // An overridden node is a copy; what it holds besides the overridden values is the map's own.
    expect(nodeOf(view, 'tp-checkout').friction).toBe(nodeOf(map, 'tp-checkout').friction);
    expect(nodeOf(view, 'tp-web').scores).toBe(nodeOf(map, 'tp-web').scores);
    for (const key of ['stages', 'channels', 'notes', 'personas', 'opportunities'] as const) expect(view[key]).toBe(map[key]);
  });

  it('falls back field by field: each persona sees the map wherever it sets nothing', () => {
    const map = makeMapWithPersonas();
    const view = personaView(map, 'persona-loyal');
    expect(nodeOf(view, 'tp-checkout')).toEqual({ ...nodeOf(map, 'tp-checkout'), emotion: 1 });
    expect(nodeOf(view, 'tp-checkout')).not.toHaveProperty('dropOff');
    expect(nodeOf(view, 'tp-web')).toBe(nodeOf(map, 'tp-web'));
    expect(nodeOf(view, 'entry')).toBe(nodeOf(map, 'entry'));
    expect(edgeOf(view, 'e-web-lost').weight).toBe(0.5);
    expect(edgeOf(view, 'e-web-checkout')).toBe(edgeOf(map, 'e-web-checkout'));
  });

  it('applies a share only to entries, a drop-off to entries and touchpoints, an emotion only to touchpoints, whatever the data holds', () => {
    const map = makeMap({
      personas: [
        {
          id: 'p',
          name: 'Everything everywhere',
          share: 1,
          nodes: [
            { node: 'entry', share: 5, dropOff: 0.1, emotion: 2 },
            { node: 'tp-web', share: 5, dropOff: 0.2, emotion: -2 },
            { node: 'out-success', share: 5, dropOff: 0.3, emotion: -2 },
          ],
          edges: [],
        },
      ],
    });
    const view = personaView(map, 'p');
    expect(nodeOf(view, 'entry')).toEqual({ ...nodeOf(map, 'entry'), share: 5, dropOff: 0.1 });
    expect(nodeOf(view, 'tp-web')).toEqual({ ...nodeOf(map, 'tp-web'), dropOff: 0.2, emotion: -2 });
    expect(nodeOf(view, 'out-success')).toEqual(nodeOf(map, 'out-success'));
    expect(OVERRIDABLE).toEqual({ entry: ['share', 'dropOff'], touchpoint: ['dropOff', 'emotion'], outcome: [] });
  });

  it('reads one override at a time with nodeOverride and edgeOverride', () => {
    const map = makeMapWithPersonas();
    const persona = personaOf(map, 'persona-new');
    expect(nodeOverride(persona, 'tp-web', 'emotion')).toBe(-1);
    expect(nodeOverride(persona, 'tp-checkout', 'emotion')).toBeUndefined();
    expect(nodeOverride(undefined, 'tp-web', 'emotion')).toBeUndefined();
    expect(edgeOverride(persona, 'e-web-checkout')).toBe(1);
    expect(edgeOverride(persona, 'e-web-lost')).toBeUndefined();
  });
});

describe('personaShares', () => {
  it('normalises the personas’ shares to sum to 1, in the map’s order', () => {
    expect(personaShares(makeMapWithPersonas())).toEqual([0.75, 0.25]);
    expect(personaShares(makeMap())).toEqual([]);
  });
});

describe('addPersona', () => {
  it('adds a persona with a free name, share 1, a palette colour and no overrides', () => {
    const map = createMap();
    const first = addPersona(map);
    const second = addPersona(map);
    expect(map.personas).toEqual([
      { id: first, name: 'Persona 1', colour: COLOUR_PALETTE[1].hex, share: 1, nodes: [], edges: [] },
      { id: second, name: 'Persona 2', colour: COLOUR_PALETTE[2].hex, share: 1, nodes: [], edges: [] },
    ]);
    expect(first).not.toBe(second);
    updatePersona(map, first, { name: 'Persona 3' });
    removePersona(map, second);
    const third = addPersona(map);
    expect(personaOf(map, third).name).toBe('Persona 2');
  });

  it('takes a name, description, colour, share and id, trimming the texts', () => {
    const map = createMap();
    const id = addPersona(map, { id: 'persona-new', name: '  First-time buyer ', description: ' Never ordered before ', colour: '#15803d', share: 60 });
    expect(id).toBe('persona-new');
    expect(personaOf(map, id)).toEqual({
      id: 'persona-new', name: 'First-time buyer', description: 'Never ordered before', colour: '#15803d', share: 60, nodes: [], edges: [],
    });
    expectValid(map);
  });

  it.each<[string, Parameters<typeof addPersona>[1], RegExp]>([
    ['a share of 0', { share: 0 }, /share must be above 0 and at most 1,000,000,000/],
    ['a negative share', { share: -1 }, /share must be above 0/],
    ['a share above 1e9', { share: MAX_WEIGHT * 1.000001 }, /at most 1,000,000,000/],
    ['a share of NaN', { share: NaN }, /share must be above 0/],
    ['an infinite share', { share: Infinity }, /share must be above 0/],
    ['a blank name', { name: '   ' }, /needs a name/],
    ['a name over 80 characters', { name: 'x'.repeat(81) }, /at most 80 characters/],
    ['a name another persona has, in other case and spaces', { name: ' first-time BUYER ' }, /already a persona called "first-time BUYER"/],
    ['an id already used', { id: 'persona-loyal' }, /The id "persona-loyal" is already used/],
    ['a colour not written #rrggbb', { colour: '#C2410C' }, /#rrggbb/],
  ])('refuses %s', (_what, init, message) => {
    expectRefused(makeMapWithPersonas(), (map) => addPersona(map, init), message);
  });

  it('accepts a share of exactly 1e9', () => {
    const map = makeMap();
    expect(personaOf(map, addPersona(map, { share: MAX_WEIGHT })).share).toBe(MAX_WEIGHT);
  });
});

describe('updatePersona', () => {
  it('renames (its own name in another case too), changes the share, clears colour and description', () => {
    const map = makeMapWithPersonas();
    updatePersona(map, 'persona-new', { name: 'FIRST-TIME BUYER', share: 2, description: 'New here' });
    expect(personaOf(map, 'persona-new')).toMatchObject({ name: 'FIRST-TIME BUYER', share: 2, description: 'New here' });
    updatePersona(map, 'persona-new', { colour: undefined, description: '  ' });
    expect(personaOf(map, 'persona-new')).not.toHaveProperty('colour');
    expect(personaOf(map, 'persona-new')).not.toHaveProperty('description');
    expectValid(map);
  });

  it.each<[string, string, Parameters<typeof updatePersona>[2], RegExp]>([
    ['another persona’s name', 'persona-loyal', { name: 'first-time buyer' }, /already a persona called "first-time buyer"/],
    ['a blank name', 'persona-loyal', { name: '' }, /needs a name/],
    ['a share of 0', 'persona-loyal', { share: 0 }, /share must be above 0/],
    ['a share above 1e9', 'persona-loyal', { share: 2e9 }, /at most 1,000,000,000/],
    ['a bad colour', 'persona-loyal', { colour: 'teal' }, /#rrggbb/],
    ['a persona the map lacks', 'persona-gone', { share: 2 }, /There is no persona "persona-gone"/],
  ])('refuses %s', (_what, id, patch, message) => {
    expectRefused(makeMapWithPersonas(), (map) => updatePersona(map, id, patch), message);
  });
});

describe('removePersona', () => {
  it('removes the persona and its overrides; an unknown id changes nothing', () => {
    const map = makeMapWithPersonas();
    removePersona(map, 'persona-new');
    expect(map.personas.map((p) => p.id)).toEqual(['persona-loyal']);
    const before = snapshot(map);
    removePersona(map, 'persona-gone');
    expect(map).toEqual(before);
    expectValid(map);
  });
});

describe('setNodeOverride', () => {
  it('sets each field a node’s kind allows, one override per node', () => {
    const map = makeMapWithPersonas();
    setNodeOverride(map, 'persona-loyal', 'entry', 'share', 4);
    setNodeOverride(map, 'persona-loyal', 'entry', 'dropOff', 0);
    setNodeOverride(map, 'persona-loyal', 'tp-checkout', 'dropOff', 0.999);
    setNodeOverride(map, 'persona-loyal', 'tp-checkout', 'emotion', -2);
    expect(personaOf(map, 'persona-loyal').nodes).toEqual([
      { node: 'tp-checkout', emotion: -2, dropOff: 0.999 },
      { node: 'entry', share: 4, dropOff: 0 },
    ]);
    expect(nodeOf(personaView(map, 'persona-loyal'), 'tp-checkout')).toMatchObject({ emotion: -2, dropOff: 0.999 });
    expectValid(map);
  });

  it.each<[string, string, Parameters<typeof setNodeOverride>[3], number, RegExp]>([
    ['a share of 0', 'entry', 'share', 0, /share must be above 0/],
    ['a negative share', 'entry', 'share', -2, /share must be above 0/],
    ['a share above 1e9', 'entry', 'share', 1e9 + 1, /at most 1,000,000,000/],
    ['a drop-off of 1', 'tp-web', 'dropOff', 1, /Drop-off must be at least 0 and below 1/],
    ['a drop-off above 1', 'tp-web', 'dropOff', 1.5, /Drop-off must be at least 0 and below 1/],
    ['a negative drop-off', 'entry', 'dropOff', -0.1, /Drop-off must be at least 0 and below 1/],
    ['a drop-off of NaN', 'tp-web', 'dropOff', NaN, /Drop-off/],
    ['an emotion of 3', 'tp-web', 'emotion', 3, /Emotion must be a whole number from -2 to 2/],
    ['an emotion of -3', 'tp-web', 'emotion', -3, /Emotion must be a whole number from -2 to 2/],
    ['a fractional emotion', 'tp-web', 'emotion', 0.5, /Emotion/],
    ['a share on a touchpoint', 'tp-web', 'share', 2, /cannot override the share of a touchpoint/],
    ['an emotion on an entry', 'entry', 'emotion', 1, /cannot override the emotion of an entry/],
    ['a drop-off on an outcome', 'out-lost', 'dropOff', 0.1, /cannot override the drop-off of an outcome/],
    ['an emotion on an outcome', 'out-success', 'emotion', 1, /cannot override the emotion of an outcome/],
    ['a node the map lacks', 'tp-gone', 'dropOff', 0.1, /There is no node "tp-gone"/],
  ])('refuses %s', (_what, node, field, value, message) => {
    expectRefused(makeMapWithPersonas(), (map) => setNodeOverride(map, 'persona-new', node, field, value), message);
  });

  it('refuses a persona the map lacks', () => {
    expectRefused(makeMapWithPersonas(), (map) => setNodeOverride(map, 'persona-gone', 'tp-web', 'dropOff', 0.1), /There is no persona "persona-gone"/);
  });

  it('with undefined resets one field to the map’s value, keeping the override’s others', () => {
    const map = makeMapWithPersonas();
    setNodeOverride(map, 'persona-new', 'tp-web', 'emotion', undefined);
    expect(personaOf(map, 'persona-new').nodes).toContainEqual({ node: 'tp-web', dropOff: 0.3 });
    expect(nodeOf(personaView(map, 'persona-new'), 'tp-web')).toEqual({ ...nodeOf(map, 'tp-web'), dropOff: 0.3 });
  });

  it('with undefined removes an override left with no field, so the persona sees the map’s node itself', () => {
    const map = makeMapWithPersonas();
    setNodeOverride(map, 'persona-new', 'tp-checkout', 'dropOff', undefined);
    expect(personaOf(map, 'persona-new').nodes.map((o) => o.node)).toEqual(['entry', 'tp-web']);
    expect(nodeOf(personaView(map, 'persona-new'), 'tp-checkout')).toBe(nodeOf(map, 'tp-checkout'));
    expectValid(map);
  });

  it('resetting what is not set changes nothing (and gives immer no new map)', () => {
    const map = makeMapWithPersonas();
    const unchanged = produce(map, (draft) => {
      setNodeOverride(draft, 'persona-new', 'tp-checkout', 'emotion', undefined);
      setNodeOverride(draft, 'persona-new', 'out-lost', 'dropOff', undefined);
    });
    expect(unchanged).toBe(map);
  });
});

describe('setEdgeOverride', () => {
  it('sets, replaces and (with undefined) removes a persona’s weight for an edge', () => {
    const map = makeMapWithPersonas();
    setEdgeOverride(map, 'persona-new', 'e-web-lost', 2);
    setEdgeOverride(map, 'persona-new', 'e-web-checkout', 5);
    expect(personaOf(map, 'persona-new').edges).toEqual([
      { edge: 'e-web-checkout', weight: 5 },
      { edge: 'e-web-lost', weight: 2 },
    ]);
    setEdgeOverride(map, 'persona-new', 'e-web-checkout', undefined);
    expect(personaOf(map, 'persona-new').edges).toEqual([{ edge: 'e-web-lost', weight: 2 }]);
    expect(edgeOf(personaView(map, 'persona-new'), 'e-web-checkout')).toBe(edgeOf(map, 'e-web-checkout'));
    expectValid(map);
  });

  it.each<[string, string, number, RegExp]>([
    ['a weight of 0', 'e-web-lost', 0, /Weight must be above 0/],
    ['a weight above 1e9', 'e-web-lost', 1e10, /at most 1,000,000,000/],
    ['an edge the map lacks', 'e-gone', 1, /There is no edge "e-gone"/],
  ])('refuses %s', (_what, edge, weight, message) => {
    expectRefused(makeMapWithPersonas(), (map) => setEdgeOverride(map, 'persona-new', edge, weight), message);
  });
});

describe('removing what a persona overrides', () => {
  it('removing a node drops every persona’s override of it and of the edges that went with it; the map still validates', () => {
    const map = makeMapWithPersonas();
    removeNodes(map, ['tp-checkout']);
    expect(personaOf(map, 'persona-new').nodes.map((o) => o.node)).toEqual(['entry', 'tp-web']);
    expect(personaOf(map, 'persona-new').edges).toEqual([]);
    expect(personaOf(map, 'persona-loyal').nodes).toEqual([]);
    expect(personaOf(map, 'persona-loyal').edges).toEqual([{ edge: 'e-web-lost', weight: 0.5 }]);
    expectValid(map);
  });

  it('removing an edge drops every persona’s weight for it; the map still validates', () => {
    const map = makeMapWithPersonas();
    removeEdges(map, ['e-web-lost']);
    expect(personaOf(map, 'persona-loyal').edges).toEqual([]);
    expect(personaOf(map, 'persona-new').edges).toEqual([{ edge: 'e-web-checkout', weight: 1 }]);
    expectValid(map);
  });

  it('leaves the override lists as they were (the same arrays) when nothing they name goes', () => {
    const map = makeMapWithPersonas();
    const next = produce(map, (draft) => removeNodes(draft, ['out-success']));
    expect(next.personas[0].nodes).toBe(map.personas[0].nodes);
    expect(next.personas[1]).toBe(map.personas[1]);
    expectValid(next);
  });
});
