import fc from 'fast-check';
import { connect, EditError } from '../../../src/domain/edits';
import { canConnect, canConnectInMap, connectionRuleText, type ConnectionRule } from '../../../src/domain/rules';
import type { JourneyEdge, JourneyMap, NodeKind } from '../../../src/domain/types';
import { makeMap, makeNode, snapshot } from '../../support/maps';

const kinds: Record<string, NodeKind> = { e1: 'entry', e2: 'entry', t1: 'touchpoint', t2: 'touchpoint', o1: 'outcome', o2: 'outcome' };
const kindOf = (id: string) => kinds[id];

/** canConnect over the nodes above and the given edges. */
const check = (source: string, target: string, edges: [string, string][] = []) =>
  canConnect(kindOf, (s, t) => edges.some(([a, b]) => a === s && b === t), source, target);

describe('canConnect', () => {
  it.each<[string, string]>([
    ['e1', 't1'],
    ['e1', 'o1'],
    ['t1', 't2'],
    ['t2', 't1'],
    ['t1', 'o1'],
  ])('allows %s → %s', (source, target) => {
    expect(check(source, target)).toEqual({ ok: true });
  });

  it.each<[string, string, string, [string, string][], ConnectionRule]>([
    ['a missing source', 'ghost', 't1', [], 'missing-source'],
    ['a missing target', 't1', 'ghost', [], 'missing-target'],
    ['both missing (the source is named first)', 'ghost', 'phantom', [], 'missing-source'],
    ['a missing source into an entry', 'ghost', 'e1', [], 'missing-source'],
    ['out of an outcome', 'o1', 't1', [], 'from-outcome'],
    ['outcome to outcome', 'o1', 'o2', [], 'from-outcome'],
    ['outcome into an entry (the outcome rule first)', 'o1', 'e1', [], 'from-outcome'],
    ['an outcome to itself', 'o1', 'o1', [], 'from-outcome'],
    ['into an entry', 't1', 'e1', [], 'into-entry'],
    ['entry to entry', 'e1', 'e2', [], 'into-entry'],
    ['an entry to itself', 'e1', 'e1', [], 'into-entry'],
    ['a touchpoint to itself', 't1', 't1', [], 'self-loop'],
    ['a second edge the same way', 't1', 't2', [['t1', 't2']], 'duplicate'],
  ])('refuses %s', (_what, source, target, edges, rule) => {
    expect(check(source, target, edges)).toEqual({ ok: false, rule });
  });

  it('allows the edge back the other way', () => {
    expect(check('t2', 't1', [['t1', 't2']])).toEqual({ ok: true });
  });

  it('asks edgeExists with source and target in that order', () => {
    const asked: [string, string][] = [];
    canConnect(kindOf, (s, t) => (asked.push([s, t]), false), 't1', 'o1');
    expect(asked).toEqual([['t1', 'o1']]);
  });
});

describe('canConnectInMap', () => {
  it('answers from the map’s nodes and edges', () => {
    const map = makeMap();
    expect(canConnectInMap(map, 'entry', 'tp-checkout')).toEqual({ ok: true });
    expect(canConnectInMap(map, 'tp-web', 'tp-checkout')).toEqual({ ok: false, rule: 'duplicate' });
    expect(canConnectInMap(map, 'out-lost', 'tp-web')).toEqual({ ok: false, rule: 'from-outcome' });
    expect(canConnectInMap(map, 'tp-web', 'entry')).toEqual({ ok: false, rule: 'into-entry' });
    expect(canConnectInMap(map, 'tp-web', 'tp-web')).toEqual({ ok: false, rule: 'self-loop' });
    expect(canConnectInMap(map, 'ghost', 'tp-web')).toEqual({ ok: false, rule: 'missing-source' });
    expect(canConnectInMap(map, 'tp-web', 'ghost')).toEqual({ ok: false, rule: 'missing-target' });
  });
});

describe('connectionRuleText', () => {
  it.each<[ConnectionRule, string]>([
    ['missing-source', 'there is no node "Ad"'],
    ['missing-target', 'there is no node "Shop"'],
    ['from-outcome', '"Ad" is an outcome: a journey ends there, so it cannot lead anywhere'],
    ['into-entry', '"Shop" is an entry: customers start there, so nothing can lead into it'],
    ['self-loop', '"Ad" cannot lead to itself'],
    ['duplicate', '"Ad" already leads to "Shop"'],
  ])('words %s', (rule, text) => {
    expect(connectionRuleText(rule, 'Ad', 'Shop')).toBe(text);
  });
});

describe('connect follows canConnect', () => {
  const kindArb = fc.constantFrom<NodeKind>('entry', 'touchpoint', 'outcome');
  /** Up to 5 nodes n0…n4 of random kinds and random edges between them (rules or not: files are checked elsewhere). */
  const mapArb = fc
    .record({
      kinds: fc.array(kindArb, { minLength: 1, maxLength: 5 }),
      pairs: fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 8 }),
    })
    .map(({ kinds: nodeKinds, pairs }) => {
      const nodes = nodeKinds.map((kind, i) => makeNode({ id: `n${i}`, kind, label: `Node ${i}` }));
      const edges: JourneyEdge[] = pairs
        .filter(([s, t]) => s < nodes.length && t < nodes.length)
        .map(([s, t], i) => ({ id: `e${i}`, source: `n${s}`, target: `n${t}`, weight: 1 }));
      return makeMap({ nodes, edges, notes: [] });
    });
  const idArb = fc.constantFrom('n0', 'n1', 'n2', 'n3', 'n4', 'ghost');

  it('refuses exactly what canConnect refuses, in its words, and changes nothing then', () => {
    fc.assert(
      fc.property(mapArb, idArb, idArb, (map: JourneyMap, source, target) => {
        const allowed = canConnectInMap(map, source, target);
        const before = snapshot(map);
        let thrown: unknown;
        let id: string | undefined;
        try {
          id = connect(map, { source, target });
        } catch (error) {
          thrown = error;
        }
        if (allowed.ok) {
          expect(thrown).toBeUndefined();
          expect(map.edges).toHaveLength(before.edges.length + 1);
          expect(map.edges.at(-1)).toEqual({ id, source, target, weight: 1 });
          // Once connected, the same edge is a duplicate.
          expect(canConnectInMap(map, source, target)).toEqual({ ok: false, rule: 'duplicate' });
        } else {
          expect(thrown).toBeInstanceOf(EditError);
          expect(map).toStrictEqual(before);
          const label = (id: string) => map.nodes.find((n) => n.id === id)?.label ?? id;
          const message = (thrown as EditError).message;
          if (allowed.rule === 'missing-source' || allowed.rule === 'missing-target') {
            expect(message).toMatch(new RegExp(`no node "${allowed.rule === 'missing-source' ? source : target}"`, 'i'));
          } else {
            expect(message).toBe(connectionRuleText(allowed.rule, label(source), label(target)));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
