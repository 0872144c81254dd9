import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForSearch, matchesEveryWord, narrowestWord, searchWordsOf, wordsOfFolded } from './search-text.ts';

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

describe('splitting names into search words', () => {
  it('gives the folded words of a name once each, punctuation dropped', () => {
    expect(searchWordsOf('Cà phê sữa đá (hộp) 1,5L - Cà phê')).toEqual(['ca', 'phe', 'sua', 'da', 'hop', '1', '5l']);
    expect(searchWordsOf('  ')).toEqual([]);
    expect(searchWordsOf('Nước mắm Phú Quốc 500ml/chai')).toEqual(['nuoc', 'mam', 'phu', 'quoc', '500ml', 'chai']);
  });

  it('lets "ca phe sua", "sua ca" and "ph" find "Cà phê sữa", but not "phe tra"', () => {
    const words = searchWordsOf('Cà phê sữa');
    expect(matchesEveryWord(words, searchWordsOf('ca phe sua'))).toBe(true);
    expect(matchesEveryWord(words, searchWordsOf('SỮA cà'))).toBe(true);
    expect(matchesEveryWord(words, searchWordsOf('ph'))).toBe(true);
    expect(matchesEveryWord(words, searchWordsOf('phe tra'))).toBe(false);
    expect(matchesEveryWord(words, searchWordsOf('hê'))).toBe(false);
  });

  it('looks up the longest typed word on the index', () => {
    expect(narrowestWord(['ca', 'phe', 'sua'])).toBe('phe');
    expect(narrowestWord(['sua', 'vinamilk'])).toBe('vinamilk');
    expect(narrowestWord([])).toBeUndefined();
  });

  it('folds and splits the same way twice, and words never hold a separator or repeat', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const words = searchWordsOf(text);
        expect(searchWordsOf(foldForSearch(text))).toEqual(words);
        expect(wordsOfFolded(foldForSearch(text))).toEqual(words);
        expect(new Set(words).size).toBe(words.length);
        for (const word of words) {
          expect(word).not.toBe('');
          expect(word).not.toMatch(/[\s,.()/-]/);
          expect(foldForSearch(text)).toContain(word);
        }
      }),
    );
  });

  it('finds a name by any prefix of any of its words, typed with or without accents, in any case', () => {
    const vietnamese = fc.constantFrom('Cà', 'phê', 'sữa', 'Đường', 'bánh', 'mì', 'Nước', 'mắm', 'Phú', 'Quốc', 'trứng', 'gà', 'ĐẬU', 'phụ', '500ml', 'hộp');
    fc.assert(
      fc.property(fc.array(vietnamese, { minLength: 1, maxLength: 6 }), fc.nat(), fc.integer({ min: 1, max: 8 }), fc.boolean(), (parts, pick, length, upper) => {
        const name = parts.join(' ');
        const word = parts[pick % parts.length] ?? '';
        const typed = foldForSearch(word).slice(0, length);
        expect(matchesEveryWord(searchWordsOf(name), searchWordsOf(upper ? typed.toUpperCase() : typed))).toBe(true);
      }),
    );
  });
});
