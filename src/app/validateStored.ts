/**
 * How a stored record is read: like a file, through the envelope, the migrations, the schema and the
 * cross-references. The importer is sizeable, so boot loads this module alongside the first IndexedDB read
 * instead of in the first script.
 */
import { importMapValue } from '../format/import';
import { formatProblem } from '../format/problems';
import { storedDocument } from '../store/keys';
import type { ValidateStored } from '../store/persistence';

export const validateStored: ValidateStored = (record) => {
  const result = importMapValue(storedDocument(record));
  return result.ok ? { ok: true, map: result.map } : { ok: false, problems: result.problems.map(formatProblem) };
};
