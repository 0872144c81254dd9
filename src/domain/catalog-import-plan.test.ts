import { describe, expect, it } from 'vitest';
import type { CatalogRow } from './catalog-import.ts';
import { planCatalogImport } from './catalog-import-plan.ts';
import type { StoredCatalog } from './catalog-import-plan.ts';
import type { ProductDocument } from './documents.ts';

const milk: ProductDocument = {
  id: 'p-milk',
  sku: 'SUA-180',
  name: 'Sữa tươi 180ml',
  searchName: 'sua tuoi 180ml',
  barcodes: ['8934673123457'],
  price: 8500,
  taxClassId: 'vat8',
  unit: 'pcs',
  weighed: false,
  category: 'Sữa',
  active: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const beef: ProductDocument = { ...milk, id: 'p-beef', sku: 'THIT-BO', name: 'Thịt bò', searchName: 'thit bo', barcodes: [], unit: 'kg', weighed: true, plu: '00042', price: 289_000 };

function catalogOf(...products: ProductDocument[]): StoredCatalog {
  return {
    bySku: new Map(products.map((p) => [p.sku, p])),
    skuOfBarcode: new Map(products.flatMap((p) => p.barcodes.map((code) => [code, p.sku] as const))),
  };
}

const options = { newId: () => 'p-new', updatedAt: '2026-02-01T00:00:00.000Z', headings: { barcodes: 'Mã vạch', weighed: 'Cân', stock: 'Tồn kho' } };
const rowOf = (product: ProductDocument, line = 2): CatalogRow => ({ line, sku: product.sku, name: product.name, price: product.price, taxClassId: product.taxClassId });

describe('what an import does to the catalog', () => {
  it('a row equal to the product changes nothing; a new price updates it; a new SKU creates a product', () => {
    const plan = planCatalogImport(
      [rowOf(milk), { ...rowOf(beef, 3), price: 299_000 }, { line: 4, sku: 'MOI', name: 'Hàng mới', price: 1000, taxClassId: 'vat10' }],
      catalogOf(milk, beef),
      options,
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    expect(plan.products.map((p) => [p.outcome, p.product.id])).toEqual([
      ['unchanged', 'p-milk'],
      ['updated', 'p-beef'],
      ['created', 'p-new'],
    ]);
    // What the file does not say is kept: the scale PLU, the unit, the weighed flag, the category.
    expect(plan.products[1]?.product).toEqual({ ...beef, price: 299_000, updatedAt: options.updatedAt });
    expect(plan.products[0]?.product).toBe(milk);
    expect(plan.products[2]?.product).toEqual({
      id: 'p-new', sku: 'MOI', name: 'Hàng mới', searchName: 'hang moi', barcodes: [], price: 1000, taxClassId: 'vat10', unit: 'pcs', weighed: false, active: true, updatedAt: options.updatedAt,
    });
  });

  it('a column the file has is the truth: an empty category and barcodes clear them', () => {
    const plan = planCatalogImport([{ ...rowOf(milk), category: null, barcodes: [] }], catalogOf(milk), options);
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    const { category: _category, ...withoutCategory } = milk;
    expect(plan.products[0]?.product).toEqual({ ...withoutCategory, barcodes: [], updatedAt: options.updatedAt });
  });

  it('refuses a barcode of another product, unless the same file takes it away from that product', () => {
    const stolen = planCatalogImport([{ line: 2, sku: 'KHAC', name: 'Khác', price: 1, taxClassId: 'vat8', barcodes: ['8934673123457'] }], catalogOf(milk), options);
    expect(stolen).toEqual({ ok: false, problems: [{ line: 2, column: 'Mã vạch', detail: { kind: 'barcode-taken', value: '8934673123457', otherSku: 'SUA-180' } }] });
    const moved = planCatalogImport(
      [{ line: 2, sku: 'KHAC', name: 'Khác', price: 1, taxClassId: 'vat8', barcodes: ['8934673123457'] }, { ...rowOf(milk, 3), barcodes: [] }],
      catalogOf(milk),
      options,
    );
    expect(moved.ok).toBe(true);
  });

  it('a weighed item must be sold by kg, and a piece item has whole pieces of stock', () => {
    const plan = planCatalogImport([{ ...rowOf(milk), weighed: true }, { ...rowOf(milk, 3), sku: 'X', stock: 1500 }], catalogOf(milk), options);
    expect(plan).toEqual({
      ok: false,
      problems: [
        { line: 2, column: 'Cân', detail: { kind: 'weighed-needs-kg' } },
        { line: 3, column: 'Tồn kho', detail: { kind: 'stock-too-precise', value: '1.5', unit: 'pcs' } },
      ],
    });
  });

  it('a picture given sets or replaces the product\'s, an empty cell takes it off, a file without the column keeps it', () => {
    const pictured: ProductDocument = { ...milk, image: '/images/sua.webp' };
    const plan = planCatalogImport(
      [{ ...rowOf(pictured), image: 'https://cdn.quan.vn/sua.webp' }, { ...rowOf(beef, 3), image: null }, { ...rowOf(pictured, 4), sku: 'KHAC', image: '/images/khac.webp' }],
      catalogOf(pictured, { ...beef, image: '/images/bo.webp' }),
      options,
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    expect(plan.products.map((p) => [p.outcome, p.product.image])).toEqual([
      ['updated', 'https://cdn.quan.vn/sua.webp'],
      ['updated', undefined],
      ['created', '/images/khac.webp'],
    ]);
    const kept = planCatalogImport([rowOf(pictured)], catalogOf(pictured), options);
    if (!kept.ok) throw new Error(JSON.stringify(kept.problems));
    expect(kept.products.map((p) => [p.outcome, p.product.image])).toEqual([['unchanged', '/images/sua.webp']]);
  });
});
