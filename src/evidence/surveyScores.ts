/**
 * Survey responses + a mapping → scores per touchpoint, each with its number of answers and 95% interval
 * (surveyStats has the formulas), and a summary of what was read and skipped.
 *
 * A score column feeds its mapped node, or, without one, the node the row's touchpoint cell names. Columns
 * and nodes the mapping names but the file or map lacks are passed over (checkSurveyMapping reports them).
 * Several columns feeding one metric of one node are pooled. `mergeSurveyScores` turns a node's computed
 * scores into its new `scores` value, which the store applies as one undoable edit.
 */
import { SCORE_METRICS, type JourneyMap, type ScoreMetric, type Scores, type ScoresEvidence, type SurveyMapping } from '../domain';
import { readAnswer, SURVEY_SCALES, type SkipReason } from './surveyAnswers';
import type { SurveyFile } from './surveyFile';
import { meanEstimate, npsEstimate, roundEstimate, shareEstimate, type Estimate } from './surveyStats';
import type { SurveySummary } from './surveySummary';
import { scoredNodes, touchpointCellKey } from './touchpointMatch';

/**
 * The scores a survey gives one node: only the metrics it fed, `responses` the largest n among them.
 * `{ node, scores }` is the domain's SurveyScores, which the store's importSurveyScores takes (after merging).
 */
export interface ScoresFromSurvey {
  nps?: number;
  csat?: number;
  ces?: number;
  responses: number;
  evidence: ScoresEvidence;
}

export interface SurveyScoring {
  /** Nodes with at least one answer, in the map's node order. */
  nodes: { node: string; scores: ScoresFromSurvey }[];
  summary: SurveySummary;
}

type Answers = Partial<Record<ScoreMetric, number[]>>;

export function computeSurveyScores(file: SurveyFile, mapping: SurveyMapping, map: JourneyMap): SurveyScoring {
  const plan = readingPlan(file, mapping, map);
  const answers = new Map<string, Answers>();
  const skippedAnswers: Record<SkipReason, number> = { blank: 0, outOfRange: 0, nonNumeric: 0 };
  let unmatchedRows = 0;
  for (const row of file.rows) {
    const rowNode = plan.rowNode(row);
    if (plan.needsRowNode && rowNode === undefined) unmatchedRows += 1;
    for (const column of plan.scoreColumns) {
      const node = column.node ?? rowNode;
      if (node === undefined) continue;
      const reading = readAnswer(row[column.index], SURVEY_SCALES[column.metric]);
      if (!reading.ok) {
        skippedAnswers[reading.reason] += 1;
        continue;
      }
      const nodeAnswers = answers.get(node) ?? {};
      (nodeAnswers[column.metric] ??= []).push(reading.value);
      answers.set(node, nodeAnswers);
    }
  }
  const nodes = scoredNodes(map).flatMap((n) => {
    const nodeAnswers = answers.get(n.id);
    return nodeAnswers === undefined ? [] : [{ node: n.id, scores: scoresFromSurvey(nodeAnswers, mapping) }];
  });
  return {
    nodes,
    summary: {
      responses: file.rows.length,
      skippedRows: { ...file.skippedRows },
      skippedAnswers,
      unmatchedRows,
      nodes: nodes.map(({ node, scores }) => ({ node, n: scores.responses })),
    },
  };
}

interface ScoreColumn {
  index: number;
  metric: ScoreMetric;
  node?: string;
}

interface ReadingPlan {
  scoreColumns: ScoreColumn[];
  /** Whether some score column takes its node from the row's touchpoint cell. */
  needsRowNode: boolean;
  rowNode: (row: readonly string[]) => string | undefined;
}

