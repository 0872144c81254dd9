// A manager sets the store's quick keys in the back office, in real Chromium with a real IndexedDB catalog (the
// names of the keys the server lists) and TanStack Query; the server is a stand-in fetch answering as
// GET/PUT /api/v1/backoffice/quick-keys and the products search do (tests/server/backoffice-quick-keys.test.ts
// covers the real route). A list changed elsewhere meanwhile is refused, in the manager's language.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CatalogContext } from '../../catalog/catalog-context.ts';
import { openCatalogDatabase, type CatalogDatabase } from '../../catalog/catalog-database.ts';
import type { ProductDocument } from '../../data/schemas/types.ts';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import type { Language } from '../../i18n/i18n.ts';
import { standInStaffServer } from '../../sync/staff-server-stand-in.test-helper.ts';
import type { BackOfficeSession } from './back-office-client.ts';
import { QuickKeysBody } from './quick-keys-screen.tsx';

const SERVER = 'https://pos.example.test';
const session = (language: Language): BackOfficeSession => ({ serverUrl: SERVER, token: 'staff-token-1', language });

function product(id: string, sku: string, name: string): ProductDocument {
  return { id, sku, name, searchName: name.toLowerCase(), barcodes: [], price: 25_000, taxClassId: 'vat8', unit: 'pcs', weighed: false, active: true, updatedAt: '2025-11-24T00:00:00.000Z' };
}
const coffee = product('p-coffee', 'CF-DEN', 'Cà phê đen');
const bread = product('p-bread', 'BANH-MI', 'Bánh mì thịt');
const tea = product('p-tea', 'TRA-DA', 'Trà đá');

let catalog: CatalogDatabase | undefined;

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  catalog?.close();
  await catalog?.delete({ disableAutoOpen: true });
  catalog = undefined;
});

async function renderIn(language: Language, onRefused: (error: unknown) => void = vi.fn()): Promise<void> {
  catalog = openCatalogDatabase(`quick-keys-${crypto.randomUUID()}`);
  await catalog.products.bulkPut([coffee, bread]);
  render(
    <I18nextProvider i18n={i18nIn(language)}>
      <CatalogContext value={catalog}>
        <QueryClientProvider client={new QueryClient()}>
          <QuickKeysBody session={session(language)} onRefused={onRefused} />
        </QueryClientProvider>
      </CatalogContext>
    </I18nextProvider>,
  );
}

const rowIds = () => screen.getAllByTestId('quick-key-row').map((row) => row.getAttribute('data-product-id'));

