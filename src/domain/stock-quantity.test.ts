import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStockQuantity, parseStockQuantity } from './stock-quantity.ts';

describe('a stock quantity as a manager types it', () => {
  it('reads pieces, kilograms with either separator, zero and a sign only where allowed', () => {
    expect(parseStockQuantity('12')).toEqual({ ok: true, value: 12_000 });
    expect(parseStockQuantity('1,5')).toEqual({ ok: true, value: 1_500 });
    expect(parseStockQuantity(' 0.375 ')).toEqual({ ok: true, value: 375 });
    expect(parseStockQuantity('0')).toEqual({ ok: false, reason: 'zero' });
    expect(parseStockQuantity('0', { zero: true })).toEqual({ ok: true, value: 0 });
    expect(parseStockQuantity('-3')).toEqual({ ok: false, reason: 'negative' });
    expect(parseStockQuantity('-3', { negative: true })).toEqual({ ok: true, value: -3_000 });
    expect(parseStockQuantity('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseStockQuantity('abc')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseStockQuantity('1,2345')).toEqual({ ok: false, reason: 'too-many-decimals' });
  });

  it('writes figures back as typed: 12, 1,5, -0,25', () => {
    expect(formatStockQuantity(12_000)).toBe('12');
    expect(formatStockQuantity(1_500)).toBe('1,5');
    expect(formatStockQuantity(-250, '.')).toBe('-0.25');
    expect(formatStockQuantity(0)).toBe('0');
  });

  it('reads back what it writes, for any figure (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.constantFrom<'.' | ','>('.', ','), (value, separator) => {
        expect(parseStockQuantity(formatStockQuantity(value, separator), { zero: true, negative: true })).toEqual({ ok: true, value });
      }),
    );
  });
});
