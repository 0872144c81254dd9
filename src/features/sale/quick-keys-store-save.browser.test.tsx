// A manager setting the quick keys on the tablet saves them for the whole store, in real Chromium on real
// IndexedDB: their PIN again opens a staff session on the server (a wrong PIN is said so, in Vietnamese), then
// the tablet's list is PUT as the store's with the config version this tablet holds; a list changed elsewhere
// meanwhile is refused. The server is a stand-in fetch answering as POST /staff/sessions and
// PUT /backoffice/quick-keys do (tests/server/backoffice-quick-keys.test.ts covers the real route).
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeCatalogPage } from '../../catalog/catalog-writer.ts';
import { buildNameWordIndex } from '../../catalog/name-word-index.ts';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { foldForSearch } from '../../domain/search-text.ts';
import { saveDeviceIdentity } from '../../sync/enrolment.ts';
import { standInStaffServer } from '../../sync/staff-server-stand-in.test-helper.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import { openSyncDatabase, type SyncDatabase } from '../../sync/sync-database.ts';
import { CounterScreen } from './counter-screen.tsx';
import { resetProductGrid } from './product-grid-store.ts';
import { DEVICE_ID, hoa, renderOnTill, setUpTill, STORE_ID, tearDownTill, testConfig, type Till } from './till.test-helper.tsx';

const SERVER = 'http://pos.example.test';
let till: Till | undefined;
let syncDatabase: SyncDatabase | undefined;

beforeEach(async () => {
  await page.viewport(1280, 800);
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  resetProductGrid();
  await tearDownTill(till);
  await syncDatabase?.delete({ disableAutoOpen: true });
  till = undefined;
  syncDatabase = undefined;
});

const good = (index: number, name: string, category: string) => productRow(index, { name, searchName: foldForSearch(name), sku: `G-${index}`, barcodes: [], category, price: 25_000, taxClassId: 'vat8' });
const coffee = good(1, 'Cà phê sữa đá', 'Quầy cà phê');
const banhMi = good(4, 'Bánh mì thịt nướng', 'Bánh mì');

function config(): StoreConfigDocument {
  const base = testConfig();
  const manager = (base.permissions?.['manager'] ?? []) as string[];
  return { ...base, quickKeys: [coffee.id], updatedAt: '2025-11-24T00:00:00.000Z', permissions: { ...base.permissions, manager: [...manager, 'catalog.manage'] } };
}

const tileOf = (sku: string) => {
  const found = screen.getAllByTestId('product-tile').find((each) => each.dataset.sku === sku);
  if (found === undefined) throw new Error(`no tile ${sku}`);
  return found;
};
const tabOf = (name: string) => {
  const found = screen.getAllByTestId('grid-tab').find((each) => each.textContent === name);
  if (found === undefined) throw new Error(`no tab ${name}`);
  return found;
};

/** The counter, a manager signed in, editing the quick keys: Bánh mì added after the store's Cà phê. */
async function editingWithBanhMiAdded(): Promise<void> {
  till = await setUpTill(config(), hoa);
  syncDatabase = openSyncDatabase(`${till.database.name}-sync`);
  await saveDeviceIdentity(syncDatabase, { deviceId: DEVICE_ID, storeId: STORE_ID, storeName: 'Cửa hàng Quận 1', deviceName: 'Quầy 3', serverUrl: SERVER, token: 'device-token', enrolledAt: '2025-01-01T00:00:00.000Z' });
  await writeCatalogPage(till.catalog, 'products', { documents: [structuredClone(coffee), structuredClone(banhMi)], checkpoint: { id: 'p', seq: 2 } }, true);
  await buildNameWordIndex(till.catalog, 0);
  renderOnTill(
    till,
    <SyncDatabaseContext value={syncDatabase}>
      <CounterScreen />
    </SyncDatabaseContext>,
  );
  await waitFor(() => tileOf(coffee.sku));
  fireEvent.click(screen.getByTestId('grid-edit-quick-keys'));
  await screen.findByTestId('grid-edit-done');
  fireEvent.click(tabOf('Bánh mì'));
  await waitFor(() => expect(tileOf(banhMi.sku)).toHaveAttribute('aria-pressed', 'false'));
  fireEvent.click(tileOf(banhMi.sku));
  await waitFor(() => expect(tileOf(banhMi.sku)).toHaveAttribute('aria-pressed', 'true'));
}

