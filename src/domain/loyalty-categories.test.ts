import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine } from './cart.ts';
import { loyaltyRules } from './loyalty.ts';
import { cartOf, paidSaleArb, saleContext, saleOf, testTaxClasses } from './paid-sale.test-helper.ts';
import { buildSaleDocument } from './sale-document.ts';
import type { SaleRules } from './sale-document.ts';
import { compareEmbeddedLedger, moneyMovementsOf, saleLedgerRulesOf } from './sale-ledger.ts';

const CATEGORIES = ['thuoc-la', 'sua-cong-thuc', 'do-uong', 'thuc-pham'] as const;

function configOf(amountPerPoint: number, nonEarning: readonly string[]) {
  return { loyalty: { enabled: true, earnAmountPerPoint: amountPerPoint, nonEarningCategories: [...nonEarning] } };
}

/** The counter's rules as complete-sale.ts makes them: the store's programme and the catalog's categories of the cart. */
function counterRules(base: SaleRules, config: ReturnType<typeof configOf>, categories: ReadonlyMap<string, string>): SaleRules {
  const rules = loyaltyRules(config)!;
  return { ...base, loyalty: { amountPerPoint: rules.amountPerPoint, rules, categoryOf: (productId) => categories.get(productId) } };
}

const earned = (ledger: ReadonlyArray<{ kind: string; reason?: string; delta: number }> | undefined): number =>
  (ledger ?? []).filter((e) => e.kind === 'points' && e.reason === 'earn').reduce((sum, e) => sum + e.delta, 0);

describe('categories that earn no points are known at the counter', () => {
  it('a customer buying cigarettes and milk earns on the milk only, at the counter as on the server', () => {
    const cigarettes = { id: 'p-thuoc', sku: 'TL01', name: 'Thuốc lá', price: 35_000, taxClassId: 'vat10', weighed: false };
    const milk = { id: 'p-sua', sku: 'SUA1L', name: 'Sữa tươi 1L', price: 32_000, taxClassId: 'vat5', weighed: false };
    const cart = attachCustomer(cartOf(ringUpLine(cartOf(ringUpLine(emptyCart(), cigarettes, { qty: 10_000 })), milk, { qty: 5000 })), 'cust-hoa');
    const config = configOf(10_000, ['thuoc-la']);
    const categories = new Map([['p-thuoc', 'thuoc-la'], ['p-sua', 'do-uong']]);
    const sale = saleOf(buildSaleDocument(cart, [{ method: 'cash', amount: 510_000 }], saleContext, counterRules({ taxClasses: testTaxClasses }, config, categories)));
    expect(earned(sale.ledger)).toBe(16);
    const server = moneyMovementsOf(sale, { ...saleLedgerRulesOf(config), categoryOf: (id) => categories.get(id) });
    expect(compareEmbeddedLedger(sale.ledger ?? [], server.movements, server.problems).refused).toEqual([]);
  });

  it('property: for any cart and any non-earning categories, the tablet embeds exactly the points the server derives', () => {
    fc.assert(
      fc.property(
        paidSaleArb,
        fc.array(fc.constantFrom(...CATEGORIES), { minLength: 6, maxLength: 6 }),
        fc.subarray([...CATEGORIES], { minLength: 1 }),
        fc.integer({ min: 1, max: 100_000 }),
        ({ cart, tenders, saleRules }, categoryOfIndex, nonEarning, amountPerPoint) => {
          const member = cart.customerId === undefined ? attachCustomer(cart, 'cust-1') : cart;
          const usable = tenders.filter((t) => member === cart || (t.method !== 'points' && t.method !== 'store_credit'));
          if (usable.length !== tenders.length) return;
          const config = configOf(amountPerPoint, nonEarning);
          const categories = new Map(categoryOfIndex.map((category, index) => [`p-${index}`, category]));
          const built = buildSaleDocument(member, tenders, saleContext, counterRules(saleRules, config, categories));
          if (!built.ok) return;
          const server = moneyMovementsOf(built.sale, { ...saleLedgerRulesOf(config), categoryOf: (id) => categories.get(id) });
          const serverPoints = server.movements.filter((m) => m.kind === 'points' && m.reason === 'earn').reduce((sum, m) => sum + m.delta, 0);
          expect(earned(built.sale.ledger)).toBe(serverPoints);
          expect(compareEmbeddedLedger(built.sale.ledger ?? [], server.movements, server.problems).refused).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
