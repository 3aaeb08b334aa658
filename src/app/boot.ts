import { freshId } from '../domain/ids';
import { onlineStoreSample } from '../domain/samples/onlineStore';
import { formatProblem } from '../format/problems';
import { validateMap } from '../format/validate';
import { startPersistence, type Persistence, type ValidateStored } from '../store/persistence';
import { indexedDbStorage } from '../store/storage';
import { setSession } from '../store/session';
import { openSharedMap, readSharedLink } from '../panels/files/transfer';

export const validateStored: ValidateStored = (value) => {
  const result = validateMap(value);
  return result.ok ? { ok: true, map: result.map } : { ok: false, problems: result.problems.map(formatProblem) };
};

/** A fresh copy of the sample with its own id, so it never lands on a map already stored. */
export const sampleMap = () => ({ ...onlineStoreSample(), id: freshId('map', new Set()) });

/**
 * Starts saving and restoring. A `#map=…` share link is read first: in a browser with no saved maps the
 * shared map is the first map (no sample in between); otherwise it is added after the stored map opens.
 */
export function bootSession(): Pick<Persistence, 'ready'> {
  const storage = indexedDbStorage();
  const ready = readSharedLink(location.hash)
    .catch(() => null)
    .then(async (shared) => {
      let sharedOpened = false;
      const fallback = () => {
        if (shared && !sharedOpened) {
          sharedOpened = true;
          return shared;
        }
        return sampleMap();
      };
      const persistence = startPersistence({ storage, validate: validateStored, fallback });
      setSession({ storage, persistence, validate: validateStored, fallback: sampleMap });
      await persistence.ready;
      if (shared && !sharedOpened) await openSharedMap(shared);
    });
  return { ready };
}
