/**
 * The upgrade from format version 2 to 3, on frozen version 2 input. Version 3 adds personas and
 * opportunities; a version 2 map has neither, so it opens with the same meaning and the same simulation
 * results. tests/fixtures/online-store.v2.journey.json is the Online store sample exactly as the version 2
 * release exported it (as online-store.v1.journey.json is for version 1). Opening a file goes on to the
 * current version, so imports here also take the 3 → 4 step (scenarios, none yet) and the 4 → 5 step
 * (evidence and import mappings, none yet) and say so; the step 2 → 3 alone is checked by migrating with
 * target 3.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JourneyMap } from '../../../src/domain/types';
import { exportMapText, FORMAT_VERSION, importMapText, importMapValue } from '../../../src/format';
import { migrate, MIGRATIONS } from '../../../src/format/migrations';
import { version2To3 } from '../../../src/format/migrations/v2-to-v3';
import { version3To4 } from '../../../src/format/migrations/v3-to-v4';
import { version4To5 } from '../../../src/format/migrations/v4-to-v5';
import { analyseJourney, simulateJourney } from '../../../src/simulation';
import { mapArb } from './arbitraries';
import { deepFreeze, expectMap, textOf, withoutVersion5Fields } from './helpers';

const UPGRADED_FROM_1 = 'Upgraded from format version 1: sticky notes, stage and channel colours were added; the map means the same as before.';
const UPGRADED_FROM_2 = 'Upgraded from format version 2: personas and opportunities were added; the map means the same as before.';
const UPGRADED_FROM_3 = 'Upgraded from format version 3: scenarios were added; the map means the same as before.';
const UPGRADED_FROM_4 = 'Upgraded from format version 4: survey evidence, observed counts and import mappings were added; the map means the same as before.';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures', name), 'utf8');

/** The success probability the version 2 release's exact engine computed for the fixture (recorded when it was made). */
const V2_SUCCESS = 0.22812160907680842;

/** How version 2 read a file it exported: the document without its envelope; no personas, opportunities or scenarios. */
function asVersion2Map(doc: Record<string, unknown>): JourneyMap {
  const { format: _format, version: _version, ...body } = doc;
  return { ...body, personas: [], opportunities: [], scenarios: [] } as unknown as JourneyMap;
}

describe('version 2 file online-store.v2.journey.json', () => {
  const text = fixture('online-store.v2.journey.json');
  const v2 = (): Record<string, any> => JSON.parse(text);

  it('is a version 2 export: its fields, none that version 3 added', () => {
    expect(v2().version).toBe(2);
    expect(Object.keys(v2())).toEqual(['format', 'version', 'id', 'name', 'description', 'stages', 'channels', 'nodes', 'edges', 'notes']);
    expect(text).not.toMatch(/"(personas|opportunities)"/);
  });

  it('imports with just the upgrade notices, 2 → 3, 3 → 4 and 4 → 5', () => {
    const result = importMapText(text);
    expectMap(result);
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_2, UPGRADED_FROM_3, UPGRADED_FROM_4]);
  });

  it('is upgraded without touching the (deep-frozen) input', () => {
    const input = deepFreeze(v2());
    const before = structuredClone(input);
    expect(version2To3.warnings?.(input)).toEqual([]);
    const output = version2To3.up(input);
    expect(input).toEqual(before);
    expect(output).not.toBe(input);
    expect(output).toEqual({ ...before, personas: [], opportunities: [] });
  });

  it('means the same map: every field as written, with no personas, opportunities or scenarios', () => {
    const before = asVersion2Map(v2());
    const after = expectMap(importMapText(text));
    expect(after).toEqual(before);
    expect(after.personas).toEqual([]);
    expect(after.opportunities).toEqual([]);
    expect(after.scenarios).toEqual([]);
  });

  it('simulates exactly as version 2 did', () => {
    const after = analyseJourney(expectMap(importMapText(text))).exact;
    expect(Math.abs(after.success - V2_SUCCESS)).toBeLessThan(1e-12);
    expect(after).toEqual(analyseJourney(asVersion2Map(v2())).exact);
    const settings = { customers: 2000, seed: 7 };
    expect(simulateJourney(expectMap(importMapText(text)), settings).monteCarlo.outcomeCounts).toEqual(
      simulateJourney(asVersion2Map(v2()), settings).monteCarlo.outcomeCounts,
    );
  });

  it('exports at the current version and reopens as the same map, with no notice', () => {
    const map = expectMap(importMapText(text));
    const exported = exportMapText(map);
    expect(JSON.parse(exported)).toMatchObject({ version: FORMAT_VERSION, personas: [], opportunities: [], scenarios: [] });
    const again = importMapText(exported);
    expect(expectMap(again)).toEqual(map);
    expect(again.ok && again.warnings).toEqual([]);
  });
});

