import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTender, checkTender, paymentState, removeTender } from './tender.ts';
import type { Tender, TenderResult } from './tender.ts';

function tendersOf(result: TenderResult): readonly Tender[] {
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.tenders;
}

describe('a customer pays', () => {
  it('pays 137,000 with a 200,000 note and gets 63,000 back', () => {
    const tenders = tendersOf(addTender([], { method: 'cash', amount: 200_000 }, 137_000));
    expect(paymentState(137_000, tenders)).toEqual({
      due: 137_000,
      paid: 200_000,
      cashPaid: 200_000,
      nonCashPaid: 0,
      remaining: 0,
      remainingInCash: 0,
      change: 63_000,
      cashRounding: 0,
      canComplete: true,
      problems: [],
    });
  });

  it('splits 500,000 over a gift card, a card on the terminal, a QR transfer and cash', () => {
    let tenders = tendersOf(addTender([], { method: 'gift_card', amount: 100_000, giftCardId: 'gc-7' }, 500_000));
    tenders = tendersOf(addTender(tenders, { method: 'card', amount: 150_000, reference: ' APPR 0042 ' }, 500_000));
    expect(tenders[1]).toEqual({ method: 'card', amount: 150_000, reference: 'APPR 0042' });
    expect(paymentState(500_000, tenders)).toMatchObject({ remaining: 250_000, canComplete: false, change: 0 });
    tenders = tendersOf(addTender(tenders, { method: 'bank_qr', amount: 200_000, reference: 'Q1-T03-000123' }, 500_000));
    tenders = tendersOf(addTender(tenders, { method: 'cash', amount: 100_000 }, 500_000));
    expect(paymentState(500_000, tenders)).toMatchObject({ paid: 550_000, remaining: 0, change: 50_000, canComplete: true });
  });

  it('a card for more than is due is refused with the largest amount that fits: only cash gives change', () => {
    const tenders = tendersOf(addTender([], { method: 'cash', amount: 50_000 }, 137_000));
    expect(addTender(tenders, { method: 'card', amount: 100_000, reference: 'A1' }, 137_000)).toMatchObject({
      ok: false,
      reason: 'only-cash-gives-change',
      largestAllowed: 87_000,
    });
    expect(addTender(tenders, { method: 'points', amount: 87_000, points: 870 }, 137_000)).toMatchObject({ ok: true });
  });

  it('the terminal declined after all: the card tender is taken back', () => {
    const tenders = tendersOf(addTender([], { method: 'card', amount: 137_000, reference: 'A1' }, 137_000));
    expect(removeTender(tenders, 0)).toEqual([]);
    expect(removeTender(tenders, 5)).toBe(tenders);
  });

  it('refuses tenders that cannot be recorded, each with its reason', () => {
    expect(checkTender({ method: 'cash', amount: 0 })).toMatchObject({ ok: false, reason: 'bad-amount' });
    expect(checkTender({ method: 'cash', amount: 10.5 })).toMatchObject({ ok: false, reason: 'bad-amount' });
    expect(checkTender({ method: 'card', amount: 1, reference: '4111 1111 1111 1111' })).toMatchObject({ reason: 'looks-like-card-number' });
    expect(checkTender({ method: 'card', amount: 1, reference: '' })).toMatchObject({ reason: 'empty' });
    expect(checkTender({ method: 'gift_card', amount: 1, giftCardId: ' ' })).toMatchObject({ reason: 'missing-detail' });
    expect(checkTender({ method: 'points', amount: 1, points: 0 })).toMatchObject({ reason: 'missing-detail' });
    expect(checkTender({ method: 'store_credit', amount: 1 })).toMatchObject({ ok: true });
    expect(() => addTender([], { method: 'cash', amount: 1 }, -5)).toThrow(/due/);
  });

  it('with cash rounded to 500 dong: 137,300 paid with 150,000 gives 12,500 back; card pays the exact rest', () => {
    const step = { step: 500 };
    expect(paymentState(137_300, [{ method: 'cash', amount: 150_000 }], step)).toMatchObject({ change: 12_500, cashRounding: 200, canComplete: true });
    expect(paymentState(137_300, [], step)).toMatchObject({ remaining: 137_300, remainingInCash: 137_500 });
    const split: Tender[] = [
      { method: 'card', amount: 100_000, reference: 'A1' },
      { method: 'cash', amount: 37_000 },
    ];
    expect(paymentState(137_200, split, { step: 500 })).toMatchObject({ remaining: 0, cashRounding: -200, change: 0, canComplete: true });
    expect(paymentState(137_200, [{ method: 'card', amount: 137_200, reference: 'A1' }], step)).toMatchObject({ cashRounding: 0, canComplete: true });
  });

  it('tenders that break the rules are named as problems (e.g. restored from a tampered parked cart)', () => {
    expect(paymentState(100_000, [{ method: 'card', amount: 120_000, reference: 'A1' }])).toMatchObject({
      canComplete: false,
      problems: [{ reason: 'non-cash-exceeds-due' }],
    });
    expect(paymentState(100_000, [{ method: 'cash', amount: -1 }])).toMatchObject({ canComplete: false, problems: [{ reason: 'bad-amount' }] });
    expect(paymentState(0, [])).toMatchObject({ canComplete: true, remaining: 0 });
  });
});

