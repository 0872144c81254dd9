// The counter's customer, in real Chromium on real IndexedDB and with no network: a cashier types the phone
// of someone this tablet does not know, written with +84; the new-customer form opens with it in the
// national form, the cashier adds the name and the customer is created on the device and put on the sale;
// beside the name the counter shows the tier (none yet) and points. After a first purchase of 2.1 million
// the customer is in the store's first tier (Bạc, x1.25) with the points earned, and the next sale earns at
// Bạc and names it, as the server will check. "New customer" opens an empty form, and cancel goes back.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { page } from 'vitest/browser';
import '../../ui/theme.css';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine, type CartProduct } from '../../domain/cart.ts';
import { customerQrText } from '../../domain/customer-details.ts';
import { completeSale } from './complete-sale.ts';
import { useCounterStore } from './counter-store.ts';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { openCounterOnTill, burst } from './counter.test-helper.tsx';
import { DEVICE_ID, STORE_ID, lan, tearDownTill, testConfig, type Till } from './till.test-helper.tsx';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await tearDownTill(till);
  till = undefined;
});

const BAC = { id: 'bac', name: 'Bạc', minSpend: 2_000_000, multiplierBasisPoints: 12_500 };
const config = testConfig({ loyalty: { tierPeriodDays: 365, tiers: [BAC, { id: 'vang', name: 'Vàng', minSpend: 10_000_000, multiplierBasisPoints: 15_000 }] } });
const rice: CartProduct = { id: 'p-rice', sku: 'RICE-50', name: 'Gạo ST25 bao 50kg', price: 2_100_000, taxClassId: 'vat5', weighed: false };
const tea: CartProduct = { id: 'p-tea', sku: 'TEA-1', name: 'Trà Thái Nguyên', price: 100_000, taxClassId: 'vat5', weighed: false };

/** A sale to the customer, completed as the counter completes it (the store's rules, the tier this till knows). */
async function sellTo(current: Till, customerId: string, product: CartProduct) {
  const rungUp = ringUpLine(emptyCart(), product, { qty: 1000 });
  if (!rungUp.ok) throw new Error(rungUp.detail);
  const result = await completeSale({
    database: current.database,
    counter: current.counter,
    cart: attachCustomer(rungUp.cart, customerId),
    tenders: [{ method: 'cash', amount: product.price }],
    settings: saleSettingsOf(config),
    storeId: STORE_ID,
    deviceId: DEVICE_ID,
    staffId: lan.id,
  });
  if (!result.ok) throw new Error(result.detail);
  return result.sale;
}

async function openCounter(): Promise<Till> {
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
  till = await openCounterOnTill({ config });
  return till;
}

