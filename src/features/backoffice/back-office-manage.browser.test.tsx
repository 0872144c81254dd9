// A manager keeps products, staff and the store's settings in the back office, in real Chromium with a real
// IndexedDB for the store's config (its tax classes) and TanStack Query for the reads; the server is a
// stand-in fetch answering as the back-office routes do (their own tests and the e2e test cover the real one).
// Each wrong field the server names is shown next to that field, in the manager's language.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseContext } from '../../data/database-context.ts';
import { createPosDatabase, type PosDatabase } from '../../data/database.ts';
import type { ProductDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import type { Language } from '../../i18n/i18n.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { standInStaffServer } from '../../sync/staff-server-stand-in.test-helper.ts';
import type { BackOfficeSession } from './back-office-client.ts';
import { ProductsBody } from './products-screen.tsx';
import { SettingsBody, type StoreSettings } from './settings-screen.tsx';
import { StaffBody } from './staff-screen.tsx';

const SERVER = 'https://pos.example.test';
const session = (language: Language): BackOfficeSession => ({ serverUrl: SERVER, token: 'staff-token-1', language });

const config: StoreConfigDocument = {
  id: 'store-q1',
  storeId: 'store-q1',
  store: { name: 'Cửa hàng Quận 1', currency: 'VND', locale: 'vi-VN' },
  taxClasses: [
    { id: 'vat8', name: 'VAT 8%', rateBasisPoints: 800, pricesIncludeTax: true },
    { id: 'vat10', name: 'VAT 10%', rateBasisPoints: 1000, pricesIncludeTax: true },
  ],
  staff: [],
  permissions: { manager: ['catalog.manage', 'staff.edit', 'settings.edit'] },
  updatedAt: '2025-11-24T00:00:00.000Z',
};

const milk: ProductDocument = {
  id: 'p-milk',
  sku: 'SUA-180',
  name: 'Sữa tươi Vinamilk 180ml',
  searchName: 'sua tuoi vinamilk 180ml',
  barcodes: ['8934673123458'],
  price: 8500,
  taxClassId: 'vat8',
  unit: 'pcs',
  weighed: false,
  active: true,
  updatedAt: '2025-11-24T00:00:00.000Z',
};

let database: PosDatabase | undefined;

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  useStaffSessionStore.getState().signOut();
  await database?.remove();
  database = undefined;
});

async function renderIn(language: Language, body: ReactNode): Promise<void> {
  database = await createPosDatabase({ name: `back-office-${crypto.randomUUID()}`, devMode: true });
  await database.config.insert(config);
  useStaffSessionStore.getState().signIn({ id: 'staff-nam', name: 'Lê Hoàng Nam', role: 'manager' });
  render(
    <I18nextProvider i18n={i18nIn(language)}>
      <DatabaseContext value={{ state: 'ready', database }}>
        <QueryClientProvider client={new QueryClient()}>{body}</QueryClientProvider>
      </DatabaseContext>
    </I18nextProvider>,
  );
}

describe('the back office products', () => {
  it('finds a product, shows a barcode another product has next to the barcodes field, then saves the new price', async () => {
    let refused = false;
    const seen = standInStaffServer((call) => {
      if (call.method === 'GET') return { status: 200, body: { products: [milk], total: 1, offset: 0, limit: 25 } };
      if (!refused) {
        refused = true;
        return { status: 422, body: { error: 'invalid_product', message: 'barcodes', errors: [{ field: 'barcodes', message: 'Mã vạch 8934567000012 đã thuộc về mã hàng MI-HH' }] } };
      }
      return { status: 200, body: { product: { ...milk, price: 9000 }, changed: true } };
    });
    const onRefused = vi.fn();
    await renderIn('vi', <ProductsBody session={session('vi')} onRefused={onRefused} />);
    fireEvent.change(screen.getByTestId('products-search'), { target: { value: 'sua' } });
    fireEvent.click(screen.getByTestId('products-search-submit'));
    const row = await screen.findByTestId('product-row');
    expect(row.textContent).toContain('Sữa tươi Vinamilk 180ml');
    await waitFor(() => expect(seen.some((call) => call.url.includes('q=sua'))).toBe(true));
    expect(seen[0]?.authorization).toBe('Bearer staff-token-1');

    fireEvent.click(within(row).getByTestId('product-edit'));
    expect(screen.getByTestId<HTMLInputElement>('product-sku').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('product-price'), { target: { value: '9000' } });
    fireEvent.change(screen.getByTestId('product-barcodes'), { target: { value: '8934673123458, 8934567000012' } });
    fireEvent.click(screen.getByTestId('product-save'));
    expect((await screen.findByTestId('product-error-barcodes')).textContent).toContain('MI-HH');
    const put = seen.find((call) => call.method === 'PUT');
    expect(put?.url).toBe(`${SERVER}/api/v1/backoffice/products/p-milk`);
    expect(put?.language).toBe('vi');
    expect(put?.body).toMatchObject({ sku: 'SUA-180', price: 9000, barcodes: ['8934673123458', '8934567000012'], taxClassId: 'vat8', expectedUpdatedAt: milk.updatedAt });

    fireEvent.change(screen.getByTestId('product-barcodes'), { target: { value: '8934673123458' } });
    fireEvent.click(screen.getByTestId('product-save'));
    expect((await screen.findByTestId('product-saved')).textContent).toContain('Đã lưu SUA-180');
    expect(onRefused).not.toHaveBeenCalled();
  });

  it('a session that ended goes back to the gate', async () => {
    standInStaffServer(() => ({ status: 401, body: { error: 'unauthorized', message: 'The staff session ended' } }));
    const onRefused = vi.fn();
    await renderIn('en', <ProductsBody session={session('en')} onRefused={onRefused} />);
    await waitFor(() => expect(onRefused).toHaveBeenCalledTimes(1));
  });
});