const tenderArb: fc.Arbitrary<Tender> = fc.oneof(
  fc.integer({ min: 1, max: 2_000_000 }).map((amount): Tender => ({ method: 'cash', amount })),
  fc.integer({ min: 1, max: 2_000_000 }).map((amount): Tender => ({ method: 'card', amount, reference: 'APPR1' })),
  fc.integer({ min: 1, max: 2_000_000 }).map((amount): Tender => ({ method: 'bank_qr', amount })),
  fc.integer({ min: 1, max: 2_000_000 }).map((amount): Tender => ({ method: 'gift_card', amount, giftCardId: 'gc' })),
  fc.integer({ min: 1, max: 2_000_000 }).map((amount): Tender => ({ method: 'points', amount, points: amount })),
  fc.integer({ min: 1, max: 2_000_000 }).map((amount): Tender => ({ method: 'store_credit', amount })),
);
const roundingArb = fc.option(fc.record({ step: fc.constantFrom(100, 500, 1_000), mode: fc.constantFrom('halfAwayFromZero', 'towardZero', 'awayFromZero', 'halfEven') as fc.Arbitrary<'halfAwayFromZero' | 'towardZero' | 'awayFromZero' | 'halfEven'> }), { nil: undefined });

describe('payment properties', () => {
  it('change is never negative, never more than the cash, and only ever with cash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), fc.array(tenderArb, { maxLength: 6 }), roundingArb, (due, tenders, rounding) => {
        const state = paymentState(due, tenders, rounding);
        expect(state.change).toBeGreaterThanOrEqual(0);
        expect(state.change).toBeLessThanOrEqual(state.cashPaid);
        if (!tenders.some((tender) => tender.method === 'cash')) expect(state.change + state.cashRounding).toBe(0);
        expect(state.remaining).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('without cash rounding: canComplete exactly when paid >= due and non-cash tenders do not exceed it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), fc.array(tenderArb, { maxLength: 6 }), (due, tenders) => {
        const state = paymentState(due, tenders);
        expect(state.canComplete).toBe(state.paid >= due && state.nonCashPaid <= due);
        if (state.canComplete) expect(state.paid - state.change).toBe(due);
      }),
    );
  });

  it('with cash rounding: a completed payment keeps paid - change = due + rounding, the rounding less than a step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), fc.array(tenderArb, { maxLength: 6 }), roundingArb, (due, tenders, rounding) => {
        const state = paymentState(due, tenders, rounding);
        if (!state.canComplete) return;
        expect(state.paid - state.change).toBe(due + state.cashRounding);
        expect(Math.abs(state.cashRounding)).toBeLessThan(rounding?.step ?? 1);
      }),
    );
  });

  it('tenders accepted one by one by addTender can always be completed once cash covers the rest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000_000 }), fc.array(tenderArb, { maxLength: 6 }), (due, attempts) => {
        let tenders: readonly Tender[] = [];
        for (const tender of attempts) {
          const result = addTender(tenders, tender, due);
          if (result.ok) tenders = result.tenders;
        }
        const state = paymentState(due, tenders);
        expect(state.problems).toEqual([]);
        const topped = state.remaining > 0 ? [...tenders, { method: 'cash' as const, amount: state.remaining }] : tenders;
        expect(paymentState(due, topped)).toMatchObject({ canComplete: true, remaining: 0 });
      }),
    );
  });
});
