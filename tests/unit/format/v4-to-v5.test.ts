/**
 * The upgrade from format version 4 to 5, on frozen version 4 input. Version 5 adds evidence: scores computed
 * from survey answers carry their sample size and interval (`scores.evidence`), calibrated drop-offs and
 * weights carry the counts behind them (`observed` on nodes and edges), and the map remembers its import
 * mappings (`imports`). A version 4 map has none of them, so it opens with the same meaning and the same
 * simulation results. tests/fixtures/online-store.v4.journey.json is the Online store sample exactly as the
 * version 4 release exported it (as the v1, v2 and v3 fixtures are for their versions).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isPercentScore } from '../../../src/domain/evidence';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import type { JourneyMap } from '../../../src/domain/types';
import { exportMapText, FORMAT_VERSION, importMapText, importMapValue } from '../../../src/format';
import { migrate, MIGRATIONS } from '../../../src/format/migrations';
import { version4To5 } from '../../../src/format/migrations/v4-to-v5';
import { analyseJourney, simulateJourney } from '../../../src/simulation';
import { mapArb } from './arbitraries';
import { deepFreeze, expectMap, textOf, withoutTop3Ces, withoutVersion5Fields } from './helpers';

const UPGRADED_FROM_1 = 'Upgraded from format version 1: sticky notes, stage and channel colours were added; the map means the same as before.';
const UPGRADED_FROM_2 = 'Upgraded from format version 2: personas and opportunities were added; the map means the same as before.';
const UPGRADED_FROM_3 = 'Upgraded from format version 3: scenarios were added; the map means the same as before.';
const UPGRADED_FROM_4 = 'Upgraded from format version 4: survey evidence, observed counts and import mappings were added; the map means the same as before.';
const IGNORED_IMPORTS = 'Ignored "imports": files before version 5 did not have it.';
const IGNORED_NODE_OBSERVED = 'Ignored the node field "observed": files before version 5 did not have it.';
const IGNORED_EDGE_OBSERVED = 'Ignored the edge field "observed": files before version 5 did not have it.';
const IGNORED_EVIDENCE = 'Ignored the score field "evidence": files before version 5 did not have it.';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures', name), 'utf8');

/** The success probability the version 4 release's exact engine computed for the fixture (recorded when it was made). */
const V4_SUCCESS = 0.22812160907680842;

/** How version 4 read a file it exported: the document without its envelope. */
function asVersion4Map(doc: Record<string, unknown>): JourneyMap {
  const { format: _format, version: _version, ...body } = doc;
  return body as unknown as JourneyMap;
}

