// Test helper: catalog rows shaped as the sync server sends them. Not bundled: only tests import it.
import type { BalanceDocument, ProductDocument } from '../data/schemas/types.ts';

export function productRow(index: number, overrides: Partial<ProductDocument> = {}): ProductDocument & { _deleted: boolean } {
  const id = `p-${String(index).padStart(6, '0')}`;
  return {
    id,
    sku: `SKU-${index}`,
    name: `Sản phẩm ${index}`,
    searchName: `san pham ${index}`,
    barcodes: [`893${String(index).padStart(10, '0')}`],
    price: 10_000 + index,
    taxClassId: 'vat-8',
    unit: 'pcs',
    weighed: false,
    active: true,
    updatedAt: '2025-01-01T00:00:00.000Z',
    _deleted: false,
    ...overrides,
  };
}

export function stockRow(productId: string, value: number): BalanceDocument & { _deleted: boolean } {
  return {
    id: `stock:store-1:${productId}`,
    kind: 'stock',
    storeId: 'store-1',
    refId: productId,
    value,
    updatedAt: '2025-01-01T00:00:00.000Z',
    _deleted: false,
  };
}
