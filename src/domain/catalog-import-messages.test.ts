import { describe, expect, it } from 'vitest';
import type { ImportProblemDetail } from './catalog-import.ts';
import { describeImportProblem, importLanguage } from './catalog-import-messages.ts';

const EVERY_KIND: ImportProblemDetail[] = [
  { kind: 'not-utf8' },
  { kind: 'not-xlsx', reason: 'not a zip' },
  { kind: 'xlsx-too-large', limitMb: 256 },
  { kind: 'csv-syntax', reason: 'quote not closed' },
  { kind: 'no-headings' },
  { kind: 'no-rows' },
  { kind: 'too-many-rows', max: 200_000 },
  { kind: 'missing-column', column: 'price' },
  { kind: 'duplicate-column', column: 'price', firstHeading: 'Giá' },
  { kind: 'extra-cells', count: 2 },
  { kind: 'required' },
  { kind: 'too-long', max: 64 },
  { kind: 'control-character' },
  { kind: 'duplicate-sku', sku: 'A', firstLine: 2 },
  ...(['decimal', 'exponent', 'separator', 'negative', 'not-a-number'] as const).map((why) => ({ kind: 'price-not-whole' as const, value: '12.5', why })),
  { kind: 'price-too-large', value: '1', max: 1 },
  { kind: 'unknown-tax-class', value: 'vat7', known: ['vat8'] },
  { kind: 'ambiguous-tax-class', value: '0%', candidates: ['vat0', 'exempt'] },
  { kind: 'unknown-unit', value: 'hộp' },
  { kind: 'not-yes-or-no', value: 'maybe' },
  { kind: 'weighed-needs-kg' },
  { kind: 'too-many-barcodes', count: 21, max: 20 },
  { kind: 'barcode-scientific', value: '8.9E+12' },
  { kind: 'barcode-spaces', value: 'a b' },
  { kind: 'barcode-check-digit', value: '8934673123458' },
  { kind: 'barcode-in-two-rows', value: '1', otherLine: 2, otherSku: 'A' },
  { kind: 'barcode-taken', value: '1', otherSku: 'A' },
  { kind: 'stock-not-a-number', value: 'x' },
  { kind: 'stock-negative', value: '-1' },
  { kind: 'stock-too-precise', value: '1.5', unit: 'pcs' },
  { kind: 'stock-too-large', value: '1', max: 1 },
];

describe('import problems in the manager\'s language', () => {
  it('every problem has its own English and Vietnamese message', () => {
    for (const detail of EVERY_KIND) {
      const en = describeImportProblem(detail, 'en');
      const vi = describeImportProblem(detail, 'vi');
      expect(en.length).toBeGreaterThan(10);
      expect(vi.length).toBeGreaterThan(10);
      expect(vi).not.toBe(en);
    }
    expect(new Set(EVERY_KIND.map((d) => describeImportProblem(d, 'en'))).size).toBe(EVERY_KIND.length);
  });

  it('a price in decimals says what to write instead, in both languages', () => {
    const detail: ImportProblemDetail = { kind: 'price-not-whole', value: '12.5', why: 'decimal' };
    expect(describeImportProblem(detail, 'en')).toBe('"12.5" is not a whole number of minor units: prices are in minor units with no decimals (VND: 12500; for 12.50 USD write 1250)');
    expect(describeImportProblem(detail, 'vi')).toMatch(/^"12\.5" không phải số nguyên/);
  });

  it('answers in Vietnamese only when the caller ranks vi first', () => {
    expect(importLanguage(undefined)).toBe('en');
    expect(importLanguage('vi')).toBe('vi');
    expect(importLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(importLanguage('en-US,en;q=0.9,vi;q=0.5')).toBe('en');
    expect(importLanguage('fr, vi;q=0.5')).toBe('vi');
    expect(importLanguage('fr')).toBe('en');
    expect(importLanguage('vi;q=0')).toBe('en');
  });
});