describe('version 4 file online-store.v4.journey.json', () => {
  const text = fixture('online-store.v4.journey.json');
  const v4 = (): Record<string, any> => JSON.parse(text);

  it('is a version 4 export: its fields, with scenarios, none that version 5 added', () => {
    expect(v4().version).toBe(4);
    expect(Object.keys(v4())).toEqual([
      'format', 'version', 'id', 'name', 'description', 'stages', 'channels', 'nodes', 'edges', 'notes', 'personas', 'opportunities', 'scenarios',
    ]);
    expect(v4().personas).toHaveLength(2);
    expect(text).not.toMatch(/"(imports|observed|evidence)"/);
  });

  it('imports with just the upgrade notice', () => {
    const result = importMapText(text);
    expectMap(result);
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_4]);
  });

  it('is upgraded without touching the (deep-frozen) input, and changes nothing in it', () => {
    const input = deepFreeze(v4());
    const before = structuredClone(input);
    expect(version4To5.warnings?.(input)).toEqual([]);
    const output = version4To5.up(input);
    expect(input).toEqual(before);
    expect(output).not.toBe(input);
    expect(output).toEqual(before);
  });

  it('means the same map: every field as written, with no evidence, counts or import mappings; the sample itself', () => {
    const after = expectMap(importMapText(text));
    expect(after).toEqual(asVersion4Map(v4()));
    expect(Object.hasOwn(after, 'imports')).toBe(false);
    expect(after.nodes.filter((n) => n.observed !== undefined || n.scores?.evidence !== undefined)).toEqual([]);
    expect(after.edges.filter((e) => e.observed !== undefined)).toEqual([]);
    expect(after).toEqual(onlineStoreSample());
  });

  it('simulates exactly as version 4 did, per persona too', () => {
    const after = analyseJourney(expectMap(importMapText(text)));
    expect(Math.abs(after.exact.success - V4_SUCCESS)).toBeLessThan(1e-12);
    expect(after.exact).toEqual(analyseJourney(asVersion4Map(v4())).exact);
    const settings = { customers: 2000, seed: 7 };
    const simulated = simulateJourney(expectMap(importMapText(text)), settings);
    const before = simulateJourney(asVersion4Map(v4()), settings);
    expect(simulated.monteCarlo.outcomeCounts).toEqual(before.monteCarlo.outcomeCounts);
    const perPersona = (r: typeof simulated) => r.personas?.map((p) => [p.personaId, p.exact.success, p.monteCarlo.outcomeCounts]);
    expect(perPersona(simulated)).toHaveLength(2);
    expect(perPersona(simulated)).toEqual(perPersona(before));
  });

  it('exports at the current version and reopens as the same map, with no notice', () => {
    const map = expectMap(importMapText(text));
    const exported = exportMapText(map);
    expect(JSON.parse(exported)).toMatchObject({ version: FORMAT_VERSION, scenarios: [] });
    expect(exported).toBe(exportMapText(onlineStoreSample()));
    // Byte for byte the version 4 export, but for the version.
    expect(exported).toBe(text.replace('"version": 4,', `"version": ${FORMAT_VERSION},`));
    const again = importMapText(exported);
    expect(expectMap(again)).toEqual(map);
    expect(again.ok && again.warnings).toEqual([]);
  });
});

describe('the version 1, 2, 3 and 4 exports of the Online store sample', () => {
  it('all open at version 5 as the same map, without evidence or import mappings, each naming the steps it took', () => {
    expect(FORMAT_VERSION).toBe(5);
    const fromV1 = importMapText(fixture('online-store.v1.journey.json'));
    const fromV2 = importMapText(fixture('online-store.v2.journey.json'));
    const fromV3 = importMapText(fixture('online-store.v3.journey.json'));
    const fromV4 = importMapText(fixture('online-store.v4.journey.json'));
    expect(fromV1.ok && fromV1.warnings).toEqual([UPGRADED_FROM_1, UPGRADED_FROM_2, UPGRADED_FROM_3, UPGRADED_FROM_4]);
    expect(fromV2.ok && fromV2.warnings).toEqual([UPGRADED_FROM_2, UPGRADED_FROM_3, UPGRADED_FROM_4]);
    expect(fromV3.ok && fromV3.warnings).toEqual([UPGRADED_FROM_3, UPGRADED_FROM_4]);
    expect(fromV4.ok && fromV4.warnings).toEqual([UPGRADED_FROM_4]);
    expect(expectMap(fromV1)).toEqual(expectMap(fromV2));
    // The version 4 release exported the same sample as the version 3 one.
    expect(expectMap(fromV4)).toEqual(expectMap(fromV3));
    for (const result of [fromV1, fromV2, fromV3, fromV4]) {
      const map = expectMap(result);
      expect(Object.hasOwn(map, 'imports')).toBe(false);
      expect(map.nodes.some((n) => n.observed !== undefined || n.scores?.evidence !== undefined)).toBe(false);
      expect(JSON.parse(exportMapText(map)).version).toBe(5);
    }
  });
});

