import { produce } from 'immer';
import { addFriction, removeFriction, removeNodes } from '../../../src/domain/edits';
import {
  addOpportunity,
  addressedNotes,
  isOpen,
  MAX_TITLE_LENGTH,
  openAddressedNotes,
  openOpportunityCount,
  removeOpportunity,
  setOpportunityStatus,
  updateOpportunity,
  withNotesResolved,
  type NewOpportunity,
  type OpportunityPatch,
} from '../../../src/domain/opportunities';
import type { JourneyMap, Opportunity } from '../../../src/domain/types';
import { formatProblem, validateMap } from '../../../src/format';
import { expectRefused, makeMapWithPersonas, nodeOf, snapshot } from '../../support/maps';

function opportunityOf(map: JourneyMap, id: string): Opportunity {
  const found = map.opportunities.find((o) => o.id === id);
  if (!found) throw new Error(`test map has no opportunity "${id}"`);
  return found;
}

function expectValid(map: JourneyMap): void {
  const result = validateMap(map);
  expect(result.ok ? result.warnings : result.problems.map(formatProblem)).toEqual([]);
}

/** Which friction notes are resolved, per node: { 'tp-checkout': ['f-old'], ... }. */
function resolvedNotes(map: JourneyMap): Record<string, string[]> {
  return Object.fromEntries(map.nodes.map((n) => [n.id, n.friction.filter((f) => f.resolved).map((f) => f.id)]).filter(([, ids]) => ids.length > 0));
}

/** The test map with a second open note at tp-web (severity 2) and one at the entry. */
function mapWithMoreFriction(): JourneyMap {
  const map = makeMapWithPersonas();
  addFriction(map, 'tp-web', 'Size guide hard to find', 2, 'f-sizes');
  addFriction(map, 'tp-web', 'Photos load slowly', 1, 'f-photos');
  addFriction(map, 'entry', 'Ad promises free delivery', 3, 'f-ad');
  return map;
}

describe('addOpportunity', () => {
  it('adds an idea of medium effort by default, trimming its texts', () => {
    const map = makeMapWithPersonas();
    const id = addOpportunity(map, { title: '  Saved cards ', description: ' Let customers keep a card ', owner: ' Payments ' });
    expect(opportunityOf(map, id)).toEqual({
      id, title: 'Saved cards', description: 'Let customers keep a card', owner: 'Payments', status: 'idea', effort: 'M', touchpoints: [], friction: [],
    });
    expect(addOpportunity(map, { title: 'Blank texts', description: ' ', owner: '' })).not.toBe(id);
    expect(map.opportunities.at(-1)).not.toHaveProperty('description');
    expect(map.opportunities.at(-1)).not.toHaveProperty('owner');
    expectValid(map);
  });

  it('adds the touchpoint of each friction note it names to its touchpoints, each note and touchpoint once', () => {
    const map = mapWithMoreFriction();
    const id = addOpportunity(map, {
      id: 'opp-new',
      title: 'Fix the entry and the page',
      status: 'planned',
      effort: 'L',
      touchpoints: ['entry'],
      friction: [{ node: 'tp-web', note: 'f-sizes' }, { node: 'tp-web', note: 'f-sizes' }, { node: 'entry', note: 'f-ad' }],
    });
    expect(id).toBe('opp-new');
    expect(opportunityOf(map, id)).toMatchObject({
      touchpoints: ['entry', 'tp-web'],
      friction: [{ node: 'tp-web', note: 'f-sizes' }, { node: 'entry', note: 'f-ad' }],
    });
    expectValid(map);
  });

  it.each<[string, NewOpportunity, RegExp]>([
    ['a blank title', { title: '   ' }, /needs a title/],
    ['a title over 200 characters', { title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }, /at most 200 characters/],
    ['a touchpoint the map lacks', { title: 'T', touchpoints: ['tp-gone'] }, /There is no touchpoint "tp-gone"/],
    ['an outcome', { title: 'T', touchpoints: ['out-lost'] }, /"Leaves" is an outcome; an opportunity addresses touchpoints/],
    ['a friction note the map lacks', { title: 'T', friction: [{ node: 'tp-checkout', note: 'f-gone' }] }, /no friction note "f-gone" at "tp-checkout"/],
    ['a note at a node the map lacks', { title: 'T', friction: [{ node: 'tp-gone', note: 'f-long-form' }] }, /There is no touchpoint "tp-gone"/],
    ['an id already used', { title: 'T', id: 'opp-form' }, /The id "opp-form" is already used/],
    ['an unknown status', { title: 'T', status: 'blocked' as never }, /Unknown status/],
    ['an unknown effort', { title: 'T', effort: 'XL' as never }, /Effort must be S, M or L/],
  ])('refuses %s', (_what, init, message) => {
    expectRefused(makeMapWithPersonas(), (map) => addOpportunity(map, init), message);
  });

  it('accepts a title of exactly 200 characters', () => {
    const map = makeMapWithPersonas();
    expect(opportunityOf(map, addOpportunity(map, { title: 'x'.repeat(MAX_TITLE_LENGTH) })).title).toHaveLength(MAX_TITLE_LENGTH);
  });

  it('added as Done, resolves the notes it addresses at once', () => {
    const map = mapWithMoreFriction();
    addOpportunity(map, { title: 'Already fixed', status: 'done', friction: [{ node: 'tp-web', note: 'f-photos' }] });
    expect(resolvedNotes(map)).toEqual({ 'tp-web': ['f-photos'], 'tp-checkout': ['f-old'] });
  });
});

