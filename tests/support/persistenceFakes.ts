/**
 * In-memory stand-ins for what persistence talks to: key-value storage (with failure injection and calls
 * that can be held open), localStorage for the write-ahead copy, a BroadcastChannel bus shared by several
 * "tabs", a window whose visibility can change, and a draft flag.
 */
import { vi } from 'vitest';
import { createMap } from '../../src/domain/edits';
import type { JourneyMap } from '../../src/domain/types';
import type { BroadcastChannelLike } from '../../src/store/persistence';
import type { KeyValueStorage } from '../../src/store/storage';
import type { SyncStorage } from '../../src/store/writeAhead';

type Method = keyof KeyValueStorage;

export interface FakeStorage extends KeyValueStorage {
  /** What is stored, by key. Values are structured clones, as IndexedDB keeps them. */
  data: Map<string, unknown>;
  /** Every call, in order: [method, key]. */
  calls: [Method, string | undefined][];
  /** Calls that write (set, update, del). */
  writes(): [Method, string | undefined][];
  /** The next `times` calls of `method` reject with `error`. */
  failNext(method: Method, error: unknown, times?: number): void;
  /** Every call of `method` rejects with `error` until cleared with null. */
  failAlways(method: Method, error: unknown | null): void;
  /** The next call of `method` waits until the returned release() is called. */
  hold(method: Method): { release(): void };
}

const clone = <T,>(value: T): T => (value === undefined ? value : structuredClone(value));

export function fakeStorage(initial: Record<string, unknown> = {}): FakeStorage {
  const data = new Map<string, unknown>(Object.entries(initial).map(([k, v]) => [k, clone(v)]));
  const calls: [Method, string | undefined][] = [];
  const failures: Partial<Record<Method, unknown[]>> = {};
  const always: Partial<Record<Method, unknown>> = {};
  const held: Partial<Record<Method, Promise<void>[]>> = {};

  async function enter(method: Method, key?: string): Promise<void> {
    calls.push([method, key]);
    const gate = held[method]?.shift();
    if (gate) await gate;
    // Storage is asynchronous: let other work interleave, as with IndexedDB.
    await Promise.resolve();
    if (always[method] !== undefined) throw always[method];
    const queued = failures[method];
    if (queued && queued.length > 0) throw queued.shift();
  }

  return {
    data,
    calls,
    writes: () => calls.filter(([m]) => m === 'set' || m === 'update' || m === 'del'),
    failNext(method, error, times = 1) {
      (failures[method] ??= []).push(...Array.from({ length: times }, () => error));
    },
    failAlways(method, error) {
      if (error === null) delete always[method];
      else always[method] = error;
    },
    hold(method) {
      let release!: () => void;
      (held[method] ??= []).push(new Promise<void>((resolve) => (release = resolve)));
      return { release: () => release() };
    },
    async get<T>(key: string) {
      await enter('get', key);
      return clone(data.get(key)) as T | undefined;
    },
    async set(key, value) {
      await enter('set', key);
      data.set(key, clone(value));
    },
    async update<T>(key: string, updater: (old: T | undefined) => T | undefined) {
      await enter('update', key);
      const next = updater(clone(data.get(key)) as T | undefined);
      if (next === undefined) data.delete(key);
      else data.set(key, clone(next));
    },
    async del(key) {
      await enter('del', key);
      data.delete(key);
    },
    async keys() {
      await enter('keys');
      return [...data.keys()];
    },
  };
}

/** A BroadcastChannel stand-in: messages reach every other open channel of the bus, asynchronously. */
export function channelBus() {
  const open = new Set<FakeChannel>();
  const sent: unknown[] = [];
  class FakeChannel implements BroadcastChannelLike {
    private listeners: ((event: { data: unknown }) => void)[] = [];
    closed = false;
    constructor() {
      open.add(this);
    }
    postMessage(message: unknown): void {
      if (this.closed) throw new DOMException('Channel is closed', 'InvalidStateError');
      sent.push(message);
      const data = structuredClone(message);
      for (const other of open) {
        if (other !== this) queueMicrotask(() => other.deliver(data));
      }
    }
    addEventListener(_type: 'message', listener: (event: { data: unknown }) => void): void {
      this.listeners.push(listener);
    }
    close(): void {
      this.closed = true;
      open.delete(this);
    }
    /** A message from outside the app (another version, a stray script). */
    deliver(data: unknown): void {
      if (!this.closed) for (const listener of this.listeners) listener({ data });
    }
  }
  return { open: () => new FakeChannel(), sent };
}

/** A window for persistence: visibility and page lifecycle events. */
export function fakeWindow() {
  const target = new EventTarget();
  const document = { visibilityState: 'visible' as DocumentVisibilityState };
  return {
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    document,
    hide() {
      document.visibilityState = 'hidden';
      target.dispatchEvent(new Event('visibilitychange'));
    },
    show() {
      document.visibilityState = 'visible';
      target.dispatchEvent(new Event('visibilitychange'));
    },
    pageHide() {
      target.dispatchEvent(new Event('pagehide'));
    },
  };
}

