/**
 * Format version 4 → 5. Version 5 adds evidence: scores computed from survey answers carry their sample size
 * and interval (`scores.evidence`), calibrated drop-offs and weights carry the counts behind them
 * (`observed` on nodes and edges), and the map remembers its import mappings (`imports`). A version 4 map
 * has none of them, so it means exactly the same. Such fields in an older file were unknown to its version
 * and ignored; they are dropped here rather than read with version 5's meaning, and the warning says so.
 * Frozen: it must never change, since files and stored maps of version 4 exist.
 */
import type { MapDocument, Migration } from '../migrations';

type Doc = Record<string, unknown>;
const isRecord = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A copy of `item` without the version-5 fields it may hold, and whether there were any. */
function withoutNewFields(item: unknown, kind: 'node' | 'edge', found: Set<string>): unknown {
  if (!isRecord(item)) return item;
  let copy: Doc | undefined;
  if (Object.hasOwn(item, 'observed')) {
    copy = { ...item };
    delete copy.observed;
    found.add(`the ${kind} field "observed"`);
  }
  if (kind === 'node' && isRecord(item.scores) && Object.hasOwn(item.scores, 'evidence')) {
    copy ??= { ...item };
    const scores = { ...item.scores };
    delete scores.evidence;
    copy.scores = scores;
    found.add('the score field "evidence"');
  }
  return copy ?? item;
}

function strip(doc: MapDocument, found: Set<string>): Doc {
  const out: Doc = { ...doc };
  if (Object.hasOwn(out, 'imports')) {
    delete out.imports;
    found.add('"imports"');
  }
  if (Array.isArray(doc.nodes)) out.nodes = doc.nodes.map((n) => withoutNewFields(n, 'node', found));
  if (Array.isArray(doc.edges)) out.edges = doc.edges.map((e) => withoutNewFields(e, 'edge', found));
  if (Array.isArray(doc.scenarios)) {
    out.scenarios = doc.scenarios.map((scenario) => {
      if (!isRecord(scenario) || !isRecord(scenario.changes)) return scenario;
      const c = scenario.changes;
      const set = (kind: 'node' | 'edge') => (ch: unknown) =>
        isRecord(ch) && isRecord(ch.set) ? { ...ch, set: withoutNewFields(ch.set, kind, found) } : ch;
      const changes: Doc = { ...c };
      if (Array.isArray(c.addedNodes)) changes.addedNodes = list(c.addedNodes).map((n) => withoutNewFields(n, 'node', found));
      if (Array.isArray(c.addedEdges)) changes.addedEdges = list(c.addedEdges).map((e) => withoutNewFields(e, 'edge', found));
      if (Array.isArray(c.changedNodes)) changes.changedNodes = list(c.changedNodes).map(set('node'));
      if (Array.isArray(c.changedEdges)) changes.changedEdges = list(c.changedEdges).map(set('edge'));
      return { ...scenario, changes };
    });
  }
  return out;
}

export const version4To5: Migration = {
  from: 4,
  summary: 'survey evidence, observed counts and import mappings were added; the map means the same as before.',
  warnings: (doc) => {
    const found = new Set<string>();
    strip(doc, found);
    return [...found].map((what) => `Ignored ${what}: files before version 5 did not have it.`);
  },
  up: (doc) => strip(doc, new Set()),
};
