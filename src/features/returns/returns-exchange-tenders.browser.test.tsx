// The difference of an exchange paid with what belongs to the customer, in real Chromium on real IndexedDB
// with no network: Hà bought two coffees in cash without giving her phone; at the returns desk she swaps one
// for a dearer tea. Until the cashier attaches her, only the tenders that need no customer are offered;
// once attached by phone, her points and store credit pay part of the 16,000 as the counter's forms take
// them, under the store's offline caps (100 points a sale, 5,000 of store credit a sale), and cash the rest:
// ONE exchange document whose ledger spends her points and credit. Points taken while the wrong customer
// was attached are dropped when the cashier attaches the right one. A gift card needs no customer: it pays
// what the store's offline cap allows of its balance (a bank card typed there is refused and cleared), and the
// exchange's ledger spends it.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BalanceDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { formatGiftCardNumber, generateGiftCardNumber } from '../../domain/gift-card-number.ts';
import { STORE_ID, renderOnTill, testConfig } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';
import { addCustomer, coffeesSoldInCash, deskReady, exchangeForSearched, offlineReturnsDesk, tea, theReturnWritten, typeAtTheDesk } from './returns.test-helper.tsx';
import { ReturnsScreen } from './returns-screen.tsx';

const desk = offlineReturnsDesk();

function capsConfig(): StoreConfigDocument {
  return {
    ...testConfig({ loyalty: { maxRedeemBasisPoints: 10_000, offlineRedeemCapPoints: 100, offlineRedeemCapAmount: 5_000 } }),
    returnPolicy: { windowDays: 30, refundMethods: ['original_tender', 'cash', 'store_credit', 'gift_card'] },
  };
}

/** Two coffees bought in cash; at the desk one comes back for a tea: 16,000 more to pay. */
async function oneCoffeeSwappedForTea(till: Till): Promise<void> {
  const sale = await coffeesSoldInCash(till, 2000, 58_000);
  renderOnTill(till, <ReturnsScreen />);
  await deskReady();
  typeAtTheDesk(sale.number);
  await screen.findByTestId('returns-purchase');
  fireEvent.change(screen.getByTestId('returns-qty-0'), { target: { value: '1' } });
  await exchangeForSearched('tra');
  await waitFor(() => expect(screen.getByTestId('returns-difference').dataset.amount).toBe('16000'));
}

/** The cashier attaches the customer whose phone this is, at the desk. */
function attach(phone: string): void {
  fireEvent.change(screen.getByTestId('returns-customer-phone'), { target: { value: phone } });
  fireEvent.click(screen.getByTestId('returns-customer-find'));
}

/**
 * In the pay panel's open tender form of a balance (points, store credit, a gift card), the cashier sees the
 * balance and its offline cap (`shown`), takes what it may pay, and the difference still to pay drops to `remaining`.
 */
async function takeFromBalance(pay: HTMLElement, form: 'points' | 'store-credit' | 'gift-card', shown: Record<string, string>, remaining: string): Promise<void> {
  const balance = await within(pay).findByTestId(`${form}-balance`);
  expect(balance.dataset).toMatchObject(shown);
  fireEvent.click(within(pay).getByTestId(`${form}-add`));
  await waitFor(() => expect(screen.getByTestId('returns-pay-remaining').dataset.amount).toBe(remaining));
}

