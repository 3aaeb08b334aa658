/**
 * The upgrade from format version 1 to 2, on frozen version 1 input: files exported by the version 1 app
 * (tests/fixtures/online-store.v1.journey.json is the Online store sample exactly as that release exported
 * it) must open with the same meaning and the same simulation results, and whatever version 2 would refuse
 * in a hand- or tool-written version 1 file is repaired and named in a warning. Opening a file goes on to
 * the current version, so every import here also takes the 2 → 3 step (personas and opportunities, none
 * yet), the 3 → 4 step (scenarios, none yet) and the 4 → 5 step (evidence and import mappings, none yet)
 * and says so; the step 1 → 2 alone is checked by migrating with target 2.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CHANNELS, type JourneyMap } from '../../../src/domain/types';
import { exportMapText, FORMAT_VERSION, importMapText, importMapValue } from '../../../src/format';
import { migrate, MIGRATIONS } from '../../../src/format/migrations';
import { version1To2 } from '../../../src/format/migrations/v1-to-v2';
import { analyseJourney, simulateJourney } from '../../../src/simulation';
import { mapArb } from './arbitraries';
import { deepFreeze, expectMap, problemLines, textOf, withoutVersion5Fields } from './helpers';

const UPGRADED = 'Upgraded from format version 1: sticky notes, stage and channel colours were added; the map means the same as before.';
const UPGRADED_TO_3 = 'Upgraded from format version 2: personas and opportunities were added; the map means the same as before.';
const UPGRADED_TO_4 = 'Upgraded from format version 3: scenarios were added; the map means the same as before.';
const UPGRADED_TO_5 = 'Upgraded from format version 4: survey evidence, observed counts and import mappings were added; the map means the same as before.';
/** The notices every version 1 file opens with, before any repair's warning. */
const UPGRADES = [UPGRADED, UPGRADED_TO_3, UPGRADED_TO_4, UPGRADED_TO_5];

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures', name), 'utf8');

/**
 * Version 1 files as exported, with the success probability the version 1 release's exact engine computed for
 * each (recorded when the fixture was made).
 */
const FROZEN = [
  { file: 'online-store.v1.journey.json', success: 0.22812160907680845 },
  { file: 'worked-example.journey.json', success: 0.36 },
] as const;

/**
 * How version 1 read a file it exported: the document without its envelope, every field as written (its
 * exports hold every default). The empty `notes`, `personas`, `opportunities` and `scenarios` only complete
 * the type: version 1 had none, and without personas the simulation is the one population version 1 simulated.
 */
function asVersion1Map(doc: Record<string, unknown>): JourneyMap {
  const { format: _format, version: _version, ...body } = doc;
  return { ...body, notes: [], personas: [], opportunities: [], scenarios: [] } as unknown as JourneyMap;
}

const builtInColour = new Map(DEFAULT_CHANNELS.map((c) => [c.id, c.colour]));

