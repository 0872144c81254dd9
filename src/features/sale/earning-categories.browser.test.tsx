// Points at the counter for a store whose cigarettes earn nothing (issue 16), in real Chromium on real
// IndexedDB: completing a sale reads the catalog's categories of the cart's products, so the points the tablet
// embeds are the points the server derives (sale-ledger.ts with the catalog's categories): nothing refused.
import { afterEach, describe, expect, it } from 'vitest';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import { categoriesOfProducts } from '../../catalog/product-categories.ts';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { attachCustomer, emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { CartProduct } from '../../domain/cart.ts';
import { compareEmbeddedLedger, moneyMovementsOf, saleLedgerRulesOf } from '../../domain/sale-ledger.ts';
import { completeSale } from './complete-sale.ts';
import { DEVICE_ID, STORE_ID, lan, setUpTill, tearDownTill, testConfig } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';

let till: Till | undefined;

afterEach(async () => {
  await tearDownTill(till);
  till = undefined;
});

const cigarettes: CartProduct = { id: 'p-thuoc', sku: 'TL01', name: 'Thuốc lá', price: 35_000, taxClassId: 'vat10', weighed: false };
const milk: CartProduct = { id: 'p-sua', sku: 'SUA1L', name: 'Sữa tươi 1L', price: 32_000, taxClassId: 'vat5', weighed: false };

function cartOf(result: ReturnType<typeof ringUpLine>) {
  if (!result.ok) throw new Error(result.detail);
  return result.cart;
}

describe('categories that earn no points, at the counter', () => {
  it('a member buying ten packs of cigarettes and five litres of milk earns on the milk only, as the server derives', async () => {
    const config = testConfig({ loyalty: { nonEarningCategories: ['thuoc-la'] } });
    till = await setUpTill(config);
    await till.catalog.products.bulkPut([productRow(1, { id: 'p-thuoc', category: 'thuoc-la' }), productRow(2, { id: 'p-sua', category: 'do-uong' })]);
    const catalog = till.catalog;
    const cart = attachCustomer(cartOf(ringUpLine(cartOf(ringUpLine(emptyCart(), cigarettes, { qty: 10_000 })), milk, { qty: 5000 })), 'cust-hoa');
    const result = await completeSale({
      database: till.database,
      counter: till.counter,
      cart,
      tenders: [{ method: 'cash', amount: 510_000 }],
      settings: saleSettingsOf(config),
      storeId: STORE_ID,
      deviceId: DEVICE_ID,
      staffId: lan.id,
      categoriesOf: (ids) => categoriesOfProducts(catalog, ids),
    });
    if (!result.ok) throw new Error(result.detail);
    const earned = (result.sale.ledger ?? []).filter((entry) => entry.kind === 'points' && entry.reason === 'earn');
    expect(earned.map((entry) => entry.delta)).toEqual([16]);

    const categories = await categoriesOfProducts(catalog, ['p-thuoc', 'p-sua', 'p-unknown']);
    expect([...categories]).toEqual([['p-thuoc', 'thuoc-la'], ['p-sua', 'do-uong']]);
    const server = moneyMovementsOf(result.sale, { ...saleLedgerRulesOf(config), categoryOf: (id) => categories.get(id) });
    expect(compareEmbeddedLedger(result.sale.ledger ?? [], server.movements, server.problems).refused).toEqual([]);
  });
});
