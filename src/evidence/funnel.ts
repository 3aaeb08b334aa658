/**
 * Reads a funnel file: observed counts to calibrate a map with (calibrate.ts). Two shapes, told apart by the
 * header:
 *   step counts       `step,users` — customers per step of a straight funnel, e.g. a GA4 funnel exploration
 *                     export (`#` comment lines, then `Step,Active users,Completion rate,…`, steps "1. Cart");
 *   transition counts `from,to,count` — customers who moved from one step to the next, from web analytics or a
 *                     data warehouse. A `to` of `(exit)`, `exit`, `(drop-off)` or nothing means they left there;
 *                     a `from` of `(start)` or `(entrance)` means they started at `to`.
 * Step names stay as the file writes them; funnelMapping.ts maps them to touchpoints.
 */
import { countProblem, findColumn, MAX_CSV_PROBLEMS, parseCount, readCsvTable, rowPath, type CsvRow } from './csvTable';
import type { EvidenceProblem } from './problems';

export interface StepCount {
  step: string;
  users: number;
  row: number;
}

/** `from` null: customers started at `to`; `to` null: customers left at `from`. Never both null. */
export interface TransitionCount {
  from: string | null;
  to: string | null;
  count: number;
  row: number;
}

export type FunnelData = { kind: 'steps'; steps: StepCount[] } | { kind: 'transitions'; transitions: TransitionCount[] };

export type FunnelReading = { ok: true; funnel: FunnelData } | { ok: false; problems: EvidenceProblem[] };

const STEP_COLUMNS = ['step', 'steps', 'funnel step', 'step name', 'touchpoint'];
const FROM_COLUMNS = ['from', 'from step', 'source', 'previous', 'previous step'];
const TO_COLUMNS = ['to', 'to step', 'target', 'next', 'next step'];
const COUNT_COLUMNS = ['users', 'active users', 'total users', 'count', 'customers', 'sessions', 'visitors', 'transitions', 'n'];
const START_NAMES = ['(start)', '(entrance)', '(entrances)'];
const EXIT_NAMES = ['', '(exit)', 'exit', '(exits)', '(drop-off)', '(dropoff)', 'drop-off'];

/**
 * A step name as compared with other step names and with touchpoint labels: without a leading number
 * ("1. ", "2) ", "Step 3: "), lower case, single spaces.
 */
export function stepKey(name: string): string {
  return name
    .replace(/^\s*(step\s*)?\d+\s*[.):–-]\s*/i, '')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The step names of a funnel in the order the file first mentions them (start and exit markers left out). */
export function funnelStepNames(funnel: FunnelData): string[] {
  const names =
    funnel.kind === 'steps' ? funnel.steps.map((s) => s.step) : funnel.transitions.flatMap((t) => [t.from, t.to]).filter((n) => n !== null);
  return [...new Set(names)];
}

/** A count column's cells: the column's header (for messages), the file's delimiter (for digit grouping). */
interface CountColumn {
  index: number;
  name: string;
  delimiter: string;
}

type CountRead = { count: number } | { problem: EvidenceProblem };

function readCount(row: CsvRow, column: CountColumn): CountRead {
  const cell = row.cells[column.index] ?? '';
  const count = parseCount(cell, column.delimiter);
  return count === undefined ? { problem: countProblem(row.row, column.name, cell) } : { count };
}

export function parseFunnelCsv(text: string): FunnelReading {
  const reading = readCsvTable(text, { commentLines: true });
  if (!reading.ok) return reading;
  const [header, ...data] = reading.table.rows;
  const columns = {
    count: findColumn(header.cells, COUNT_COLUMNS),
    from: findColumn(header.cells, FROM_COLUMNS),
    to: findColumn(header.cells, TO_COLUMNS),
    step: findColumn(header.cells, STEP_COLUMNS),
  };
  const transitions = columns.from >= 0 && columns.to >= 0;
  if (columns.count < 0 || (columns.step < 0 && !transitions)) {
    const found = header.cells.map((c) => `"${c}"`).join(', ');
    const rule = `the header must name the columns step and users (step counts) or from, to and count (transition counts); it has ${found}`;
    return { ok: false, problems: [{ path: rowPath(header.row), rule }] };
  }
  if (data.length === 0) return { ok: false, problems: [{ path: rowPath(header.row), rule: 'there are no rows of counts under the header' }] };
  const count: CountColumn = { index: columns.count, name: header.cells[columns.count], delimiter: reading.table.delimiter };
  const read = transitions
    ? readTransitions(data, columns.from, columns.to, count)
    : readSteps(data, { index: columns.step, name: header.cells[columns.step] }, count);
  return read.problems.length > 0 ? { ok: false, problems: read.problems.slice(0, MAX_CSV_PROBLEMS) } : { ok: true, funnel: read.funnel };
}

interface Read {
  funnel: FunnelData;
  problems: EvidenceProblem[];
}

function readSteps(data: readonly CsvRow[], column: { index: number; name: string }, countColumn: CountColumn): Read {
  const problems: EvidenceProblem[] = [];
  const steps: StepCount[] = [];
  const firstRow = new Map<string, number>();
  for (const row of data) {
    const step = row.cells[column.index] ?? '';
    const read = readCount(row, countColumn);
    const first = firstRow.get(stepKey(step));
    if (step === '') problems.push({ path: rowPath(row.row), rule: `${column.name} is empty: every row names a step` });
    else if (first !== undefined) {
      problems.push({ path: rowPath(row.row), rule: `the step "${step}" is listed twice (first in row ${first}): one row per step, please (remove any breakdown)` });
    }
    if ('problem' in read) problems.push(read.problem);
    if (step === '' || first !== undefined || 'problem' in read) continue;
    firstRow.set(stepKey(step), row.row);
    steps.push({ step, users: read.count, row: row.row });
  }
  return { funnel: { kind: 'steps', steps }, problems };
}

function readTransitions(data: readonly CsvRow[], fromColumn: number, toColumn: number, countColumn: CountColumn): Read {
  const problems: EvidenceProblem[] = [];
  const transitions: TransitionCount[] = [];
  for (const row of data) {
    const fromCell = row.cells[fromColumn] ?? '';
    const toCell = row.cells[toColumn] ?? '';
    const from = START_NAMES.includes(fromCell.toLocaleLowerCase()) ? null : fromCell;
    const to = EXIT_NAMES.includes(toCell.toLocaleLowerCase()) ? null : toCell;
    const read = readCount(row, countColumn);
    if (fromCell === '') problems.push({ path: rowPath(row.row), rule: 'from is empty: name the step customers came from, or (start)' });
    else if (from === null && to === null) problems.push({ path: rowPath(row.row), rule: 'a row from (start) needs a step in to' });
    if ('problem' in read) problems.push(read.problem);
    if (fromCell === '' || (from === null && to === null) || 'problem' in read) continue;
    transitions.push({ from, to, count: read.count, row: row.row });
  }
  return { funnel: { kind: 'transitions', transitions }, problems };
}
