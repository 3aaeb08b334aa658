/**
 * The key-value storage the persistence layer needs; IndexedDB in the app, a Map in tests.
 *
 * Every call returns a promise and never throws synchronously: a missing IndexedDB, a refused open or a
 * database that never answers all arrive as rejections, so callers handle them in one place.
 */
import { get, keys, promisifyRequest, set, del, type UseStore } from 'idb-keyval';

export interface KeyValueStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Read-modify-write in one transaction. The updater returning undefined deletes the key. */
  update<T>(key: string, updater: (old: T | undefined) => T | undefined): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

const DATABASE = 'journey-designer';
const STORE = 'keyval';

/** How long opening the database may take before a call gives up (and the next call opens it afresh). */
export const OPEN_TIMEOUT_MS = 3000;

export function indexedDbStorage({ openTimeoutMs = OPEN_TIMEOUT_MS }: { openTimeoutMs?: number } = {}): KeyValueStorage {
  let connection: Promise<IDBDatabase> | undefined;

  // Some browsers leave the first open() unanswered for good and answer a later one, so an open that times
  // out is abandoned (closed if it ever succeeds) and the next call starts a new one.
  function open(): Promise<IDBDatabase> {
    if (connection) return connection;
    const attempt = new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined' || !indexedDB) throw new DOMException('IndexedDB is not available', 'NotSupportedError');
      let abandoned = false;
      const timer = setTimeout(() => {
        abandoned = true;
        reject(new DOMException('The browser storage did not answer', 'TimeoutError'));
      }, openTimeoutMs);
      const request = indexedDB.open(DATABASE);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        clearTimeout(timer);
        const db = request.result;
        if (abandoned) return db.close();
        const forget = () => {
          if (connection === attempt) connection = undefined;
        };
        db.onclose = forget;
        db.onversionchange = () => {
          db.close();
          forget();
        };
        resolve(db);
      };
      request.onerror = () => {
        clearTimeout(timer);
        reject(request.error ?? new DOMException('The browser storage could not be opened', 'UnknownError'));
      };
    });
    connection = attempt;
    attempt.catch(() => {
      if (connection === attempt) connection = undefined;
    });
    return attempt;
  }

  const store: UseStore = async (mode, callback) => {
    const db = await open();
    let tx: IDBTransaction;
    try {
      tx = db.transaction(STORE, mode);
    } catch (error) {
      // The connection closed under us (storage cleared, browser shutting down): reopen next time.
      connection = undefined;
      throw error;
    }
    return callback(tx.objectStore(STORE));
  };

  return {
    get: async (key) => get(key, store),
    set: async (key, value) => set(key, value, store),
    update: async <T,>(key: string, updater: (old: T | undefined) => T | undefined) =>
      store('readwrite', (s) => {
        return new Promise<void>((resolve, reject) => {
          const read = s.get(key);
          read.onsuccess = () => {
            try {
              const next = updater(read.result as T | undefined);
              if (next === undefined) s.delete(key);
              else s.put(next, key);
              resolve(promisifyRequest(s.transaction));
            } catch (error) {
              s.transaction.abort();
              reject(error);
            }
          };
          read.onerror = () => reject(read.error);
        });
      }),
    del: async (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}

/** Quota errors under each browser's spelling. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** A storage call that did not answer in time (an open() that never completes). */
export function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
}

/** Rejects with a TimeoutError when `promise` has not settled after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException('The browser storage did not answer', 'TimeoutError')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
