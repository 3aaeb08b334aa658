/**
 * Evidence from outside files → counts and scores for the map. Pure: imports only `domain` (and the
 * simulation's interval helpers), so it runs in the browser, a worker, Node and tests alike.
 */
export type { EvidenceProblem, Refused } from './problems';
export {
  detectSurveyFormat,
  readSurveyFile,
  HEADER_ROWS,
  MAX_SURVEY_ROWS,
  type SkippedRows,
  type SurveyColumn,
  type SurveyFile,
  type SurveyFileReading,
  type SurveyFormat,
} from './surveyFile';
export { readAnswer, SURVEY_SCALES, type AnswerReading, type Scale, type SkipReason } from './surveyAnswers';
export { meanEstimate, npsEstimate, roundEstimate, shareEstimate, type Estimate } from './surveyStats';
/** The thin-sample rule is the domain's (the Inspector and cards ask it too); here for the import's callers. */
export { isThin } from '../domain';
export { bestTouchpoint, meaningfulWords, sameName, scoredNodes } from './touchpointMatch';
export { checkSurveyMapping, proposeSurveyMapping, DEFAULT_CES_MEASURE, DEFAULT_CSAT_MEASURE, SCALE_FIT } from './surveyMapping';
export { computeSurveyScores, mergeSurveyScores, type ScoresFromSurvey, type SurveyScoring } from './surveyScores';
export { surveySummaryLines, surveySummaryText, type SurveySummary } from './surveySummary';
export { readCsvTable, parseCount, findColumn, columnKey, MAX_CSV_PROBLEMS, type CsvRow, type CsvTable, type CsvReading } from './csvTable';
export { parseFunnelCsv, funnelStepNames, stepKey, type FunnelData, type FunnelReading, type StepCount, type TransitionCount } from './funnel';
export { proposeFunnelMapping, funnelMappingToRemember, nameMatch, MIN_NAME_MATCH, type StepMapping } from './funnelMapping';
export {
  calibrateFromSteps,
  calibrateFromTransitions,
  dropOffFromCounts,
  weightsFromCounts,
  designedDropOff,
  designedWeight,
  UNSEEN_COUNT,
  type Calibration,
  type DropOffReason,
  type ObservedConversion,
  type Undetermined,
} from './calibrate';
export { designedVsObserved, type DesignedVsObserved } from './designedVsObserved';
export { parsePathCsv, buildPathMap, collapseRepeats, START_ID, CONVERSION_ID } from './paths';
