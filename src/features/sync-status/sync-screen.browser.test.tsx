// "Never synced" on a tablet that synced a minute ago: in real Chromium on real IndexedDB, a tablet syncs
// with its store, the page is reloaded while the network is gone, and the sync screen still says when it
// last synced (kept in the sync database, not only in the page's memory), and how many products it holds.
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CatalogContext } from '../../catalog/catalog-context.ts';
import { openCatalogDatabase, type CatalogDatabase } from '../../catalog/catalog-database.ts';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import { writeCatalogPage } from '../../catalog/catalog-writer.ts';
import { createPosDatabase, type PosDatabase } from '../../data/database.ts';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import { createFakeSyncServer } from '../../sync/fake-sync-server.test-helper.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import { openSyncDatabase, type SyncDatabase } from '../../sync/sync-database.ts';
import { startSync, type SyncEngine } from '../../sync/sync-engine.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { SyncScreen } from './sync-screen.tsx';

const identity = {
  deviceId: 'd-1',
  storeId: 's-1',
  storeName: 'Cửa hàng Quận 1',
  deviceName: 'Quầy 1',
  serverUrl: 'https://pos.test',
  token: 'device-token',
  enrolledAt: '2025-03-01T08:00:00.000Z',
};

let engine: SyncEngine | undefined;
const opened: { database?: PosDatabase; catalog?: CatalogDatabase; syncDatabase?: SyncDatabase } = {};

afterEach(async () => {
  cleanup();
  await engine?.stop();
  engine = undefined;
  await opened.database?.remove();
  await opened.catalog?.delete({ disableAutoOpen: true });
  await opened.syncDatabase?.delete({ disableAutoOpen: true });
  useSyncStatusStore.getState().reset();
});

const status = () => useSyncStatusStore.getState();

describe('the sync screen after a reload', () => {
  it('a tablet that synced a minute ago and was reloaded offline says when it last synced, not "never"', async () => {
    const suffix = crypto.randomUUID();
    const database = (opened.database = await createPosDatabase({ name: `pos-test-${suffix}` }));
    const catalog = (opened.catalog = openCatalogDatabase(`catalog-test-${suffix}`));
    const syncDatabase = (opened.syncDatabase = openSyncDatabase(`sync-test-${suffix}`));
    await syncDatabase.device.put({ ...identity, key: 'this-device' });

    // Online: the tablet syncs with its store.
    const server = createFakeSyncServer();
    engine = startSync({ database, catalog, syncDatabase, identity, fetch: server.fetch });
    await vi.waitFor(() => expect(status().catalog.caughtUp).toBe(true), { timeout: 15_000 });
    await vi.waitFor(() => expect(status().lastSyncedAt).toBeDefined());
    await engine.stop();
    const syncedAt = status().lastSyncedAt;

    // The reload: the page's memory is gone, the network too; every call fails.
    useSyncStatusStore.getState().reset();
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    engine = startSync({ database, catalog, syncDatabase, identity, fetch: offline });
    const i18n = i18nIn('en');
    render(
      <I18nextProvider i18n={i18n}>
        <CatalogContext value={catalog}>
          <SyncDatabaseContext value={syncDatabase}>
            <SyncScreen />
          </SyncDatabaseContext>
        </CatalogContext>
      </I18nextProvider>,
    );
    const line = screen.getByTestId('sync-last-synced');
    await vi.waitFor(() => expect(line.dataset.at).toBe(syncedAt), { timeout: 10_000 });
    expect(line.textContent).not.toBe(i18n.t('sync.neverSynced'));
    expect(line.textContent).toMatch(/^Last successful sync: /);
    await vi.waitFor(() => expect(status().lastProblem?.key).toBe('unreachable'), { timeout: 10_000 });
    // A failure since does not make it "never" either.
    expect(screen.getByTestId('sync-last-synced').dataset.at).toBe(syncedAt);
    // The catalog the tablet holds is told here, live (the counter only shows it as a quiet line).
    const count = screen.getByTestId('sync-screen-catalog-count');
    await vi.waitFor(() => expect(count.dataset.count).toBe('0'), { timeout: 10_000 });
    await writeCatalogPage(catalog, 'products', { documents: [productRow(1), productRow(2)], checkpoint: { id: 'p-000002', seq: 2 } }, true);
    await vi.waitFor(() => expect(count.dataset.count).toBe('2'), { timeout: 10_000 });
    expect(count.textContent).toBe('The catalog on this device holds 2 products.');
  });
});
