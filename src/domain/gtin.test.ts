import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gtinCheckDigit, hasValidGtinCheckDigit, makeEan13 } from './gtin.ts';

describe('GS1 check digits', () => {
  it('accepts barcodes printed on real packs', () => {
    // A European EAN-13, a UPC-A soft drink, an EAN-8 pack.
    expect(hasValidGtinCheckDigit('4006381333931')).toBe(true);
    expect(hasValidGtinCheckDigit('049000050103')).toBe(true);
    expect(hasValidGtinCheckDigit('96385074')).toBe(true);
  });

  it('rejects a code with one digit mistyped', () => {
    expect(hasValidGtinCheckDigit('4006381333932')).toBe(false);
    expect(hasValidGtinCheckDigit('40063813339x1')).toBe(false);
  });

  it('makes EAN-13 codes that always validate, and any single wrong digit breaks them', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.nat(12), fc.integer({ min: 1, max: 9 }), (body, pos, shift) => {
        const code = makeEan13(body);
        expect(hasValidGtinCheckDigit(code)).toBe(true);
        const wrong = code.slice(0, pos) + String((Number(code[pos]) + shift) % 10) + code.slice(pos + 1);
        expect(hasValidGtinCheckDigit(wrong)).toBe(false);
      }),
    );
  });

  it('refuses non-digit bodies with a clear error', () => {
    expect(() => gtinCheckDigit('12a')).toThrow(/digits only/);
  });
});
