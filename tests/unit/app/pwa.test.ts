// @vitest-environment jsdom
/** The service worker's prompts: a new version waits for "Reload"; nothing happens where there is no service worker. */
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { announceUpdate, OFFLINE_READY_NOTICE_ID, registerServiceWorker, UPDATE_NOTICE_ID } from '../../../src/app/pwa';
import { resetEditor, useEditor } from '../../../src/store/editorStore';

vi.mock('virtual:pwa-register', () => ({ registerSW: vi.fn() }));

const notice = (id: string) => useEditor.getState().notices.find((n) => n.id === id);

/** A registerSW that keeps the callbacks it was given and hands back `update`. */
function fakeRegister(update = vi.fn(async () => {})) {
  let options: RegisterSWOptions = {};
  const register = vi.fn((given?: RegisterSWOptions) => {
    options = given ?? {};
    return update;
  });
  return { register, update, options: () => options };
}

const serviceWorker = { addEventListener: vi.fn() };

beforeEach(() => {
  resetEditor();
  serviceWorker.addEventListener.mockReset();
  Object.defineProperty(navigator, 'serviceWorker', { value: serviceWorker, configurable: true });
});
afterEach(() => {
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
});

describe('registerServiceWorker', () => {
  it('announces a waiting version with a non-blocking Reload notice; Reload lets it take over, once asked', () => {
    const sw = fakeRegister();
    registerServiceWorker(sw.register);
    expect(sw.register).toHaveBeenCalledTimes(1);
    expect(notice(UPDATE_NOTICE_ID)).toBeUndefined();

    sw.options().onNeedRefresh!();
    const update = notice(UPDATE_NOTICE_ID)!;
    expect(update).toMatchObject({ kind: 'info', text: 'Update available: a new version of Journey Designer is ready.', dismissable: true });
    expect(update.actions!.map((a) => a.label)).toEqual(['Reload']);
    expect(sw.update).not.toHaveBeenCalled();

    update.actions![0].run();
    expect(sw.update).toHaveBeenCalledTimes(1);
    expect(notice(UPDATE_NOTICE_ID)).toBeUndefined();
    // The page reloads when the new version controls it, even on the visit that first installed the app.
    expect(serviceWorker.addEventListener).toHaveBeenCalledWith('controllerchange', expect.any(Function), { once: true });
  });

  it('says once that the app now works offline', () => {
    const sw = fakeRegister();
    registerServiceWorker(sw.register);
    sw.options().onOfflineReady!();
    expect(notice(OFFLINE_READY_NOTICE_ID)).toMatchObject({ kind: 'info', text: 'Journey Designer now works offline, too.' });
  });

  it('registers nothing where the browser has no service workers', () => {
    delete (navigator as { serviceWorker?: unknown }).serviceWorker;
    const sw = fakeRegister();
    registerServiceWorker(sw.register);
    expect(sw.register).not.toHaveBeenCalled();
  });
});

describe('announceUpdate', () => {
  it('replaces an earlier announcement instead of stacking them', () => {
    announceUpdate(() => {});
    announceUpdate(() => {});
    expect(useEditor.getState().notices.filter((n) => n.id === UPDATE_NOTICE_ID)).toHaveLength(1);
  });
});