describe('the back office staff', () => {
  it('lists the staff, deactivates a cashier and adds a person without a PIN', async () => {
    const staff = [
      { id: 'staff-lan', name: 'Nguyễn Thị Lan', role: 'cashier', active: true, pinSetRequired: false },
      { id: 'staff-nam', name: 'Lê Hoàng Nam', role: 'manager', active: true, pinSetRequired: false },
    ];
    const seen = standInStaffServer((call) => {
      if (call.url.endsWith('/backoffice/staff/stores')) return { status: 200, body: { stores: [{ id: 'store-q1', name: 'Quận 1' }] } };
      if (call.method === 'GET') return { status: 200, body: { staff } };
      if (call.method === 'PATCH') {
        staff[0] = { ...staff[0]!, active: false };
        return { status: 200, body: { member: staff[0] } };
      }
      return { status: 201, body: { member: { id: 'staff-hung', name: 'Phạm Văn Hùng', role: 'cashier', active: true, pinSetRequired: true } } };
    });
    await renderIn('en', <StaffBody session={session('en')} onRefused={vi.fn()} />);
    const rows = await screen.findAllByTestId('staff-row');
    expect(rows).toHaveLength(2);
    // Nobody deactivates themselves from here.
    expect(within(rows[1]!).getByTestId<HTMLButtonElement>('staff-deactivate').disabled).toBe(true);
    fireEvent.click(within(rows[0]!).getByTestId('staff-deactivate'));
    expect((await screen.findByTestId('staff-notice')).textContent).toBe('Nguyễn Thị Lan is deactivated and can no longer sign in.');
    expect(seen.find((call) => call.method === 'PATCH')).toMatchObject({ url: `${SERVER}/api/v1/backoffice/staff/staff-lan`, body: { active: false } });
    await waitFor(() => expect(screen.getAllByTestId('staff-row')[0]?.getAttribute('data-active')).toBe('false'));

    fireEvent.change(screen.getByTestId('staff-add-name'), { target: { value: 'Phạm Văn Hùng' } });
    fireEvent.click(screen.getByTestId('staff-add-submit'));
    await waitFor(() => expect(screen.getByTestId('staff-notice').textContent).toBe('Phạm Văn Hùng is added.'));
    expect(seen.find((call) => call.method === 'POST')?.body).toEqual({ name: 'Phạm Văn Hùng', role: 'cashier' });
    // One store only: no store to choose.
    expect(screen.queryByTestId('staff-store')).toBeNull();
  });

  it("a manager of two stores picks the other store and manages that store's staff", async () => {
    const byStore: Record<string, Array<{ id: string; name: string; role: string; active: boolean; pinSetRequired: boolean }>> = {
      own: [{ id: 'staff-nam', name: 'Lê Hoàng Nam', role: 'manager', active: true, pinSetRequired: false }],
      'store-q3': [{ id: 'staff-mai', name: 'Võ Thị Mai', role: 'cashier', active: true, pinSetRequired: false }],
    };
    const seen = standInStaffServer((call) => {
      if (call.url.endsWith('/backoffice/staff/stores')) return { status: 200, body: { stores: [{ id: 'store-q1', name: 'Quận 1' }, { id: 'store-q3', name: 'Quận 3' }] } };
      const store = new URL(call.url).searchParams.get('storeId') ?? 'own';
      if (call.method === 'GET') return { status: 200, body: { staff: byStore[store] } };
      return { status: 200, body: { member: { ...byStore[store]![0]!, pinSetRequired: true } } };
    });
    await renderIn('vi', <StaffBody session={session('vi')} onRefused={vi.fn()} />);
    const picker = await screen.findByTestId<HTMLSelectElement>('staff-store');
    expect([...picker.options].map((option) => option.textContent)).toEqual(['Quận 1', 'Quận 3']);
    expect(screen.getByText('Cửa hàng cần quản lý nhân viên')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('staff-row').map((row) => row.getAttribute('data-staff-id'))).toEqual(['staff-nam']));

    fireEvent.change(picker, { target: { value: 'store-q3' } });
    await waitFor(() => expect(screen.getAllByTestId('staff-row').map((row) => row.getAttribute('data-staff-id'))).toEqual(['staff-mai']));
    fireEvent.click(screen.getByTestId('staff-reset-pin'));
    await screen.findByTestId('staff-notice');
    expect(seen.find((call) => call.method === 'POST')?.url).toBe(`${SERVER}/api/v1/backoffice/staff/staff-mai/pin-reset?storeId=store-q3`);
  });
});

