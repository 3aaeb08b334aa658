import fc from 'fast-check';
import { checkMap, MAP_CHECK_RULES, type MapWarning } from '../../../src/domain/check';
import { describeWarning } from '../../../src/domain/checkText';
import { createMap } from '../../../src/domain/edits';
import { bankAccountSample, onlineStoreSample, telecomSupportSample } from '../../../src/domain/samples';
import type { JourneyEdge, JourneyMap, JourneyNode } from '../../../src/domain/types';
import { makeMap, makeNode } from '../../support/maps';

type Role = 'entry' | 'touchpoint' | 'success' | 'failure';

/** A map from node roles (in map order) and `"a>b"` edges; each node is labelled with its id. */
function journey(roles: Record<string, Role>, edges: readonly string[]): JourneyMap {
  const nodes: JourneyNode[] = Object.entries(roles).map(([id, role]) =>
    role === 'success' || role === 'failure' ? makeNode({ id, kind: 'outcome', result: role }) : makeNode({ id, kind: role }),
  );
  return createMap({ id: 'map-check', nodes, edges: edges.map(edgeFrom) });
}

function edgeFrom(spec: string, i: number): JourneyEdge {
  const [source, target] = spec.split('>');
  return { id: `e${i}-${source}-${target}`, source, target, weight: 1 };
}

const rulesOf = (map: JourneyMap) => checkMap(map).map((w) => w.rule);
const texts = (map: JourneyMap) => checkMap(map).map((w) => describeWarning(map, w));

