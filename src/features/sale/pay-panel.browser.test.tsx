// The pay panel in real Chromium, on a real device database and catalog: split tenders, only cash over the
// amount due, the change, the store's cash rounding, and gift card, points and store credit redeemed up to
// what this till knows of each balance.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCatalogPage } from '../../catalog/catalog-writer.ts';
import type { BalanceDocument, SaleDocument } from '../../data/schemas/types.ts';
import { attachCustomer, emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { Cart, CartProduct } from '../../domain/cart.ts';
import { completeSale } from './complete-sale.ts';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { DEVICE_ID, STORE_ID, lan, setUpTill, tearDownTill, testConfig } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';
import { renderPayPanel } from './counter.test-helper.tsx';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  await tearDownTill(till);
  till = undefined;
});

const product = (price: number): CartProduct => ({ id: 'p-basket', sku: 'GIO01', name: 'Giỏ quà Tết', price, taxClassId: 'vat10', weighed: false });

function cartOf(price: number, customerId?: string): Cart {
  const result = ringUpLine(emptyCart(), product(price));
  if (!result.ok) throw new Error(result.detail);
  return customerId === undefined ? result.cart : attachCustomer(result.cart, customerId);
}

/** Money is written with non-breaking spaces before the currency sign. */
const textOf = (testId: string): string => (screen.getByTestId(testId).textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
const amountOf = (testId: string): number => Number(screen.getByTestId(testId).dataset.amount);
const tenders = () => screen.queryAllByTestId('tender').map((each) => [each.dataset.method, Number(each.dataset.amount)]);

async function savedSale(current: Till): Promise<SaleDocument & Record<string, unknown>> {
  return waitFor(async () => {
    const sales = await current.database.sales.find().exec();
    const last = sales.at(-1);
    if (last === undefined) throw new Error('no sale yet');
    return last.toJSON() as SaleDocument & Record<string, unknown>;
  }, { timeout: 10_000 });
}

describe('paying at the counter', () => {
  it('splits a 290,000 dong bill between the card terminal and cash: a card cannot go over, cash can and the change is shown', async () => {
    till = await setUpTill();
    const config = testConfig();
    renderPayPanel(till, config, cartOf(290_000));
    expect(amountOf('pay-due')).toBe(290_000);

    fireEvent.click(screen.getByTestId('method-card'));
    fireEvent.change(screen.getByTestId('card-amount'), { target: { value: '300.000' } });
    fireEvent.change(screen.getByTestId('card-reference'), { target: { value: 'APPR 551' } });
    fireEvent.click(screen.getByTestId('card-add'));
    expect(screen.getByTestId('counter-notice').dataset.key).toBe('pay.tenderRefused.only-cash-gives-change');
    expect(screen.getByTestId('counter-notice').textContent).toContain('290.000');
    expect(tenders()).toEqual([]);

    fireEvent.change(screen.getByTestId('card-amount'), { target: { value: '90.000' } });
    fireEvent.click(screen.getByTestId('card-add'));
    expect(tenders()).toEqual([['card', 90_000]]);
    expect(amountOf('pay-remaining')).toBe(200_000);
    expect((screen.getByTestId('pay-complete') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('method-cash'));
    const quick = screen.getAllByTestId('cash-quick').map((each) => Number(each.dataset.amount));
    expect(quick).toEqual([200_000, 500_000]);
    fireEvent.click(screen.getAllByTestId('cash-quick').find((each) => each.dataset.amount === '500000')!);
    expect(tenders()).toEqual([['card', 90_000], ['cash', 500_000]]);
    expect(textOf('pay-remaining')).toBe('Tiền thừa trả khách: 300.000 ₫');

    fireEvent.click(screen.getByTestId('pay-complete'));
    const sale = await savedSale(till);
    expect(sale).toMatchObject({
      staffId: lan.id,
      tenders: [{ method: 'card', amount: 90_000, reference: 'APPR 551' }, { method: 'cash', amount: 500_000 }],
      totals: { total: 290_000 },
      change: 300_000,
    });
    // No USB printer here: the receipt goes through the browser and the cashier learns the drawer stayed shut.
    await waitFor(() => expect(screen.getByTestId('counter-notice').dataset.key).toBe('pay.completedWithWarning'), { timeout: 10_000 });
    expect(screen.getByTestId('counter-notice').textContent).toContain('két tiền không tự mở');
  });

  it('a store rounding cash to 500 dong: a 137,300 bill asks 137,500 in cash, shows the rounding and records it with the change', async () => {
    till = await setUpTill(testConfig({ store: { cashRoundingStep: 500 } }));
    const config = testConfig({ store: { cashRoundingStep: 500 } });
    renderPayPanel(till, config, cartOf(137_300));
    expect(amountOf('pay-due')).toBe(137_300);
    expect(amountOf('pay-cash-due')).toBe(137_500);
    expect(screen.getAllByTestId('cash-quick')[0]?.dataset.amount).toBe('137500');

    fireEvent.change(screen.getByTestId('cash-amount'), { target: { value: '150000' } });
    fireEvent.click(screen.getByTestId('cash-add'));
    expect(amountOf('pay-cash-rounding')).toBe(200);
    expect(textOf('pay-cash-rounding')).toBe('Làm tròn tiền mặt: 200 ₫');
    expect(textOf('pay-remaining')).toBe('Tiền thừa trả khách: 12.500 ₫');

    fireEvent.click(screen.getByTestId('pay-complete'));
    const sale = await savedSale(till);
    expect(sale.totals).toMatchObject({ total: 137_300, cashRounding: 200 });
    expect(sale.change).toBe(12_500);
  });

  it('a member pays 300,000 with 500 points (the offline cap), a gift card and store credit, the rest in cash; each balance is what this till knows', async () => {
    till = await setUpTill();
    const config = testConfig();
    const confirmedAt = '2025-01-01T00:00:00.000Z';
    const balances: (BalanceDocument & { _deleted: boolean })[] = [
      { id: `points:${STORE_ID}:cust-7`, kind: 'points', storeId: STORE_ID, refId: 'cust-7', value: 8_000, updatedAt: confirmedAt, _deleted: false },
      { id: `credit:${STORE_ID}:cust-7`, kind: 'credit', storeId: STORE_ID, refId: 'cust-7', value: 30_000, updatedAt: confirmedAt, _deleted: false },
      { id: `giftcard:${STORE_ID}:GC-100`, kind: 'giftcard', storeId: STORE_ID, refId: 'GC-100', value: 80_000, updatedAt: confirmedAt, _deleted: false },
    ];
    await writeCatalogPage(till.catalog, 'balances', { documents: balances, checkpoint: { id: `points:${STORE_ID}:cust-7`, seq: 3 } }, true);
    // Earlier today this till took 30,000 dong off the same gift card; the server has not confirmed it yet.
    const earlier = await completeSale({
      database: till.database,
      counter: till.counter,
      cart: cartOf(30_000),
      tenders: [{ method: 'gift_card', amount: 30_000, giftCardId: 'GC-100' }],
      settings: saleSettingsOf(config),
      storeId: STORE_ID,
      deviceId: DEVICE_ID,
      staffId: lan.id,
    });
    expect(earlier.ok).toBe(true);

    renderPayPanel(till, config, cartOf(300_000));
    fireEvent.click(screen.getByTestId('method-points'));
    expect(screen.getByTestId('needs-customer')).toBeTruthy();
    cleanup();
    renderPayPanel(till, config, cartOf(300_000, 'cust-7'));

    fireEvent.click(screen.getByTestId('method-points'));
    const points = await screen.findByTestId('points-balance');
    expect(points.dataset).toMatchObject({ points: '8000', min: '100', max: '500' });
    fireEvent.click(screen.getByTestId('points-add'));
    expect(tenders()).toEqual([['points', 50_000]]);

    fireEvent.click(screen.getByTestId('method-gift_card'));
    fireEvent.change(screen.getByTestId('gift-card-id'), { target: { value: 'GC-404' } });
    fireEvent.click(screen.getByTestId('gift-card-lookup'));
    expect((await screen.findByTestId('balance-unknown')).textContent).toContain('chưa có số dư');
    fireEvent.change(screen.getByTestId('gift-card-id'), { target: { value: 'GC-100' } });
    fireEvent.click(screen.getByTestId('gift-card-lookup'));
    const card = await screen.findByTestId('gift-card-balance');
    expect(card.dataset).toMatchObject({ amount: '50000', limit: '50000' });
    fireEvent.change(screen.getByTestId('gift-card-amount'), { target: { value: '60.000' } });
    fireEvent.click(screen.getByTestId('gift-card-add'));
    expect(screen.getByRole('alert').textContent).toContain('50.000');
    fireEvent.change(screen.getByTestId('gift-card-amount'), { target: { value: '50.000' } });
    fireEvent.click(screen.getByTestId('gift-card-add'));

    fireEvent.click(screen.getByTestId('method-store_credit'));
    expect((await screen.findByTestId('store-credit-balance')).dataset).toMatchObject({ amount: '30000', limit: '30000' });
    fireEvent.click(screen.getByTestId('store-credit-add'));
    expect(tenders()).toEqual([['points', 50_000], ['gift_card', 50_000], ['store_credit', 30_000]]);
    expect(amountOf('pay-remaining')).toBe(170_000);

    // Points already on the sale count against the cap: no more points now.
    fireEvent.click(screen.getByTestId('method-points'));
    expect((await screen.findByTestId('points-refused')).dataset.reason).toBe('no-points');

    fireEvent.click(screen.getByTestId('method-cash'));
    fireEvent.click(screen.getAllByTestId('cash-quick').find((each) => each.dataset.amount === '200000')!);
    fireEvent.click(screen.getByTestId('pay-complete'));
    const sale = await waitFor(async () => {
      const found = await till!.database.sales.find({ selector: { customerId: 'cust-7' } }).exec();
      if (found.length === 0) throw new Error('no sale yet');
      return found[0]!.toJSON() as SaleDocument;
    }, { timeout: 10_000 });
    expect(sale.change).toBe(30_000);
    expect(sale.ledger?.filter((entry) => entry.kind !== 'stock').map((entry) => [entry.kind, entry.refId, entry.delta])).toEqual([
      ['points', 'cust-7', -500],
      ['giftcard', 'GC-100', -50_000],
      ['credit', 'cust-7', -30_000],
      ['points', 'cust-7', 25],
    ]);
  });
});