describe('updateOpportunity', () => {
  it('changes title, owner, effort and clears a text given as empty', () => {
    const map = makeMapWithPersonas();
    updateOpportunity(map, 'opp-form', { title: ' One-page checkout ', effort: 'L', description: 'Wallets too' });
    updateOpportunity(map, 'opp-form', { owner: '  ' });
    expect(opportunityOf(map, 'opp-form')).toEqual({
      id: 'opp-form', title: 'One-page checkout', description: 'Wallets too', status: 'planned', effort: 'L',
      touchpoints: ['tp-checkout'], friction: [{ node: 'tp-checkout', note: 'f-long-form' }],
    });
    updateOpportunity(map, 'opp-form', { description: undefined });
    expect(opportunityOf(map, 'opp-form')).not.toHaveProperty('description');
    expectValid(map);
  });

  it('changes what it addresses; a note named brings its touchpoint along', () => {
    const map = mapWithMoreFriction();
    updateOpportunity(map, 'opp-form', { friction: [{ node: 'tp-web', note: 'f-sizes' }] });
    expect(opportunityOf(map, 'opp-form')).toMatchObject({ touchpoints: ['tp-checkout', 'tp-web'], friction: [{ node: 'tp-web', note: 'f-sizes' }] });
    updateOpportunity(map, 'opp-form', { touchpoints: ['entry'] });
    expect(opportunityOf(map, 'opp-form')).toMatchObject({ touchpoints: ['entry', 'tp-web'], friction: [{ node: 'tp-web', note: 'f-sizes' }] });
    expectValid(map);
  });

  it.each<[string, string, OpportunityPatch, RegExp]>([
    ['a blank title', 'opp-form', { title: '' }, /needs a title/],
    ['an unknown effort', 'opp-form', { effort: 'XS' as never }, /Effort must be S, M or L/],
    ['an outcome', 'opp-form', { touchpoints: ['out-success'] }, /is an outcome/],
    ['a friction note the map lacks', 'opp-form', { friction: [{ node: 'tp-web', note: 'f-gone' }] }, /no friction note "f-gone"/],
    ['an opportunity the map lacks', 'opp-gone', { title: 'T' }, /There is no opportunity "opp-gone"/],
  ])('refuses %s', (_what, id, patch, message) => {
    expectRefused(makeMapWithPersonas(), (map) => updateOpportunity(map, id, patch), message);
  });
});

