/**
 * In-memory stand-ins for what persistence talks to: key-value storage (with failure injection and calls
 * that can be held open), a BroadcastChannel bus shared by several "tabs", and a window whose visibility
 * can change.
 */
import type { BroadcastChannelLike } from '../../src/store/persistence';
import type { KeyValueStorage } from '../../src/store/storage';

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
    async update<T>(key: string, updater: (old: T | undefined) => T) {
      await enter('update', key);
      data.set(key, clone(updater(clone(data.get(key)) as T | undefined)));
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
