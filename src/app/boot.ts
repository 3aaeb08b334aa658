import { freshId } from '../domain/ids';
import type { JourneyMap } from '../domain/types';
import { startPersistence, type Persistence } from '../store/persistence';
import { indexedDbStorage } from '../store/storage';
import { setSession } from '../store/session';

/** A fresh copy of the sample with its own id, so it never lands on a map already stored. */
const withFreshId = (map: JourneyMap): JourneyMap => ({ ...map, id: freshId('map', new Set()) });

/**
 * Starts saving and restoring. A `#map=…` share link is read first: in a browser with no saved maps the
 * shared map is the first map (no sample in between); otherwise it is added after the stored map opens.
 */
export function bootSession(): Pick<Persistence, 'ready'> {
  const storage = indexedDbStorage();
  // The importer loads while the shared link (if any) is read; stored maps go through it.
  const importer = import('./validateStored');
  const sample = import('../domain/samples/onlineStore');
  const shareLink = location.hash.includes('map=')
    ? import('../panels/files/transfer').then(async ({ readSharedLink, openSharedMap }) => ({ map: await readSharedLink(location.hash), openSharedMap }))
    : Promise.resolve(null);
  const ready = shareLink
    .catch(() => null)
    .then(async (link) => {
      const shared = link?.map ?? null;
      const { validateStored } = await importer;
      const { onlineStoreSample } = await sample;
      const sampleMap = () => withFreshId(onlineStoreSample());
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
      if (link && shared && !sharedOpened) await link.openSharedMap(shared);
    });
  return { ready };
}