describe('addressedNotes', () => {
  it('is the notes an opportunity names, where it names any at a touchpoint', () => {
    const map = mapWithMoreFriction();
    expect(addressedNotes(map, { touchpoints: ['tp-web'], friction: [{ node: 'tp-web', note: 'f-sizes' }] })).toEqual([{ node: 'tp-web', note: 'f-sizes' }]);
    expect(addressedNotes(map, opportunityOf(map, 'opp-form'))).toEqual([{ node: 'tp-checkout', note: 'f-long-form' }]);
  });

  it('is every note, open or resolved, of a touchpoint it names without naming any of its notes', () => {
    const map = mapWithMoreFriction();
    expect(addressedNotes(map, opportunityOf(map, 'opp-page'))).toEqual([
      { node: 'tp-web', note: 'f-sizes' },
      { node: 'tp-web', note: 'f-photos' },
    ]);
    expect(addressedNotes(map, { touchpoints: ['tp-checkout', 'entry'], friction: [{ node: 'entry', note: 'f-ad' }] })).toEqual([
      { node: 'entry', note: 'f-ad' },
      { node: 'tp-checkout', note: 'f-long-form' },
      { node: 'tp-checkout', note: 'f-old' },
    ]);
    expect(addressedNotes(map, { touchpoints: ['out-lost', 'tp-gone'], friction: [] })).toEqual([]);
  });

  it('names each note once, however often a file lists it or its touchpoint', () => {
    const map = mapWithMoreFriction();
    const twice = { touchpoints: ['tp-web', 'tp-web'], friction: [{ node: 'entry', note: 'f-ad' }, { node: 'entry', note: 'f-ad' }] };
    expect(addressedNotes(map, twice)).toEqual([
      { node: 'entry', note: 'f-ad' },
      { node: 'tp-web', note: 'f-sizes' },
      { node: 'tp-web', note: 'f-photos' },
    ]);
  });

  it('openAddressedNotes leaves out the resolved ones', () => {
    const map = mapWithMoreFriction();
    expect(openAddressedNotes(map, { touchpoints: ['tp-checkout'], friction: [] })).toEqual([{ node: 'tp-checkout', note: 'f-long-form' }]);
  });
});

describe('setOpportunityStatus', () => {
  it('Done resolves exactly the notes the opportunity addresses, in the same edit as the status', () => {
    const map = mapWithMoreFriction();
    addOpportunity(map, { id: 'opp-sizes', title: 'Size guide', friction: [{ node: 'tp-web', note: 'f-sizes' }] });
    const before = snapshot(map);
    const after = produce(map, (draft) => setOpportunityStatus(draft, 'opp-sizes', 'done'));
    expect(opportunityOf(after, 'opp-sizes').status).toBe('done');
    expect(resolvedNotes(after)).toEqual({ 'tp-web': ['f-sizes'], 'tp-checkout': ['f-old'] });
    expect(map).toEqual(before);
    // Nothing else changed: the other nodes and the other opportunities are the same objects.
    for (const id of ['entry', 'tp-checkout', 'out-success', 'out-lost']) expect(nodeOf(after, id)).toBe(nodeOf(map, id));
    expect(opportunityOf(after, 'opp-form')).toBe(opportunityOf(map, 'opp-form'));
    expectValid(after);
  });

  it('Done on a touchpoint named without notes resolves all of its notes', () => {
    const map = mapWithMoreFriction();
    setOpportunityStatus(map, 'opp-page', 'done');
    expect(resolvedNotes(map)).toEqual({ 'tp-web': ['f-sizes', 'f-photos'], 'tp-checkout': ['f-old'] });
  });

  it('other statuses resolve nothing, and leaving Done reopens nothing', () => {
    const map = mapWithMoreFriction();
    for (const status of ['idea', 'planned', 'in-progress'] as const) {
      setOpportunityStatus(map, 'opp-form', status);
      expect(resolvedNotes(map)).toEqual({ 'tp-checkout': ['f-old'] });
    }
    setOpportunityStatus(map, 'opp-form', 'done');
    setOpportunityStatus(map, 'opp-form', 'in-progress');
    expect(opportunityOf(map, 'opp-form').status).toBe('in-progress');
    expect(resolvedNotes(map)).toEqual({ 'tp-checkout': ['f-long-form', 'f-old'] });
  });

  it('refuses an unknown status or opportunity', () => {
    expectRefused(makeMapWithPersonas(), (map) => setOpportunityStatus(map, 'opp-form', 'blocked' as never), /Unknown status/);
    expectRefused(makeMapWithPersonas(), (map) => setOpportunityStatus(map, 'opp-gone', 'done'), /There is no opportunity "opp-gone"/);
  });
});

