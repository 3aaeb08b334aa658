/**
 * The mapping step's edits of a survey mapping: pure functions from one mapping to the next, so the table
 * only says which control changed. The mapping lists only the columns in use, in the file's column order
 * (the order the map remembers them in).
 */
import type { JourneyNode, SurveyColumnMapping, SurveyColumnRole, SurveyMapping } from '../../domain/types';
import { bestTouchpoint } from '../../evidence';
import type { SurveyFile } from '../../evidence/surveyFile';
import { touchpointCellKey } from '../../evidence/touchpointMatch';

/** A column's role in the table: '' is "Not used". */
export type ColumnChoice = SurveyColumnRole | '';

/** A touchpoint column lists at most this many values to map (more is free text, not touchpoint names). */
export const MAX_LISTED_VALUES = 100;

export const columnOf = (mapping: SurveyMapping, key: string): SurveyColumnMapping | undefined => mapping.columns.find((c) => c.column === key);

export const touchpointColumnOf = (mapping: SurveyMapping): SurveyColumnMapping | undefined => mapping.columns.find((c) => c.role === 'touchpoint');

/** The mapping with `entries` in the file's column order. */
function inFileOrder(mapping: SurveyMapping, file: SurveyFile, entries: Map<string, SurveyColumnMapping>): SurveyMapping {
  return { ...mapping, columns: file.columns.flatMap((c) => entries.get(c.key) ?? []) };
}

/**
 * The mapping with `key` given `role`. A score column keeps the touchpoint it had, else gets the one its
 * question names; a touchpoint column gets its values matched to touchpoint labels, and takes over from any
 * other touchpoint column (one column names each row's touchpoint).
 */
export function withRole(mapping: SurveyMapping, file: SurveyFile, key: string, role: ColumnChoice, touchpoints: readonly JourneyNode[]): SurveyMapping {
  const entries = new Map(mapping.columns.map((c) => [c.column, c]));
  const before = entries.get(key);
  entries.delete(key);
  if (role === 'touchpoint') {
    for (const [other, c] of entries) if (c.role === 'touchpoint') entries.delete(other);
    const values = distinctValues(file, key).flatMap(({ value }) => {
      const node = bestTouchpoint(value, touchpoints);
      return node === undefined ? [] : [{ value, node }];
    });
    entries.set(key, { column: key, role, values });
  } else if (role !== '') {
    const node = before?.role !== 'touchpoint' && before?.node !== undefined ? before.node : bestTouchpoint(key, touchpoints);
    entries.set(key, node === undefined ? { column: key, role } : { column: key, role, node });
  }
  return inFileOrder(mapping, file, entries);
}

/** The mapping with score column `key` feeding `node` (undefined: the touchpoint each row names). */
export function withNode(mapping: SurveyMapping, key: string, node: string | undefined): SurveyMapping {
  return {
    ...mapping,
    columns: mapping.columns.map((c) => {
      if (c.column !== key) return c;
      const next: SurveyColumnMapping = { column: c.column, role: c.role };
      if (node !== undefined) next.node = node;
      return next;
    }),
  };
}

/** The mapping with the touchpoint column's cell `value` naming `node` (undefined: no touchpoint of this map). */
export function withValueNode(mapping: SurveyMapping, value: string, node: string | undefined): SurveyMapping {
  const key = touchpointCellKey(value);
  return {
    ...mapping,
    columns: mapping.columns.map((c) => {
      if (c.role !== 'touchpoint') return c;
      const others = (c.values ?? []).filter((v) => touchpointCellKey(v.value) !== key);
      return { ...c, values: node === undefined ? others : [...others, { value, node }] };
    }),
  };
}

/** The node a touchpoint column maps `value` to, if any (cells compared as the import compares them). */
export function nodeOfValue(column: SurveyColumnMapping, value: string): string | undefined {
  const key = touchpointCellKey(value);
  return column.values?.find((v) => touchpointCellKey(v.value) === key)?.node;
}

/**
 * A column's distinct non-blank cells (case and surrounding spaces ignored, spelt as first met), most
 * frequent first, with how many rows hold each.
 */
export function distinctValues(file: SurveyFile, key: string): { value: string; count: number }[] {
  const index = file.columns.findIndex((c) => c.key === key);
  if (index < 0) return [];
  const found = new Map<string, { value: string; count: number }>();
  for (const row of file.rows) {
    const cellKey = touchpointCellKey(row[index]);
    if (cellKey === '') continue;
    const entry = found.get(cellKey);
    if (entry) entry.count += 1;
    else found.set(cellKey, { value: row[index].trim(), count: 1 });
  }
  return [...found.values()].sort((a, b) => b.count - a.count);
}

/** A few of a column's answers, to recognise it by: "10, 9, 8" (the first distinct non-blank ones, shortened). */
export function sampleAnswers(file: SurveyFile, index: number, count = 3): string {
  const seen = new Set<string>();
  for (const row of file.rows) {
    const cell = row[index].trim();
    if (cell === '' || seen.has(cell)) continue;
    seen.add(cell);
    if (seen.size === count) break;
  }
  return [...seen].map((s) => (s.length > 24 ? `${s.slice(0, 23)}…` : s)).join(', ');
}
