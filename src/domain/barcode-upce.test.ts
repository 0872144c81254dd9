// UPC-E expansion and compression: the four zero-suppression patterns and the round trips between them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compressUpcA, expandUpcE } from './barcode-upce.ts';

const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

describe('UPC-E expansion', () => {
  it('puts the zeros back where each of the four patterns took them from', () => {
    // number system 0, data digits, check digit x (kept as is)
    expect(expandUpcE('01234507')).toBe('012000003457'); // d6 0-2: manufacturer 12000, item 00345
    expect(expandUpcE('01234537')).toBe('012300000457'); // d6 3: manufacturer 12300, item 00045
    expect(expandUpcE('01234547')).toBe('012340000057'); // d6 4: manufacturer 12340, item 00005
    expect(expandUpcE('01234567')).toBe('012345000067'); // d6 5-9: manufacturer 12345, item 00006
    expect(expandUpcE('04252614')).toBe('042100005264');
  });

  it('accepts number systems 0 and 1 only, and exactly 8 digits', () => {
    expect(expandUpcE('11234567')).toBe('112345000067');
    expect(expandUpcE('21234567')).toBeNull();
    expect(expandUpcE('0123456')).toBeNull();
    expect(expandUpcE('0123456a')).toBeNull();
  });

  it('compresses only UPC-A codes with zeros to spare', () => {
    expect(compressUpcA('042100005264')).toBe('04252614');
    expect(compressUpcA('036000291452')).toBeNull();
    expect(compressUpcA('212345000067')).toBeNull(); // number system 2 has no UPC-E
  });

  it('round trip: compressing then expanding gives back the UPC-A', () => {
    fc.assert(fc.property(fc.constantFrom('0', '1'), digits(5), digits(5), digits(1), fc.nat(4), (ns, m, p, c, zeros) => {
      // Force trailing zeros into the manufacturer and leading zeros into the item so every pattern is reached.
      const manufacturer = m.slice(0, 5 - Math.min(zeros, 2)).padEnd(5, '0');
      const item = p.slice(zeros + 1).padStart(5, '0');
      const upca = ns + manufacturer + item + c;
      const upce = compressUpcA(upca);
      if (upce !== null) expect(expandUpcE(upce)).toBe(upca);
    }));
  });

  it('round trip: any UPC-E expands to a UPC-A that compresses to one UPC-E expanding the same', () => {
    fc.assert(fc.property(fc.constantFrom('0', '1'), digits(7), (ns, rest) => {
      const upca = expandUpcE(ns + rest) ?? '';
      const canonical = compressUpcA(upca);
      expect(canonical).not.toBeNull();
      expect(expandUpcE(canonical ?? '')).toBe(upca);
    }));
  });
});