function typePin(pin: string): void {
  const dialog = screen.getByTestId('grid-quick-keys-store-dialog');
  fireEvent.change(within(dialog).getByTestId('pin-input'), { target: { value: pin } });
  fireEvent.click(within(dialog).getByTestId('pin-submit'));
}

describe("the tablet's quick keys saved for the whole store", () => {
  it("asks the manager's PIN (a wrong one is said so), then PUTs the tablet's list as the store's", async () => {
    let tries = 0;
    const seen = standInStaffServer((call) => {
      if (call.url.endsWith('/staff/sessions')) {
        tries += 1;
        return tries === 1 ? { status: 401, body: { error: 'wrong_pin', message: 'Wrong PIN' } } : { status: 201, body: { token: 'staff-token-9', expiresAt: '2099-01-01T00:00:00.000Z' } };
      }
      return { status: 200, body: { productIds: [coffee.id, banhMi.id], updatedAt: '2025-11-25T00:00:00.000Z', changed: true } };
    });
    await editingWithBanhMiAdded();
    fireEvent.click(screen.getByTestId('grid-quick-keys-save-store'));
    await screen.findByTestId('grid-quick-keys-store-dialog');
    typePin('9999');
    const wrong = await within(screen.getByTestId('grid-quick-keys-store-dialog')).findByTestId('grid-quick-keys-store-problem');
    expect(wrong.textContent).toBe('Sai mã PIN. Thử lại.');
    expect(seen.filter((call) => call.method === 'PUT')).toHaveLength(0);

    typePin('1234');
    expect((await screen.findByTestId('grid-quick-keys-store-saved')).textContent).toContain('Đã lưu phím nhanh cho cả cửa hàng');
    expect(screen.queryByTestId('grid-quick-keys-store-dialog')).toBeNull();
    const signIn = seen.filter((call) => call.url.endsWith('/staff/sessions'));
    expect(signIn[1]).toMatchObject({ method: 'POST', url: `${SERVER}/api/v1/staff/sessions`, authorization: 'Bearer device-token', body: { staffId: hoa.id, pin: '1234' } });
    const put = seen.find((call) => call.method === 'PUT');
    expect(put).toMatchObject({ url: `${SERVER}/api/v1/backoffice/quick-keys`, authorization: 'Bearer staff-token-9', body: { productIds: [coffee.id, banhMi.id], expectedUpdatedAt: '2025-11-24T00:00:00.000Z' } });
  });

  it('a store list changed elsewhere meanwhile is refused, and said so', async () => {
    standInStaffServer((call) =>
      call.url.endsWith('/staff/sessions')
        ? { status: 201, body: { token: 'staff-token-9', expiresAt: '2099-01-01T00:00:00.000Z' } }
        : { status: 409, body: { error: 'conflict', message: "The store's config was changed since these quick keys were read" } },
    );
    await editingWithBanhMiAdded();
    fireEvent.click(screen.getByTestId('grid-quick-keys-save-store'));
    await screen.findByTestId('grid-quick-keys-store-dialog');
    typePin('1234');
    const refused = await within(screen.getByTestId('grid-quick-keys-store-dialog')).findByTestId('grid-quick-keys-store-problem');
    expect(refused.dataset.kind).toBe('stale');
    expect(refused.textContent).toBe('Phím nhanh của cửa hàng vừa được đổi ở nơi khác. Đợi máy đồng bộ rồi thử lại.');
    expect(screen.queryByTestId('grid-quick-keys-store-saved')).toBeNull();
    // The list stays on this tablet either way.
    expect(await till?.counter.quickKeys.get(STORE_ID)).toMatchObject({ productIds: [coffee.id, banhMi.id] });
  });
});