describe('withNotesResolved', () => {
  it('is a copy with the listed open notes resolved; the map and untouched nodes are left as they are', () => {
    const map = mapWithMoreFriction();
    const before = snapshot(map);
    const resolved = withNotesResolved(map, [{ node: 'tp-web', note: 'f-sizes' }, { node: 'tp-checkout', note: 'f-old' }]);
    expect(map).toEqual(before);
    expect(resolvedNotes(resolved)).toEqual({ 'tp-web': ['f-sizes'], 'tp-checkout': ['f-old'] });
    // tp-checkout's only listed note was resolved already: nothing to change there.
    expect(nodeOf(resolved, 'tp-checkout')).toBe(nodeOf(map, 'tp-checkout'));
    expect(nodeOf(resolved, 'entry')).toBe(nodeOf(map, 'entry'));
    expect(withNotesResolved(map, [])).toBe(map);
  });
});

describe('openOpportunityCount', () => {
  it('counts the open opportunities naming a node or one of its notes', () => {
    const map = mapWithMoreFriction();
    addOpportunity(map, { id: 'opp-sizes', title: 'Size guide', friction: [{ node: 'tp-web', note: 'f-sizes' }] });
    expect(openOpportunityCount(map, 'tp-web')).toBe(2);
    expect(openOpportunityCount(map, 'tp-checkout')).toBe(1);
    expect(openOpportunityCount(map, 'entry')).toBe(0);
    setOpportunityStatus(map, 'opp-sizes', 'done');
    expect(isOpen(opportunityOf(map, 'opp-sizes'))).toBe(false);
    expect(openOpportunityCount(map, 'tp-web')).toBe(1);
    // A friction reference alone counts, as a file may name a note without its touchpoint.
    map.opportunities.push({ id: 'opp-file', title: 'From a file', status: 'idea', effort: 'S', touchpoints: [], friction: [{ node: 'entry', note: 'f-ad' }] });
    expect(openOpportunityCount(map, 'entry')).toBe(1);
  });
});

describe('removeOpportunity', () => {
  it('removes it and leaves its notes as they are; an unknown id changes nothing', () => {
    const map = makeMapWithPersonas();
    removeOpportunity(map, 'opp-form');
    expect(map.opportunities.map((o) => o.id)).toEqual(['opp-page']);
    expect(nodeOf(map, 'tp-checkout').friction.map((f) => f.resolved === true)).toEqual([false, true]);
    const before = snapshot(map);
    removeOpportunity(map, 'opp-gone');
    expect(map).toEqual(before);
  });
});

describe('removing what an opportunity names', () => {
  it('removing a node drops it and its notes from every opportunity; the map still validates', () => {
    const map = mapWithMoreFriction();
    removeNodes(map, ['tp-checkout']);
    expect(opportunityOf(map, 'opp-form')).toMatchObject({ touchpoints: [], friction: [] });
    expect(opportunityOf(map, 'opp-page').touchpoints).toEqual(['tp-web']);
    expectValid(map);
  });

  it('removing a friction note drops the reference to it; the map still validates', () => {
    const map = mapWithMoreFriction();
    addOpportunity(map, { id: 'opp-web', title: 'Page', friction: [{ node: 'tp-web', note: 'f-sizes' }, { node: 'tp-web', note: 'f-photos' }] });
    removeFriction(map, 'tp-web', 'f-photos');
    expect(opportunityOf(map, 'opp-web')).toMatchObject({ touchpoints: ['tp-web'], friction: [{ node: 'tp-web', note: 'f-sizes' }] });
    expectValid(map);
  });

  it('removing the last note an opportunity named at a touchpoint drops the touchpoint too, so it does not come to address the others', () => {
    const map = mapWithMoreFriction();
    addOpportunity(map, { id: 'opp-sizes', title: 'Size guide', friction: [{ node: 'tp-web', note: 'f-sizes' }] });
    removeFriction(map, 'tp-web', 'f-sizes');
    expect(opportunityOf(map, 'opp-sizes')).toMatchObject({ touchpoints: [], friction: [] });
    expect(addressedNotes(map, opportunityOf(map, 'opp-sizes'))).toEqual([]);
    // Named without notes, tp-web still stands for all its notes: those left.
    expect(opportunityOf(map, 'opp-page').touchpoints).toEqual(['tp-web']);
    expect(addressedNotes(map, opportunityOf(map, 'opp-page'))).toEqual([{ node: 'tp-web', note: 'f-photos' }]);
    expectValid(map);
  });

  it('leaves the opportunities as they were (the same objects) when nothing they name goes', () => {
    const map = mapWithMoreFriction();
    const next = produce(map, (draft) => removeFriction(draft, 'entry', 'f-ad'));
    expect(next.opportunities).toBe(map.opportunities);
    expectValid(next);
  });
});
