import { describe, expect, it } from 'vitest';
import { planRefund, poolsOf } from './return-refund.ts';
import { returnPolicyOf } from './return-policy.ts';
import type { Purchase } from './returnable-purchase.ts';

const policy = returnPolicyOf(undefined);
const purchase: Purchase = {
  source: 'sale',
  id: 's-1',
  number: 'Q1-1',
  storeId: 'store-q1',
  purchasedAt: '2025-11-24T03:00:00.000Z',
  customerId: 'cust-1',
  currency: 'VND',
  lines: [],
  tenders: [
    { method: 'cash', amount: 50_000 },
    { method: 'points', amount: 10_000, points: 100 },
    { method: 'store_credit', amount: 20_000 },
    { method: 'bank_qr', amount: 30_000, reference: 'QR' },
  ],
  paidOnline: false,
  pointsEarned: 0,
};

describe('planning a refund', () => {
  it('pools by where the money goes back: a gift card and a card by reference, the rest by kind', () => {
    expect([...poolsOf({ tenders: [...purchase.tenders, { method: 'cash', amount: 5 }] }).entries()].map(([key, pool]) => [key, pool.amount])).toEqual([
      ['cash', 50_005],
      ['points', 10_000],
      ['store_credit', 20_000],
      ['bank_qr', 30_000],
    ]);
  });

  it('to the original tender: points, then store credit, then cash; the bank transfer part goes to the chosen rest', () => {
    const plan = planRefund({ amount: 110_000, purchase, choice: { toOriginal: true, rest: { kind: 'store_credit' } }, policy, customerId: 'cust-1' });
    expect(plan).toEqual({
      ok: true,
      tenders: [
        { method: 'points', amount: -10_000, points: 100 },
        { method: 'store_credit', amount: -20_000 },
        { method: 'store_credit', amount: -30_000 },
        { method: 'cash', amount: -50_000 },
      ],
      cashRounding: 0,
    });
  });

  it('to the original card: on the terminal it was charged on (issue 17), with its slip’s reference', () => {
    const byCard: Purchase = { ...purchase, tenders: [{ method: 'card', amount: 80_000, reference: 'APPR 7', terminal: 'tcb-2' }] };
    expect(planRefund({ amount: 30_000, purchase: byCard, choice: { toOriginal: true, rest: { kind: 'cash' } }, policy })).toEqual({
      ok: true,
      tenders: [{ method: 'card', amount: -30_000, reference: 'APPR 7', terminal: 'tcb-2' }],
      cashRounding: 0,
    });
  });

  it('not to the original tender: all of it to the rest', () => {
    expect(planRefund({ amount: 110_000, purchase, choice: { toOriginal: false, rest: { kind: 'cash' } }, policy })).toEqual({ ok: true, tenders: [{ method: 'cash', amount: -110_000 }], cashRounding: 0 });
  });

  it('a refund smaller than a cash step is paid exactly; a larger one rounded down', () => {
    const choice = { toOriginal: false, rest: { kind: 'cash' as const } };
    expect(planRefund({ amount: 300, choice, policy, cashRounding: { step: 500 } })).toEqual({ ok: true, tenders: [{ method: 'cash', amount: -300 }], cashRounding: 0 });
    expect(planRefund({ amount: 1_300, choice, policy, cashRounding: { step: 500 } })).toEqual({ ok: true, tenders: [{ method: 'cash', amount: -1_000 }], cashRounding: 300 });
  });

  it('an amount too small to give back a whole point goes to the next tender', () => {
    const plan = planRefund({ amount: 50, purchase, choice: { toOriginal: true, rest: { kind: 'cash' } }, policy, customerId: 'cust-1' });
    expect(plan).toEqual({ ok: true, tenders: [{ method: 'store_credit', amount: -50 }], cashRounding: 0 });
  });
});
