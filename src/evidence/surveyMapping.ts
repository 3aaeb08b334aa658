/**
 * Which survey column feeds which touchpoint and metric. `proposeSurveyMapping` prepares the mapping step:
 * it reuses what the map remembers from the last import of the same survey (columns by key, as long as
 * their touchpoints still exist) and guesses the rest —
 *
 * - a score column: the metric from the header ("NPS", "recommend" → NPS; "CSAT", "satisf" → CSAT; "CES",
 *   "effort", "easy" → CES), kept only when its answers are mostly numbers and at least 90% of those are
 *   points of that metric's scale, so a "satisfaction" column answered 1–10 is not read as CSAT; the touchpoint from the header's words. A score
 *   column whose touchpoint cannot be guessed is still proposed (the user picks it; `checkSurveyMapping`
 *   says so until then) unless a touchpoint column names it per row.
 * - one touchpoint column: a header such as "Touchpoint", "Step", "Channel" or "Stage" whose values name
 *   touchpoints, or any column whose values mostly are touchpoint labels; its values are mapped to them.
 *
 * Columns neither remembered nor recognised are left out. `checkSurveyMapping` finds what would make a
 * mapping unusable with a given file and map, as problems with paths into the mapping.
 */
import type { CesMeasure, CsatMeasure, JourneyMap, JourneyNode, ScoreMetric, SurveyColumnMapping, SurveyMapping } from '../domain';
import type { EvidenceProblem } from './problems';
import { readAnswer, SURVEY_SCALES } from './surveyAnswers';
import type { SurveyColumn, SurveyFile } from './surveyFile';
import { bestTouchpoint, sameName, scoredNodes, touchpointCellKey } from './touchpointMatch';

export const DEFAULT_CSAT_MEASURE: CsatMeasure = 'top2';
export const DEFAULT_CES_MEASURE: CesMeasure = 'mean';

/** Share of a column's numeric answers that must be points of a scale for the column to be proposed as that metric. */
export const SCALE_FIT = 0.9;
/** A column with more distinct values than this is free text, not a touchpoint column. */
const MAX_TOUCHPOINT_VALUES = 100;

export function proposeSurveyMapping(file: SurveyFile, map: JourneyMap): SurveyMapping {
  const touchpoints = scoredNodes(map);
  const remembered = rememberedColumns(file, map, touchpoints);
  const touchpointColumn = remembered.find((c) => c.role === 'touchpoint') ?? guessTouchpointColumn(file, touchpoints);
  const columns: SurveyColumnMapping[] = [];
  file.columns.forEach((column, index) => {
    if (column.key === touchpointColumn?.column) {
      columns.push(withGuessedValues(touchpointColumn, file, index, touchpoints));
      return;
    }
    const mapped = remembered.find((c) => c.column === column.key && c.role !== 'touchpoint') ?? guessScoreColumn(file, index, touchpoints);
    if (mapped !== undefined) columns.push(mapped);
  });
  return {
    columns,
    csat: map.imports?.survey?.csat ?? DEFAULT_CSAT_MEASURE,
    ces: map.imports?.survey?.ces ?? DEFAULT_CES_MEASURE,
  };
}

/** Remembered columns present in the file whose touchpoints still exist (a touchpoint column's values filtered). */
function rememberedColumns(file: SurveyFile, map: JourneyMap, touchpoints: readonly JourneyNode[]): SurveyColumnMapping[] {
  const keys = new Set(file.columns.map((c) => c.key));
  const exists = new Set(touchpoints.map((n) => n.id));
  const kept: SurveyColumnMapping[] = [];
  for (const column of map.imports?.survey?.columns ?? []) {
    if (!keys.has(column.column)) continue;
    if (column.role === 'touchpoint') {
      kept.push({ column: column.column, role: 'touchpoint', values: (column.values ?? []).filter((v) => exists.has(v.node)) });
    } else if (column.node === undefined || exists.has(column.node)) {
      kept.push(column);
    }
  }
  return kept;
}

const METRIC_CUES: readonly { metric: ScoreMetric; pattern: RegExp }[] = [
  { metric: 'nps', pattern: /\bnps\b/i },
  { metric: 'csat', pattern: /\bcsat\b/i },
  { metric: 'ces', pattern: /\bces\b/i },
  { metric: 'nps', pattern: /net promoter|recommend/i },
  { metric: 'csat', pattern: /satisf/i },
  { metric: 'ces', pattern: /effort|\beas(?:y|ier|e|ily)\b/i },
];

/**
 * Columns never guessed: Qualtrics's derived promoter/passive/detractor column (answers 1–3) is not an NPS
 * question, and its "Distribution Channel" (anonymous, email…) is how the survey was sent, not a touchpoint.
 */
const isSurveyMetadata = (column: SurveyColumn): boolean =>
  /_NPS_GROUP$|^DistributionChannel$/i.test(column.id ?? '') || /\bnps[ _-]?group\b/i.test(column.key);

function guessScoreColumn(file: SurveyFile, index: number, touchpoints: readonly JourneyNode[]): SurveyColumnMapping | undefined {
  const column = file.columns[index];
  if (isSurveyMetadata(column)) return undefined;
  const cued = METRIC_CUES.filter((c) => c.pattern.test(column.key)).map((c) => c.metric);
  const metric = cued.find((m) => fitsScale(file, index, m));
  if (metric === undefined) return undefined;
  const node = bestTouchpoint(column.key, touchpoints);
  return node === undefined ? { column: column.key, role: metric } : { column: column.key, role: metric, node };
}