describe('the version 1 and version 2 exports of the Online store sample', () => {
  it('both open at the current version, as the same map, each naming the steps it took', () => {
    const fromV1 = importMapText(fixture('online-store.v1.journey.json'));
    const fromV2 = importMapText(fixture('online-store.v2.journey.json'));
    expect(fromV1.ok && fromV1.warnings).toEqual([UPGRADED_FROM_1, UPGRADED_FROM_2, UPGRADED_FROM_3, UPGRADED_FROM_4]);
    expect(fromV2.ok && fromV2.warnings).toEqual([UPGRADED_FROM_2, UPGRADED_FROM_3, UPGRADED_FROM_4]);
    expect(expectMap(fromV1)).toEqual(expectMap(fromV2));
    for (const result of [fromV1, fromV2]) expect(JSON.parse(exportMapText(expectMap(result))).version).toBe(FORMAT_VERSION);
  });
});

/** A small version 2 document for the step to work on. */
function v2Document(): Record<string, any> {
  return {
    format: 'journey-map',
    version: 2,
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
    notes: [{ id: 'note-1', text: 'Ask about a second till', position: { x: 300, y: 0 } }],
  };
}

describe('version2To3', () => {
  it('adds empty personas and opportunities and changes nothing else', () => {
    const doc = deepFreeze(v2Document());
    expect(version2To3.from).toBe(2);
    expect(version2To3.warnings?.(doc)).toEqual([]);
    expect(version2To3.up(doc)).toEqual({ ...v2Document(), personas: [], opportunities: [] });
    expect(doc).toEqual(v2Document());
  });

  it('migrated with target 3, is a version 3 document: the step 2 → 3 alone, without scenarios', () => {
    const result = migrate(deepFreeze(v2Document()), 2, MIGRATIONS, 3);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.applied).toEqual([version2To3]);
    expect(result.doc).toEqual({ ...v2Document(), version: 3, personas: [], opportunities: [] });
    expect(Object.hasOwn(result.doc, 'scenarios')).toBe(false);
  });

  it('is followed by 3 → 4 and 4 → 5 on the way to the current version', () => {
    const result = migrate(deepFreeze(v2Document()), 2);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.applied).toEqual([version2To3, version3To4, version4To5]);
    expect(result.doc).toEqual({ ...v2Document(), version: FORMAT_VERSION, personas: [], opportunities: [], scenarios: [] });
  });

  it('drops stray top-level personas and opportunities, which version 2 ignored, with a warning', () => {
    const doc = v2Document();
    doc.personas = [{ id: 'p', name: 'Lunch crowd', share: 3, nodes: [{ node: 'order', dropOff: 0.5 }] }];
    doc.opportunities = 'not a list';
    const frozen = deepFreeze(structuredClone(doc));
    const output = version2To3.up(frozen);
    expect(frozen).toEqual(doc);
    expect(output.personas).toEqual([]);
    expect(output.opportunities).toEqual([]);
    const result = importMapText(textOf(doc));
    const map = expectMap(result);
    expect(map.personas).toEqual([]);
    expect(map.opportunities).toEqual([]);
    expect(result.ok && result.warnings).toEqual([
      UPGRADED_FROM_2,
      UPGRADED_FROM_3,
      UPGRADED_FROM_4,
      'Ignored "personas" and "opportunities": files before version 3 did not have them.',
    ]);
    // Dropped, not read with version 3's meaning: the map simulates as version 2 did, as one population.
    expect(analyseJourney(map).exact).toEqual(analyseJourney(expectMap(importMapText(textOf(v2Document())))).exact);
  });

  it('names just the one stray field when there is one', () => {
    const doc = v2Document();
    doc.opportunities = [{ id: 'o', title: 'Second till', status: 'done', effort: 'S', touchpoints: ['order'] }];
    const result = importMapText(textOf(doc));
    expect(expectMap(result).nodes[1].friction[0].resolved).toBeUndefined();
    expect(result.ok && result.warnings).toEqual([UPGRADED_FROM_2, UPGRADED_FROM_3, UPGRADED_FROM_4, 'Ignored "opportunities": files before version 3 did not have it.']);
  });

  it('upgrades every generated version 2 file to the same map without personas or opportunities, stray fields or not', () => {
    fc.assert(
      fc.property(mapArb({ maxNodes: 8, maxEdges: 16 }).map(withoutVersion5Fields), fc.boolean(), (map, keepStray) => {
        const doc = JSON.parse(exportMapText(map));
        doc.version = 2;
        delete doc.scenarios;
        const stray = keepStray && (map.personas.length > 0 || map.opportunities.length > 0);
        if (!stray) {
          delete doc.personas;
          delete doc.opportunities;
        }
        const frozen = deepFreeze(structuredClone(doc));
        const result = importMapValue(frozen);
        expect(frozen).toEqual(doc);
        expect(expectMap(result)).toEqual({ ...map, personas: [], opportunities: [], scenarios: [] });
        expect(result.ok && result.warnings.slice(0, 3)).toEqual([UPGRADED_FROM_2, UPGRADED_FROM_3, UPGRADED_FROM_4]);
        expect(result.ok && result.warnings.length).toBe(stray ? 4 : 3);
      }),
      { numRuns: 200 },
    );
  });
});
