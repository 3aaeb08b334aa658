/** The map file layer: import (validate, migrate), export, JSON Schema and share links. Pure: no React, no DOM. */
export { FORMAT_NAME, FORMAT_VERSION, MAX_DEPTH, MAX_FILE_BYTES, SCHEMA_ID } from './constants';
export { formatProblem, type ImportResult, type Problem } from './problems';
export { importMapText, importMapValue } from './import';
export { validateMap } from './validate';
export { exportMapText } from './serialise';
export { checkFileSize } from './safeJson';
export { decodeShareFragment, encodeShareFragment, fitsInShareLink, MAX_SHARE_URL_LENGTH, shareLinkLength } from './share';
export { journeyMapSchema, journeyMapFileSchema } from './schema';
export { MAX_REPORTED_PROBLEMS } from './collectProblems';
export type { SchemaOutputIsJourneyMap } from './schemaMatchesModel';
