// A till for component tests in real Chromium: a real device database (RxDB on IndexedDB) holding the
// store's config, the counter database beside it, the device enrolled, a cashier signed in, and the
// providers the sale screens need. Everything is deleted again by `tearDownTill`.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { TenderFormsContext, tenderFormsOf } from '../../ui/tender-form.ts';
import { tenderForms } from './tenders.ts';
import { CatalogContext } from '../../catalog/catalog-context.ts';
import { openCatalogDatabase, type CatalogDatabase } from '../../catalog/catalog-database.ts';
import { counterDatabaseFor, type CounterDatabase } from '../../data/counter-database.ts';
import { DatabaseContext } from '../../data/database-context.ts';
import { createPosDatabase, type PosDatabase } from '../../data/database.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { VIETNAM_TAX_CLASSES } from '../../domain/tax-presets.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { useStaffSessionStore, type SignedInStaff } from '../../session/staff-session-store.ts';
import { resetCounter } from './counter-store.ts';
import type { Cart } from '../../domain/cart.ts';
import type { CompletedSale } from '../../domain/sale-document.ts';
import type { Tender } from '../../domain/tender.ts';
import { completeSale } from './complete-sale.ts';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { signInWithPin } from '../../session/signed-in.test-helper.ts';

export const STORE_ID = 'store-q1';
export const DEVICE_ID = '0192f3a4-0000-7000-8000-00000000t003';

// '482913' checked the tablet's way: the first 12 bits of its PBKDF2 hash (1,000 iterations to keep the test quick).
const pin482913 = { pinCheck: 3102, pinSalt: 'c2FsdC1mb3ItbGFuLTAwMQ==', pinIterations: 1_000 };
export const MANAGER_PIN = '482913';

export const lan: SignedInStaff = { id: 'staff-lan', name: 'Lan', role: 'cashier' };
export const hoa: SignedInStaff = { id: 'staff-hoa', name: 'Hoa', role: 'manager' };

export function testConfig(overrides: { store?: Record<string, unknown>; loyalty?: Record<string, unknown> } = {}): StoreConfigDocument {
  return {
    id: STORE_ID,
    storeId: STORE_ID,
    store: { name: 'Cửa hàng Quận 1', currency: 'VND', locale: 'vi-VN', timeZone: 'Asia/Ho_Chi_Minh', ...overrides.store },
    taxClasses: VIETNAM_TAX_CLASSES.map((each) => ({ ...each })),
    loyalty: { enabled: true, earnAmountPerPoint: 10_000, pointValue: 100, minRedeemPoints: 100, maxRedeemBasisPoints: 5000, offlineRedeemCapPoints: 500, ...overrides.loyalty },
    staff: [
      { ...lan, ...pin482913, active: true },
      { ...hoa, ...pin482913, active: true },
    ],
    permissions: {
      cashier: ['sale.ring_up', 'sale.tender', 'loyalty.redeem'],
      supervisor: ['sale.ring_up', 'sale.tender', 'loyalty.redeem', 'sale.discount'],
      manager: ['sale.ring_up', 'sale.tender', 'loyalty.redeem', 'sale.discount', 'sale.void'],
    },
    updatedAt: '2025-11-24T00:00:00.000Z',
  };
}

export interface Till {
  database: PosDatabase;
  counter: CounterDatabase;
  catalog: CatalogDatabase;
}

/** Tells the app this till is enrolled with the test store (what the sync engine does after enrolment). */
export function enrolTestTill(deviceId: string = DEVICE_ID): void {
  useSyncStatusStore.getState().setEnrolment({
    deviceId,
    storeId: STORE_ID,
    storeName: 'Cửa hàng Quận 1',
    deviceName: 'Quầy 3',
    serverUrl: 'http://localhost',
    token: 't',
    enrolledAt: '2025-01-01T00:00:00.000Z',
  });
}

export async function setUpTill(config: StoreConfigDocument = testConfig(), staff: SignedInStaff = lan): Promise<Till> {
  const database = await createPosDatabase({ name: `till-test-${crypto.randomUUID()}`, devMode: true });
  await database.config.insert(config);
  enrolTestTill();
  await signInWithPin(staff);
  resetCounter();
  return { database, counter: counterDatabaseFor(database.name), catalog: openCatalogDatabase(`${database.name}-catalog`) };
}

export async function tearDownTill(till: Till | undefined): Promise<void> {
  useApprovalStore.getState().settle(null);
  useStaffSessionStore.getState().signOut();
  useSyncStatusStore.getState().reset();
  resetCounter();
  if (till === undefined) return;
  await till.database.remove();
  await till.counter.delete({ disableAutoOpen: true });
  await till.catalog.delete({ disableAutoOpen: true });
}

export function renderOnTill(till: Till, children: ReactNode) {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <DatabaseContext value={{ state: 'ready', database: till.database }}>
        <CatalogContext value={till.catalog}>
          <TenderFormsContext value={tenderFormsOf(tenderForms)}>{children}</TenderFormsContext>
        </CatalogContext>
      </DatabaseContext>
    </I18nextProvider>,
  );
}

/** Completes a paid cart on the till as the counter does (test config's rules), by the given cashier. */
export async function completeOnTill(till: Till, cart: Cart, tenders: readonly Tender[], staffId: string): Promise<CompletedSale> {
  const result = await completeSale({
    database: till.database,
    counter: till.counter,
    cart,
    tenders,
    settings: saleSettingsOf(testConfig()),
    storeId: STORE_ID,
    deviceId: DEVICE_ID,
    staffId,
  });
  if (!result.ok) throw new Error(result.detail);
  return result.sale;
}
