/**
 * A raw survey export → its columns and the responses to count. Four layouts are recognised from their
 * header rows, because each names its questions differently and some carry rows that are not responses:
 *
 * - Qualtrics: three header rows (column ids such as `Q1`/`Status`/`Finished`; question text;
 *   `{"ImportId":"QID1"}`). Rows whose `Status` is not a real response (0, exported as "IP Address") count
 *   as `preview` — that bucket also holds tests, spam and imports, all of which Qualtrics itself leaves out of
 *   reports — and rows with `Finished` false count as `unfinished`. A blank Status or Finished is not evidence
 *   of either, so the row is kept.
 * - SurveyMonkey: two header rows (question; sub-label such as "Response", "Open-Ended Response" or an
 *   option). A question spanning several columns names only its first; the others inherit it. A column is
 *   called "question — sub-label" when the sub-label says something.
 * - Typeform: one header row with `#`, the questions and metadata (`Network ID`, `Submit Date (UTC)`…);
 *   rows whose `Response Type` is "partial" count as `unfinished`, like Qualtrics's unfinished rows.
 * - plain: any other CSV, one header row.
 *
 * The text is read as a table by csvTable (papaparse: quoted delimiters and line breaks, `;` or tab files, a
 * byte-order mark, blank lines). A column's `key` is its question text made unique; the map remembers mappings by key, so the next export
 * of the same survey is mapped again without asking. Short rows are padded, long ones widen the table
 * (extra columns are named "Column N"), so no answer is dropped for a ragged row.
 */
import { readCsvTable } from './csvTable';
import { refuse, type Refused } from './problems';

export type SurveyFormat = 'qualtrics' | 'surveymonkey' | 'typeform' | 'plain';

export interface SurveyColumn {
  /** Unique within the file; what a SurveyColumnMapping's `column` names. */
  key: string;
  /** What to show: the key, or for Qualtrics "Q1: question text". */
  label: string;
  /** Qualtrics's column id from its first header row (`Q1`, `Status`, `Q1_NPS_GROUP`). */
  id?: string;
}

/** Rows of the export that are not counted as responses. */
export interface SkippedRows {
  preview: number;
  unfinished: number;
}

export interface SurveyFile {
  format: SurveyFormat;
  columns: SurveyColumn[];
  /** The responses kept, each with exactly one cell per column. */
  rows: string[][];
  skippedRows: SkippedRows;
}

export type SurveyFileReading = { ok: true; file: SurveyFile } | Refused;

/** More responses than this are refused rather than read (a sanity limit for a browser tab). */
export const MAX_SURVEY_ROWS = 200_000;

export const HEADER_ROWS: Readonly<Record<SurveyFormat, number>> = { qualtrics: 3, surveymonkey: 2, typeform: 1, plain: 1 };

export function readSurveyFile(text: string): SurveyFileReading {
  const csv = readCsvTable(text);
  if (!csv.ok) return csv;
  const table = csv.table.rows.map((r) => r.cells);
  const format = detectSurveyFormat(table);
  const header = table.slice(0, HEADER_ROWS[format]);
  const data = table.slice(HEADER_ROWS[format]);
  if (data.length === 0) return refuse('', 'the file has no responses below its header');
  if (data.length > MAX_SURVEY_ROWS) {
    return refuse('', `the file has ${data.length.toLocaleString('en')} responses; at most ${MAX_SURVEY_ROWS.toLocaleString('en')} can be read`);
  }
  const width = table.reduce((max, row) => Math.max(max, row.length), 0);
  const columns = surveyColumns(format, header, width);
  const skipOf = rowSkipRule(format, columns);
  const rows: string[][] = [];
  const skippedRows: SkippedRows = { preview: 0, unfinished: 0 };
  for (const row of data) {
    const cells = padded(row, width);
    const skip = skipOf(cells);
    if (skip === undefined) rows.push(cells);
    else skippedRows[skip] += 1;
  }
  return { ok: true, file: { format, columns, rows, skippedRows } };
}

const cell = (row: readonly string[] | undefined, index: number): string => (row?.[index] ?? '').trim();
const lower = (text: string | undefined): string => (text ?? '').trim().toLowerCase();