describe('checkMap', () => {
  it('finds nothing wrong with a sound map', () => {
    expect(checkMap(makeMap())).toEqual([]);
  });

  describe.each([
    ['Online store', onlineStoreSample],
    ['Bank account opening', bankAccountSample],
    ['Telecom support', telecomSupportSample],
  ] as const)('the %s sample', (_name, sample) => {
    it('has no warnings', () => {
      const map = sample();
      expect(texts(map)).toEqual([]);
    });
  });

  describe('no-entry', () => {
    it('warns when the map has no entry', () => {
      const map = journey({ a: 'touchpoint', win: 'success' }, ['a>win']);
      expect(checkMap(map)[0]).toEqual({ rule: 'no-entry', nodeIds: [] });
    });

    it('is quiet when there is an entry', () => {
      expect(rulesOf(journey({ start: 'entry', win: 'success' }, ['start>win']))).not.toContain('no-entry');
    });

    it('is raised, with no-success, for an empty map', () => {
      expect(checkMap(createMap())).toEqual([
        { rule: 'no-entry', nodeIds: [] },
        { rule: 'no-success', nodeIds: [] },
      ]);
    });
  });

  describe('no-success', () => {
    it('warns when every outcome is a failure', () => {
      const map = journey({ start: 'entry', lost: 'failure' }, ['start>lost']);
      expect(checkMap(map)).toEqual([{ rule: 'no-success', nodeIds: [] }]);
    });

    it('counts an outcome without a result as a success', () => {
      const map = createMap({
        nodes: [makeNode({ id: 'start', kind: 'entry' }), makeNode({ id: 'done', kind: 'outcome' })],
        edges: [edgeFrom('start>done', 0)],
      });
      expect(checkMap(map)).toEqual([]);
    });

    it('is satisfied by one success among failures, even an unreached one', () => {
      const map = journey({ start: 'entry', lost: 'failure', win: 'success' }, ['start>lost']);
      expect(rulesOf(map)).toEqual(['unreached-outcome']);
    });
  });

  describe('dead-end', () => {
    it('warns once per touchpoint or entry with no way out, in map order', () => {
      const map = journey(
        { start: 'entry', idle: 'entry', help: 'touchpoint', shop: 'touchpoint', win: 'success' },
        ['start>help', 'start>shop', 'shop>win'],
      );
      expect(checkMap(map)).toEqual([
        { rule: 'dead-end', nodeIds: ['idle'] },
        { rule: 'dead-end', nodeIds: ['help'] },
      ]);
    });

    it('never counts an outcome as a dead end', () => {
      const map = journey({ start: 'entry', win: 'success', lost: 'failure' }, ['start>win', 'start>lost']);
      expect(checkMap(map)).toEqual([]);
    });

    it('stops warning once the touchpoint leads somewhere', () => {
      const map = makeMap();
      map.edges = map.edges.filter((e) => e.id !== 'e-checkout-success');
      expect(checkMap(map)).toEqual([
        { rule: 'dead-end', nodeIds: ['tp-checkout'] },
        { rule: 'unreached-outcome', nodeIds: ['out-success'] },
      ]);
    });
  });

  describe('unreachable', () => {
    it('warns for each touchpoint no entry leads to, even one that leads on', () => {
      const map = journey(
        { start: 'entry', a: 'touchpoint', orphan: 'touchpoint', downstream: 'touchpoint', win: 'success' },
        ['start>a', 'a>win', 'orphan>downstream', 'downstream>win'],
      );
      expect(checkMap(map)).toEqual([
        { rule: 'unreachable', nodeIds: ['orphan'] },
        { rule: 'unreachable', nodeIds: ['downstream'] },
      ]);
    });

    it('follows edges through any number of steps and from every entry', () => {
      const map = journey(
        { one: 'entry', two: 'entry', a: 'touchpoint', b: 'touchpoint', c: 'touchpoint', win: 'success' },
        ['one>a', 'a>b', 'b>win', 'two>c', 'c>win'],
      );
      expect(checkMap(map)).toEqual([]);
    });

    it('never reports an entry as unreachable', () => {
      const map = journey({ start: 'entry', second: 'entry', win: 'success' }, ['start>win', 'second>win']);
      expect(checkMap(map)).toEqual([]);
    });
  });

  describe('closed-loop', () => {
    it('warns once for a loop with no way out, listing its nodes in map order', () => {
      const map = journey(
        { start: 'entry', callback: 'touchpoint', agent: 'touchpoint', win: 'success' },
        ['start>win', 'start>agent', 'agent>callback', 'callback>agent'],
      );
      expect(checkMap(map)).toEqual([{ rule: 'closed-loop', nodeIds: ['callback', 'agent'] }]);
    });

    it('is quiet for a loop with an exit to an outcome', () => {
      const map = journey(
        { start: 'entry', callback: 'touchpoint', agent: 'touchpoint', win: 'success' },
        ['start>agent', 'agent>callback', 'callback>agent', 'agent>win'],
      );
      expect(checkMap(map)).toEqual([]);
    });

    it('is quiet for a loop whose exit reaches an outcome several steps later', () => {
      const map = journey(
        { start: 'entry', a: 'touchpoint', b: 'touchpoint', c: 'touchpoint', d: 'touchpoint', lost: 'failure', win: 'success' },
        ['start>a', 'a>b', 'b>a', 'b>c', 'c>d', 'd>lost', 'start>win'],
      );
      expect(checkMap(map)).toEqual([]);
    });

    it('reports a loop whose only exit is a dead end, and the dead end separately', () => {
      const map = journey(
        { start: 'entry', a: 'touchpoint', b: 'touchpoint', stuck: 'touchpoint', win: 'success' },
        ['start>win', 'start>a', 'a>b', 'b>a', 'b>stuck'],
      );
      expect(checkMap(map)).toEqual([
        { rule: 'dead-end', nodeIds: ['stuck'] },
        { rule: 'closed-loop', nodeIds: ['a', 'b'] },
      ]);
    });

    it('reports a self-loop but not a single node without one', () => {
      const map = journey({ start: 'entry', spin: 'touchpoint', win: 'success' }, ['start>win', 'start>spin', 'spin>spin']);
      expect(checkMap(map)).toEqual([{ rule: 'closed-loop', nodeIds: ['spin'] }]);
    });

    it('reports each closed component separately, ordered by its first node in the map', () => {
      const map = journey(
        { start: 'entry', x1: 'touchpoint', y1: 'touchpoint', x2: 'touchpoint', y2: 'touchpoint', y3: 'touchpoint', win: 'success' },
        ['start>win', 'start>y1', 'start>x1', 'x1>x2', 'x2>x1', 'y1>y2', 'y2>y3', 'y3>y1'],
      );
      expect(checkMap(map)).toEqual([
        { rule: 'closed-loop', nodeIds: ['x1', 'x2'] },
        { rule: 'closed-loop', nodeIds: ['y1', 'y2', 'y3'] },
      ]);
    });

    it('reports only the cyclic part of a component chain that never reaches an outcome', () => {
      // lead-in → (a ⇄ b) : lead-in is no loop and has a way out, so it is neither a loop nor a dead end.
      const map = journey(
        { start: 'entry', leadIn: 'touchpoint', a: 'touchpoint', b: 'touchpoint', win: 'success' },
        ['start>win', 'start>leadIn', 'leadIn>a', 'a>b', 'b>a'],
      );
      expect(checkMap(map)).toEqual([{ rule: 'closed-loop', nodeIds: ['a', 'b'] }]);
    });
  });

  describe('unreached-outcome', () => {
    it('warns for each outcome no entry can reach', () => {
      const map = journey(
        { start: 'entry', a: 'touchpoint', win: 'success', churn: 'failure', island: 'touchpoint' },
        ['start>a', 'a>win', 'island>churn'],
      );
      expect(checkMap(map)).toEqual([
        { rule: 'unreachable', nodeIds: ['island'] },
        { rule: 'unreached-outcome', nodeIds: ['churn'] },
      ]);
    });

    it('is quiet when every outcome is reached', () => {
      expect(rulesOf(makeMap())).not.toContain('unreached-outcome');
    });
  });

  it('lists warnings by rule, then in map order', () => {
    const map = journey(
      { lost: 'failure', spin: 'touchpoint', stuck2: 'touchpoint', orphan: 'touchpoint', stuck1: 'touchpoint', start: 'entry' },
      ['start>stuck1', 'start>spin', 'spin>spin', 'start>stuck2'],
    );
    expect(checkMap(map)).toEqual([
      { rule: 'no-success', nodeIds: [] },
      { rule: 'dead-end', nodeIds: ['stuck2'] },
      { rule: 'dead-end', nodeIds: ['orphan'] },
      { rule: 'dead-end', nodeIds: ['stuck1'] },
      { rule: 'unreachable', nodeIds: ['orphan'] },
      { rule: 'closed-loop', nodeIds: ['spin'] },
      { rule: 'unreached-outcome', nodeIds: ['lost'] },
    ]);
  });

  it('ignores edges that name a missing node', () => {
    const map = journey({ start: 'entry', win: 'success' }, ['start>win', 'start>ghost', 'ghost>start']);
    expect(checkMap(map)).toEqual([]);
  });

  it('does not change the map', () => {
    const map = journey({ start: 'entry', a: 'touchpoint', b: 'touchpoint' }, ['start>a', 'a>b', 'b>a']);
    const before = structuredClone(map);
    checkMap(map);
    expect(map).toEqual(before);
  });

  describe('on 10,000-node maps (linear time, iterative: no stack overflow)', () => {
    const N = 10_000;
    const chain = (closeTheLoop: boolean): JourneyMap => {
      const roles: Record<string, Role> = { start: 'entry' };
      const edges = ['start>t0'];
      for (let i = 0; i < N; i++) roles[`t${i}`] = 'touchpoint';
      for (let i = 0; i + 1 < N; i++) edges.push(`t${i}>t${i + 1}`);
      roles.win = 'success';
      edges.push(closeTheLoop ? `t${N - 1}>t0` : `t${N - 1}>win`);
      return journey(roles, edges);
    };

    it('finds nothing wrong with a long chain from entry to outcome', () => {
      expect(checkMap(chain(false))).toEqual([]);
    });

    it('reports a 10,000-node ring as one closed loop', () => {
      const warnings = checkMap(chain(true));
      expect(warnings.map((w) => [w.rule, w.nodeIds.length])).toEqual([
        ['closed-loop', N],
        ['unreached-outcome', 1],
      ]);
      expect(warnings[0].nodeIds.slice(0, 3)).toEqual(['t0', 't1', 't2']);
    });
  });

  it('agrees with a brute-force definition of every rule on small random maps', () => {
    const roles = fc.constantFrom<Role>('entry', 'touchpoint', 'touchpoint', 'success', 'failure');
    const graphs = fc.integer({ min: 0, max: 8 }).chain((n) =>
      fc.record({
        roles: fc.array(roles, { minLength: n, maxLength: n }),
        edges: fc.array(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.nat(Math.max(0, n - 1))), { maxLength: n === 0 ? 0 : 20 }),
      }),
    );
    fc.assert(
      fc.property(graphs, ({ roles: kinds, edges }) => {
        const map = journey(
          Object.fromEntries(kinds.map((role, i) => [`n${i}`, role])),
          edges.map(([a, b]) => `n${a}>n${b}`),
        );
        expect(checkMap(map)).toEqual(bruteForceCheck(map));
      }),
      { numRuns: 300 },
    );
  });
});

