// What a scan finds at the counter, with a fake catalog: EAN-13, a UPC-E against a UPC-A product, a scale
// label with its weight, a shop's own SKU label, and codes that must never ring anything up.
import { describe, expect, it } from 'vitest';
import type { ProductDocument } from '../data/schemas/types.ts';
import { encodeVariableMeasure } from '../domain/barcode-variable.ts';
import type { VariableMeasureRule } from '../domain/barcode-rules.ts';
import { makeEan13 } from '../domain/gtin.ts';
import type { ProductFinder } from './product-finder.ts';
import { gtinForms, lookUpScannedCode } from './scanned-product.ts';

const weightRule: VariableMeasureRule = { prefix: '21', value: 'weight', itemCodeLength: 5, valueLength: 5, valueUnit: 1 };

function product(overrides: Partial<ProductDocument>): ProductDocument {
  return { id: 'p', sku: 'SKU', name: 'Sữa tươi', searchName: 'sua tuoi', barcodes: [], price: 10_000, taxClassId: 'vat-8', unit: 'pcs', weighed: false, active: true, updatedAt: '2025-01-01T00:00:00.000Z', ...overrides };
}

const milk = product({ id: 'milk', sku: 'SP000001', barcodes: [makeEan13('893123000001')] });
const gum = product({ id: 'gum', sku: 'GUM', barcodes: ['012345000065'] });
const pork = product({ id: 'pork', sku: 'SP000008', weighed: true, unit: 'kg', plu: '00001', price: 150_000 });

const finder: ProductFinder = {
  byBarcodes: async (codes) => [milk, gum].find((each) => each.barcodes.some((code) => codes.includes(code))),
  byPlu: async (plu) => (plu === pork.plu ? pork : undefined),
  bySku: async (sku) => [milk, gum, pork].find((each) => each.sku === sku),
  search: async () => [],
  namesIndexed: async () => true,
  watchNamesIndexed: (listener) => {
    listener(true);
    return () => undefined;
  },
  confirmedStock: async () => undefined,
};

describe('a scan at the counter', () => {
  it('finds a packaged item by its EAN-13', async () => {
    expect(await lookUpScannedCode(milk.barcodes[0] ?? '', [weightRule], finder)).toMatchObject({ found: true, product: { id: 'milk' }, options: {} });
  });

  it('finds an imported item stored under its UPC-A when its UPC-E is scanned', async () => {
    expect(await lookUpScannedCode('01234565', [weightRule], finder)).toMatchObject({ found: true, product: { id: 'gum' } });
    expect(gtinForms('00012345000065')).toContain('012345000065');
  });

  it('sells a weighed item by the weight printed on its scale label', async () => {
    const label = encodeVariableMeasure(weightRule, '00001', 375);
    expect(await lookUpScannedCode(label, [weightRule], finder)).toMatchObject({ found: true, product: { id: 'pork' }, options: { qty: 375 } });
  });

  it('reads a shop label that carries the SKU itself', async () => {
    expect(await lookUpScannedCode('GUM', [weightRule], finder)).toMatchObject({ found: true, product: { id: 'gum' } });
  });

  it('rings up nothing for an unknown product, a misread or a scale label without a layout', async () => {
    expect(await lookUpScannedCode(makeEan13('893999999999'), [weightRule], finder)).toMatchObject({ found: false, reason: 'unknown-product' });
    const misread = `${makeEan13('893123000001').slice(0, 12)}0`;
    expect(await lookUpScannedCode(misread === milk.barcodes[0] ? `${misread.slice(0, 12)}1` : misread, [weightRule], finder)).toMatchObject({ found: false, reason: 'bad-check-digit' });
    expect(await lookUpScannedCode(encodeVariableMeasure({ ...weightRule, prefix: '23' }, '00001', 375), [weightRule], finder)).toMatchObject({
      found: false,
      reason: 'unknown-variable-layout',
    });
  });
});
