/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The installed, offline app. The service worker (built by vite-plugin-pwa, see vite.config.ts) precaches the
 * whole build; a new version waits until the user answers "Update available — Reload", so nothing is swapped
 * under someone mid-edit. Loaded after the first render (src/main.tsx): none of it is in the first script.
 * In development `virtual:pwa-register` registers nothing.
 */
import { registerSW } from 'virtual:pwa-register';
import { editorActions } from '../store/editorStore';
import { consumeLaunchedFiles } from './launchQueue';

export const UPDATE_NOTICE_ID = 'app-update';
export const OFFLINE_READY_NOTICE_ID = 'app-offline-ready';

/** Starts what an installed app needs once the map is open: the service worker and files opened from the OS. */
export function startInstalledApp(): void {
  consumeLaunchedFiles();
  registerServiceWorker();
}

export function registerServiceWorker(register: typeof registerSW = registerSW): void {
  if (!('serviceWorker' in navigator)) return;
  const activateUpdate = register({
    onNeedRefresh: () => announceUpdate(() => void activateUpdate()),
    onOfflineReady: () => editorActions.notify('info', 'Journey Designer now works offline, too.', { id: OFFLINE_READY_NOTICE_ID }),
  });
}

/**
 * A new version is installed and waiting: say so, without blocking anything. "Reload" lets it take over (the
 * page then reloads; the map is saved as always); ignoring it keeps this version until the app is next opened.
 */
export function announceUpdate(reload: () => void): void {
  editorActions.notify('info', 'Update available: a new version of Journey Designer is ready.', {
    id: UPDATE_NOTICE_ID,
    dismissable: true,
    actions: [
      {
        label: 'Reload',
        run: () => {
          editorActions.dismiss(UPDATE_NOTICE_ID);
          // The plugin reloads only pages that were controlled when they loaded; a first visit must reload
          // too, or it would run on with files the new version no longer keeps.
          navigator.serviceWorker?.addEventListener('controllerchange', () => location.reload(), { once: true });
          reload();
        },
      },
    ],
  });
}