describe('a new customer at the counter', () => {
  it('is created offline from a phone the tablet does not know, put on the sale, and climbs to Bạc', async () => {
    const current = await openCounter();
    fireEvent.change(screen.getByTestId('customer-phone'), { target: { value: '+84 903 000 003' } });
    fireEvent.submit(screen.getByTestId('customer-phone').closest('form') as HTMLFormElement);

    expect((await screen.findByTestId('customer-not-found')).textContent).toContain('+84 903 000 003');
    expect((screen.getByTestId('customer-form-phone') as HTMLInputElement).value).toBe('0903000003');
    fireEvent.change(screen.getByTestId('customer-form-name'), { target: { value: 'Phạm Thu Hà' } });
    fireEvent.click(screen.getByTestId('customer-form-save'));

    const attached = await screen.findByTestId('customer-attached');
    const customerId = attached.dataset.customerId ?? '';
    expect(useCounterStore.getState().cart.customerId).toBe(customerId);
    const stored = (await current.database.customers.findOne(customerId).exec())?.toJSON();
    expect(stored).toMatchObject({ name: 'Phạm Thu Hà', searchName: 'pham thu ha', phone: '0903000003', storeId: STORE_ID });
    expect(screen.getByTestId('customer-created').textContent).toContain('Phạm Thu Hà');
    await waitFor(() => expect(screen.getByTestId('customer-loyalty').dataset.points).toBe('0'));
    expect(screen.getByTestId('customer-tier').textContent).toBe('Thành viên');
    expect(screen.getByTestId('customer-loyalty').dataset.tier).toBe('');

    // A first purchase of 2.1 million earns 210 points at no tier, and reaches Bạc.
    const first = await sellTo(current, customerId, rice);
    expect(first.loyaltyTier).toBeUndefined();
    expect(first.ledger?.find((entry) => entry.kind === 'points')).toMatchObject({ refId: customerId, delta: 210, reason: 'earn' });
    await waitFor(() => expect(screen.getByTestId('customer-loyalty').dataset.tier).toBe('bac'));
    expect(screen.getByTestId('customer-tier').textContent).toBe('Bạc · tích điểm ×1.25');
    expect(screen.getByTestId('customer-loyalty').dataset.points).toBe('210');

    // The next sale earns at Bạc: 100,000 VND is 10 points, x1.25 = 12; the sale names the tier.
    const second = await sellTo(current, customerId, tea);
    expect(second.loyaltyTier).toBe('bac');
    expect(second.ledger?.find((entry) => entry.kind === 'points')?.delta).toBe(12);
    await waitFor(() => expect(screen.getByTestId('customer-loyalty').dataset.points).toBe('222'));
  });

  it('"New customer" opens an empty form; cancel goes back to the phone field; a known phone in another form attaches', async () => {
    const current = await openCounter();
    await current.database.customers.insert({ id: 'cust-mai', storeId: STORE_ID, name: 'Nguyễn Thị Mai', searchName: 'nguyen thi mai', phone: '0912345678', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    fireEvent.click(screen.getByTestId('customer-new'));
    expect(screen.queryByTestId('customer-not-found')).toBeNull();
    expect((screen.getByTestId('customer-form-phone') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('customer-form-save'));
    expect((await screen.findByTestId('customer-form-name-problem')).dataset.problem).toBe('required');
    fireEvent.click(screen.getByTestId('customer-form-cancel'));
    expect(await screen.findByTestId('customer-phone')).toBeTruthy();
    expect(await current.database.customers.count().exec()).toBe(1);

    fireEvent.change(screen.getByTestId('customer-phone'), { target: { value: '84912345678' } });
    fireEvent.submit(screen.getByTestId('customer-phone').closest('form') as HTMLFormElement);
    await waitFor(() => expect(screen.getByTestId('customer-attached').dataset.customerId).toBe('cust-mai'));
  });

  it("the customer's QR scanned anywhere on the counter puts her on the sale", async () => {
    const current = await openCounter();
    await current.database.customers.insert({ id: 'cust-mai', storeId: STORE_ID, name: 'Nguyễn Thị Mai', searchName: 'nguyen thi mai', phone: '0912345678', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    burst(customerQrText('cust-mai'));
    await waitFor(() => expect(screen.getByTestId('customer-attached').dataset.customerId).toBe('cust-mai'));
    expect(useCounterStore.getState().cart.lines).toHaveLength(0);
  });

  it('the phone field shows its whole hint ("SĐT hoặc mã thẻ thành viên") in the cart of a 1280 px counter and of a portrait tablet', async () => {
    for (const [width, height] of [[1280, 800], [800, 1280]] as const) {
      await page.viewport(width, height);
      if (till === undefined) await openCounter();
      const field = screen.getByTestId('customer-phone') as HTMLInputElement;
      await waitFor(() => expect(field.getBoundingClientRect().width).toBeGreaterThan(0));
      const style = getComputedStyle(field);
      const context = document.createElement('canvas').getContext('2d');
      if (context === null) throw new Error('no canvas');
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const inner = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      expect(field.placeholder).toBe('SĐT hoặc mã thẻ thành viên');
      expect(context.measureText(field.placeholder).width).toBeLessThanOrEqual(inner);
    }
  });
});
