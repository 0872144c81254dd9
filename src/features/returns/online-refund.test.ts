import { describe, expect, it } from 'vitest';
import { returnPolicyOf } from '../../domain/return-policy.ts';
import { refundStatusKey } from './online-refund.ts';
import { cashSaleOf, paidOnlineOrderOf, piecesLine } from './purchase.test-helper.ts';
import { freshDraft, restChoicesFor } from './return-draft.ts';

describe('the returns desk offers an online refund only for an order paid online', () => {
  const all = returnPolicyOf(undefined);
  it('an order paid online: online last, after what the store allows (never cash)', () => {
    expect(restChoicesFor(all, { source: 'order', paidOnline: true })).toEqual(['store_credit', 'gift_card', 'online']);
  });
  it('a sale in the store, an order paid at the counter, or a store that never refunds to the original tender: no online', () => {
    expect(restChoicesFor(all, { source: 'sale', paidOnline: false })).toEqual(['cash', 'store_credit', 'gift_card']);
    expect(restChoicesFor(all, { source: 'order', paidOnline: false })).toEqual(['cash', 'store_credit', 'gift_card']);
    expect(restChoicesFor(returnPolicyOf({ refundMethods: ['store_credit'] }), { source: 'order', paidOnline: true })).toEqual(['store_credit']);
  });
});

describe('a store that only refunds to the original tender', () => {
  const originalOnly = returnPolicyOf({ refundMethods: ['original_tender'] });
  const sale = cashSaleOf([piecesLine('A', 1000, 10_000)]);
  const order = paidOnlineOrderOf(sale);

  it('opens an order paid online on its online refund, the only way it allows, not on store credit', () => {
    expect(restChoicesFor(originalOnly, order)).toEqual(['online']);
    expect(freshDraft(originalOnly, order)).toMatchObject({ toOriginal: false, rest: 'online' });
  });

  it('opens a sale paid at the counter back to its original tender', () => {
    expect(restChoicesFor(originalOnly, sale)).toEqual([]);
    expect(freshDraft(originalOnly, sale)).toMatchObject({ toOriginal: true });
  });
});

describe('what the desk says became of an online refund', () => {
  it('a refund the server cannot send for want of a platform connection says so; others say their state', () => {
    expect(refundStatusKey({ state: 'failing', reason: 'no platform connection configured' })).toBe('returns.onlineRefund.noConnection');
    expect(refundStatusKey({ state: 'failing' })).toBe('returns.onlineRefund.failing');
    expect(refundStatusKey({ state: 'pending' })).toBe('returns.onlineRefund.pending');
    expect(refundStatusKey({ state: 'delivered' })).toBe('returns.onlineRefund.delivered');
  });
});