describe.each(FROZEN)('version 1 file $file', ({ file, success }) => {
  const text = fixture(file);
  const v1 = (): Record<string, any> => JSON.parse(text);

  it('is a version 1 export: no field version 2 added', () => {
    expect(v1().version).toBe(1);
    expect(text).not.toMatch(/"(notes|colour|width)"/);
  });

  it('imports with just the upgrade notices, 1 → 2, 2 → 3, 3 → 4 and 4 → 5', () => {
    const result = importMapText(text);
    expectMap(result);
    expect(result.ok && result.warnings).toEqual(UPGRADES);
  });

  it('migrated with target 2, is a version 2 document: the step 1 → 2 alone, without personas or opportunities', () => {
    const input = deepFreeze(v1());
    const result = migrate(input, 1, MIGRATIONS, 2);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.applied).toEqual([version1To2]);
    expect(result.warnings).toEqual([]);
    expect(result.doc).toEqual({ ...version1To2.up(input), version: 2 });
    expect(result.doc.notes).toEqual([]);
    expect(Object.hasOwn(result.doc, 'personas')).toBe(false);
    expect(Object.hasOwn(result.doc, 'opportunities')).toBe(false);
  });

  it('is upgraded without touching the (deep-frozen) input', () => {
    const input = deepFreeze(v1());
    const before = structuredClone(input);
    expect(version1To2.warnings?.(input)).toEqual([]);
    const output = version1To2.up(input);
    expect(input).toEqual(before);
    expect(output).not.toBe(input);
    expect(output.nodes).toEqual(input.nodes);
  });

  it('means the same map: nodes, edges, stages and settings unchanged; channels gain only colours; no notes, personas, opportunities or scenarios', () => {
    const before = asVersion1Map(v1());
    const after = expectMap(importMapText(text));
    expect(after.id).toBe(before.id);
    expect(after.name).toBe(before.name);
    expect(after.description).toBe(before.description);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
    expect(after.stages).toEqual(before.stages);
    expect(after.simulation).toEqual(before.simulation);
    expect(after.channels.map(({ colour: _colour, ...channel }) => channel)).toEqual(before.channels);
    expect(after.channels.map((c) => c.colour)).toEqual(before.channels.map((c) => builtInColour.get(c.id)));
    expect(after.channels.every((c) => c.colour !== undefined)).toBe(true);
    expect(after.notes).toEqual([]);
    expect(after.personas).toEqual([]);
    expect(after.opportunities).toEqual([]);
    expect(after.scenarios).toEqual([]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });

  it('simulates exactly as version 1 did', () => {
    const before = analyseJourney(asVersion1Map(v1())).exact;
    const after = analyseJourney(expectMap(importMapText(text))).exact;
    expect(Math.abs(after.success - before.success)).toBeLessThan(1e-12);
    expect(Math.abs(after.success - success)).toBeLessThan(1e-12);
    expect(after).toEqual(before);
    const settings = { customers: 2000, seed: 7 };
    expect(simulateJourney(expectMap(importMapText(text)), settings).monteCarlo.outcomeCounts).toEqual(
      simulateJourney(asVersion1Map(v1()), settings).monteCarlo.outcomeCounts,
    );
  });

  it('exports at the current version and reopens as the same map, with no notice', () => {
    const map = expectMap(importMapText(text));
    const exported = exportMapText(map);
    expect(JSON.parse(exported).version).toBe(FORMAT_VERSION);
    const again = importMapText(exported);
    expect(expectMap(again)).toEqual(map);
    expect(again.ok && again.warnings).toEqual([]);
  });
});

/** A small version 1 document for the repairs to work on. */
function v1Document(): Record<string, any> {
  return {
    format: 'journey-map',
    version: 1,
    id: 'm',
    name: 'Repairs',
    stages: [
      { id: 'a', name: 'Awareness' },
      { id: 'b', name: 'Purchase' },
    ],
    channels: [
      { id: 'website', name: 'Website' },
      { id: 'kiosk', name: 'Kiosk' },
    ],
    nodes: [
      { id: 'start', kind: 'entry', label: 'Start', stage: 'a', position: { x: 0, y: 0 } },
      { id: 'visit', kind: 'touchpoint', label: 'Visit', stage: 'a', channel: 'kiosk', position: { x: 0, y: 200 }, dropOff: 0.1 },
      { id: 'done', kind: 'outcome', label: 'Done', stage: 'b', position: { x: 300, y: 200 }, result: 'success' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'visit' },
      { id: 'e2', source: 'visit', target: 'done' },
    ],
  };
}

/** Upgrades a deep-frozen copy (so every repair is also checked not to mutate) and imports the result. */
function upgrade(doc: Record<string, any>) {
  const frozen = deepFreeze(structuredClone(doc));
  const warnings = version1To2.warnings?.(frozen) ?? [];
  const output = version1To2.up(frozen);
  expect(frozen).toEqual(doc);
  const result = importMapText(textOf(doc));
  return { output, warnings, result, map: expectMap(result) };
}

