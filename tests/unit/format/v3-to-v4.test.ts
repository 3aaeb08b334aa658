/**
 * The upgrade from format version 3 to 4, on frozen version 3 input. Version 4 adds scenarios; a version 3
 * map has none, so it opens with the same meaning and the same simulation results.
 * tests/fixtures/online-store.v3.journey.json is the Online store sample exactly as the version 3 release
 * exported it (as the v1 and v2 fixtures are for their versions). Opening a file goes on to the current
 * version, so imports here also take the 4 → 5 step (evidence and import mappings, none yet) and say so; the
 * step 3 → 4 alone is checked by migrating with target 4.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { onlineStoreSample } from '../../../src/domain/samples/onlineStore';
import type { JourneyMap } from '../../../src/domain/types';
import { exportMapText, FORMAT_VERSION, importMapText, importMapValue } from '../../../src/format';
import { migrate, MIGRATIONS } from '../../../src/format/migrations';
import { version3To4 } from '../../../src/format/migrations/v3-to-v4';
import { version4To5 } from '../../../src/format/migrations/v4-to-v5';
import { analyseJourney, simulateJourney } from '../../../src/simulation';
import { mapArb } from './arbitraries';
import { deepFreeze, expectMap, textOf, withoutVersion5Fields } from './helpers';

const UPGRADED_FROM_1 = 'Upgraded from format version 1: sticky notes, stage and channel colours were added; the map means the same as before.';
const UPGRADED_FROM_2 = 'Upgraded from format version 2: personas and opportunities were added; the map means the same as before.';
const UPGRADED_FROM_3 = 'Upgraded from format version 3: scenarios were added; the map means the same as before.';
const UPGRADED_FROM_4 = 'Upgraded from format version 4: survey evidence, observed counts and import mappings were added; the map means the same as before.';
const IGNORED_SCENARIOS = 'Ignored "scenarios": files before version 4 did not have it.';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures', name), 'utf8');

/** The success probability the version 3 release's exact engine computed for the fixture (recorded when it was made). */
const V3_SUCCESS = 0.22812160907680842;

/** How version 3 read a file it exported: the document without its envelope; no scenarios. */
function asVersion3Map(doc: Record<string, unknown>): JourneyMap {
  const { format: _format, version: _version, ...body } = doc;
  return { ...body, scenarios: [] } as unknown as JourneyMap;
}

describe('version 3 file online-store.v3.journey.json', () => {
  const text = fixture('online-store.v3.journey.json');
  const v3 = (): Record<string, any> => JSON.parse(text);

  it('is a version 3 export: its fields, with personas and opportunities, none that version 4 added', () => {
    expect(v3().version).toBe(3);
    expect(Object.keys(v3())).toEqual([
      'format', 'version', 'id', 'name', 'description', 'stages', 'channels', 'nodes', 'edges', 'notes', 'personas', 'opportunities',
    ]);
    expect(v3().personas).toHaveLength(2);
    expect(text).not.toMatch(/"scenarios"/);
  });

  it('imports with just the upgrade notices, 3 → 4 and 4 → 5', () => {
    const result = importMapText(text);
    expectMap(result);
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_3, UPGRADED_FROM_4]);
  });

  it('is upgraded without touching the (deep-frozen) input', () => {
    const input = deepFreeze(v3());
    const before = structuredClone(input);
    expect(version3To4.warnings?.(input)).toEqual([]);
    const output = version3To4.up(input);
    expect(input).toEqual(before);
    expect(output).not.toBe(input);
    expect(output).toEqual({ ...before, scenarios: [] });
  });

  it('means the same map: every field as written, with no scenarios; the sample itself', () => {
    const after = expectMap(importMapText(text));
    expect(after).toEqual(asVersion3Map(v3()));
    expect(after.scenarios).toEqual([]);
    expect(after).toEqual(onlineStoreSample());
  });

  it('simulates exactly as version 3 did, per persona too', () => {
    const after = analyseJourney(expectMap(importMapText(text)));
    expect(Math.abs(after.exact.success - V3_SUCCESS)).toBeLessThan(1e-12);
    expect(after.exact).toEqual(analyseJourney(asVersion3Map(v3())).exact);
    const settings = { customers: 2000, seed: 7 };
    const simulated = simulateJourney(expectMap(importMapText(text)), settings);
    const before = simulateJourney(asVersion3Map(v3()), settings);
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
    const again = importMapText(exported);
    expect(expectMap(again)).toEqual(map);
    expect(again.ok && again.warnings).toEqual([]);
  });
});