describe("the back office's quick keys", () => {
  it('shows the store list by name, adds a product found by name, moves it first, removes one and saves the list with the version it read', async () => {
    let stored = { productIds: ['p-coffee', 'p-bread'], updatedAt: '2025-11-24T00:00:00.000Z' };
    const seen = standInStaffServer((call) => {
      if (call.url.includes('/backoffice/products?')) return { status: 200, body: { products: [tea], total: 1, offset: 0, limit: 10 } };
      if (call.method === 'PUT') {
        stored = { productIds: (call.body as { productIds: string[] }).productIds, updatedAt: '2025-11-25T00:00:00.000Z' };
        return { status: 200, body: { ...stored, changed: true } };
      }
      return { status: 200, body: stored };
    });
    await renderIn('vi');
    await screen.findByTestId('quick-keys-list');
    expect(rowIds()).toEqual(['p-coffee', 'p-bread']);
    await waitFor(() => expect(screen.getAllByTestId('quick-key-row')[0]?.textContent).toContain('Cà phê đen'));
    expect(screen.getByTestId<HTMLButtonElement>('quick-keys-save').disabled).toBe(true);

    fireEvent.change(screen.getByTestId('quick-keys-search'), { target: { value: 'tra' } });
    fireEvent.click(screen.getByTestId('quick-keys-search-submit'));
    const found = await screen.findByTestId('quick-keys-found-item');
    expect(found.textContent).toContain('TRA-DA · Trà đá');
    fireEvent.click(within(found).getByTestId('quick-keys-add'));
    expect(rowIds()).toEqual(['p-coffee', 'p-bread', 'p-tea']);
    expect(within(found).getByTestId<HTMLButtonElement>('quick-keys-add').disabled).toBe(true);
    expect(screen.getAllByTestId('quick-key-row')[2]?.textContent).toContain('Trà đá');

    fireEvent.click(within(screen.getAllByTestId('quick-key-row')[2]!).getByTestId('quick-key-up'));
    fireEvent.click(within(screen.getAllByTestId('quick-key-row')[1]!).getByTestId('quick-key-up'));
    expect(rowIds()).toEqual(['p-tea', 'p-coffee', 'p-bread']);
    fireEvent.click(within(screen.getAllByTestId('quick-key-row')[1]!).getByTestId('quick-key-down'));
    expect(rowIds()).toEqual(['p-tea', 'p-bread', 'p-coffee']);
    fireEvent.click(within(screen.getAllByTestId('quick-key-row')[2]!).getByTestId('quick-key-remove'));
    expect(rowIds()).toEqual(['p-tea', 'p-bread']);

    fireEvent.click(screen.getByTestId('quick-keys-save'));
    expect((await screen.findByTestId('quick-keys-saved')).textContent).toBe('Đã lưu phím nhanh. Các máy của cửa hàng sẽ hiện danh sách mới.');
    const put = seen.find((call) => call.method === 'PUT');
    expect(put).toMatchObject({ url: `${SERVER}/api/v1/backoffice/quick-keys`, authorization: 'Bearer staff-token-1', body: { productIds: ['p-tea', 'p-bread'], expectedUpdatedAt: '2025-11-24T00:00:00.000Z' } });
    // The form is the saved list now: nothing left to save.
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('quick-keys-save').disabled).toBe(true));
    expect(rowIds()).toEqual(['p-tea', 'p-bread']);
  });

  it('a list changed elsewhere since it was read is refused in the manager language, and opening it again shows the newer list', async () => {
    let reads = 0;
    const seen = standInStaffServer((call) => {
      if (call.method === 'PUT') return { status: 409, body: { error: 'conflict', message: "The store's config was changed at 2025-11-25T00:00:00.000Z since these quick keys were read" } };
      reads += 1;
      return reads === 1 ? { status: 200, body: { productIds: ['p-coffee', 'p-bread'], updatedAt: '2025-11-24T00:00:00.000Z' } } : { status: 200, body: { productIds: ['p-bread', 'p-tea', 'p-coffee'], updatedAt: '2025-11-25T00:00:00.000Z' } };
    });
    await renderIn('en');
    await screen.findByTestId('quick-keys-list');
    fireEvent.click(within(screen.getAllByTestId('quick-key-row')[0]!).getByTestId('quick-key-remove'));
    fireEvent.click(screen.getByTestId('quick-keys-save'));
    const refused = await screen.findByTestId('quick-keys-refused');
    expect(refused.getAttribute('data-kind')).toBe('stale');
    expect(refused.textContent).toContain('The quick keys were changed elsewhere after you opened them.');
    expect(screen.queryByTestId('quick-keys-saved')).toBeNull();
    expect(seen.filter((call) => call.method === 'PUT')).toHaveLength(1);

    expect(rowIds()).toEqual(['p-bread']);
    fireEvent.click(screen.getByTestId('quick-keys-reload'));
    await waitFor(() => expect(rowIds()).toEqual(['p-bread', 'p-tea', 'p-coffee']));
    expect(screen.queryByTestId('quick-keys-refused')).toBeNull();
  });

  it('a product the server no longer knows is refused by name of the problem, in Vietnamese', async () => {
    standInStaffServer((call) =>
      call.method === 'PUT'
        ? { status: 422, body: { error: 'unknown_products', message: 'No product of the catalog has the id p-gone', unknown: ['p-gone'] } }
        : { status: 200, body: { productIds: ['p-gone', 'p-coffee'], updatedAt: '2025-11-24T00:00:00.000Z' } },
    );
    await renderIn('vi');
    await screen.findByTestId('quick-keys-list');
    // Not in this tablet's catalog: its id, and why there is no name.
    await waitFor(() => expect(screen.getAllByTestId('quick-key-row')[0]?.textContent).toContain('(máy này chưa có mặt hàng này)'));
    fireEvent.click(within(screen.getAllByTestId('quick-key-row')[0]!).getByTestId('quick-key-down'));
    fireEvent.click(screen.getByTestId('quick-keys-save'));
    expect((await screen.findByTestId('quick-keys-refused')).textContent).toContain('Có mặt hàng không còn trong danh mục trên máy chủ.');
  });

  it('a back-office session that ended sends the manager back to the PIN, once', async () => {
    standInStaffServer(() => ({ status: 401, body: { error: 'unauthorized', message: 'The staff session ended' } }));
    const onRefused = vi.fn();
    await renderIn('en', onRefused);
    await waitFor(() => expect(onRefused).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('quick-keys-read-error').textContent).toBe("The store's quick keys could not be read. Try again; if it keeps failing, call support.");
  });
});