describe('the back office store settings', () => {
  const settings: StoreSettings = {
    receiptHeader: ['CỬA HÀNG QUẬN 1'],
    receiptFooter: ['Cảm ơn quý khách!'],
    taxCode: '0312345678',
    bank: null,
    loyalty: { enabled: true, earnAmountPerPoint: 10_000, pointValue: 100, minRedeemPoints: 100, maxRedeemBasisPoints: 5000, offlineRedeemCapPoints: 500, offlineRedeemCapAmount: null, nonEarningCategories: [] },
    returns: { windowDays: 7, refundMethods: ['original_tender', 'cash'], managerApprovalAbove: null, nonReturnableCategories: [] },
    timeZone: 'Asia/Ho_Chi_Minh',
    businessDayCutoff: '00:00',
  };

  it('a number typed with letters is named before anything is sent; the server names the wrong tax code next to its field', async () => {
    const seen = standInStaffServer((call) =>
      call.method === 'GET'
        ? { status: 200, body: { settings, updatedAt: '2025-11-24T00:00:00.000Z' } }
        : { status: 422, body: { error: 'invalid_settings', message: 'taxCode', errors: [{ field: 'taxCode', message: 'Mã số thuế gồm 10 chữ số' }] } },
    );
    await renderIn('vi', <SettingsBody session={session('vi')} onRefused={vi.fn()} />);
    await screen.findByTestId('settings-form');
    fireEvent.change(screen.getByTestId('settings-loyalty.pointValue'), { target: { value: '1OO' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect((await screen.findByTestId('settings-error-loyalty.pointValue')).textContent).toBe('Nhập số nguyên, chỉ gồm chữ số.');
    expect(seen.filter((call) => call.method === 'PUT')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('settings-loyalty.pointValue'), { target: { value: '100' } });
    fireEvent.change(screen.getByTestId('settings-taxCode'), { target: { value: '031234' } });
    fireEvent.change(screen.getByTestId('settings-receiptFooter'), { target: { value: 'Cảm ơn!\nHẹn gặp lại' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect((await screen.findByTestId('settings-error-taxCode')).textContent).toBe('Mã số thuế gồm 10 chữ số');
    const put = seen.find((call) => call.method === 'PUT');
    expect(put?.body).toMatchObject({ settings: { taxCode: '031234', receiptFooter: ['Cảm ơn!', 'Hẹn gặp lại'], bank: null }, expectedUpdatedAt: '2025-11-24T00:00:00.000Z' });
  });

  it('a saved form says so and shows what the server stored', async () => {
    standInStaffServer((call) =>
      call.method === 'GET'
        ? { status: 200, body: { settings, updatedAt: '2025-11-24T00:00:00.000Z' } }
        : { status: 200, body: { settings: { ...settings, receiptFooter: ['Hẹn gặp lại'] }, updatedAt: '2025-11-25T00:00:00.000Z', changed: true } },
    );
    await renderIn('en', <SettingsBody session={session('en')} onRefused={vi.fn()} />);
    await screen.findByTestId('settings-form');
    fireEvent.change(screen.getByTestId('settings-receiptFooter'), { target: { value: 'Hẹn gặp lại' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect((await screen.findByTestId('settings-saved')).textContent).toContain('The settings are saved');
    expect(screen.getByTestId<HTMLTextAreaElement>('settings-receiptFooter').value).toBe('Hẹn gặp lại');
  });
});
