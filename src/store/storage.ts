/** The key-value storage the persistence layer needs; IndexedDB (idb-keyval) in the app, a Map in tests. */
import { createStore, del, get, keys, set, update } from 'idb-keyval';

export interface KeyValueStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Read-modify-write in one transaction. */
  update<T>(key: string, updater: (old: T | undefined) => T): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export function indexedDbStorage(): KeyValueStorage {
  let store: ReturnType<typeof createStore> | undefined;
  const db = () => {
    if (typeof indexedDB === 'undefined') throw new DOMException('IndexedDB is not available', 'NotSupportedError');
    store ??= createStore('journey-designer', 'keyval');
    return store;
  };
  return {
    get: (key) => get(key, db()),
    set: (key, value) => set(key, value, db()),
    update: (key, updater) => update(key, updater, db()),
    del: (key) => del(key, db()),
    keys: async () => (await keys(db())).map(String),
  };
}

/** Quota errors under each browser's spelling. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}
