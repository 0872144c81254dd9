// The cashier's choices become the domain's return request: only lines with a quantity, in the purchase's
// order; the money the way the store allows (never cash for an order paid online); a scanned gift card's
// printed groups read as its number.
import { describe, expect, it } from 'vitest';
import { generateGiftCardNumber, formatGiftCardNumber } from '../../domain/gift-card-number.ts';
import { returnPolicyOf } from '../../domain/return-policy.ts';
import { cashSaleOf, paidOnlineOrderOf, piecesLine } from './purchase.test-helper.ts';
import { canRefundToOriginal, freshDraft, refundChoiceOf, requestOfDraft, restKindsFor } from './return-draft.ts';

const sale = cashSaleOf([piecesLine('A', 2000, 10_000), piecesLine('B', 1000, 5_000)]);
const order = paidOnlineOrderOf(sale);

describe('a return draft', () => {
  it('asks for the lines with a quantity only, in the order of the purchase, with their reason and state', () => {
    const draft = {
      ...freshDraft(returnPolicyOf(undefined), sale),
      lines: { 1: { qty: 1000, reason: 'defective' as const, condition: 'damaged' as const }, 0: { qty: 0, reason: 'other' as const, condition: 'resellable' as const } },
    };
    expect(requestOfDraft(sale, draft).lines).toEqual([{ originalLine: 1, qty: 1000, reason: 'defective', condition: 'damaged' }]);
  });

  it('offers only the store’s refund methods, and never cash for an order paid online', () => {
    const policy = returnPolicyOf({ refundMethods: ['original_tender', 'cash', 'store_credit'] });
    expect(restKindsFor(policy, sale)).toEqual(['cash', 'store_credit']);
    expect(restKindsFor(policy, order)).toEqual(['store_credit']);
    expect(canRefundToOriginal(policy, sale)).toBe(true);
    expect(canRefundToOriginal(policy, order)).toBe(false);
    expect(canRefundToOriginal(returnPolicyOf({ refundMethods: ['cash'] }), sale)).toBe(false);
    expect(freshDraft(policy, order)).toMatchObject({ toOriginal: false, rest: 'store_credit' });
  });

  it('reads a new gift card typed in its printed groups as its number, and sends store credit to the customer attached', () => {
    const card = generateGiftCardNumber();
    const draft = { ...freshDraft(returnPolicyOf(undefined), order), rest: 'gift_card' as const, giftCardId: formatGiftCardNumber(card), customerId: 'cust-1' };
    expect(refundChoiceOf(draft)).toEqual({ toOriginal: false, rest: { kind: 'gift_card', giftCardId: card } });
    expect(requestOfDraft(order, draft).customerId).toBe('cust-1');
    expect(requestOfDraft({ ...order, customerId: 'cust-2' }, draft).customerId).toBe('cust-2');
  });
});
