import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReceiptNumber, parseReceiptNumber } from './receipt-number.ts';

describe('receipt numbers', () => {
  it('the 123rd sale of till T03 in store Q1 is Q1-T03-000123, and a returns clerk types it back in any case', () => {
    expect(formatReceiptNumber({ storeCode: 'Q1', deviceCode: 'T03', sequence: 123 })).toBe('Q1-T03-000123');
    expect(parseReceiptNumber(' q1-t03-000123 ')).toEqual({ ok: true, storeCode: 'Q1', deviceCode: 'T03', sequence: 123 });
    expect(formatReceiptNumber({ storeCode: 'HN02', deviceCode: 'A', sequence: 1_234_567 })).toBe('HN02-A-1234567');
  });

  it('refuses codes that would make a number ambiguous, and text that is not a receipt number', () => {
    expect(() => formatReceiptNumber({ storeCode: 'Q-1', deviceCode: 'T03', sequence: 1 })).toThrow(/store code/);
    expect(() => formatReceiptNumber({ storeCode: 'Q1', deviceCode: 't03', sequence: 1 })).toThrow(/device code/);
    expect(() => formatReceiptNumber({ storeCode: 'Q1', deviceCode: 'T03', sequence: 0 })).toThrow(/sequence/);
    for (const text of ['', 'Q1-T03', 'Q1-T03-123', 'Q1-T03-000000', 'Q1-T03-0001234', 'Q1--000123', 'Q1-T03-000123-9']) {
      expect(parseReceiptNumber(text)).toMatchObject({ ok: false });
    }
  });
});

const codeArb = fc.stringMatching(/^[A-Z0-9]{1,8}$/);
const partsArb = fc.record({ storeCode: codeArb, deviceCode: codeArb, sequence: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) });

describe('receipt number properties', () => {
  it('every number parses back to its parts', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        expect(parseReceiptNumber(formatReceiptNumber(parts))).toEqual({ ok: true, ...parts });
      }),
    );
  });

  it('different (store, device, sequence) never give the same number', () => {
    fc.assert(
      fc.property(partsArb, partsArb, (a, b) => {
        const same = a.storeCode === b.storeCode && a.deviceCode === b.deviceCode && a.sequence === b.sequence;
        expect(formatReceiptNumber(a) === formatReceiptNumber(b)).toBe(same);
      }),
    );
  });
});