describe('version1To2 repairs what version 2 refuses', () => {
  it('gives a version 1 file with nothing to repair the built-in colours and no notes, and nothing else', () => {
    const { map, warnings, output } = upgrade(v1Document());
    expect(warnings).toEqual([]);
    expect(output).toEqual({ ...v1Document(), channels: [{ id: 'website', name: 'Website', colour: '#1d4ed8' }, { id: 'kiosk', name: 'Kiosk' }], notes: [] });
    expect(map.channels).toEqual([
      { id: 'website', name: 'Website', colour: '#1d4ed8' },
      { id: 'kiosk', name: 'Kiosk' },
    ]);
  });

  it('names blank stages and channels after their place in the list', () => {
    const doc = v1Document();
    doc.stages[1].name = '   ';
    doc.channels[0].name = '';
    const { map, result } = upgrade(doc);
    expect(map.stages.map((s) => s.name)).toEqual(['Awareness', 'Stage 2']);
    expect(map.channels.map((c) => c.name)).toEqual(['Channel 1', 'Kiosk']);
    expect(result.ok && result.warnings).toEqual([
      ...UPGRADES,
      'Renamed a stage whose name was blank, longer than 80 characters or already taken: "   " → "Stage 2".',
      'Renamed a channel whose name was blank, longer than 80 characters or already taken: "" → "Channel 1".',
    ]);
  });

  it('numbers repeated names, comparing them as version 2 does, and keeps every name version 2 accepts', () => {
    const doc = v1Document();
    doc.stages = [
      { id: 'a', name: 'Awareness' },
      { id: 'b', name: 'awareness' },
      { id: 'c', name: 'Awareness (2)' },
      { id: 'd', name: ' AWARENESS ' },
      { id: 'e', name: ' Purchase ' },
    ];
    const { map, result } = upgrade(doc);
    expect(map.stages.map((s) => s.name)).toEqual(['Awareness', 'awareness (3)', 'Awareness (2)', 'AWARENESS (4)', ' Purchase ']);
    expect(result.ok && result.warnings).toEqual([
      ...UPGRADES,
      'Renamed 2 stages whose name was blank, longer than 80 characters or already taken: "awareness" → "awareness (3)", " AWARENESS " → "AWARENESS (4)".',
    ]);
  });

  it('cuts names over 80 characters, never inside a character, and keeps the cut names unique', () => {
    const doc = v1Document();
    const long = 'x'.repeat(100);
    doc.stages[0].name = long;
    doc.stages[1].name = `${long}y`;
    doc.channels[1].name = `${'k'.repeat(79)}😀 and more`;
    const { map, result } = upgrade(doc);
    expect(map.stages.map((s) => s.name)).toEqual(['x'.repeat(80), `${'x'.repeat(76)} (2)`]);
    expect(map.channels[1].name).toBe('k'.repeat(79));
    expect(result.ok && result.warnings[UPGRADES.length]).toBe(
      `Renamed 2 stages whose name was blank, longer than 80 characters or already taken: "${'x'.repeat(40)}…" → "${'x'.repeat(40)}…", "${'x'.repeat(40)}…" → "${'x'.repeat(40)}…".`,
    );
  });

  it('moves nodes lying beyond ±10,000,000 px to the limit', () => {
    const doc = v1Document();
    doc.nodes[0].position = { x: 5e7, y: -2e8 };
    doc.nodes[2].position = { x: -1e7, y: 1e7 };
    const { map, result } = upgrade(doc);
    expect(map.nodes.map((n) => n.position)).toEqual([
      { x: 1e7, y: -1e7 },
      { x: 0, y: 200 },
      { x: -1e7, y: 1e7 },
    ]);
    expect(result.ok && result.warnings).toEqual([
      ...UPGRADES,
      'Moved a node lying more than 10,000,000 px from the origin to that limit (start).',
    ]);
  });

  it('removes edges from a node to itself, naming them in a warning', () => {
    const doc = v1Document();
    doc.edges.splice(1, 0, { id: 'e-loop', source: 'visit', target: 'visit', weight: 3 });
    const { map, result } = upgrade(doc);
    expect(map.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(result.ok && result.warnings).toEqual([
      ...UPGRADES,
      'Removed an edge leading from a node to itself (e-loop): maps no longer allow them.',
    ]);
    // The edge that looped is gone from the simulation too: customers at "visit" reach "done" or drop off.
    expect(analyseJourney(map).exact.success).toBeCloseTo(0.9, 12);
  });

  it('scales weights and shares above 1e9 down by group, keeping every probability, and both engines agree', () => {
    const doc = v1Document();
    // Two ways out of "visit" whose weights summed to Infinity in version 1.
    doc.edges = [
      { id: 'e1', source: 'start', target: 'visit', weight: 1 },
      { id: 'e-big', source: 'visit', target: 'done', weight: 1.7e308 },
      { id: 'e-big2', source: 'visit', target: 'lost', weight: 1.7e308 / 3 },
    ];
    doc.nodes.push({ id: 'lost', kind: 'outcome', label: 'Lost', position: { x: 40, y: 400 }, result: 'failure', friction: [] });
    doc.nodes[0].share = 3e12;
    const { map, result } = upgrade(doc);
    const weights = Object.fromEntries(map.edges.map((e) => [e.id, e.weight]));
    expect(weights['e1']).toBe(1);
    expect(weights['e-big']).toBe(1e9);
    expect(weights['e-big2']).toBeCloseTo(1e9 / 3, 3);
    expect(map.nodes[0].share).toBe(1e9);
    expect(result.ok && result.warnings.slice(UPGRADES.length)).toEqual([
      'Scaled the entry shares down to at most 1,000,000,000; each entry keeps its share of customers.',
      'Scaled the edge weights out of a node down to at most 1,000,000,000; every way out keeps its share of customers.',
    ]);
    // 3 : 1 between done and lost, after the 10% drop-off at "visit"; Monte Carlo agrees within 4 standard errors.
    const sim = simulateJourney(map, { customers: 40_000, seed: 7 });
    expect(sim.exact.success).toBeCloseTo(0.9 * 0.75, 9);
    const se = Math.sqrt((sim.exact.success * (1 - sim.exact.success)) / 40_000);
    expect(Math.abs(sim.monteCarlo.success.rate - sim.exact.success)).toBeLessThan(4 * se);
  });

  it('names at most five removed self-loops', () => {
    const doc = v1Document();
    for (let i = 1; i <= 7; i++) doc.edges.push({ id: `loop-${i}`, source: 'visit', target: 'visit' });
    const { result } = upgrade(doc);
    expect(result.ok && result.warnings[UPGRADES.length]).toBe(
      'Removed 7 edges leading from a node to itself (loop-1, loop-2, loop-3, loop-4, loop-5 and 2 more): maps no longer allow them.',
    );
  });

  it('drops the fields version 1 did not define, which it ignored, instead of reading them as version 2', () => {
    const doc = v1Document();
    doc.stages[0].colour = 'red';
    doc.stages[1].width = 5;
    doc.channels[0].colour = '#000000';
    doc.channels[1].colour = '#123456';
    doc.notes = 'not a list';
    const { map, result } = upgrade(doc);
    expect(map.stages).toEqual([
      { id: 'a', name: 'Awareness' },
      { id: 'b', name: 'Purchase' },
    ]);
    expect(map.channels).toEqual([
      { id: 'website', name: 'Website', colour: '#1d4ed8' },
      { id: 'kiosk', name: 'Kiosk' },
    ]);
    expect(map.notes).toEqual([]);
    expect(result.ok && result.warnings).toEqual([
      ...UPGRADES,
      'Ignored 5 fields that format version 1 did not define: notes, stages[0].colour, stages[1].width, channels[0].colour, channels[1].colour.',
    ]);
  });

  it('makes every repair at once, leaving ids, references, weights and scores alone', () => {
    const doc = v1Document();
    doc.stages[1].name = 'AWARENESS';
    doc.channels[1].name = '';
    doc.nodes[1].position.x = -3e7;
    doc.nodes[1].scores = { csat: 40 };
    doc.edges.push({ id: 'e-loop', source: 'start', target: 'start', weight: 2 });
    const { map, result } = upgrade(doc);
    expect(map.stages.map((s) => [s.id, s.name])).toEqual([['a', 'Awareness'], ['b', 'AWARENESS (2)']]);
    expect(map.channels.map((c) => [c.id, c.name])).toEqual([['website', 'Website'], ['kiosk', 'Channel 2']]);
    expect(map.nodes.map((n) => [n.id, n.stage, n.channel])).toEqual([['start', 'a', undefined], ['visit', 'a', 'kiosk'], ['done', 'b', undefined]]);
    expect(map.nodes[1].scores).toEqual({ csat: 40 });
    expect(map.edges).toEqual([
      { id: 'e1', source: 'start', target: 'visit', weight: 1 },
      { id: 'e2', source: 'visit', target: 'done', weight: 1 },
    ]);
    expect(result.ok && result.warnings).toHaveLength(UPGRADES.length + 4);
  });

  it('leaves what it cannot read to validation, which refuses it with the usual words', () => {
    const doc = v1Document();
    doc.stages = 'none';
    doc.channels = [{ id: 'website', name: 42 }];
    delete doc.edges;
    expect(problemLines(importMapText(textOf(doc))).sort()).toEqual([
      'channels[0].name: must be text, not 42',
      'edges: is required',
      'stages: must be a list, not the text "none"',
    ]);
  });

  it('does not repair what it is not asked to: a version 1 problem stays a problem', () => {
    const doc = v1Document();
    doc.nodes[1].id = 'start';
    expect(problemLines(importMapText(textOf(doc)))).toContain('nodes[1].id: duplicate id "start"');
  });
});

/** A generated map as the version 1 app would have written it: none of the fields versions 2, 3, 4 and 5 added. */
function asVersion1File(map: JourneyMap): Record<string, any> {
  const doc = withoutVersion5Fields(JSON.parse(exportMapText(map)));
  doc.version = 1;
  delete doc.notes;
  delete doc.personas;
  delete doc.opportunities;
  delete doc.scenarios;
  for (const stage of doc.stages) {
    delete stage.colour;
    delete stage.width;
  }
  for (const channel of doc.channels) delete channel.colour;
  return doc;
}

/** What version 1 accepted and version 2 does not: odd names, far-away nodes, touchpoints leading to themselves. */
const quirkArb = fc.oneof(
  fc.record({ kind: fc.constant('stage-name' as const), at: fc.nat(), name: fc.constantFrom('', '   ', 'x'.repeat(120), 'COPY') }),
  fc.record({ kind: fc.constant('channel-name' as const), at: fc.nat(), name: fc.constantFrom('', '\t', 'y'.repeat(81), 'COPY') }),
  fc.record({ kind: fc.constant('far' as const), at: fc.nat(), x: fc.constantFrom(1e300, -2e7, 12_345_678.5) }),
  fc.record({ kind: fc.constant('self-loop' as const), at: fc.nat() }),
);
type Quirk = typeof quirkArb extends fc.Arbitrary<infer Q> ? Q : never;

function applyQuirk(doc: Record<string, any>, quirk: Quirk): void {
  const pick = (items: Record<string, any>[]): Record<string, any> | undefined => items[quirk.at % Math.max(items.length, 1)];
  if (quirk.kind === 'stage-name' || quirk.kind === 'channel-name') {
    const items = doc[quirk.kind === 'stage-name' ? 'stages' : 'channels'];
    const item = pick(items);
    if (item) item.name = quirk.name === 'COPY' ? ` ${items[0].name.toUpperCase()} ` : quirk.name;
  } else if (quirk.kind === 'far') {
    const node = pick(doc.nodes);
    if (node) node.position.x = quirk.x;
  } else {
    const node = pick(doc.nodes.filter((n: { kind: string }) => n.kind === 'touchpoint'));
    const loopId = `loop-${doc.edges.length}-${quirk.at}`;
    const taken = [...doc.nodes, ...doc.edges].some((x: { id: string }) => x.id === loopId);
    const exists = doc.edges.some((e: { source: string; target: string }) => node && e.source === node.id && e.target === node.id);
    if (node && !taken && !exists) doc.edges.push({ id: loopId, source: node.id, target: node.id, weight: 1 });
  }
}

describe('version1To2 on generated version 1 files', () => {
  it('upgrades every generated version 1 file to the same map, colours of built-in channels aside', () => {
    fc.assert(
      fc.property(mapArb({ maxNodes: 8, maxEdges: 16 }), (map) => {
        const result = importMapText(textOf(asVersion1File(map)));
        const upgraded = expectMap(result);
        expect(result.ok && result.warnings).toEqual(UPGRADES);
        expect(upgraded).toEqual({
          ...withoutVersion5Fields(map),
          stages: map.stages.map(({ id, name }) => ({ id, name })),
          channels: map.channels.map(({ id, name }) => (builtInColour.has(id) ? { id, name, colour: builtInColour.get(id) } : { id, name })),
          notes: [],
          personas: [],
          opportunities: [],
          scenarios: [],
        });
      }),
      { numRuns: 200 },
    );
  });

  it('opens every file version 1 accepted, changing only what it warns about', () => {
    fc.assert(
      fc.property(mapArb({ maxNodes: 8, maxEdges: 16 }), fc.array(quirkArb, { minLength: 1, maxLength: 6 }), (map, quirks) => {
        const doc = asVersion1File(map);
        for (const quirk of quirks) applyQuirk(doc, quirk);
        const frozen = deepFreeze(structuredClone(doc));
        const result = importMapValue(frozen);
        const upgraded = expectMap(result);
        expect(frozen).toEqual(doc);
        const loops = doc.edges.filter((e: { source: string; target: string }) => e.source === e.target).map((e: { id: string }) => e.id);
        expect(upgraded.edges.map((e) => e.id)).toEqual(doc.edges.map((e: { id: string }) => e.id).filter((id: string) => !loops.includes(id)));
        expect(upgraded.nodes.map((n) => [n.id, n.stage, n.channel])).toEqual(map.nodes.map((n) => [n.id, n.stage, n.channel]));
        expect(upgraded.stages.map((s) => s.id)).toEqual(map.stages.map((s) => s.id));
        expect(upgraded.channels.map((c) => c.id)).toEqual(map.channels.map((c) => c.id));
        const changedNames = [...upgraded.stages, ...upgraded.channels].filter((item, i) => item.name !== [...doc.stages, ...doc.channels][i].name);
        const warnings = result.ok ? result.warnings.join('\n') : '';
        expect(changedNames.length === 0 || /Renamed /.test(warnings)).toBe(true);
        expect(loops.length === 0 || /Removed /.test(warnings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
