import { FORMAT_VERSION, importMapText } from '../../../src/format';
import { importDocument } from '../../../src/format/import';
import { migrate, MIGRATIONS, type MapDocument, type Migration } from '../../../src/format/migrations';
import { version1To2 } from '../../../src/format/migrations/v1-to-v2';
import { version2To3 } from '../../../src/format/migrations/v2-to-v3';
import { version3To4 } from '../../../src/format/migrations/v3-to-v4';
import { version4To5 } from '../../../src/format/migrations/v4-to-v5';
import { deepFreeze, expectMap, problemLines, sampleDocument, textOf } from './helpers';

/**
 * A made-up version 0, before the format was published: `title` instead of `name`, flat `steps` with
 * `type`/`name`/`x`/`y`, and `links` with `from`/`to` and no ids. It reaches the current version through the
 * made-up step 0 → 1 below and then the real 1 → 2, 2 → 3, 3 → 4 and 4 → 5.
 */
const VERSION_0_FILE = {
  format: 'journey-map',
  version: 0,
  id: 'old-map',
  title: 'Café visit',
  stages: [{ id: 'visit', name: 'Visit' }],
  channels: [{ id: 'store', name: 'Store' }],
  steps: [
    { id: 'walk-in', type: 'entry', name: 'Walks in', x: 40, y: 0, stage: 'visit' },
    { id: 'order', type: 'touchpoint', name: 'Orders at the counter', x: 40, y: 180, stage: 'visit', channel: 'store' },
    { id: 'leaves-happy', type: 'outcome', name: 'Leaves happy', x: 40, y: 360, result: 'success' },
  ],
  links: [
    { from: 'walk-in', to: 'order' },
    { from: 'order', to: 'leaves-happy', weight: 3 },
  ],
};

const version0To1: Migration = {
  from: 0,
  summary: 'steps and links became nodes and edges.',
  up(doc) {
    const { title, steps, links, ...rest } = doc as Record<string, unknown> & {
      steps: { id: string; type: string; name: string; x: number; y: number }[];
      links: { from: string; to: string; weight?: number }[];
    };
    return {
      ...rest,
      name: title,
      nodes: steps.map(({ type, name, x, y, ...step }) => ({ ...step, kind: type, label: name, position: { x, y }, friction: [] })),
      edges: links.map((link, i) => ({ id: `e-${i}`, source: link.from, target: link.to, weight: link.weight ?? 1 })),
    };
  },
};

/** The made-up step in front of the real chain: version 0 → 1 → 2 → 3 → 4 → 5. */
const FROM_VERSION_0 = [version0To1, ...MIGRATIONS];

const UPGRADE_NOTICES = [
  'Upgraded from format version 0: steps and links became nodes and edges.',
  'Upgraded from format version 1: sticky notes, stage and channel colours were added; the map means the same as before.',
  'Upgraded from format version 2: personas and opportunities were added; the map means the same as before.',
  'Upgraded from format version 3: scenarios were added; the map means the same as before.',
  'Upgraded from format version 4: survey evidence, observed counts and import mappings were added; the map means the same as before.',
];