/** A small version 4 document for the step to work on: a café visit with scores, and a scenario. */
function v4Document(): Record<string, any> {
  return {
    format: 'journey-map',
    version: 4,
    id: 'm',
    name: 'Café visit',
    description: '',
    stages: [{ id: 'visit', name: 'Visit', colour: '#0f766e' }],
    channels: [{ id: 'store', name: 'Store', colour: '#a16207' }],
    nodes: [
      { id: 'walk-in', kind: 'entry', label: 'Walks in', stage: 'visit', position: { x: 45, y: 0 }, friction: [], share: 1 },
      {
        id: 'order', kind: 'touchpoint', label: 'Orders at the counter', stage: 'visit', channel: 'store', position: { x: 45, y: 180 },
        scores: { nps: 20, csat: 4.2, ces: 5.5, responses: 40 }, emotion: -1, dropOff: 0.2,
        friction: [{ id: 'f-queue', note: 'Queue at lunchtime', severity: 3 }],
      },
      { id: 'leaves-happy', kind: 'outcome', label: 'Leaves happy', stage: 'visit', position: { x: 45, y: 360 }, friction: [], result: 'success' },
      { id: 'leaves', kind: 'outcome', label: 'Leaves', stage: 'visit', position: { x: 280, y: 360 }, friction: [], result: 'failure' },
    ],
    edges: [
      { id: 'e1', source: 'walk-in', target: 'order', weight: 1 },
      { id: 'e2', source: 'order', target: 'leaves-happy', weight: 3 },
      { id: 'e3', source: 'order', target: 'leaves', weight: 1 },
    ],
    notes: [],
    personas: [{ id: 'lunch', name: 'Lunch crowd', share: 1, nodes: [{ node: 'order', dropOff: 0.3 }], edges: [] }],
    opportunities: [],
    scenarios: [
      {
        id: 'second-till',
        name: 'Second till',
        changes: {
          addedNodes: [{ id: 'till-2', kind: 'touchpoint', label: 'Second till', stage: 'visit', position: { x: 280, y: 180 }, friction: [] }],
          removedNodes: [],
          changedNodes: [{ id: 'order', set: { dropOff: 0.1 }, unset: [] }],
          addedEdges: [{ id: 'e4', source: 'walk-in', target: 'till-2', weight: 1 }, { id: 'e5', source: 'till-2', target: 'leaves-happy', weight: 1 }],
          removedEdges: [],
          changedEdges: [{ id: 'e3', set: { weight: 0.5 }, unset: [] }],
        },
      },
    ],
  };
}

/** What version 5 would read in those fields; in a version 4 file, they were unknown and ignored. */
const strayEvidence = () => ({ nps: { n: 40, low: -5, high: 45 }, csat: { n: 40, low: 3.9, high: 4.5, measure: 'mean' } });
const strayImports = () => ({
  survey: { columns: [{ column: 'How likely are you to recommend us?', role: 'nps', node: 'order' }], csat: 'mean', ces: 'mean' },
  funnel: { steps: [{ step: 'Counter', node: 'order' }] },
});

/** The stray fields, each put where version 5 would read it, with the warning its dropping gives. */
const STRAY: [string, (doc: Record<string, any>) => void, string][] = [
  ['top-level "imports"', (doc) => { doc.imports = strayImports(); }, IGNORED_IMPORTS],
  ['"imports" that are not an object', (doc) => { doc.imports = 'not an object'; }, IGNORED_IMPORTS],
  ['a node\'s "observed" counts', (doc) => { doc.nodes[1].observed = { entered: 100, left: 20, designed: 0.25 }; }, IGNORED_NODE_OBSERVED],
  // Version 5 would refuse these counts (on an outcome; more leaving than arrived): dropped, they cannot.
  ['"observed" counts version 5 would refuse', (doc) => {
    doc.nodes[2].observed = { entered: 1, left: 0 };
    doc.nodes[1].observed = { entered: 5, left: 9 };
  }, IGNORED_NODE_OBSERVED],
  ['an edge\'s "observed" counts', (doc) => { doc.edges[1].observed = { count: 75, designed: 2 }; }, IGNORED_EDGE_OBSERVED],
  ['a node\'s "scores.evidence"', (doc) => { doc.nodes[1].scores.evidence = strayEvidence(); }, IGNORED_EVIDENCE],
  ['"scores.evidence" that is null', (doc) => { doc.nodes[1].scores.evidence = null; }, IGNORED_EVIDENCE],
  ['"observed" on a node a scenario adds', (doc) => { doc.scenarios[0].changes.addedNodes[0].observed = { entered: 10, left: 1 }; }, IGNORED_NODE_OBSERVED],
  ['"scores.evidence" on a node a scenario adds', (doc) => {
    doc.scenarios[0].changes.addedNodes[0].scores = { nps: 30, evidence: { nps: { n: 12, low: 0, high: 60 } } };
  }, IGNORED_EVIDENCE],
  ['"observed" a scenario sets on a node', (doc) => { doc.scenarios[0].changes.changedNodes[0].set.observed = { entered: 50, left: 5 }; }, IGNORED_NODE_OBSERVED],
  ['"scores.evidence" a scenario sets on a node', (doc) => {
    doc.scenarios[0].changes.changedNodes[0].set.scores = { csat: 80, evidence: { csat: { n: 50, low: 70, high: 90, measure: 'top2' } } };
  }, IGNORED_EVIDENCE],
  ['"observed" on an edge a scenario adds', (doc) => { doc.scenarios[0].changes.addedEdges[0].observed = { count: 3 }; }, IGNORED_EDGE_OBSERVED],
  ['"observed" a scenario sets on an edge', (doc) => { doc.scenarios[0].changes.changedEdges[0].set.observed = { count: 30 }; }, IGNORED_EDGE_OBSERVED],
];