/** The rest in cash, then the cashier confirms the exchange once the desk allows it. */
async function cashTheRestAndConfirm(pay: HTMLElement, rest: string): Promise<void> {
  fireEvent.click(within(pay).getByTestId('returns-method-cash'));
  fireEvent.change(within(pay).getByTestId('cash-amount'), { target: { value: rest } });
  fireEvent.click(within(pay).getByTestId('cash-add'));
  await waitFor(() => expect((screen.getByTestId('returns-confirm') as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(screen.getByTestId('returns-confirm'));
}

describe('the difference of an exchange paid with the customer’s own tenders', () => {
  it('Hà, attached by phone at the desk, pays 10,000 in points (capped at 100) and 5,000 of store credit (capped), the rest in cash', async () => {
    const till = await desk.setUp(capsConfig());
    await till.catalog.products.bulkPut([tea]);
    await addCustomer(till, { id: 'cust-minh', name: 'Võ Văn Minh', searchName: 'vo van minh', phone: '0987654321' });
    await addCustomer(till, { id: 'cust-ha', name: 'Phạm Thu Hà', searchName: 'pham thu ha', phone: '0912345678' });
    const now = new Date().toISOString();
    const balances: BalanceDocument[] = [
      { id: `points:${STORE_ID}:cust-ha`, kind: 'points', storeId: STORE_ID, refId: 'cust-ha', value: 1_200, updatedAt: now },
      { id: `credit:${STORE_ID}:cust-ha`, kind: 'credit', storeId: STORE_ID, refId: 'cust-ha', value: 10_000, updatedAt: now },
    ];
    await till.catalog.balances.bulkPut(balances);
    await oneCoffeeSwappedForTea(till);

    // No customer yet: a gift card may pay, her points and store credit may not.
    const pay = screen.getByTestId('returns-pay');
    expect(within(pay).getByTestId('returns-method-gift_card')).toBeTruthy();
    expect(within(pay).queryByTestId('returns-method-points')).toBeNull();
    expect(within(pay).queryByTestId('returns-method-store_credit')).toBeNull();

    attach('+84 912 345 678');
    await waitFor(() => expect(screen.getByTestId('returns-customer').textContent).toContain('Phạm Thu Hà'));

    // Her points: 1,200 on this till, but the store's offline cap is 100 a sale.
    fireEvent.click(await within(pay).findByTestId('returns-method-points'));
    await takeFromBalance(pay, 'points', { points: '1200', max: '100' }, '6000');

    // The cashier had the wrong customer: attaching another drops the points taken from Hà's balance.
    attach('0987 654 321');
    await waitFor(() => expect(screen.getByTestId('returns-customer').textContent).toContain('Võ Văn Minh'));
    await waitFor(() => expect(screen.getByTestId('returns-pay-remaining').dataset.amount).toBe('16000'));
    expect(screen.queryByTestId('returns-pay-tender')).toBeNull();
    await waitFor(() => expect(within(pay).getByTestId('points-refused').dataset.reason).toBe('no-points'));
    attach('0912345678');
    await waitFor(() => expect(screen.getByTestId('returns-customer').textContent).toContain('Phạm Thu Hà'));
    fireEvent.click(within(pay).getByTestId('returns-method-points'));
    await waitFor(() => expect(within(pay).getByTestId('points-balance').dataset.max).toBe('100'));
    fireEvent.click(within(pay).getByTestId('points-add'));
    await waitFor(() => expect(screen.getByTestId('returns-pay-remaining').dataset.amount).toBe('6000'));

    // Her store credit: 10,000, capped at 5,000 a sale.
    fireEvent.click(within(pay).getByTestId('returns-method-store_credit'));
    await takeFromBalance(pay, 'store-credit', { amount: '10000', limit: '5000' }, '1000');
    await cashTheRestAndConfirm(pay, '1000');

    const written = await theReturnWritten(till);
    expect(written).toMatchObject({
      reason: 'exchange',
      customerId: 'cust-ha',
      totals: { total: 16_000 },
      tenders: [
        { method: 'points', amount: 10_000, points: 100 },
        { method: 'store_credit', amount: 5_000 },
        { method: 'cash', amount: 1_000 },
      ],
    });
    expect(written.ledger).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'points', refId: 'cust-ha', delta: -100 }),
        expect.objectContaining({ kind: 'credit', refId: 'cust-ha', delta: -5_000 }),
      ]),
    );
  });

  it('a gift card pays 5,000 of the 16,000 (its 12,000 capped offline), a bank card typed there is refused and cleared, cash the rest', async () => {
    const till = await desk.setUp(capsConfig());
    await till.catalog.products.bulkPut([tea]);
    const card = generateGiftCardNumber();
    const now = new Date().toISOString();
    await till.catalog.balances.put({ id: `giftcard:${STORE_ID}:${card}`, kind: 'giftcard', storeId: STORE_ID, refId: card, value: 12_000, updatedAt: now });
    await oneCoffeeSwappedForTea(till);

    // No customer is needed for a gift card.
    const pay = screen.getByTestId('returns-pay');
    fireEvent.click(within(pay).getByTestId('returns-method-gift_card'));
    fireEvent.change(within(pay).getByTestId('gift-card-id'), { target: { value: '4111 1111 1111 1111' } });
    fireEvent.click(within(pay).getByTestId('gift-card-lookup'));
    expect((await within(pay).findByTestId('gift-card-refused')).dataset.reason).toBe('bank-card');
    expect((within(pay).getByTestId('gift-card-id') as HTMLInputElement).value).toBe('');

    fireEvent.change(within(pay).getByTestId('gift-card-id'), { target: { value: formatGiftCardNumber(card) } });
    fireEvent.click(within(pay).getByTestId('gift-card-lookup'));
    await takeFromBalance(pay, 'gift-card', { amount: '12000', limit: '5000' }, '11000');
    await cashTheRestAndConfirm(pay, '11000');

    const written = await theReturnWritten(till);
    expect(written).toMatchObject({
      reason: 'exchange',
      totals: { total: 16_000 },
      tenders: [
        { method: 'gift_card', amount: 5_000, reference: card },
        { method: 'cash', amount: 11_000 },
      ],
    });
    expect(written.ledger).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'giftcard', refId: card, delta: -5_000 })]));
  });
});
