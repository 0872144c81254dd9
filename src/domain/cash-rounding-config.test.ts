import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cashRoundingFromConfig, largestCashRounding } from './cash-rounding-config.ts';
import { roundToStep } from './money.ts';
import { ROUNDING_MODES } from './rounding.ts';
import { checkSale } from './sale-check.ts';
import { paymentState } from './tender.ts';

describe('a store’s cash rounding from its config', () => {
  it('a store rounding cash to 1,000 dong, half up by default or always in the customer’s favour', () => {
    expect(cashRoundingFromConfig({ cashRoundingStep: 1000 }, 'VND')).toEqual({ ok: true, cashRounding: { step: 1000, mode: 'halfAwayFromZero' } });
    expect(cashRoundingFromConfig({ cashRoundingStep: 500, cashRoundingMode: 'towardZero' }, 'VND')).toEqual({ ok: true, cashRounding: { step: 500, mode: 'towardZero' } });
  });

  it('no step, or 0, means no rounding', () => {
    expect(cashRoundingFromConfig({}, 'VND')).toEqual({ ok: true });
    expect(cashRoundingFromConfig({ cashRoundingStep: 0 }, 'VND')).toEqual({ ok: true });
  });

  it('refuses, saying why, a step the server would flag on every sale and anything that is not a step', () => {
    expect(cashRoundingFromConfig({ cashRoundingStep: 2000 }, 'VND')).toEqual({
      ok: false,
      detail: 'a cash rounding step of 2000 (halfAwayFromZero) can round by 1000, but the server accepts less than 1000 in VND',
    });
    expect(cashRoundingFromConfig({ cashRoundingStep: 1001, cashRoundingMode: 'awayFromZero' }, 'VND')).toMatchObject({ ok: false });
    expect(cashRoundingFromConfig({ cashRoundingStep: '500' }, 'VND')).toMatchObject({ ok: false, detail: 'store.cashRoundingStep must be a whole number of minor units, got "500"' });
    expect(cashRoundingFromConfig({ cashRoundingStep: 12.5 }, 'VND')).toMatchObject({ ok: false });
    expect(cashRoundingFromConfig({ cashRoundingStep: 500, cashRoundingMode: 'up' }, 'VND')).toMatchObject({ ok: false });
    expect(cashRoundingFromConfig({ cashRoundingStep: 500 }, 'XXX')).toMatchObject({ ok: false });
  });

  it('accepts exactly the steps whose largest rounding of any amount the server accepts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.constantFrom(...ROUNDING_MODES), fc.integer({ min: 0, max: 1_000_000_000 }), (step, mode, amount) => {
        const read = cashRoundingFromConfig({ cashRoundingStep: step, cashRoundingMode: mode }, 'VND');
        const rounding = Math.abs(roundToStep(amount, step, mode) - amount);
        expect(rounding).toBeLessThanOrEqual(largestCashRounding(step, mode));
        if (read.ok) {
          expect(rounding).toBeLessThan(1000);
        } else {
          // Refused: some amount really is rounded beyond what the server accepts.
          const witness = mode === 'towardZero' ? step - 1 : mode === 'awayFromZero' ? 1 : Math.floor(step / 2);
          expect(Math.abs(roundToStep(witness, step, mode) - witness)).toBeGreaterThanOrEqual(1000);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('with an accepted step, a sale paid partly by card and the rest in cash passes the server’s check (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_999 }),
        fc.constantFrom(...ROUNDING_MODES),
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 500_000 }),
        (step, mode, total, cardPermille, extra) => {
          const read = cashRoundingFromConfig({ cashRoundingStep: step, cashRoundingMode: mode }, 'VND');
          fc.pre(read.ok && read.cashRounding !== undefined);
          if (!read.ok || read.cashRounding === undefined) return;
          const card = Math.floor((total * cardPermille) / 1000);
          const tenders = card > 0 ? [{ method: 'card' as const, amount: card, reference: 'A1' }] : [];
          const before = paymentState(total, [...tenders, { method: 'cash', amount: 1 }], read.cashRounding);
          const cash = 1 + before.remaining + extra;
          const state = paymentState(total, [...tenders, { method: 'cash', amount: cash }], read.cashRounding);
          expect(state.canComplete).toBe(true);
          const check = checkSale({
            currency: 'VND',
            lines: [{ qty: 1000, unitPrice: total, discount: 0, taxRate: 0, total }],
            tenders: [...tenders, { method: 'cash', amount: cash }],
            totals: { subtotal: total, discount: 0, tax: 0, total, ...(state.cashRounding === 0 ? {} : { cashRounding: state.cashRounding }) },
          });
          expect(check).toEqual({ ok: true });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
