import { describe, expect, it } from 'vitest';
import { returnPolicyOf } from '../../domain/return-policy.ts';
import { withOnlineRefund } from './online-refund.ts';

describe('the returns desk offers an online refund only for an order paid online', () => {
  const all = returnPolicyOf(undefined);
  it('an order paid online: online last, after what the store allows', () => {
    expect(withOnlineRefund(['store_credit', 'gift_card'], all, { source: 'order', paidOnline: true })).toEqual(['store_credit', 'gift_card', 'online']);
  });
  it('a sale in the store, an order paid at the counter, or a store that never refunds to the original tender: no online', () => {
    expect(withOnlineRefund(['cash', 'store_credit'], all, { source: 'sale', paidOnline: false })).toEqual(['cash', 'store_credit']);
    expect(withOnlineRefund(['cash', 'store_credit'], all, { source: 'order', paidOnline: false })).toEqual(['cash', 'store_credit']);
    expect(withOnlineRefund(['store_credit'], returnPolicyOf({ refundMethods: ['store_credit'] }), { source: 'order', paidOnline: true })).toEqual(['store_credit']);
  });
});
