import { freshId } from '../domain/ids';
import { onlineStoreSample } from '../domain/samples/onlineStore';
import { formatProblem, validateMap } from '../format';
import { startPersistence, type Persistence, type ValidateStored } from '../store/persistence';
import { indexedDbStorage } from '../store/storage';

export const validateStored: ValidateStored = (value) => {
  const result = validateMap(value);
  return result.ok ? { ok: true, map: result.map } : { ok: false, problems: result.problems.map(formatProblem) };
};

/** A fresh copy of the sample with its own id, so it never lands on a map already stored. */
export const sampleMap = () => ({ ...onlineStoreSample(), id: freshId('map', new Set()) });

export function bootPersistence(): Persistence {
  return startPersistence({ storage: indexedDbStorage(), validate: validateStored, fallback: sampleMap });
}