/** The rules read straight off their definitions, by reachability from every node: quadratic, obviously right. */
function bruteForceCheck(map: JourneyMap): MapWarning[] {
  const reachable = (from: string): Set<string> => {
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length) {
      const v = todo.pop()!;
      for (const e of map.edges) if (e.source === v && !seen.has(e.target)) todo.push((seen.add(e.target), e.target));
    }
    return seen;
  };
  const reach = new Map(map.nodes.map((n) => [n.id, reachable(n.id)]));
  const kind = (id: string) => map.nodes.find((n) => n.id === id)?.kind;
  const entries = map.nodes.filter((n) => n.kind === 'entry');
  const reachedFromEntry = (id: string) => entries.some((e) => reach.get(e.id)!.has(id));
  const leadsToOutcome = (id: string) => [...reach.get(id)!].some((t) => kind(t) === 'outcome');
  const cyclic = (id: string) =>
    map.edges.some((e) => e.source === id && e.target === id) || map.nodes.some((m) => m.id !== id && reach.get(id)!.has(m.id) && reach.get(m.id)!.has(id));

  const warnings: MapWarning[] = [];
  if (entries.length === 0) warnings.push({ rule: 'no-entry', nodeIds: [] });
  if (!map.nodes.some((n) => n.kind === 'outcome' && n.result !== 'failure')) warnings.push({ rule: 'no-success', nodeIds: [] });
  for (const n of map.nodes) if (n.kind !== 'outcome' && !map.edges.some((e) => e.source === n.id)) warnings.push({ rule: 'dead-end', nodeIds: [n.id] });
  const hasEntry = map.nodes.some((n) => n.kind === 'entry');
  for (const n of map.nodes) if (hasEntry && n.kind === 'touchpoint' && !reachedFromEntry(n.id)) warnings.push({ rule: 'unreachable', nodeIds: [n.id] });
  const reported = new Set<string>();
  for (const n of map.nodes) {
    if (reported.has(n.id) || !cyclic(n.id) || leadsToOutcome(n.id)) continue;
    const members = map.nodes.filter((m) => reach.get(n.id)!.has(m.id) && reach.get(m.id)!.has(n.id)).map((m) => m.id);
    for (const m of members) reported.add(m);
    warnings.push({ rule: 'closed-loop', nodeIds: members });
  }
  for (const n of map.nodes) if (hasEntry && n.kind === 'outcome' && !reachedFromEntry(n.id)) warnings.push({ rule: 'unreached-outcome', nodeIds: [n.id] });
  return warnings.sort((a, b) => MAP_CHECK_RULES.indexOf(a.rule) - MAP_CHECK_RULES.indexOf(b.rule));
}