describe('the version 1, 2 and 3 exports of the Online store sample', () => {
  it('all open at the current version as the same map, without scenarios, each naming the steps it took', () => {
    const fromV1 = importMapText(fixture('online-store.v1.journey.json'));
    const fromV2 = importMapText(fixture('online-store.v2.journey.json'));
    const fromV3 = importMapText(fixture('online-store.v3.journey.json'));
    expect(fromV1.ok && fromV1.warnings).toEqual([UPGRADED_FROM_1, UPGRADED_FROM_2, UPGRADED_FROM_3, UPGRADED_FROM_4]);
    expect(fromV2.ok && fromV2.warnings).toEqual([UPGRADED_FROM_2, UPGRADED_FROM_3, UPGRADED_FROM_4]);
    expect(fromV3.ok && fromV3.warnings).toEqual([UPGRADED_FROM_3, UPGRADED_FROM_4]);
    expect(expectMap(fromV1)).toEqual(expectMap(fromV2));
    // The version 3 sample gained personas and opportunities; its nodes and edges are the earlier ones.
    const { personas: _p, opportunities: _o, ...v3Rest } = expectMap(fromV3);
    const { personas: _p2, opportunities: _o2, ...v2Rest } = expectMap(fromV2);
    expect(v3Rest.nodes.map((n) => n.id)).toEqual(v2Rest.nodes.map((n) => n.id));
    expect(v3Rest.edges).toEqual(v2Rest.edges);
    for (const result of [fromV1, fromV2, fromV3]) {
      const map = expectMap(result);
      expect(map.scenarios).toEqual([]);
      expect(JSON.parse(exportMapText(map)).version).toBe(FORMAT_VERSION);
    }
  });
});

/** A small version 3 document for the step to work on. */
function v3Document(): Record<string, any> {
  return {
    format: 'journey-map',
    version: 3,
    id: 'm',
    name: 'Café visit',
    description: '',
    stages: [{ id: 'visit', name: 'Visit', colour: '#0f766e' }],
    channels: [{ id: 'store', name: 'Store', colour: '#a16207' }],
    nodes: [
      { id: 'walk-in', kind: 'entry', label: 'Walks in', stage: 'visit', position: { x: 45, y: 0 }, friction: [], share: 1 },
      {
        id: 'order', kind: 'touchpoint', label: 'Orders at the counter', stage: 'visit', channel: 'store', position: { x: 45, y: 180 },
        emotion: -1, friction: [{ id: 'f-queue', note: 'Queue at lunchtime', severity: 3 }],
      },
      { id: 'leaves-happy', kind: 'outcome', label: 'Leaves happy', stage: 'visit', position: { x: 45, y: 360 }, friction: [], result: 'success' },
    ],
    edges: [
      { id: 'e1', source: 'walk-in', target: 'order', weight: 1 },
      { id: 'e2', source: 'order', target: 'leaves-happy', weight: 1 },
    ],
    notes: [],
    personas: [{ id: 'lunch', name: 'Lunch crowd', share: 1, nodes: [{ node: 'order', dropOff: 0.2 }], edges: [] }],
    opportunities: [],
  };
}

/** What a version 4 scenario in that document would mean: the queue gone (the only touchpoint removed). */
const strayScenario = () => ({
  id: 'no-queue',
  name: 'No queue',
  changes: { addedNodes: [], removedNodes: ['order'], changedNodes: [], addedEdges: [{ id: 'e3', source: 'walk-in', target: 'leaves-happy', weight: 1 }], removedEdges: [], changedEdges: [] },
});

