import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuantity, MAX_QUANTITY_THOUSANDTHS, parseQuantity } from './cart-quantity.ts';

describe('a cashier types a quantity', () => {
  it('weighs pork on a Vietnamese keyboard ("0,375") or a keypad ("0.375"): 375 thousandths of a kg', () => {
    expect(parseQuantity('0,375', true)).toEqual({ ok: true, qty: 375 });
    expect(parseQuantity('0.375', true)).toEqual({ ok: true, qty: 375 });
    expect(parseQuantity(' 1.5 ', true)).toEqual({ ok: true, qty: 1500 });
    expect(parseQuantity(',5', true)).toEqual({ ok: true, qty: 500 });
    expect(parseQuantity('2', true)).toEqual({ ok: true, qty: 2000 });
    expect(parseQuantity('1.500', true)).toEqual({ ok: true, qty: 1500 });
  });

  it('types whole pieces: "3" is 3000 thousandths, and a decimal on a piece item is refused, not guessed', () => {
    expect(parseQuantity('3', false)).toEqual({ ok: true, qty: 3000 });
    expect(parseQuantity('007', false)).toEqual({ ok: true, qty: 7000 });
    expect(parseQuantity('1,5', false)).toMatchObject({ ok: false, reason: 'pieces-are-whole' });
    expect(parseQuantity('1.000', false)).toMatchObject({ ok: false, reason: 'pieces-are-whole' });
  });

  it('gets a reason for everything else, never an exception', () => {
    expect(parseQuantity('', true)).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseQuantity('   ', false)).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseQuantity('abc', true)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseQuantity('-1', true)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseQuantity('1e3', false)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseQuantity('1,2,3', true)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseQuantity('.', true)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parseQuantity('0,3755', true)).toMatchObject({ ok: false, reason: 'too-many-decimals' });
    expect(parseQuantity('0', false)).toMatchObject({ ok: false, reason: 'zero' });
    expect(parseQuantity('0,000', true)).toMatchObject({ ok: false, reason: 'zero' });
    expect(parseQuantity('100001', false)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parseQuantity('99999999999999999999', true)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parseQuantity(undefined as unknown as string, true)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('shows a weight with three decimals and pieces without any', () => {
    expect(formatQuantity(375, true)).toBe('0,375');
    expect(formatQuantity(1500, true, '.')).toBe('1.500');
    expect(formatQuantity(2000, false)).toBe('2');
    expect(formatQuantity(-2000, false)).toBe('-2');
    expect(() => formatQuantity(1500, false)).toThrow(/whole/);
  });
});

describe('quantity properties', () => {
  it('what is shown is read back to the same quantity (weights with either separator, pieces)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_QUANTITY_THOUSANDTHS }), fc.constantFrom('.', ',') as fc.Arbitrary<'.' | ','>, (qty, separator) => {
        expect(parseQuantity(formatQuantity(qty, true, separator), true)).toEqual({ ok: true, qty });
        const pieces = Math.max(1000, qty - (qty % 1000));
        expect(parseQuantity(formatQuantity(pieces, false), false)).toEqual({ ok: true, qty: pieces });
      }),
    );
  });

  it('any text at all gives a result, and an accepted quantity is a positive whole number of thousandths within bounds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9.,]{0,12}$/)), fc.boolean(), (text, weighed) => {
        const result = parseQuantity(text, weighed);
        if (result.ok) {
          expect(Number.isSafeInteger(result.qty) && result.qty > 0 && result.qty <= MAX_QUANTITY_THOUSANDTHS).toBe(true);
          if (!weighed) expect(result.qty % 1000).toBe(0);
        }
      }),
    );
  });
});