describe('describeWarning', () => {
  const labelled = (labels: Record<string, string>, edges: readonly string[], kinds: Record<string, JourneyNode['kind']> = {}) =>
    createMap({
      nodes: Object.entries(labels).map(([id, label]) => makeNode({ id, label, kind: kinds[id] ?? 'touchpoint' })),
      edges: edges.map(edgeFrom),
    });

  it('explains the map-level rules', () => {
    const map = createMap();
    expect(describeWarning(map, { rule: 'no-entry', nodeIds: [] })).toBe('No entry: add an Entry where customers start');
    expect(describeWarning(map, { rule: 'no-success', nodeIds: [] })).toBe('No success outcome: add an Outcome marked Success');
  });

  it('names nodes by their labels', () => {
    const map = labelled({ help: 'Help pages', bonus: 'Loyalty bonus', churn: 'Churn' }, [], { churn: 'outcome' });
    expect(describeWarning(map, { rule: 'dead-end', nodeIds: ['help'] })).toBe('Dead end: "Help pages" leads nowhere');
    expect(describeWarning(map, { rule: 'unreachable', nodeIds: ['bonus'] })).toBe('Unreachable: no customer can reach "Loyalty bonus"');
    expect(describeWarning(map, { rule: 'unreached-outcome', nodeIds: ['churn'] })).toBe('Outcome never reached: "Churn"');
  });

  it('falls back to the id for a node with a blank label or one no longer in the map', () => {
    const map = labelled({ blank: '  ' }, []);
    expect(describeWarning(map, { rule: 'dead-end', nodeIds: ['blank'] })).toBe('Dead end: "blank" leads nowhere');
    expect(describeWarning(map, { rule: 'dead-end', nodeIds: ['gone'] })).toBe('Dead end: "gone" leads nowhere');
  });

  it('describes a closed loop by its members, listing up to four and counting the rest', () => {
    const two = labelled({ cb: 'Callback', agent: 'Agent call' }, ['cb>agent', 'agent>cb']);
    expect(texts(two)).toContain('Closed loop: "Callback" and "Agent call" lead only to each other');

    const ring = (n: number) => {
      const labels = Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i}`, String.fromCharCode(65 + i)]));
      return labelled(labels, Array.from({ length: n }, (_, i) => `n${i}>n${(i + 1) % n}`));
    };
    const loopText = (n: number) => {
      const map = ring(n);
      return describeWarning(map, checkMap(map).find((w) => w.rule === 'closed-loop')!);
    };
    expect(loopText(3)).toBe('Closed loop: "A", "B" and "C" lead only to each other');
    expect(loopText(4)).toBe('Closed loop: "A", "B", "C" and "D" lead only to each other');
    expect(loopText(6)).toBe('Closed loop: "A", "B", "C", "D" and 2 more lead only to each other');
  });

  it('describes a self-loop, and a loop whose way out never reaches an outcome', () => {
    const self = labelled({ hold: 'Hold music' }, ['hold>hold']);
    expect(describeWarning(self, { rule: 'closed-loop', nodeIds: ['hold'] })).toBe('Closed loop: "Hold music" leads only back to itself');

    const leaky = labelled({ cb: 'Callback', agent: 'Agent call', stuck: 'Voicemail' }, ['cb>agent', 'agent>cb', 'agent>stuck']);
    expect(describeWarning(leaky, { rule: 'closed-loop', nodeIds: ['cb', 'agent'] })).toBe(
      'Closed loop: "Callback" and "Agent call" never lead to an outcome',
    );
  });

  it('has a sentence for every warning the check raises', () => {
    const map = journey(
      { lost: 'failure', spin: 'touchpoint', orphan: 'touchpoint', start: 'entry' },
      ['start>spin', 'spin>spin'],
    );
    expect(texts(map)).toEqual([
      'No success outcome: add an Outcome marked Success',
      'Dead end: "orphan" leads nowhere',
      'Unreachable: no customer can reach "orphan"',
      'Closed loop: "spin" leads only back to itself',
      'Outcome never reached: "lost"',
    ]);
  });
});