/** The document without the stray fields `put` added: what version 4 read. */
function withoutStray(doc: Record<string, any>): Record<string, any> {
  const clean = structuredClone(doc);
  delete clean.imports;
  const c = clean.scenarios[0].changes;
  for (const item of [...clean.nodes, ...clean.edges, ...c.addedNodes, ...c.addedEdges, ...c.changedNodes.map((ch: any) => ch.set), ...c.changedEdges.map((ch: any) => ch.set)]) {
    delete item.observed;
    if (item.scores) delete item.scores.evidence;
  }
  return clean;
}

describe('version4To5', () => {
  it('changes nothing in a version 4 document', () => {
    const doc = deepFreeze(v4Document());
    expect(version4To5.from).toBe(4);
    expect(version4To5.warnings?.(doc)).toEqual([]);
    expect(version4To5.up(doc)).toEqual(v4Document());
    expect(doc).toEqual(v4Document());
  });

  it('is the last step of the chain: migrating a version 4 document gives a current one', () => {
    const result = migrate(deepFreeze(v4Document()), 4);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.applied).toEqual([version4To5]);
    expect(MIGRATIONS.at(-1)).toBe(version4To5);
    expect(result.doc).toEqual({ ...v4Document(), version: FORMAT_VERSION });
    expect(migrate(deepFreeze(v4Document()), 4, MIGRATIONS, 5)).toEqual(result);
  });

  it('opens a version 4 file as the same map, with the upgrade notice', () => {
    const result = importMapText(textOf(v4Document()));
    const map = expectMap(result);
    expect(map).toEqual(asVersion4Map(v4Document()));
    expect(Object.hasOwn(map, 'imports')).toBe(false);
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_4]);
  });

  it.each(STRAY)('drops %s, which version 4 ignored, with a warning', (_what, put, warning) => {
    const doc = v4Document();
    put(doc);
    const frozen = deepFreeze(structuredClone(doc));
    expect(version4To5.warnings?.(frozen)).toEqual([warning]);
    expect(version4To5.up(frozen)).toEqual(withoutStray(doc));
    expect(frozen).toEqual(doc);
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(map).toEqual(asVersion4Map(withoutStray(doc)));
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_4, warning]);
    // Dropped, not read with version 5's meaning: the map simulates as version 4 read it.
    expect(analyseJourney(map).exact).toEqual(analyseJourney(expectMap(importMapText(textOf(v4Document())))).exact);
  });

  it('names each kind of stray field once, however many there are, in the order it finds them', () => {
    const doc = v4Document();
    for (const [, put] of STRAY) put(doc);
    doc.imports = strayImports();
    doc.nodes[0].observed = { entered: 10, left: 0 };
    const frozen = deepFreeze(structuredClone(doc));
    expect(version4To5.warnings?.(frozen)).toEqual([IGNORED_IMPORTS, IGNORED_NODE_OBSERVED, IGNORED_EVIDENCE, IGNORED_EDGE_OBSERVED]);
    const result = importMapText(textOf(doc));
    expect(expectMap(result)).toEqual(asVersion4Map(withoutStray(doc)));
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_4, IGNORED_IMPORTS, IGNORED_NODE_OBSERVED, IGNORED_EVIDENCE, IGNORED_EDGE_OBSERVED]);
  });

  it('reads a score whose evidence was dropped as typed by hand: a CSAT of 4.2 is then 4.2 %, not a mean of 4.2', () => {
    const doc = v4Document();
    doc.nodes[1].scores.evidence = strayEvidence();
    const map = expectMap(importMapText(textOf(doc)));
    const scores = map.nodes[1].scores;
    expect(scores).toEqual({ nps: 20, csat: 4.2, ces: 5.5, responses: 40 });
    expect(isPercentScore('csat', scores?.evidence)).toBe(true);
    // The same fields in a version 5 file are read: CSAT is the mean answer, 1 to 5.
    const current = importMapText(textOf({ ...doc, version: FORMAT_VERSION }));
    expect(expectMap(current).nodes[1].scores?.evidence).toEqual(strayEvidence());
    expect(isPercentScore('csat', expectMap(current).nodes[1].scores?.evidence)).toBe(false);
    expect(current.ok && current.warnings).toEqual([]);
  });

  it('keeps a version 5 file\'s evidence, counts and import mappings: only older files lose theirs', () => {
    const doc = v4Document();
    doc.version = FORMAT_VERSION;
    doc.nodes[1].scores.evidence = strayEvidence();
    doc.nodes[1].observed = { entered: 100, left: 20 };
    doc.edges[1].observed = { count: 60 };
    doc.imports = strayImports();
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(map.nodes[1].scores?.evidence).toEqual(strayEvidence());
    expect(map.nodes[1].observed).toEqual({ entered: 100, left: 20 });
    expect(map.edges[1].observed).toEqual({ count: 60 });
    expect(map.imports).toEqual(strayImports());
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('upgrades every generated version 4 file to the same map without the version 5 fields, stray fields or not', () => {
    fc.assert(
      fc.property(mapArb({ maxNodes: 8, maxEdges: 16 }).map(withoutTop3Ces), fc.boolean(), (map, keepStray) => {
        const v4 = withoutVersion5Fields(map);
        const found = version5Fields(map);
        const stray = keepStray && found.length > 0;
        // Version 4 could not leave "observed" empty in a scenario (its list of fields did not name it).
        const doc = JSON.parse(exportMapText(stray ? withoutObservedUnset(map) : v4));
        doc.version = 4;
        const frozen = deepFreeze(structuredClone(doc));
        const result = importMapValue(frozen);
        expect(frozen).toEqual(doc);
        expect(expectMap(result)).toEqual(v4);
        expect(result.ok && result.warnings[0]).toBe(UPGRADED_FROM_4);
        expect(result.ok && [...result.warnings.slice(1)].sort()).toEqual(stray ? [...found].sort() : []);
      }),
      { numRuns: 200 },
    );
  });
});

