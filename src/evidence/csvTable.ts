/**
 * The one way evidence files (funnels, transitions, customer paths) are read as tables: papaparse does the
 * quoting, this module the rest every export needs — a byte-order mark stripped, the delimiter (`,`, `;` or
 * tab) chosen from the header line, empty lines skipped, and optionally `#` comment lines (GA4 exports open
 * with them; a Typeform header starts with a `#` column, so it is opt-in). Rows keep the number a spreadsheet
 * shows for them, so a problem can say "row 4". Problems are values; nothing here throws.
 */
import Papa from 'papaparse';
import type { EvidenceProblem } from './problems';

export interface CsvRow {
  /** 1-based, counting every record of the file, empty and comment lines included. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: string;
  /** The header first, then the data rows; never an empty or comment row. */
  rows: CsvRow[];
}

export type CsvReading = { ok: true; table: CsvTable } | { ok: false; problems: EvidenceProblem[] };

export interface CsvOptions {
  /**
   * Rows whose first cell starts with `#` are comments: skipped before the table, and ending it after (a GA4
   * export may hold several tables, each under its own comment lines: the first is read).
   */
  commentLines?: boolean;
}

/** Problems listed for one file at most: the rest are the same mistake again. */
export const MAX_CSV_PROBLEMS = 20;

const DELIMITERS = [',', ';', '\t'] as const;

/** The path of a problem at a row: "row 4", as a spreadsheet numbers the rows. */
export const rowPath = (row: number): string => `row ${row}`;

/** A problem in words: "row 4: users must be a whole number ≥ 0 (got "x")". */
export function problemText(problem: EvidenceProblem): string {
  return problem.path === '' ? problem.rule : `${problem.path}: ${problem.rule}`;
}

export function readCsvTable(text: string, options: CsvOptions = {}): CsvReading {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const isComment = (line: string) => options.commentLines === true && line.trimStart().startsWith('#');
  const header = body.split(/\r\n|\n|\r/).find((line) => line.trim() !== '' && !isComment(line));
  if (header === undefined) return { ok: false, problems: [{ path: '', rule: 'the file is empty: it needs a header row and data rows' }] };
  const delimiter = delimiterOf(header);
  const parsed = Papa.parse<string[]>(body, { delimiter });
  const broken = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (broken) {
    return { ok: false, problems: [{ path: rowPath((broken.row ?? 0) + 1), rule: 'a quoted cell is never closed: check the quotation marks' }] };
  }
  const rows: CsvRow[] = [];
  for (const [i, cells] of parsed.data.entries()) {
    if (isComment(cells[0] ?? '')) {
      if (rows.length > 0) break;
      continue;
    }
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ row: i + 1, cells: cells.map((c) => c.trim()) });
  }
  return { ok: true, table: { delimiter, rows } };
}

/** The delimiter found most often outside quotes in the header line (a comma when none is). */
function delimiterOf(header: string): string {
  const unquoted = header.replace(/"[^"]*"/g, '');
  let best: string = DELIMITERS[0];
  let most = 0;
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > most) [best, most] = [d, count];
  }
  return best;
}

/** A header cell as compared with known column names: lower case, single spaces, `_` and `-` as spaces. */
export function columnKey(header: string): string {
  return header.toLocaleLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Index of the first header cell whose key is one of `names` (already keys), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  return header.findIndex((cell) => names.includes(columnKey(cell)));
}

/**
 * A whole number ≥ 0 as analytics exports write it: plain digits, or digits grouped in threes by spaces,
 * apostrophes and commas ("12,345", "12 345") — in a `;`-separated file by dots instead of commas ("12.345"),
 * the European way, where a comma is the decimal point. Undefined for anything else (decimals included).
 */
export function parseCount(cell: string, delimiter: string): number | undefined {
  const text = cell.trim();
  const separators = delimiter === ';' ? "[.\\u00a0\\u202f' ]" : "[,\\u00a0\\u202f' ]";
  const grouped = new RegExp(`^\\d{1,3}(${separators})\\d{3}(\\1\\d{3})*$`);
  if (!/^\d+$/.test(text) && !grouped.test(text)) return undefined;
  const value = Number(text.replace(/\D/g, ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A problem for a count cell that is not a whole number ≥ 0, naming the column as the file does. */
export function countProblem(row: number, column: string, cell: string): EvidenceProblem {
  const shown = cell.length > 20 ? `${cell.slice(0, 20)}…` : cell;
  return { path: rowPath(row), rule: `${column} must be a whole number ≥ 0 (got "${shown}")` };
}
