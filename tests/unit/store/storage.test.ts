import { indexedDbStorage, isTimeout, withTimeout } from '../../../src/store/storage';

describe('indexedDbStorage without IndexedDB (Node has none, as some private windows)', () => {
  it('never throws synchronously: every call rejects with NotSupportedError', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const storage = indexedDbStorage();
    const calls: [string, () => Promise<unknown>][] = [
      ['get', () => storage.get('current')],
      ['set', () => storage.set('viewport:m', { x: 0, y: 0, zoom: 1 })],
      ['update', () => storage.update('map:m', () => 1)],
      ['del', () => storage.del('map:m')],
      ['keys', () => storage.keys()],
    ];
    for (const [name, call] of calls) {
      let result: Promise<unknown> | undefined;
      expect(() => (result = call()), name).not.toThrow();
      await expect(result, name).rejects.toMatchObject({ name: 'NotSupportedError' });
    }
  });
});

describe('withTimeout', () => {
  afterEach(() => vi.useRealTimers());

  it('rejects with a TimeoutError when the call does not answer in time, and passes answers through', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hanging = withTimeout(new Promise<never>(() => {}), 3000);
    const caught = hanging.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(3000);
    expect(isTimeout(await caught)).toBe(true);
    await expect(withTimeout(Promise.resolve(5), 3000)).resolves.toBe(5);
    await expect(withTimeout(Promise.reject(new Error('no')), 3000)).rejects.toThrow('no');
  });
});
