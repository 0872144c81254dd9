import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchTransfer, transferNoteKey } from './bank-transfer-match.ts';

const waiting = (paymentId: string, reference: string, amount: number) => ({ paymentId, referenceKey: transferNoteKey(reference), amount });

describe('a bank transfer found for the sale waiting for it', () => {
  it('finds the sale number inside the note the bank wraps it in, whatever happened to dashes and case', () => {
    const sale = waiting('p1', 'Q1-T03-000123', 125_000);
    expect(matchTransfer({ amount: 125_000, note: 'MBVCB.3278907687.q1t03000123.CT tu 0123 NGUYEN VAN A' }, [sale])).toEqual({ kind: 'matched', paymentId: 'p1' });
    expect(matchTransfer({ amount: 125_000, note: 'Thanh toán Q1 T03 000123' }, [sale])).toEqual({ kind: 'matched', paymentId: 'p1' });
  });

  it('never takes a transfer of another amount, or a note without the reference', () => {
    const sale = waiting('p1', 'Q1-T03-000123', 125_000);
    expect(matchTransfer({ amount: 125_001, note: 'Q1-T03-000123' }, [sale])).toEqual({ kind: 'unmatched', reason: 'no-waiting-payment' });
    expect(matchTransfer({ amount: 125_000, note: 'chuyen tien' }, [sale])).toEqual({ kind: 'unmatched', reason: 'no-waiting-payment' });
  });

  it('prefers the longer reference and refuses to guess between two equal ones', () => {
    const short = waiting('p1', 'Q1-T03-00012', 50_000);
    const long = waiting('p2', 'Q1-T03-000123', 50_000);
    expect(matchTransfer({ amount: 50_000, note: 'Q1T03000123' }, [short, long])).toEqual({ kind: 'matched', paymentId: 'p2' });
    const twin = waiting('p3', 'Q1T03000123', 50_000);
    expect(matchTransfer({ amount: 50_000, note: 'Q1T03000123' }, [long, twin])).toEqual({ kind: 'unmatched', reason: 'ambiguous' });
  });

  it('reads Vietnamese notes without their accents', () => {
    expect(transferNoteKey('Đơn hàng #DH-0042 đã chuyển')).toBe('DONHANGDH0042DACHUYEN');
  });

  it('finds a reference among any noise around it, and never a payment of another amount', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9-]{4,25}$/).filter((r) => transferNoteKey(r).length >= 4),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        (reference, before, after, amount, delta) => {
          const payment = waiting('p', reference, amount);
          const note = `${before} ${reference} ${after}`;
          expect(matchTransfer({ amount, note }, [payment])).toEqual({ kind: 'matched', paymentId: 'p' });
          expect(matchTransfer({ amount: amount + delta, note }, [payment]).kind).toBe('unmatched');
        },
      ),
    );
  });
});
