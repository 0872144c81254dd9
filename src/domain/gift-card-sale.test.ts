import { describe, expect, it } from 'vitest';
import { emptyCart, ringUpLine } from './cart.ts';
import type { CartProduct } from './cart.ts';
import type { SaleDocument } from './documents.ts';
import { generateGiftCardNumber } from './gift-card-number.ts';
import { giftCardLoads, giftCardProductIds, paidGiftCardLoads } from './gift-card-sale.ts';
import { cartOf, coffee, saleContext, saleOf, testTaxClasses } from './paid-sale.test-helper.ts';
import { buildSaleDocument } from './sale-document.ts';
import { compareEmbeddedLedger, moneyMovementsOf } from './sale-ledger.ts';
import type { Tender } from './tender.ts';

const giftCardProduct: CartProduct = { id: 'p-giftcard', sku: 'THE-QT', name: 'Thẻ quà tặng', price: 0, taxClassId: 'exempt', weighed: false };
const products = giftCardProductIds({ enabled: true, giftCardProductIds: ['p-giftcard'] });

function cardSale(card: string, amount: number, tenders: Tender[], withCoffee = false): SaleDocument {
  let cart = cartOf(ringUpLine(emptyCart(), giftCardProduct, { giftCard: { id: card, amount } }));
  if (withCoffee) cart = cartOf(ringUpLine(cart, coffee));
  return saleOf(buildSaleDocument(cart, tenders, saleContext, { taxClasses: testTaxClasses }));
}

describe('a gift card sold at the counter holds its value once the sale is paid', () => {
  it('the sale line carries the card, the counter embeds the load, and the server derives exactly that load', () => {
    const card = generateGiftCardNumber();
    const sale = cardSale(card, 500_000, [{ method: 'cash', amount: 500_000 }]);
    expect(sale.lines[0]).toMatchObject({ productId: 'p-giftcard', giftCardId: card, total: 500_000 });
    expect(giftCardLoads(sale)).toEqual([{ id: `${sale.id}-giftcard-load-0`, kind: 'giftcard', refId: card, delta: 500_000, reason: 'load' }]);
    const derived = moneyMovementsOf(sale, { giftCardProductIds: products });
    expect(derived.problems).toEqual([]);
    expect(derived.movements).toEqual([{ id: `${sale.id}-giftcard-load-0`, kind: 'giftcard', refId: card, delta: 500_000, reason: 'load' }]);
    expect(compareEmbeddedLedger(sale.ledger ?? [], derived.movements).refused).toEqual([]);
  });

  it('two gift-card lines are two lines, never merged, and a reload is the same sale line on a card that exists', () => {
    const card = generateGiftCardNumber();
    const cart = cartOf(ringUpLine(cartOf(ringUpLine(emptyCart(), giftCardProduct, { giftCard: { id: card, amount: 100_000 } })), giftCardProduct, { giftCard: { id: card, amount: 200_000 } }));
    expect(cart.lines.map((line) => [line.giftCardId, line.unitPrice])).toEqual([
      [card, 100_000],
      [card, 200_000],
    ]);
    expect(ringUpLine(emptyCart(), giftCardProduct, { giftCard: { id: card, amount: 0 } })).toMatchObject({ ok: false, reason: 'bad-price' });
  });

  it('not paid (tenders short of the total), paid in points, not one of our numbers or not a gift-card product: the card is not loaded, and the manager sees why', () => {
    const card = generateGiftCardNumber();
    const paid = cardSale(card, 500_000, [{ method: 'cash', amount: 500_000 }]);
    const unpaid = { ...paid, tenders: [{ method: 'cash' as const, amount: 1_000 }] };
    expect(paidGiftCardLoads(unpaid, products)).toEqual({ loads: [], problems: [expect.stringMatching(/does not add up/)] });
    const inPoints = { ...paid, customerId: 'c', tenders: [{ method: 'points' as const, amount: 500_000, points: 5_000 }] };
    expect(paidGiftCardLoads(inPoints, products)).toEqual({ loads: [], problems: [expect.stringMatching(/paid other than in points/)] });
    const bankCard = cardSale('4111111111111111', 500_000, [{ method: 'cash', amount: 500_000 }]);
    expect(paidGiftCardLoads(bankCard, products).problems).toEqual([expect.stringMatching(/not a gift-card number of ours/)]);
    expect(paidGiftCardLoads(paid, new Set())).toEqual({ loads: [], problems: [expect.stringMatching(/not one of the store's gift-card products/)] });
    expect(paidGiftCardLoads({ ...paid, kind: 'return' }, products).loads).toEqual([]);
    // The server applies none of them; the sale itself is kept (the append-only policy flags it).
    expect(moneyMovementsOf(unpaid, { giftCardProductIds: products }).movements).toEqual([]);
  });

  it('a card bought with a coffee earns points on the coffee only', () => {
    const card = generateGiftCardNumber();
    let cart = cartOf(ringUpLine(emptyCart(), giftCardProduct, { giftCard: { id: card, amount: 500_000 } }));
    cart = { ...cartOf(ringUpLine(cart, coffee)), customerId: 'cust-7' };
    const sale = saleOf(buildSaleDocument(cart, [{ method: 'cash', amount: 529_000 }], saleContext, { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } }));
    expect(sale.ledger.filter((entry) => entry.kind === 'points')).toEqual([{ id: `${sale.id}-points-earn`, kind: 'points', refId: 'cust-7', delta: 2, reason: 'earn' }]);
    const derived = moneyMovementsOf(sale, { amountPerPoint: 10_000, giftCardProductIds: products });
    expect(compareEmbeddedLedger(sale.ledger, derived.movements).refused).toEqual([]);
  });
});
