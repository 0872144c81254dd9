/*
 * The returns desk on a test till, for the desk's browser tests (returns-screen, returns-exchange,
 * returns-exchange-tenders): a desk with no network whose till (till.test-helper.tsx) and staff database are
 * deleted after each test, the store's return policy, the coffee a customer bought and brings back, the tea
 * it is swapped for, the manager's PIN at the approval dialog, a keyboard-wedge scanner, what the cashier types
 * at the desk, an exchange's new item found by search, and the return document the desk wrote; a test ends once
 * each return it wrote has been printed.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import type { SaleDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { CartProduct } from '../../domain/cart.ts';
import { makeEan13 } from '../../domain/gtin.ts';
import type { CompletedSale } from '../../domain/sale-document.ts';
import { signApprovalsOnInsert } from '../../session/approval-keys.ts';
import { directoryFrom } from '../../session/use-staff-directory.ts';
import { DEVICE_ID, MANAGER_PIN, STORE_ID, completeOnTill, hoa, lan, renderOnTill, setUpTill, tearDownTill, testConfig } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';
import { ApprovalDialog } from '../staff/approval-dialog.tsx';
import { openStaffDatabase } from '../staff/pin-failures.ts';
import { ReturnsScreen } from './returns-screen.tsx';

export const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
/** A dearer item on the shelf, found by search ('tra') or by its barcode, for an exchange. */
export const tea = productRow(7, { id: 'p-tea', sku: 'TRA01', name: 'Trà đào', searchName: 'tra dao', price: 45_000, taxClassId: 'vat10', barcodes: [makeEan13('893000000007')] });

/** A store that takes returns for 30 days to any refund method; a manager approves above the limit and without a receipt. */
export function returnsConfig(options: { managerApprovalAbove: number; store?: Record<string, unknown> }): StoreConfigDocument {
  const base = testConfig({ store: options.store ?? {} });
  return {
    ...base,
    returnPolicy: { windowDays: 30, refundMethods: ['original_tender', 'cash', 'store_credit', 'gift_card'], managerApprovalAbove: options.managerApprovalAbove },
    permissions: { ...base.permissions, manager: [...((base.permissions?.['manager'] as string[] | undefined) ?? []), 'refund.above_limit', 'return.without_receipt'] },
  };
}

export interface ReturnsDesk {
  /** A new till holding the store's config, Lan signed in; deleted after the test. */
  setUp(config: StoreConfigDocument): Promise<Till>;
  /** The returns screen and the approval dialog, documents signed by their approver's key as the app does at start-up (main.tsx). */
  render(till: Till, config: StoreConfigDocument): void;
}

/** Registers, for the calling test file, a desk with no network (everything here works without the server) and its clean-up after each test. */
export function offlineReturnsDesk(): ReturnsDesk {
  const staffDatabaseName = `staff-test-${crypto.randomUUID()}`;
  let till: Till | undefined;
  // Each return the desk writes is then printed (the browser's print in a hidden frame, removed once printed);
  // a test ends only when every return it wrote has been printed, so no print outlives the till it reads.
  let printed = 0;
  const printFrames = new MutationObserver((records) => {
    for (const record of records) for (const node of record.removedNodes) if (node instanceof HTMLIFrameElement) printed += 1;
  });
  beforeEach(() => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    printed = 0;
    printFrames.observe(document.body, { childList: true });
  });
  afterEach(async () => {
    if (till !== undefined) {
      const written = (await returnsOf(till)).length;
      await waitFor(() => expect(printed, 'return receipts printed').toBeGreaterThanOrEqual(written), { timeout: 10_000 });
    }
    printFrames.disconnect();
    cleanup();
    vi.unstubAllGlobals();
    await tearDownTill(till);
    till = undefined;
    await openStaffDatabase(staffDatabaseName).delete({ disableAutoOpen: true });
  });
  return {
    async setUp(config) {
      till = await setUpTill(config);
      return till;
    },
    render(current, config) {
      signApprovalsOnInsert(current.database);
      const services = { database: current.database, directory: directoryFrom(config), identity: { storeId: STORE_ID, deviceId: DEVICE_ID }, staffDatabase: openStaffDatabase(staffDatabaseName) };
      renderOnTill(
        current,
        <>
          <ReturnsScreen />
          <ApprovalDialog services={services} />
        </>,
      );
    },
  };
}

/** Lan sold this many coffees (in thousandths) for cash on the till: the purchase the customer brings back. */
export async function coffeesSoldInCash(till: Till, qty: number, cash: number): Promise<CompletedSale> {
  const cart = ringUpLine(emptyCart(), coffee, { qty });
  if (!cart.ok) throw new Error(cart.detail);
  return completeOnTill(till, cart.cart, [{ method: 'cash', amount: cash }], lan.id);
}

/** The desk has read the store's policy and is listening for scans. */
export async function deskReady(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('returns-screen').dataset.ready).toBe('yes'));
}

/** Manager Hoa approves at the approval dialog with her PIN. */
export function managerApproves(dialog: HTMLElement): void {
  fireEvent.click(within(dialog).getByTestId(`staff-choice-${hoa.id}`));
  for (const digit of MANAGER_PIN) fireEvent.click(within(dialog).getByTestId(`pin-digit-${digit}`));
  fireEvent.click(within(dialog).getByTestId('pin-submit'));
}

/** The keyboard-wedge scanner: the code's characters a few ms apart, then Enter. */
export function scan(code: string): void {
  const start = performance.now();
  [...code, 'Enter'].forEach((key, index) => {
    for (const type of ['keydown', 'keyup']) {
      const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: start + index * 3 });
      document.body.dispatchEvent(event);
    }
  });
}

/** The cashier types a receipt's number, a packing slip's text or a phone into the desk's search and looks it up. */
export function typeAtTheDesk(text: string): void {
  fireEvent.change(screen.getByTestId('returns-search'), { target: { value: text } });
  fireEvent.click(screen.getByTestId('returns-find'));
}

/** On the open purchase, the cashier starts an exchange and adds the first item a search for `text` finds. */
export async function exchangeForSearched(text: string): Promise<void> {
  fireEvent.click(screen.getByTestId('returns-exchange-start'));
  fireEvent.change(await screen.findByTestId('returns-exchange-search'), { target: { value: text } });
  fireEvent.click(screen.getByTestId('returns-exchange-search-submit'));
  fireEvent.click(await screen.findByTestId('returns-exchange-result'));
}

/** Base64url without padding, as a packing slip's payload, signature and the server's public key are written. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The return documents on the till. */
export async function returnsOf(till: Till): Promise<SaleDocument[]> {
  return (await till.database.sales.find({ selector: { kind: 'return' } }).exec()).map((doc) => doc.toMutableJSON());
}

/** The one return document the desk wrote, once it is written (and only one). */
export async function theReturnWritten(till: Till): Promise<SaleDocument> {
  await waitFor(async () => expect(await returnsOf(till)).toHaveLength(1), { timeout: 10_000 });
  const [written] = await returnsOf(till);
  if (written === undefined) throw new Error('the return was written and is gone');
  return written;
}

/** A customer on this till's customers, found by phone at the desk. */
export async function addCustomer(till: Till, customer: { id: string; name: string; searchName: string; phone: string }): Promise<void> {
  const now = new Date().toISOString();
  await till.database.customers.insert({ ...customer, storeId: STORE_ID, createdAt: now, updatedAt: now });
}

