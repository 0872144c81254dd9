// Selling and reloading gift cards at the counter (issue 16), in real Chromium on real IndexedDB: the store's
// gift-card product rung up opens the gift-card prompt; a bank card typed as the card's number is refused as a
// bank card (its digits masked), a mistyped number as not ours; the card scanned into the prompt and an amount
// tapped puts a line on the sale carrying the card's number at that amount. A card's own number scanned at the
// counter opens the prompt too; a card the tablet knows says what it holds (a reload).
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCatalogPage } from '../../catalog/catalog-writer.ts';
import type { BalanceDocument } from '../../data/schemas/types.ts';
import { containsCardNumber } from '../../domain/card-number.ts';
import { formatGiftCardNumber, generateGiftCardNumber } from '../../domain/gift-card-number.ts';
import { makeEan13 } from '../../domain/gtin.ts';
import { useGiftCardLineStore } from '../../session/gift-card-line-store.ts';
import { useCounterStore } from './counter-store.ts';
import { openCounterOnTill, shelfProduct, burst } from './counter.test-helper.tsx';
import { STORE_ID, tearDownTill, testConfig, type Till } from './till.test-helper.tsx';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  useGiftCardLineStore.getState().close();
  await tearDownTill(till);
  till = undefined;
});

const giftCardCode = makeEan13('893456700090');
const coffeeCode = makeEan13('893456700001');

async function openCounter(): Promise<Till> {
  const shelf = [
    shelfProduct(1, { id: 'p-giftcard', name: 'Thẻ quà tặng', sku: 'THE-QT', barcode: giftCardCode, price: 0, taxClassId: 'exempt' }),
    shelfProduct(2, { id: 'p-coffee', name: 'Cà phê sữa đá', sku: 'CF-001', barcode: coffeeCode, price: 29_000 }),
  ];
  return openCounterOnTill({ config: testConfig({ loyalty: { giftCardProductIds: ['p-giftcard'], giftCardAmounts: [200_000, 500_000] } }), shelf });
}

function cartLines() {
  return useCounterStore.getState().cart.lines;
}

