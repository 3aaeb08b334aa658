/**
 * Named actions that bring evidence into the map, each one undo step. They change the as-is map whatever
 * scenario is shown (evidence describes the journey as it is today). Kept apart from editorStore so that
 * they load with the import dialog, not with the first screen.
 */
import * as evidence from '../domain/evidenceEdits';
import type { FunnelMapping, SurveyMapping } from '../domain/types';
import { editDocument, useEditor } from './editorStore';

const accepted = () => useEditor.getState().lastEditError === null;

export const evidenceActions = {
  importSurveyScores(results: readonly evidence.SurveyScores[], mapping: SurveyMapping): boolean {
    editDocument((map) => evidence.setSurveyScores(map, results, mapping));
    return accepted();
  },
  calibrate(calibration: evidence.Calibration, mapping: FunnelMapping): boolean {
    editDocument((map) => evidence.applyCalibration(map, calibration, mapping));
    return accepted();
  },
};
