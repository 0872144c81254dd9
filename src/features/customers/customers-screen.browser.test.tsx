// The customers screen in real Chromium on real IndexedDB, offline: a cashier creates a customer (the phone
// typed with +84 is stored in the national form), finds them again by the phone written another way, by part
// of the name without accents and by a scanned member card, edits them, sees their tier, spend and points
// after a purchase and the purchase in their recent list, and hands them to the counter. The chain-wide
// search asks the server and says when it cannot answer.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine } from '../../domain/cart.ts';
import { useCounterHandoffStore } from '../../session/counter-handoff-store.ts';
import { openSyncDatabase, type SyncDatabase } from '../../sync/sync-database.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import { saveDeviceIdentity } from '../../sync/enrolment.ts';
import { completeSale } from '../sale/complete-sale.ts';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { DEVICE_ID, STORE_ID, lan, renderOnTill, setUpTill, tearDownTill, testConfig, type Till } from '../sale/till.test-helper.tsx';
import { CustomersScreen } from './customers-screen.tsx';

let till: Till | undefined;
let syncDatabase: SyncDatabase | undefined;

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  useCounterHandoffStore.setState({ customerId: null });
  await tearDownTill(till);
  till = undefined;
  await syncDatabase?.delete({ disableAutoOpen: true });
  syncDatabase = undefined;
});

const config = testConfig({ loyalty: { tierPeriodDays: 365, tiers: [{ id: 'bac', name: 'Bạc', minSpend: 2_000_000, multiplierBasisPoints: 12_500 }] } });

async function openScreen(fetchImpl: typeof fetch = () => Promise.reject(new TypeError('offline'))): Promise<Till> {
  vi.stubGlobal('fetch', fetchImpl);
  const current = await setUpTill(config);
  till = current;
  syncDatabase = openSyncDatabase(`${current.database.name}-sync`);
  await saveDeviceIdentity(syncDatabase, { deviceId: DEVICE_ID, storeId: STORE_ID, storeName: 'Cửa hàng Quận 1', deviceName: 'Quầy 3', serverUrl: 'http://localhost:1', token: 't', enrolledAt: '2025-01-01T00:00:00.000Z' });
  const withSync = (children: ReactNode) => <SyncDatabaseContext value={syncDatabase ?? null}>{children}</SyncDatabaseContext>;
  renderOnTill(current, withSync(<CustomersScreen />));
  await screen.findByTestId('customers-screen');
  await act(async () => undefined);
  return current;
}