describe('migration chain', () => {
  it('runs in production from version 1, the first published format, to version 5', () => {
    expect(FORMAT_VERSION).toBe(5);
    expect(MIGRATIONS).toEqual([version1To2, version2To3, version3To4, version4To5]);
    expect(problemLines(importMapText(textOf(VERSION_0_FILE)))).toEqual([
      'version: format version 0 is not supported: there is no upgrade from version 0',
    ]);
  });

  it('has exactly one migration per version step, ending at the current version', () => {
    const froms = MIGRATIONS.map((m) => m.from);
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
    froms.forEach((from, i) => expect(from).toBe(FORMAT_VERSION - froms.length + i));
  });

  it('upgrades a version 0 file through versions 1, 2, 3 and 4 to 5 and then validates it like any other', () => {
    const result = importDocument(VERSION_0_FILE, FROM_VERSION_0);
    const map = expectMap(result);
    expect(map.name).toBe('Café visit');
    expect(map.stages).toEqual([{ id: 'visit', name: 'Visit' }]);
    expect(map.channels).toEqual([{ id: 'store', name: 'Store', colour: '#a16207' }]);
    expect(map.notes).toEqual([]);
    expect(map.personas).toEqual([]);
    expect(map.opportunities).toEqual([]);
    expect(map.scenarios).toEqual([]);
    expect(Object.hasOwn(map, 'imports')).toBe(false);
    expect(map.nodes.map((n) => [n.id, n.kind, n.label, n.position])).toEqual([
      ['walk-in', 'entry', 'Walks in', { x: 40, y: 0 }],
      ['order', 'touchpoint', 'Orders at the counter', { x: 40, y: 180 }],
      ['leaves-happy', 'outcome', 'Leaves happy', { x: 40, y: 360 }],
    ]);
    expect(map.edges).toEqual([
      { id: 'e-0', source: 'walk-in', target: 'order', weight: 1 },
      { id: 'e-1', source: 'order', target: 'leaves-happy', weight: 3 },
    ]);
    expect(result.ok && result.warnings).toEqual(UPGRADE_NOTICES);
  });

  it('stops at the target it is given: version 0 migrated with target 2 is a version 2 document, before personas', () => {
    const result = migrate(deepFreeze(structuredClone(VERSION_0_FILE)), 0, FROM_VERSION_0, 2);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.applied).toEqual([version0To1, version1To2]);
    expect(result.doc.version).toBe(2);
    expect(result.doc.notes).toEqual([]);
    expect(Object.hasOwn(result.doc, 'personas')).toBe(false);
    expect(Object.hasOwn(result.doc, 'opportunities')).toBe(false);
  });

  it('hands each step the previous step\'s output: a self-loop made by step 0 → 1 is removed by 1 → 2', () => {
    const looped = structuredClone(VERSION_0_FILE);
    looped.links.push({ from: 'order', to: 'order' });
    const result = importDocument(looped, FROM_VERSION_0);
    expect(expectMap(result).edges.map((e) => e.id)).toEqual(['e-0', 'e-1']);
    expect(result.ok && result.warnings.slice(UPGRADE_NOTICES.length)).toEqual([
      'Removed an edge leading from a node to itself (e-2): maps no longer allow them.',
    ]);
  });

  it('the made-up migration does not mutate its input', () => {
    const input = deepFreeze(structuredClone(VERSION_0_FILE));
    const before = structuredClone(input);
    const output = version0To1.up(input);
    expect(input).toEqual(before);
    expect(output).not.toBe(input);
  });

  it('a migrated file with a problem is still refused, with paths of the new version', () => {
    const broken = structuredClone(VERSION_0_FILE);
    broken.links.push({ from: 'leaves-happy', to: 'order' });
    expect(problemLines(importDocument(broken, FROM_VERSION_0))).toEqual([
      'edges[2].source: "leaves-happy" is an outcome: a journey ends there, so it cannot lead anywhere',
    ]);
  });

  it('applies several steps in order, each seeing the previous one\'s output', () => {
    const seen: number[] = [];
    const step = (from: number): Migration => ({
      from,
      summary: `step ${from}`,
      up: (doc: MapDocument) => {
        seen.push(doc.version as number);
        return { ...doc, trail: [...((doc.trail as number[]) ?? []), from] };
      },
    });
    const result = migrate(deepFreeze({ version: 0 }), 0, [step(2), step(0), step(1)], 3);
    expect(result.ok && result.doc).toEqual({ version: 3, trail: [0, 1, 2] });
    expect(seen).toEqual([0, 1, 2]);
  });

  it('refuses when a step in the chain is missing', () => {
    const result = migrate({ version: 0 }, 0, [version0To1], 3);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { path: 'version', message: 'format version 0 is not supported: there is no upgrade from version 1' },
    ]);
    expect(problemLines(importDocument(VERSION_0_FILE, [version0To1]))).toEqual([
      'version: format version 0 is not supported: there is no upgrade from version 1',
    ]);
  });

  it('collects the warnings of every step, in order, after running each on its input', () => {
    const seen: unknown[] = [];
    const step = (from: number): Migration => ({
      from,
      summary: `step ${from}`,
      warnings: (doc) => {
        seen.push(doc.version);
        return [`warning from ${from}`];
      },
      up: (doc) => ({ ...doc }),
    });
    const result = migrate(deepFreeze({ version: 0 }), 0, [step(0), step(1)], 2);
    expect(result.ok && result.warnings).toEqual(['warning from 0', 'warning from 1']);
    expect(seen).toEqual([0, 1]);
  });

  it('turns a migration that throws into a refusal', () => {
    const broken: Migration = { from: 0, summary: '', up: () => { throw new Error('steps missing'); } };
    expect(problemLines(importDocument({ ...sampleDocument(), version: 0 }, [broken, ...MIGRATIONS]))).toEqual([
      'Could not upgrade the file from format version 0: steps missing',
    ]);
  });

  it('catches a migration that mutates its (frozen) input', () => {
    const rename = (doc: MapDocument) => {
      (doc as Record<string, unknown>).name = 'changed';
      return doc;
    };
    const mutating: Migration = { from: 0, summary: '', up: rename };
    const copying: Migration = { from: 0, summary: '', up: (doc) => rename({ ...doc }) };
    expect(problemLines(importDocument(deepFreeze({ ...sampleDocument(), version: 0 }), [mutating, ...MIGRATIONS]))).toEqual([
      expect.stringMatching(/^Could not upgrade the file from format version 0: Cannot assign to read only property 'name'/),
    ]);
    expect(expectMap(importDocument(deepFreeze({ ...sampleDocument(), version: 0 }), [copying, ...MIGRATIONS])).name).toBe('changed');
  });
});

describe('version field', () => {
  it('refuses a file made by a newer version of the app', () => {
    const doc = { ...sampleDocument(), version: FORMAT_VERSION + 1 };
    expect(problemLines(importMapText(textOf(doc)))).toEqual([
      `version: this map was made by a newer version of Journey Designer (format version ${FORMAT_VERSION + 1}; this app reads up to ${FORMAT_VERSION}). Update the app to open it.`,
    ]);
  });

  it.each([
    ['"1"', 'version: must be a whole number of at least 0'],
    ['1.5', 'version: must be a whole number of at least 0'],
    ['-1', 'version: must be a whole number of at least 0'],
  ])('refuses version %s', (version, line) => {
    const text = textOf(sampleDocument()).replace(`"version":${FORMAT_VERSION}`, `"version":${version}`);
    expect(text).not.toBe(textOf(sampleDocument()));
    expect(problemLines(importMapText(text))).toEqual([line]);
  });

  it('requires a version', () => {
    const { version: _version, ...doc } = sampleDocument();
    expect(problemLines(importMapText(textOf(doc)))).toEqual(['version: is required']);
  });
});