/** The warnings the version 5 fields in a map would give in a version 4 file, one per kind of field. */
function version5Fields(map: JourneyMap): string[] {
  const found = new Set<string>();
  if (map.imports !== undefined) found.add(IGNORED_IMPORTS);
  const nodes = [...map.nodes, ...map.scenarios.flatMap((s) => [...s.changes.addedNodes, ...s.changes.changedNodes.map((ch) => ch.set)])];
  const edges = [...map.edges, ...map.scenarios.flatMap((s) => [...s.changes.addedEdges, ...s.changes.changedEdges.map((ch) => ch.set)])];
  if (nodes.some((n) => n.observed !== undefined)) found.add(IGNORED_NODE_OBSERVED);
  if (nodes.some((n) => n.scores?.evidence !== undefined)) found.add(IGNORED_EVIDENCE);
  if (edges.some((e) => e.observed !== undefined)) found.add(IGNORED_EDGE_OBSERVED);
  return [...found];
}

/** A copy of a map whose scenarios do not leave "observed" empty. */
function withoutObservedUnset(map: JourneyMap): JourneyMap {
  const copy = structuredClone(map);
  for (const scenario of copy.scenarios) {
    for (const ch of scenario.changes.changedNodes) ch.unset = ch.unset.filter((field) => field !== 'observed');
    for (const ch of scenario.changes.changedEdges) ch.unset = ch.unset.filter((field) => field !== 'observed');
  }
  return copy;
}