const QUALTRICS_IMPORT_ID = /^\{\s*"ImportId"\s*:/i;
/** SurveyMonkey's sub-labels that only say "the answer is here". */
const PLAIN_SUB_LABELS = new Set(['response', 'open-ended response']);
const TYPEFORM_METADATA = new Set([
  'network id',
  'submit date (utc)',
  'start date (utc)',
  'stage date (utc)',
  'submitted at',
  'response type',
  'token',
]);

export function detectSurveyFormat(rows: readonly (readonly string[])[]): SurveyFormat {
  if (rows.length >= 3 && rows[2].some((c) => QUALTRICS_IMPORT_ID.test(c.trim()))) return 'qualtrics';
  if (rows.length >= 2 && isSurveyMonkeyHeader(rows[0], rows[1])) return 'surveymonkey';
  const names = (rows[0] ?? []).map(lower);
  if (names.includes('#') && names.some((n) => TYPEFORM_METADATA.has(n))) return 'typeform';
  return 'plain';
}

function isSurveyMonkeyHeader(questions: readonly string[], subLabels: readonly string[]): boolean {
  if (subLabels.some((c) => PLAIN_SUB_LABELS.has(lower(c)))) return true;
  const respondent = questions.findIndex((c) => lower(c) === 'respondent id');
  return respondent >= 0 && cell(subLabels, respondent) === '';
}

function surveyColumns(format: SurveyFormat, header: readonly string[][], width: number): SurveyColumn[] {
  if (format === 'qualtrics') return qualtricsColumns(header, width);
  const names = format === 'surveymonkey' ? surveyMonkeyNames(header, width) : indices(width).map((i) => cell(header[0], i));
  return uniqueKeys(names).map((key) => ({ key, label: key }));
}

function qualtricsColumns(header: readonly string[][], width: number): SurveyColumn[] {
  const ids = indices(width).map((i) => cell(header[0], i));
  const keys = uniqueKeys(indices(width).map((i) => cell(header[1], i) || ids[i]));
  return keys.map((key, i) => {
    const id = ids[i];
    if (id === '') return { key, label: key };
    return { key, label: id === key ? key : `${id}: ${key}`, id };
  });
}

/** "question — sub-label", the question carried over the blank cells of a question spanning columns. */
function surveyMonkeyNames(header: readonly string[][], width: number): string[] {
  let question = '';
  return indices(width).map((i) => {
    const subLabel = cell(header[1], i);
    const own = cell(header[0], i);
    if (own !== '' || subLabel === '') question = own;
    if (question === '') return subLabel;
    return subLabel === '' || PLAIN_SUB_LABELS.has(subLabel.toLowerCase()) ? question : `${question} — ${subLabel}`;
  });
}

/** Names made unique in order: a second "Satisfaction" becomes "Satisfaction (2)"; a blank one "Column N". */
function uniqueKeys(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, i) => {
    const base = name === '' ? `Column ${i + 1}` : name;
    let key = base;
    for (let copy = 2; taken.has(key); copy++) key = `${base} (${copy})`;
    taken.add(key);
    return key;
  });
}

type RowSkip = keyof SkippedRows;

/** Which rows the export itself marks as not (complete) responses. */
function rowSkipRule(format: SurveyFormat, columns: readonly SurveyColumn[]): (row: readonly string[]) => RowSkip | undefined {
  if (format === 'qualtrics') {
    const status = columns.findIndex((c) => lower(c.id) === 'status');
    const finished = columns.findIndex((c) => lower(c.id) === 'finished');
    return (row) => {
      if (status >= 0 && !isRealResponseStatus(row[status])) return 'preview';
      if (finished >= 0 && FALSE_VALUES.has(lower(row[finished]))) return 'unfinished';
      return undefined;
    };
  }
  if (format === 'typeform') {
    const responseType = columns.findIndex((c) => lower(c.key) === 'response type');
    return (row) => (responseType >= 0 && lower(row[responseType]) === 'partial' ? 'unfinished' : undefined);
  }
  return () => undefined;
}

/** Status 0 is a real response; Qualtrics exports it as "0" or, with choice text, "IP Address". */
const REAL_RESPONSE_STATUSES = new Set(['', '0', 'ip address']);
const FALSE_VALUES = new Set(['false', '0']);

const isRealResponseStatus = (status: string | undefined): boolean => REAL_RESPONSE_STATUSES.has(lower(status));

function padded(row: readonly string[], width: number): string[] {
  const cells = row.slice();
  while (cells.length < width) cells.push('');
  return cells;
}

const indices = (width: number): number[] => Array.from({ length: width }, (_, i) => i);
