import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForSearch } from './search-text.ts';

describe('folding names for search', () => {
  it('lets a cashier type "ca phe sua" and find "Cà phê sữa"', () => {
    expect(foldForSearch('Cà phê  sữa ')).toBe('ca phe sua');
    expect(foldForSearch('ĐƯỜNG Biên Hoà')).toBe('duong bien hoa');
    expect(foldForSearch('Nước mắm Phú Quốc')).toBe('nuoc mam phu quoc');
  });

  it('is idempotent and never leaves upper case or diacritics', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
        expect(once).not.toMatch(/[\u0300-\u036fđĐ]/);
        expect(once).toBe(once.toLowerCase());
      }),
    );
  });
});