/**
 * Whether a column's answers are on `metric`'s scale: most non-blank cells are numbers, and at least
 * SCALE_FIT of the numbers are points of the scale ("n/a" says nothing about the scale; "9" on a 1–5 does).
 */
function fitsScale(file: SurveyFile, index: number, metric: ScoreMetric): boolean {
  let answered = 0;
  let numeric = 0;
  let fitting = 0;
  for (const row of file.rows) {
    const reading = readAnswer(row[index], SURVEY_SCALES[metric]);
    if (!reading.ok && reading.reason === 'blank') continue;
    answered += 1;
    if (reading.ok || reading.reason === 'outOfRange') numeric += 1;
    if (reading.ok) fitting += 1;
  }
  return fitting > 0 && numeric >= 0.5 * answered && fitting >= SCALE_FIT * numeric;
}

const TOUCHPOINT_HEADER = /\b(?:touchpoints?|steps?|channels?|stages?|interactions?)\b/i;

/**
 * The column that best names each row's touchpoint: a touchpoint-like header with at least one value
 * naming a touchpoint beats a column found by its values alone, which needs half its cells to be labels.
 */
function guessTouchpointColumn(file: SurveyFile, touchpoints: readonly JourneyNode[]): SurveyColumnMapping | undefined {
  let best: { fit: number; column: SurveyColumnMapping } | undefined;
  file.columns.forEach((column, index) => {
    if (isSurveyMetadata(column)) return;
    const counts = valueCounts(file, index);
    if (counts.size === 0 || counts.size > MAX_TOUCHPOINT_VALUES) return;
    const values = guessedValues([...counts.keys()], touchpoints);
    if (values.length === 0) return;
    const cells = sum(counts.values());
    const labelCells = sum([...counts].filter(([value]) => touchpoints.some((t) => sameName(t.label, value))).map(([, n]) => n));
    const named = TOUCHPOINT_HEADER.test(column.key);
    if (!named && labelCells < 0.5 * cells) return;
    const fit = (named ? 1 : 0) + labelCells / cells;
    if (best === undefined || fit > best.fit) best = { fit, column: { column: column.key, role: 'touchpoint', values } };
  });
  return best?.column;
}

/** A touchpoint column with the file's values it does not map yet guessed from the touchpoint labels. */
function withGuessedValues(
  column: SurveyColumnMapping,
  file: SurveyFile,
  index: number,
  touchpoints: readonly JourneyNode[],
): SurveyColumnMapping {
  const known = column.values ?? [];
  const mapped = new Set(known.map((v) => touchpointCellKey(v.value)));
  const unmapped = [...valueCounts(file, index).keys()].filter((value) => !mapped.has(touchpointCellKey(value)));
  return { column: column.column, role: 'touchpoint', values: [...known, ...guessedValues(unmapped, touchpoints)] };
}

function guessedValues(values: readonly string[], touchpoints: readonly JourneyNode[]): { value: string; node: string }[] {
  return values.flatMap((value) => {
    const node = bestTouchpoint(value, touchpoints);
    return node === undefined ? [] : [{ value, node }];
  });
}

/**
 * A column's distinct non-blank values (told apart as touchpoint cells are: ignoring case and surrounding
 * spaces), each spelt as it first appears, with how often it occurs.
 */
function valueCounts(file: SurveyFile, index: number): Map<string, number> {
  const spelling = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const row of file.rows) {
    const key = touchpointCellKey(row[index]);
    if (key === '') continue;
    if (!spelling.has(key)) spelling.set(key, row[index].trim());
    const value = spelling.get(key) as string;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

const sum = (numbers: Iterable<number>): number => {
  let total = 0;
  for (const n of numbers) total += n;
  return total;
};

/** What stops `mapping` from being used with this file and map; none means every mapped column can be read. */
export function checkSurveyMapping(file: SurveyFile, mapping: SurveyMapping, map: JourneyMap): EvidenceProblem[] {
  const keys = new Set(file.columns.map((c) => c.key));
  const nodes = new Set(scoredNodes(map).map((n) => n.id));
  const touchpointColumns = mapping.columns.filter((c) => c.role === 'touchpoint');
  const problems: EvidenceProblem[] = [];
  const seen = new Set<string>();
  mapping.columns.forEach((column, i) => {
    const path = `columns[${i}]`;
    if (!keys.has(column.column)) problems.push({ path: `${path}.column`, rule: `the file has no column “${column.column}”` });
    else if (seen.has(column.column)) problems.push({ path: `${path}.column`, rule: `the column “${column.column}” is mapped twice` });
    seen.add(column.column);
    if (column.node !== undefined && !nodes.has(column.node)) {
      problems.push({ path: `${path}.node`, rule: `the map has no touchpoint “${column.node}”` });
    }
    if (column.role === 'touchpoint') {
      if (column !== touchpointColumns[0]) problems.push({ path: `${path}.role`, rule: 'only one column can name the touchpoint' });
      (column.values ?? []).forEach((v, j) => {
        if (!nodes.has(v.node)) problems.push({ path: `${path}.values[${j}].node`, rule: `the map has no touchpoint “${v.node}”` });
      });
    } else if (column.node === undefined && touchpointColumns.length === 0) {
      problems.push({ path: `${path}.node`, rule: `choose the touchpoint “${column.column}” is about, or a column that names it` });
    }
  });
  return problems;
}