/** The mapping resolved against the file's columns and the map's nodes, dropping what either lacks. */
function readingPlan(file: SurveyFile, mapping: SurveyMapping, map: JourneyMap): ReadingPlan {
  const nodes = new Set(scoredNodes(map).map((n) => n.id));
  const indexOf = new Map(file.columns.map((c, i) => [c.key, i]));
  const touchpoint = mapping.columns.find((c) => c.role === 'touchpoint' && indexOf.has(c.column));
  const touchpointIndex = touchpoint === undefined ? undefined : indexOf.get(touchpoint.column);
  const nodeOfValue = new Map((touchpoint?.values ?? []).filter((v) => nodes.has(v.node)).map((v) => [touchpointCellKey(v.value), v.node]));
  const scoreColumns = mapping.columns.flatMap((c): ScoreColumn[] => {
    const index = indexOf.get(c.column);
    if (c.role === 'touchpoint' || index === undefined) return [];
    if (c.node !== undefined) return nodes.has(c.node) ? [{ index, metric: c.role, node: c.node }] : [];
    return touchpointIndex === undefined ? [] : [{ index, metric: c.role }];
  });
  return {
    scoreColumns,
    needsRowNode: scoreColumns.some((c) => c.node === undefined),
    rowNode: (row) => (touchpointIndex === undefined ? undefined : nodeOfValue.get(touchpointCellKey(row[touchpointIndex]))),
  };
}

function scoresFromSurvey(answers: Answers, mapping: SurveyMapping): ScoresFromSurvey {
  const scores: ScoresFromSurvey = { responses: 0, evidence: {} };
  if (answers.nps !== undefined) {
    const nps = npsOf(answers.nps);
    scores.nps = nps.value;
    scores.evidence.nps = evidenceOf(nps);
  }
  if (answers.csat !== undefined) {
    const csat = mapping.csat === 'top2' ? shareOf(answers.csat, 4) : meanOf(answers.csat, 'csat');
    scores.csat = csat.value;
    scores.evidence.csat = { ...evidenceOf(csat), measure: mapping.csat };
  }
  if (answers.ces !== undefined) {
    const ces = mapping.ces === 'top3' ? shareOf(answers.ces, 5) : meanOf(answers.ces, 'ces');
    scores.ces = ces.value;
    scores.evidence.ces = { ...evidenceOf(ces), measure: mapping.ces };
  }
  scores.responses = largestN(scores.evidence);
  return scores;
}

const npsOf = (answers: readonly number[]): Estimate =>
  roundEstimate(npsEstimate(countAtLeast(answers, 9), answers.length - countAtLeast(answers, 7), answers.length), 1);

/** Top-box share in percent: answers of `lowest` or more. */
const shareOf = (answers: readonly number[], lowest: number): Estimate => roundEstimate(shareEstimate(countAtLeast(answers, lowest), answers.length), 1);

const meanOf = (answers: readonly number[], metric: ScoreMetric): Estimate => roundEstimate(meanEstimate(answers, SURVEY_SCALES[metric]), 2);

const countAtLeast = (answers: readonly number[], lowest: number): number => answers.filter((a) => a >= lowest).length;

const evidenceOf = ({ n, low, high }: Estimate) => ({ n, low, high });

const largestN = (evidence: ScoresEvidence): number => Math.max(0, ...Object.values(evidence).map((e) => e?.n ?? 0));

/**
 * A node's scores after a survey import: the metrics the survey fed replace the old values and their
 * evidence; the others (typed by hand, or from an earlier import) stay. `responses` becomes the largest n
 * of the evidence the node then holds — or the old `responses`, if larger, while a score typed by hand (with
 * no evidence of its own) still stands on it.
 */
export function mergeSurveyScores(existing: Scores | undefined, computed: ScoresFromSurvey): Scores {
  const evidence: ScoresEvidence = { ...existing?.evidence, ...computed.evidence };
  const merged: Scores = { ...existing, ...computed, evidence };
  const handTyped = SCORE_METRICS.some((m) => merged[m] !== undefined && evidence[m] === undefined);
  merged.responses = Math.max(largestN(evidence), handTyped ? (existing?.responses ?? 0) : 0);
  return merged;
}
