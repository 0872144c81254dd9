/*
 * Registers the service worker that precaches the app shell (built by vite-plugin-pwa as /sw.js).
 * Production builds only: in development a caching worker would serve stale modules.
 * A new version never takes over on its own (registerType 'prompt'): it waits, the update store tells the
 * shell, and the cashier reloads when no sale is in progress.
 */
import { Workbox } from 'workbox-window';
import { useUpdateStore } from './update-store.ts';

/** A counter tab stays open all day; browsers only look for a new worker on navigation, so we also ask hourly. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });

  const applyUpdate = () => {
    // Reload only once the new worker controls the page, or the old shell would be served again.
    workbox.addEventListener('controlling', () => window.location.reload());
    workbox.messageSkipWaiting();
  };
  workbox.addEventListener('waiting', () => useUpdateStore.getState().offerUpdate(applyUpdate));

  workbox
    .register()
    .then(() => {
      window.setInterval(() => {
        workbox.update().catch((error: unknown) => console.warn('Checking for a new app version failed', error));
      }, UPDATE_CHECK_MS);
    })
    .catch((error: unknown) => {
      // The app works without the worker; it just will not open offline. Only a developer can act on this.
      console.error('Service worker registration failed; offline reload will not work', error);
    });
}
