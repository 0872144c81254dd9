/*
 * The counter's "complete" action: the sale is made durable first (complete-sale.ts), the counter moves
 * on to the next customer at once, and the receipt prints after that, off the cashier's critical path.
 * How long "complete tapped -> sale durable" took is kept with the last sale (the counter's data-last-pay-ms) for the benchmark.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { categoriesOfProducts } from '../../catalog/product-categories.ts';
import { useDatabase } from '../../data/database-context.ts';
import { useCustomerStanding } from '../../data/use-customer-standing.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { endPickupPayment, pickupOrderPaidBy } from '../../session/counter-handoff-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { completeSale } from './complete-sale.ts';
import { useCounterStore } from './counter-store.ts';
import { printSaleReceipt } from './print-sale-receipt.ts';
import { useCounterDatabase } from './use-parked-carts.ts';
import { useSaleSettings } from '../../data/sale-settings-context.ts';

export function useCompleteSale(config: StoreConfigDocument) {
  const { i18n } = useTranslation();
  const database = useDatabase();
  const catalog = useCatalogDatabase();
  const counter = useCounterDatabase();
  const settings = useSaleSettings();
  const [busy, setBusy] = useState(false);
  // The attached customer's tier, read when they were attached (the badge reads the same), not at pay time.
  const customerId = useCounterStore((state) => state.cart.customerId);
  const standing = useCustomerStanding(customerId);

  const complete = useCallback(async (): Promise<void> => {
    const store = useCounterStore.getState();
    const staff = useStaffSessionStore.getState().staff;
    const enrolment = useSyncStatusStore.getState().enrolment;
    if (staff === null) return store.tell({ tone: 'error', key: 'staff.signInToSell' });
    if (enrolment === undefined) return store.tell({ tone: 'error', key: 'pay.notEnrolled' });
    setBusy(true);
    const started = performance.now();
    let result;
    const pickupOrderId = pickupOrderPaidBy(store.cart.lines);
    try {
      result = await completeSale({
        database,
        counter,
        cart: store.cart,
        tenders: store.tenders,
        settings,
        storeId: enrolment.storeId,
        deviceId: enrolment.deviceId,
        staffId: staff.id,
        ...(standing ? { customerStanding: { customerId: standing.customerId, tier: standing.standing.tier } } : {}),
        ...(pickupOrderId === undefined ? {} : { pickupOrderId }),
        categoriesOf: (productIds) => categoriesOfProducts(catalog, productIds),
      });
    } catch (error) {
      console.error('Writing the sale failed', error);
      store.tell({ tone: 'error', key: 'pay.writeFailed' });
      setBusy(false);
      return;
    }
    const durableMs = performance.now() - started;
    setBusy(false);
    if (!result.ok) return store.tell({ tone: 'error', key: `pay.refused.${result.reason}` });
    const { sale } = result;
    endPickupPayment();
    store.startNextSale({ id: sale.id, number: sale.number, total: sale.totals.total, change: sale.change, durableMs });
    store.tell({ tone: 'success', key: 'pay.completed', values: { number: sale.number } });
    const outcome = await printSaleReceipt(sale, { config, database, locale: i18n.language, balanceFrom: { catalog, storeId: enrolment.storeId, deviceId: enrolment.deviceId } });
    if (!outcome.ok) useCounterStore.getState().tell({ tone: 'error', key: 'pay.printFailed', values: { number: sale.number, problem: outcome.problem } });
    // Printed, but the cashier must know (no drawer without a USB printer, paper running out).
    else if (outcome.warning !== undefined) useCounterStore.getState().tell({ tone: 'info', key: 'pay.completedWithWarning', values: { number: sale.number, warning: i18n.t(`receipt.printer.${outcome.warning}`) } });
  }, [database, catalog, counter, settings, config, i18n, standing]);

  return { complete, busy };
}