describe('version3To4', () => {
  it('adds empty scenarios and changes nothing else', () => {
    const doc = deepFreeze(v3Document());
    expect(version3To4.from).toBe(3);
    expect(version3To4.warnings?.(doc)).toEqual([]);
    expect(version3To4.up(doc)).toEqual({ ...v3Document(), scenarios: [] });
    expect(doc).toEqual(v3Document());
  });

  it('migrated with target 4, is a version 4 document: the step 3 → 4 alone', () => {
    const result = migrate(deepFreeze(v3Document()), 3, MIGRATIONS, 4);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.applied).toEqual([version3To4]);
    expect(result.doc).toEqual({ ...v3Document(), version: 4, scenarios: [] });
  });

  it('is followed by 4 → 5 on the way to the current version', () => {
    const result = migrate(deepFreeze(v3Document()), 3);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.applied).toEqual([version3To4, version4To5]);
    expect(result.doc).toEqual({ ...v3Document(), version: FORMAT_VERSION, scenarios: [] });
  });

  it('opens a version 3 file with "scenarios": [] and the upgrade notices', () => {
    const result = importMapText(textOf(v3Document()));
    const map = expectMap(result);
    expect(map.scenarios).toEqual([]);
    expect(map.personas).toEqual(v3Document().personas);
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_3, UPGRADED_FROM_4]);
  });

  it.each([
    ['a scenario version 4 could read', [strayScenario()]],
    ['an empty list', []],
    ['text', 'not a list'],
  ])('drops a stray top-level "scenarios" (%s), which version 3 ignored, with a warning', (_what, scenarios) => {
    const doc = { ...v3Document(), scenarios };
    const frozen = deepFreeze(structuredClone(doc));
    expect(version3To4.warnings?.(frozen)).toEqual([IGNORED_SCENARIOS]);
    expect(version3To4.up(frozen).scenarios).toEqual([]);
    expect(frozen).toEqual(doc);
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(map.scenarios).toEqual([]);
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_3, UPGRADED_FROM_4, IGNORED_SCENARIOS]);
    // Dropped, not read with version 4's meaning: the map simulates as version 3 read it.
    expect(analyseJourney(map).exact).toEqual(analyseJourney(expectMap(importMapText(textOf(v3Document())))).exact);
  });

  it('keeps a version 4 (or later) file\'s scenarios: only older files lose theirs', () => {
    const doc = { ...v3Document(), version: 4, scenarios: [strayScenario()] };
    const result = importMapText(textOf(doc));
    expect(expectMap(result).scenarios).toEqual([strayScenario()]);
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_4]);
    const current = importMapText(textOf({ ...doc, version: FORMAT_VERSION }));
    expect(expectMap(current).scenarios).toEqual([strayScenario()]);
    expect(current.ok && current.warnings).toEqual([]);
  });

  it('upgrades every generated version 3 file to the same map without scenarios, a stray field or not', () => {
    fc.assert(
      fc.property(mapArb({ maxNodes: 8, maxEdges: 16 }).map(withoutVersion5Fields), fc.boolean(), (map, keepStray) => {
        const doc = JSON.parse(exportMapText(map));
        doc.version = 3;
        const stray = keepStray && map.scenarios.length > 0;
        if (!stray) delete doc.scenarios;
        const frozen = deepFreeze(structuredClone(doc));
        const result = importMapValue(frozen);
        expect(frozen).toEqual(doc);
        expect(expectMap(result)).toEqual({ ...map, scenarios: [] });
        expect(result.ok && result.warnings).toEqual(stray ? [UPGRADED_FROM_3, UPGRADED_FROM_4, IGNORED_SCENARIOS] : [UPGRADED_FROM_3, UPGRADED_FROM_4]);
      }),
      { numRuns: 200 },
    );
  });
});
