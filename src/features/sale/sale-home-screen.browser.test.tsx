// The counter's home reads the live product count from the real Dexie catalog (IndexedDB in Chromium).
import type { ReactNode } from 'react';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogContext } from '../../catalog/catalog-context.ts';
import { openCatalogDatabase, type CatalogDatabase } from '../../catalog/catalog-database.ts';
import { writeCatalogPage } from '../../catalog/catalog-writer.ts';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { SaleHomeScreen } from './sale-home-screen.tsx';

let catalog: CatalogDatabase | undefined;

afterEach(async () => {
  cleanup();
  await catalog?.delete({ disableAutoOpen: true });
  catalog = undefined;
  useSyncStatusStore.getState().reset();
});

function renderScreen(database: CatalogDatabase, children: ReactNode = <SaleHomeScreen />) {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <CatalogContext value={database}>{children}</CatalogContext>
    </I18nextProvider>,
  );
}

describe('the counter home screen', () => {
  // A live count answers after IndexedDB commits and Dexie's liveQuery re-runs: on a busy 2-core machine
  // that took over the 1 s default.
  const LIVE_QUERY_WAIT = { timeout: 5_000 };

  it('counts the catalog on this device live, as products arrive from the server', async () => {
    localStorage.clear();
    catalog = openCatalogDatabase(`catalog-test-${crypto.randomUUID()}`);
    renderScreen(catalog);
    const count = await screen.findByTestId('catalog-count');
    await waitFor(() => expect(count.dataset.count).toBe('0'), LIVE_QUERY_WAIT);
    expect(screen.getByTestId('sync-not-set-up').textContent).toContain('chưa được thiết lập');
    expect(screen.getByTestId('open-enrolment').getAttribute('href')).toBe('/enrol');

    await writeCatalogPage(catalog, 'products', { documents: [productRow(1)], checkpoint: { id: 'p-000001', seq: 1 } }, true);
    await waitFor(() => expect(count.dataset.count).toBe('1'), LIVE_QUERY_WAIT);
    expect(count.textContent).toBe('Danh mục trên máy có 1 sản phẩm.');

    await writeCatalogPage(catalog, 'products', { documents: [{ id: 'p-000001', _deleted: true }], checkpoint: { id: 'p-000001', seq: 2 } }, true);
    await waitFor(() => expect(count.dataset.count).toBe('0'), LIVE_QUERY_WAIT);
  });

  it('no longer asks to set up sync once the device is enrolled', async () => {
    catalog = openCatalogDatabase(`catalog-test-${crypto.randomUUID()}`);
    renderScreen(catalog);
    await screen.findByTestId('sync-not-set-up');
    act(() =>
      useSyncStatusStore.getState().setEnrolment({
        deviceId: 'd-1',
        storeId: 's-1',
        storeName: 'Cửa hàng Quận 1',
        deviceName: 'Quầy 1',
        serverUrl: 'http://localhost',
        token: 't',
        enrolledAt: '2025-01-01T00:00:00.000Z',
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('sync-not-set-up')).toBeNull());
  });
});