describe('selling a gift card at the counter', () => {
  it('the gift-card product asks for the card and the amount; a bank card and a mistyped number are refused; the scanned card and a tapped amount make the line', async () => {
    till = await openCounter();
    burst(giftCardCode);
    const prompt = await screen.findByTestId('gift-card-line');
    expect(cartLines()).toHaveLength(0);
    expect(within(prompt).getAllByTestId('gift-card-line-quick').map((button) => Number(button.dataset.amount))).toEqual([200_000, 500_000]);

    // A bank card typed as the gift card's number: refused as a bank card, its middle digits never repeated.
    fireEvent.change(within(prompt).getByTestId('gift-card-line-number'), { target: { value: '4111 1111 1111 1111' } });
    fireEvent.click(within(prompt).getAllByTestId('gift-card-line-quick')[0]!);
    const refusal = await within(prompt).findByTestId('gift-card-line-problem');
    expect(refusal.dataset.reason).toBe('bank-card');
    expect(refusal.textContent).toContain('411111******1111');
    expect(refusal.textContent).toMatch(/thẻ ngân hàng/);
    expect(cartLines()).toHaveLength(0);

    // One digit wrong: not one of ours (a slip that happens to read as a bank card would be refused as one, so
    // the slip taken here is one the card-number filter does not trip on).
    const card = generateGiftCardNumber();
    const slips = Array.from({ length: 18 }, (_, at) => card.slice(0, at + 1) + String((Number(card[at + 1]) + 1) % 10) + card.slice(at + 2));
    const mistyped = slips.find((slip) => !containsCardNumber(slip));
    if (mistyped === undefined) throw new Error(`every one-digit slip of ${card} reads as a bank card`);
    fireEvent.change(within(prompt).getByTestId('gift-card-line-number'), { target: { value: mistyped } });
    fireEvent.click(within(prompt).getByTestId('gift-card-line-add'));
    // No amount typed yet: the amount is asked first.
    expect((await within(prompt).findByTestId('gift-card-line-problem')).dataset.reason).toBe('amount');
    fireEvent.click(within(prompt).getAllByTestId('gift-card-line-quick')[1]!);
    await waitFor(() => expect(within(prompt).getByTestId('gift-card-line-problem').dataset.reason).toBe('not-a-gift-card'));
    expect(cartLines()).toHaveLength(0);

    // The card scanned while the prompt is open is its number, not a product; 500,000 tapped.
    burst(card);
    await waitFor(() => expect((within(prompt).getByTestId('gift-card-line-number') as HTMLInputElement).value).toBe(card));
    expect(await within(prompt).findByTestId('gift-card-line-balance')).toHaveProperty('dataset.amount', '');
    fireEvent.click(within(prompt).getAllByTestId('gift-card-line-quick')[1]!);
    await waitFor(() => expect(screen.queryByTestId('gift-card-line')).toBeNull());
    expect(cartLines()).toMatchObject([{ productId: 'p-giftcard', qty: 1000, unitPrice: 500_000, giftCardId: card }]);
    expect(Number(screen.getByTestId('cart-total').dataset.amount)).toBe(500_000);

    // A second card at a typed amount is a line of its own; coffee still rings up as usual.
    burst(giftCardCode);
    const again = await screen.findByTestId('gift-card-line');
    const second = generateGiftCardNumber();
    fireEvent.change(within(again).getByTestId('gift-card-line-number'), { target: { value: formatGiftCardNumber(second) } });
    fireEvent.change(within(again).getByTestId('gift-card-line-amount'), { target: { value: '150.000' } });
    fireEvent.click(within(again).getByTestId('gift-card-line-add'));
    await waitFor(() => expect(cartLines()).toHaveLength(2));
    expect(cartLines()[1]).toMatchObject({ giftCardId: second, unitPrice: 150_000 });
    burst(coffeeCode);
    await waitFor(() => expect(cartLines()).toHaveLength(3));
    expect(Number(screen.getByTestId('cart-total').dataset.amount)).toBe(500_000 + 150_000 + 29_000);
  });

  it('a card’s own number scanned at the counter opens the prompt on it; a card this tablet knows is a reload and says what it holds', async () => {
    till = await openCounter();
    const card = generateGiftCardNumber();
    const id = `giftcard:${STORE_ID}:${card}`;
    const confirmed: BalanceDocument = { id, kind: 'giftcard', storeId: STORE_ID, refId: card, value: 300_000, updatedAt: new Date().toISOString() };
    await writeCatalogPage(till.catalog, 'balances', { documents: [confirmed], checkpoint: { id, seq: 10 } }, false);
    burst(card);
    const prompt = await screen.findByTestId('gift-card-line');
    expect((within(prompt).getByTestId('gift-card-line-number') as HTMLInputElement).value).toBe(formatGiftCardNumber(card));
    const balance = await within(prompt).findByTestId('gift-card-line-balance');
    await waitFor(() => expect(balance.dataset.amount).toBe('300000'));
    expect(balance.textContent).toMatch(/Nạp thêm/);
    fireEvent.change(within(prompt).getByTestId('gift-card-line-amount'), { target: { value: '200000' } });
    fireEvent.submit(within(prompt).getByTestId('gift-card-line-amount').closest('form')!);
    await waitFor(() => expect(cartLines()).toMatchObject([{ productId: 'p-giftcard', unitPrice: 200_000, giftCardId: card }]));

    // Cancel leaves the cart as it was.
    burst(giftCardCode);
    fireEvent.click(within(await screen.findByTestId('gift-card-line')).getByTestId('gift-card-line-cancel'));
    await waitFor(() => expect(screen.queryByTestId('gift-card-line')).toBeNull());
    expect(cartLines()).toHaveLength(1);
  });
});

describe('a gift card as a tender', () => {
  it('a bank card typed as the card to pay with is refused and cleared, nothing looked up', async () => {
    till = await openCounter();
    burst(coffeeCode);
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    fireEvent.click(screen.getByTestId('cart-pay'));
    fireEvent.click(await screen.findByTestId('method-gift_card'));
    const field = (await screen.findByTestId('gift-card-id')) as HTMLInputElement;
    fireEvent.change(field, { target: { value: '4111 1111 1111 1111' } });
    fireEvent.click(screen.getByTestId('gift-card-lookup'));
    const refusal = await screen.findByTestId('gift-card-refused');
    expect(refusal.dataset.reason).toBe('bank-card');
    expect(refusal.textContent).toContain('411111******1111');
    expect(field.value).toBe('');
    expect(screen.queryByTestId('balance-unknown')).toBeNull();
    expect(screen.queryByTestId('gift-card-balance')).toBeNull();
  });
});