function type(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

/** A keyboard-wedge scanner's burst on the page. */
function burst(code: string): void {
  const start = performance.now();
  [...code, 'Enter'].forEach((key, index) => {
    for (const kind of ['keydown', 'keyup']) {
      const event = new KeyboardEvent(kind, { key, code: key === 'Enter' ? 'Enter' : /\d/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: start + index * 3 });
      document.body.dispatchEvent(event);
    }
  });
}

async function createLan(): Promise<string> {
  fireEvent.click(screen.getByTestId('customers-new'));
  type('customer-form-name', 'Nguyễn Thị Lan');
  type('customer-form-phone', '+84 903 000 003');
  type('customer-form-memberCard', 'tv0001');
  fireEvent.click(screen.getByTestId('customer-form-save'));
  const card = await screen.findByTestId('customer-card');
  return card.dataset.customerId ?? '';
}

describe('the customers screen', () => {
  it('creates a customer offline and finds them by phone, name and member card, then edits them', async () => {
    const current = await openScreen();
    const id = await createLan();
    expect(screen.getByTestId('customers-status').textContent).toContain('Nguyễn Thị Lan');
    expect(screen.getByTestId('customer-card-phone').textContent).toBe('0903000003');
    expect((await current.database.customers.findOne(id).exec())?.toJSON()).toMatchObject({ phone: '0903000003', memberCard: 'TV0001', storeId: STORE_ID });

    for (const text of ['0903.000.003', 'thi lan', '000 003']) {
      type('customers-search', text);
      await waitFor(() => expect(screen.getAllByTestId('customers-row').map((row) => row.dataset.customerId)).toEqual([id]));
    }
    type('customers-search', 'Trần');
    await waitFor(() => expect(screen.getByTestId('customers-count').dataset.count).toBe('0'));
    expect(screen.getByTestId('customers-count').textContent).toContain('Trần');

    burst('TV0001');
    await waitFor(() => expect(screen.getByTestId('customer-card').dataset.customerId).toBe(id));

    fireEvent.click(screen.getByTestId('customer-edit'));
    expect((screen.getByTestId('customer-form-name') as HTMLInputElement).value).toBe('Nguyễn Thị Lan');
    type('customer-form-name', 'Nguyễn Thị Lan Anh');
    type('customer-form-email', 'lananh@example.vn');
    fireEvent.click(screen.getByTestId('customer-form-save'));
    await waitFor(() => expect(screen.getByTestId('customer-card-name').textContent).toBe('Nguyễn Thị Lan Anh'));
    const edited = (await current.database.customers.findOne(id).exec())?.toJSON();
    expect(edited).toMatchObject({ name: 'Nguyễn Thị Lan Anh', searchName: 'nguyen thi lan anh', email: 'lananh@example.vn', phone: '0903000003' });
    expect(edited?.updatedAt).not.toBe(edited?.createdAt);
  });

  it('shows the tier, spend and points a purchase brought, the purchase itself as it is written, and hands the customer to the counter', async () => {
    const current = await openScreen();
    const id = await createLan();
    await waitFor(() => expect(screen.getByTestId('customer-loyalty-facts').dataset.points).toBe('0'));
    expect(screen.getByTestId('customer-loyalty-facts').dataset.tier).toBe('');
    expect(await screen.findByTestId('customer-recent-none')).toBeTruthy();

    const rungUp = ringUpLine(emptyCart(), { id: 'p-rice', sku: 'RICE-50', name: 'Gạo ST25 bao 50kg', price: 2_500_000, taxClassId: 'vat5', weighed: false }, { qty: 1000 });
    if (!rungUp.ok) throw new Error(rungUp.detail);
    const sold = await completeSale({ database: current.database, counter: current.counter, cart: attachCustomer(rungUp.cart, id), tenders: [{ method: 'cash', amount: 2_500_000 }], settings: saleSettingsOf(config), storeId: STORE_ID, deviceId: DEVICE_ID, staffId: lan.id });
    if (!sold.ok) throw new Error(sold.detail);

    const facts = screen.getByTestId('customer-loyalty-facts');
    await waitFor(() => expect(facts.dataset.tier).toBe('bac'));
    expect(facts.dataset.spend).toBe('2500000');
    expect(facts.dataset.points).toBe('250');
    expect(screen.getByTestId('customer-card-tier').textContent).toContain('Bạc');
    expect(screen.getByTestId('customer-card-tier').textContent).toContain('Hạng cao nhất');
    expect(screen.getByTestId('customer-card-points').textContent).toContain('250 điểm');

    const recent = await screen.findByTestId('customer-recent');
    expect(within(recent).getAllByTestId('customer-recent-sale').map((row) => row.dataset.number)).toEqual([sold.sale.number]);

    fireEvent.click(screen.getByTestId('customer-sell'));
    expect(useCounterHandoffStore.getState().customerId).toBe(id);
  });

  it('looks a whole phone number up across the chain, and says when the server cannot answer', async () => {
    const asked: string[] = [];
    let answer: Response | Error = Response.json({ customers: [{ id: 'cust-q7', storeId: 'store-q7', ownStore: false, name: 'P. T. Hà', phoneLast3: '003' }] });
    await openScreen(async (input) => {
      asked.push(String(input));
      if (answer instanceof Error) throw answer;
      return answer;
    });
    type('customers-search', 'Hà');
    expect((screen.getByTestId('chain-search-button') as HTMLButtonElement).disabled).toBe(true);
    type('customers-search', '+84 903 000 003');
    fireEvent.click(screen.getByTestId('chain-search-button'));
    const results = await screen.findByTestId('chain-results');
    expect(results.textContent).toContain('P. T. Hà · số đuôi …003');
    expect(asked).toEqual(['http://localhost:1/api/v1/customers/search?q=0903000003']);
    fireEvent.click(screen.getByTestId('chain-sell'));
    expect(useCounterHandoffStore.getState().customerId).toBe('cust-q7');

    answer = new TypeError('Failed to fetch');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    type('customers-search', '0912345678');
    fireEvent.click(screen.getByTestId('chain-search-button'));
    expect((await screen.findByTestId('chain-failed')).textContent).toContain('Tìm trong toàn chuỗi bị lỗi');
    errors.mockRestore();
  });
});
