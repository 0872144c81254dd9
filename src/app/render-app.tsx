// Test helper: the whole app as a cashier sees it, with a fresh query client, stores and language,
// and a stubbed health endpoint (jsdom has no server). Not bundled: only tests import it.
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { vi } from 'vitest';
import { createI18n } from '../i18n/i18n.ts';
import type { PosDatabase } from '../data/database.ts';
import { useSaleActivityStore } from '../session/sale-activity-store.ts';
import { openCatalogDatabase } from '../catalog/catalog-database.ts';
import { openSyncDatabase } from '../sync/sync-database.ts';
import type { SyncController } from '../sync/sync-controller.ts';
import { useSyncStatusStore } from '../sync/sync-status-store.ts';
import { App } from './app.tsx';
import { useUpdateStore } from './update-store.ts';

export type HealthAnswer = 'ok' | 'unreachable';

export function setNetworkOnline(online: boolean): void {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

interface RenderAppOptions {
  health?: HealthAnswer;
  path?: string;
  /** By default the database never opens: the shell must not wait for it. */
  databaseOpening?: Promise<PosDatabase>;
  /** The translations to use; by default the app's own, in the stored language. */
  i18n?: I18n;
}

export function renderApp({ health = 'ok', path = '/', databaseOpening = new Promise(() => undefined), i18n = createI18n() }: RenderAppOptions = {}) {
  window.history.replaceState(null, '', path);
  useSaleActivityStore.setState({ saleInProgress: false });
  useUpdateStore.setState({ updateAvailable: false, applyUpdate: () => undefined });
  const fetchHealth = vi.fn(async () => {
    if (health === 'unreachable') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify({ status: 'ok', database: 'sqlite', schemaVersion: 1, version: '0.1.0' }), {
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchHealth);
  const queryClient = new QueryClient();
  useSyncStatusStore.getState().reset();
  // Dexie opens a database on first use only, and these screens never reach it in jsdom.
  const catalog = openCatalogDatabase('render-app-catalog');
  const syncDatabase = openSyncDatabase('render-app-sync');
  const syncController: SyncController = {
    start: vi.fn(async () => undefined),
    completeEnrolment: vi.fn(async () => undefined),
    stop: vi.fn(async () => undefined),
  };
  const view = render(
    <App
      i18n={i18n}
      databaseOpening={databaseOpening}
      catalog={catalog}
      syncDatabase={syncDatabase}
      syncController={syncController}
      queryClient={queryClient}
    />,
  );
  return { ...view, i18n, fetchHealth, syncController };
}
