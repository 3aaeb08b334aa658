/** Test API for survey-import tests: the fixture exports in tests/fixtures/evidence, read or refused. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSurveyFile, type SurveyFile } from '../../../src/evidence';

export const fixtureText = (name: string): string => readFileSync(resolve(__dirname, '../../fixtures/evidence', name), 'utf8');

/** The survey file in `text`; fails the test when it is refused. */
export function surveyFile(text: string): SurveyFile {
  const reading = readSurveyFile(text);
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.file;
}

export const fixtureFile = (name: string): SurveyFile => surveyFile(fixtureText(name));

/** A one-header CSV from a header and rows of cells (no quoting: keep cells free of commas). */
export const plainCsv = (header: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  [header, ...rows].map((cells) => cells.join(',')).join('\n');
