// The gift card on a new sale's receipt (issues 13, 16), in real Chromium on real IndexedDB: saleReceipt reads
// what each card the sale loads or pays with holds as this till knows it (the catalog's confirmed balance plus
// this till's own sales since, this one included) and the receipt prints the card masked with that balance;
// a load the server has not confirmed reads as pending; a reprint prints the masked card without a balance.
import { afterEach, describe, expect, it } from 'vitest';
import type { BalanceDocument } from '../../data/schemas/types.ts';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { Cart, CartProduct, CartResult } from '../../domain/cart.ts';
import { generateGiftCardNumber } from '../../domain/gift-card-number.ts';
import { saleReceipt } from './print-sale-receipt.ts';
import type { PrintSaleOptions } from './print-sale-receipt.ts';
import { DEVICE_ID, STORE_ID, completeOnTill, lan, setUpTill, tearDownTill, testConfig } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';

const giftCardProduct: CartProduct = { id: 'p-giftcard', sku: 'THE-QT', name: 'Thẻ quà tặng', price: 0, taxClassId: 'exempt', weighed: false };
const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
const config = testConfig({ loyalty: { giftCardProductIds: [giftCardProduct.id] } });

let till: Till | undefined;

afterEach(async () => {
  await tearDownTill(till);
  till = undefined;
});

function cartOf(result: CartResult): Cart {
  if (!result.ok) throw new Error(result.detail);
  return result.cart;
}

const pairs = (rows: readonly { label: string; value: string }[] | undefined): string[] => (rows ?? []).map((row) => `${row.label}: ${row.value}`.replace(/[\u00a0\u202f]/g, ' '));

function options(current: Till, extra: Partial<PrintSaleOptions> = {}): PrintSaleOptions {
  return { config, database: current.database, locale: 'vi', balanceFrom: { catalog: current.catalog, storeId: STORE_ID, deviceId: DEVICE_ID }, ...extra };
}

describe('a gift card on a new sale’s receipt', () => {
  it('a card sold here holds its load only as pending; once the server confirms it, a spend prints the plain balance; a reprint prints no balance', async () => {
    till = await setUpTill(config, lan);
    const card = generateGiftCardNumber();
    const last4 = card.slice(-4);

    const load = await completeOnTill(till, cartOf(ringUpLine(emptyCart(), giftCardProduct, { giftCard: { id: card, amount: 500_000 } })), [{ method: 'cash', amount: 500_000 }], lan.id);
    const loadReceipt = await saleReceipt(load, options(till));
    expect(pairs(loadReceipt.items[0]?.giftCard)).toEqual([`Số thẻ: ****${last4}`, 'Số dư chờ xác nhận: 500.000 ₫']);
    expect(JSON.stringify(loadReceipt)).not.toContain(card);

    // The sync brings the server's balance, which counts that paid sale (stamped as of it): the card holds 500.000 ₫.
    const confirmed: BalanceDocument = { id: `giftcard:${STORE_ID}:${card}`, kind: 'giftcard', storeId: STORE_ID, refId: card, value: 500_000, updatedAt: load.createdAt };
    await till.catalog.balances.put(confirmed);
    // The next sale is written after that time.
    await new Promise((resolve) => setTimeout(resolve, 5));

    const spend = await completeOnTill(till, cartOf(ringUpLine(emptyCart(), coffee, { qty: 1000 })), [{ method: 'gift_card', amount: 29_000, giftCardId: card }], lan.id);
    const spendReceipt = await saleReceipt(spend, options(till, { locale: 'en' }));
    expect(spendReceipt.payment.tenders.map((tender) => tender.label)).toEqual(['Gift card']);
    expect(pairs(spendReceipt.payment.tenders[0]?.giftCard)).toEqual([`Card no.: ****${last4}`, 'Card balance: ₫471,000']);

    const reprint = await saleReceipt(load, { config, database: till.database, locale: 'vi', reprint: true });
    expect(pairs(reprint.items[0]?.giftCard)).toEqual([`Số thẻ: ****${last4}`]);
  });
});