/**
 * One page's view of the shared storage. After goAway() nothing it started and nothing it starts reaches
 * storage, as an IndexedDB write begun on pagehide does not finish once the page is gone.
 */
export function pageStorage(shared: KeyValueStorage): { storage: KeyValueStorage; goAway(): void } {
  let gone = false;
  const never = new Promise<never>(() => {});
  const call =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (gone) return never;
      // In flight: the page may go before the database runs it.
      await Promise.resolve();
      if (gone) return never;
      return method(...args);
    };
  return {
    storage: {
      get: call((key: string) => shared.get(key)),
      set: call((key: string, value: unknown) => shared.set(key, value)),
      update: call(<T,>(key: string, updater: (old: T | undefined) => T | undefined) => shared.update<T>(key, updater)),
      del: call((key: string) => shared.del(key)),
      keys: call(() => shared.keys()),
    } as KeyValueStorage,
    goAway: () => void (gone = true),
  };
}

/** localStorage as the write-ahead copy uses it: synchronous, shared by every tab, able to refuse writes. */
export interface FakeSyncStorage extends SyncStorage {
  data: Map<string, string>;
  /** Every setItem throws `error` until cleared with null (e.g. a QuotaExceededError). */
  failWrites(error: unknown | null): void;
  /** Keys of the write-ahead copies, whoever wrote them. */
  copies(): string[];
}

export function fakeSyncStorage(): FakeSyncStorage {
  const data = new Map<string, string>();
  let failure: unknown = null;
  return {
    data,
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (key) => data.get(key) ?? null,
    setItem(key, value) {
      if (failure !== null) throw failure;
      data.set(key, String(value));
    },
    removeItem: (key) => void data.delete(key),
    failWrites(error) {
      failure = error;
    },
    copies: () => [...data.keys()].filter((k) => k.startsWith('journey-designer:unsaved:')),
  };
}

/** A draft flag the test sets by hand, as the page's text fields would. */
export function fakeDrafts() {
  const listeners = new Set<() => void>();
  let active = false;
  return {
    active: () => active,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(value: boolean) {
      active = value;
      for (const listener of listeners) listener();
    },
  };
}

export interface TabOptions {
  storage: KeyValueStorage;
  sync?: FakeSyncStorage | null;
  bus?: ReturnType<typeof channelBus> | null;
  drafts?: ReturnType<typeof fakeDrafts>;
  fallback?: () => JourneyMap;
  debounceMs?: number;
  retryMs?: number;
  readTimeoutMs?: number;
  /** Wait for the stored map to open (false when storage is made to hang). */
  ready?: boolean;
}

export type Tab = Awaited<ReturnType<typeof openTab>>;

/**
 * A browser tab (or a page after a reload): its own copies of the store modules, sharing storage,
 * localStorage and the channel bus with the other tabs. Stop it to make the page go away.
 */
export async function openTab(tabId: string, options: TabOptions) {
  vi.resetModules();
  const store = await import('../../src/store/editorStore');
  const persistenceModule = await import('../../src/store/persistence');
  const { setSession } = await import('../../src/store/session');
  const library = await import('../../src/store/libraryStore');
  const { validateStored } = await import('../../src/app/validateStored');
  const win = fakeWindow();
  const fallback = options.fallback ?? (() => createMap({ id: 'map-fallback', name: 'Sample journey' }));
  const persistence = persistenceModule.startPersistence({
    storage: options.storage,
    validate: validateStored,
    fallback,
    channel: options.bus ? options.bus.open() : null,
    window: win,
    debounceMs: options.debounceMs ?? 400,
    retryMs: () => options.retryMs ?? 1000,
    readTimeoutMs: options.readTimeoutMs ?? 3000,
    tabId,
    writeAhead: options.sync ?? null,
    ...(options.drafts ? { drafts: options.drafts } : {}),
  });
  setSession({ storage: options.storage, persistence, validate: validateStored, fallback });
  if (options.ready !== false) await persistence.ready;
  const state = () => store.useEditor.getState();
  return {
    tabId,
    actions: store.editorActions,
    library: library.libraryActions,
    useLibrary: library.useLibrary,
    persistence,
    win,
    state,
    map: () => state().map,
    notice: (id: string) => state().notices.find((n) => n.id === id),
    noticeWith: (text: string) => state().notices.find((n) => n.text.includes(text)),
    /** Runs a notice's action by its label. */
    answer(noticeId: string, label: string) {
      const action = state().notices.find((n) => n.id === noticeId)?.actions?.find((a) => a.label === label);
      if (!action) throw new Error(`no "${label}" on notice ${noticeId}`);
      action.run();
    },
  };
}

/** Lets pending promise callbacks (storage answers, channel messages) run. */
export const settle = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** Advances vitest's fake timers by `ms`, then lets what they started settle. */
export async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}
