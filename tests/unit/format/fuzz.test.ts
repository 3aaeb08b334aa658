/**
 * Throws generated and damaged files at the importer. Whatever comes in, it must not throw, and whatever
 * map it returns must validate clean, keep the domain invariants and survive another export/import.
 */
import fc from 'fast-check';
import { invariantProblems } from '../../../src/domain/edits';
import {
  decodeShareFragment,
  exportMapText,
  FORMAT_VERSION,
  importMapText,
  importMapValue,
  MAX_REPORTED_PROBLEMS,
  validateMap,
  type ImportResult,
} from '../../../src/format';
import { mapArb, trickyString } from './arbitraries';

let accepted = 0;
let refused = 0;

// Plain checks rather than `expect`: they run tens of thousands of times and must stay cheap.
function check(condition: boolean, what: string, detail?: unknown): void {
  if (!condition) throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

function checkResult(result: ImportResult): void {
  check(typeof result === 'object' && result !== null, 'a result object');
  if (!result.ok) {
    refused++;
    check(result.problems.length > 0 && result.problems.length <= MAX_REPORTED_PROBLEMS, 'between 1 and 20 problems', result.problems);
    for (const p of result.problems) check(typeof p.path === 'string' && typeof p.message === 'string' && p.message !== '', 'a path and a rule', p);
    return;
  }
  accepted++;
  const again = validateMap(result.map);
  check(again.ok && again.warnings.length === 0, 'the returned map re-validates clean', again);
  check(invariantProblems(result.map).length === 0, 'no domain invariant problems', invariantProblems(result.map));
  const text = exportMapText(result.map);
  const reimported = importMapText(text);
  check(reimported.ok && exportMapText(reimported.map) === text, 'it survives export and import');
}

function importText(text: string): void {
  checkResult(importMapText(text));
}

function importValue(value: unknown): void {
  checkResult(importMapValue(value));
  checkResult(validateMap(value));
}

type Path = (string | number)[];

/** Every place in a document a mutation can hit: each object field and list item, plus the root. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) pathsOf(child, [...path, key], out);
  }
  return out;
}

function parentOf(doc: unknown, path: Path): Record<string | number, unknown> | undefined {
  let at: unknown = doc;
  for (const key of path.slice(0, -1)) at = (at as Record<string | number, unknown>)?.[key];
  return at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>) : undefined;
}

/** Sets an own property even for "__proto__", the way JSON.parse would. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const nastyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'NaN', 'Infinity', '-Infinity', '', '__proto__', 'constructor', null, true, [], {},
    -1, 0, 0.5, 1, 1.5, 5, 6, 7.5, 100, 101, -101, 2 ** 53, 1e308, -1e-308,
    'entry', 'touchpoint', 'outcome', 'success', 'awareness', 'website', '<script>alert(1)</script>',
  ),
);
const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'extra', 'nodes', 'toString');

type Mutation =
  | { op: 'set'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'copy'; at: number; from: number }
  | { op: 'addKey'; at: number; key: string; value: unknown };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: nastyValue }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('copy' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({ op: fc.constant('addKey' as const), at: fc.nat(), key: nastyKey, value: nastyValue }),
);

function mutate(doc: unknown, mutations: Mutation[]): unknown {
  for (const m of mutations) {
    const paths = pathsOf(doc);
    const path = paths[m.at % paths.length];
    const parent = parentOf(doc, path);
    const key = path[path.length - 1];
    if (m.op === 'addKey') {
      const target = path.length === 0 ? doc : parent?.[key!];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        setOwn(target as Record<string, unknown>, m.key, structuredClone(m.value));
      }
      continue;
    }
    if (!parent || key === undefined) continue;
    if (m.op === 'set') setOwn(parent, key, structuredClone(m.value));
    else if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.op === 'duplicate') {
      if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
    } else {
      const source = paths[m.from % paths.length];
      const sourceParent = parentOf(doc, source);
      if (sourceParent && source.length > 0) setOwn(parent, key, structuredClone(sourceParent[source[source.length - 1]]));
    }
  }
  return doc;
}

/**
 * Generating a valid map costs more than importing it, so the damaged files start from a fixed pool of
 * generated maps (same seed every run) and all the run-to-run variety is in the damage.
 */
const pool = fc.sample(mapArb({ maxNodes: 6, maxEdges: 10 }), { numRuns: 400, seed: 20240601 }).map((map) => exportMapText(map));
const fileDocArb = fc.constantFrom(...pool).map((text) => JSON.parse(text) as unknown);

/**
 * The same maps as version 1 files, which go through the upgrades to versions 2 and 3 first: without the
 * fields versions 2 and 3 added, or (as a tool might have written them) with them left in, which version 1
 * ignored.
 */
const version1DocArb = fc.tuple(fileDocArb, fc.boolean()).map(([doc, keepNewerFields]) => {
  const file = doc as Record<string, any>;
  file.version = 1;
  if (!keepNewerFields) {
    delete file.notes;
    delete file.personas;
    delete file.opportunities;
    for (const stage of file.stages) {
      delete stage.colour;
      delete stage.width;
    }
    for (const channel of file.channels) delete channel.colour;
  }
  return file as unknown;
});

/** The same maps as version 2 files: without personas and opportunities, or with them left in, which version 2 ignored. */
const version2DocArb = fc.tuple(fileDocArb, fc.boolean()).map(([doc, keepV3Fields]) => {
  const file = doc as Record<string, any>;
  file.version = 2;
  if (!keepV3Fields) {
    delete file.personas;
    delete file.opportunities;
  }
  return file as unknown;
});

describe('importer fuzz (12,000+ files)', { timeout: 60_000 }, () => {
  afterAll(() => {
    // The runs must exercise both sides of the importer, or the generators have gone stale.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(2000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });

  it('damaged valid files, as text', () => {
    fc.assert(
      fc.property(fileDocArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
        importText(JSON.stringify(mutate(doc, mutations)));
      }),
      { numRuns: 4000 },
    );
  });

  it('damaged valid files, as already-parsed values', () => {
    fc.assert(
      fc.property(fileDocArb, fc.array(mutationArb, { maxLength: 3 }), (doc, mutations) => {
        importValue(mutate(doc, mutations));
      }),
      { numRuns: 1500 },
    );
  });

  it('damaged version 1 files, upgraded on the way in', () => {
    fc.assert(
      fc.property(version1DocArb, fc.array(mutationArb, { maxLength: 4 }), (doc, mutations) => {
        importText(JSON.stringify(mutate(doc, mutations)));
      }),
      { numRuns: 2000 },
    );
  });

  it('damaged version 2 files, upgraded on the way in', () => {
    fc.assert(
      fc.property(version2DocArb, fc.array(mutationArb, { maxLength: 4 }), (doc, mutations) => {
        importText(JSON.stringify(mutate(doc, mutations)));
      }),
      { numRuns: 1000 },
    );
  });

  it('valid files cut short or spliced with random text', () => {
    fc.assert(
      fc.property(fileDocArb, fc.nat(), fc.nat(), trickyString(8), (doc, at, cut, insert) => {
        const text = JSON.stringify(doc, null, 2);
        const i = at % (text.length + 1);
        importText(text.slice(0, i) + insert + text.slice(i + (cut % 4)));
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary JSON, bare or inside a valid envelope', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, wrap) => {
        const doc = wrap && value !== null && typeof value === 'object' && !Array.isArray(value)
          ? { format: 'journey-map', version: FORMAT_VERSION, ...value }
          : value;
        importText(JSON.stringify(doc) ?? '');
      }),
      { numRuns: 2000 },
    );
  });

  it('arbitrary JavaScript values (NaN, -0, Infinity, undefined, Maps, Dates, …)', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }), (value) => {
        importValue(value);
        importValue({ format: 'journey-map', version: FORMAT_VERSION, id: 'm', name: 'n', stages: [], channels: [], nodes: [value], edges: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('random text, as a file and as a share link', () => {
    fc.assert(
      fc.property(trickyString(200), (text) => {
        importText(text);
        const fromLink = decodeShareFragment(`#map=${text}`);
        check(fromLink !== undefined, 'a result for a hash with map=');
        checkResult(fromLink!);
      }),
      { numRuns: 1000 },
    );
  });
});
