// The returns desk in real Chromium on real IndexedDB, with no network: a cashier scans a receipt's barcode
// and takes back part of a line in cash with a manager's PIN on the spot (the refund is above the store's
// limit); an online order comes back from its packing slip's QR, checked with the server's key, one item
// resellable and one damaged, as store credit to the customer found by phone; a forged slip is refused.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import type { SaleDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { CartProduct } from '../../domain/cart.ts';
import { PACKING_SLIP_PREFIX } from '../../domain/packing-slip.ts';
import { signApprovalsOnInsert } from '../../session/approval-keys.ts';
import { directoryFrom } from '../../session/use-staff-directory.ts';
import { DEVICE_ID, MANAGER_PIN, STORE_ID, completeOnTill, hoa, lan, renderOnTill, setUpTill, tearDownTill, testConfig } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';
import { ApprovalDialog } from '../staff/approval-dialog.tsx';
import { openStaffDatabase } from '../staff/pin-failures.ts';
import { ReturnsScreen } from './returns-screen.tsx';

const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };
const staffDatabaseName = `staff-test-${crypto.randomUUID()}`;
let till: Till | undefined;

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function returnsConfig(store: Record<string, unknown> = {}): StoreConfigDocument {
  const base = testConfig({ store });
  return {
    ...base,
    returnPolicy: { windowDays: 30, refundMethods: ['original_tender', 'cash', 'store_credit', 'gift_card'], managerApprovalAbove: 20_000 },
    permissions: { ...base.permissions, manager: [...((base.permissions?.['manager'] as string[] | undefined) ?? []), 'refund.above_limit', 'return.without_receipt'] },
  };
}

beforeEach(() => {
  // Offline: everything here works without the server.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await tearDownTill(till);
  till = undefined;
  await openStaffDatabase(staffDatabaseName).delete({ disableAutoOpen: true });
});

function renderReturns(current: Till, config: StoreConfigDocument) {
  // As the app does at start-up (main.tsx): every permission-bound document is signed by its approver's key.
  signApprovalsOnInsert(current.database);
  const services = { database: current.database, directory: directoryFrom(config), identity: { storeId: STORE_ID, deviceId: DEVICE_ID }, staffDatabase: openStaffDatabase(staffDatabaseName) };
  renderOnTill(
    current,
    <>
      <ReturnsScreen />
      <ApprovalDialog services={services} />
    </>,
  );
}

/** The keyboard-wedge scanner: the code's characters a few ms apart, then Enter. */
function scan(code: string): void {
  const start = performance.now();
  [...code, 'Enter'].forEach((key, index) => {
    for (const type of ['keydown', 'keyup']) {
      const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: start + index * 3 });
      document.body.dispatchEvent(event);
    }
  });
}

async function returnsOf(current: Till): Promise<SaleDocument[]> {
  return (await current.database.sales.find({ selector: { kind: 'return' } }).exec()).map((doc) => doc.toMutableJSON());
}

describe('the returns desk', () => {
  it('a cashier scans a receipt, takes back 1 of 3 coffees in cash, and a manager approves on the spot', async () => {
    const config = returnsConfig();
    till = await setUpTill(config);
    const cart = ringUpLine(emptyCart(), coffee, { qty: 3000 });
    if (!cart.ok) throw new Error(cart.detail);
    const sale = await completeOnTill(till, cart.cart, [{ method: 'cash', amount: 100_000 }], lan.id);
    renderReturns(till, config);
    await waitFor(() => expect(screen.getByTestId('returns-screen').dataset.ready).toBe('yes'));

    scan(sale.number);
    const panel = await screen.findByTestId('returns-purchase');
    expect(panel.dataset.number).toBe(sale.number);
    expect(panel.dataset.origin).toBe('tablet');
    expect(screen.getByTestId('returns-line-0').dataset.left).toBe('3000');
    fireEvent.change(screen.getByTestId('returns-qty-0'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('returns-reason-0'), { target: { value: 'defective' } });
    await waitFor(() => expect(screen.getByTestId('returns-refund-amount').dataset.amount).toBe('29000'));
    expect(screen.getByTestId('returns-tender-cash')).toBeTruthy();
    expect(screen.getByTestId('returns-needs-approval')).toBeTruthy();

    fireEvent.click(screen.getByTestId('returns-confirm'));
    const dialog = await screen.findByTestId('approval-dialog');
    expect(within(dialog).getByTestId('approval-reason').textContent).toContain(sale.number);
    fireEvent.click(within(dialog).getByTestId(`staff-choice-${hoa.id}`));
    for (const digit of MANAGER_PIN) fireEvent.click(within(dialog).getByTestId(`pin-digit-${digit}`));
    fireEvent.click(within(dialog).getByTestId('pin-submit'));

    await waitFor(async () => expect(await returnsOf(till!)).toHaveLength(1), { timeout: 10_000 });
    const [written] = await returnsOf(till);
    expect(written).toMatchObject({
      kind: 'return',
      reason: 'return',
      originalSaleId: sale.id,
      originalNumber: sale.number,
      staffId: lan.id,
      approverId: hoa.id,
      approvalFor: 'refund.above_limit',
      tenders: [{ method: 'cash', amount: -29_000 }],
      totals: { total: -29_000 },
      lines: [{ productId: 'p-coffee', qty: -1000, originalLine: 0, returnReason: 'defective', condition: 'resellable' }],
    });
    expect(written!.approvalProof?.by).toBe(hoa.id);
    expect(written!.ledger).toEqual([{ id: `${written!.id}-stock-0`, kind: 'stock', refId: 'p-coffee', delta: 1000, reason: 'return' }]);
    await waitFor(() => expect(screen.getByTestId('returns-notice').textContent).toContain(written!.number), { timeout: 15_000 });

    // Scanned again, the receipt has 2 left to return.
    scan(sale.number);
    await waitFor(() => expect(screen.getByTestId('returns-line-0').dataset.left).toBe('2000'));
  });

  it('a cashier called off by nobody approving writes nothing', async () => {
    const config = returnsConfig();
    till = await setUpTill(config);
    const cart = ringUpLine(emptyCart(), coffee, { qty: 1000 });
    if (!cart.ok) throw new Error(cart.detail);
    const sale = await completeOnTill(till, cart.cart, [{ method: 'cash', amount: 29_000 }], lan.id);
    renderReturns(till, config);
    fireEvent.change(await screen.findByTestId('returns-search'), { target: { value: sale.number.toLowerCase() } });
    fireEvent.click(screen.getByTestId('returns-find'));
    fireEvent.change(await screen.findByTestId('returns-qty-0'), { target: { value: '1' } });
    await waitFor(() => expect(screen.getByTestId('returns-summary').dataset.ok).toBe('yes'));
    fireEvent.click(screen.getByTestId('returns-confirm'));
    const dialog = await screen.findByTestId('approval-dialog');
    fireEvent.click(within(dialog).getByTestId('approval-cancel'));
    await waitFor(() => expect(screen.getByTestId('returns-notice').dataset.tone).toBe('error'));
    expect(await returnsOf(till)).toHaveLength(0);
  });

  it('an online order comes back from its packing slip offline: one item resellable, one damaged, as store credit; a forged slip is refused', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const publicKey = base64Url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
    const config = returnsConfig({ orderSigningPublicKey: publicKey });
    till = await setUpTill(config);
    await till.catalog.products.bulkPut([productRow(1, { id: 'p-milk', sku: 'SUA1L', name: 'Sữa tươi 1L' }), productRow(2, { id: 'p-rice', sku: 'GAO5', name: 'Gạo ST25 5kg' })]);
    const now = new Date().toISOString();
    await till.database.customers.insert({ id: 'cust-ha', storeId: STORE_ID, name: 'Phạm Thu Hà', searchName: 'pham thu ha', phone: '0912345678', createdAt: now, updatedAt: now });
    const summary = {
      v: 1,
      orderId: 'o-1042',
      number: '#1042',
      storeId: 'store-q7',
      customerName: 'Phạm Thu Hà',
      currency: 'VND',
      total: 244_000,
      paid: true,
      placedAt: now,
      lines: [
        { productId: 'p-milk', sku: 'SUA1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32_000, taxRate: 800, total: 64_000 },
        { productId: 'p-rice', sku: 'GAO5', name: 'Gạo ST25 5kg', qty: 1000, unitPrice: 180_000, taxRate: 500, total: 180_000 },
      ],
      signedAt: now,
    };
    const payload = new TextEncoder().encode(canonicalJson(summary));
    const signature = base64Url(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, payload)));
    renderReturns(till, config);
    await waitFor(() => expect(screen.getByTestId('returns-screen').dataset.ready).toBe('yes'));

    // Altered after signing (a dearer rice): refused, nothing opened.
    const altered = base64Url(new TextEncoder().encode(canonicalJson({ ...summary, total: 2_440_000 })));
    fireEvent.change(screen.getByTestId('returns-search'), { target: { value: `${PACKING_SLIP_PREFIX}.${altered}.${signature}` } });
    fireEvent.click(screen.getByTestId('returns-find'));
    await waitFor(() => expect(screen.getByTestId('returns-notice').textContent).toMatch(/giả mạo|bị sửa/));
    expect(screen.queryByTestId('returns-purchase')).toBeNull();

    fireEvent.change(screen.getByTestId('returns-search'), { target: { value: `${PACKING_SLIP_PREFIX}.${base64Url(payload)}.${signature}` } });
    fireEvent.click(screen.getByTestId('returns-find'));
    const panel = await screen.findByTestId('returns-purchase');
    expect(panel.dataset.origin).toBe('slip');
    // Paid online: never cash.
    expect(screen.queryByTestId('returns-rest-cash')).toBeNull();
    fireEvent.change(screen.getByTestId('returns-qty-0'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('returns-qty-1'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('returns-condition-1'), { target: { value: 'damaged' } });
    fireEvent.click(screen.getByTestId('returns-rest-store_credit'));
    await waitFor(() => expect(screen.getByTestId('returns-refused').dataset.reason).toBe('customer-required'));
    fireEvent.change(screen.getByTestId('returns-customer-phone'), { target: { value: '+84 912 345 678' } });
    fireEvent.click(screen.getByTestId('returns-customer-find'));
    await waitFor(() => expect(screen.getByTestId('returns-refund-amount').dataset.amount).toBe('212000'));
    // Within the limit? No: 212,000 is above 20,000, so the manager approves; here the manager is signed in.
    fireEvent.click(screen.getByTestId('returns-confirm'));
    const dialog = await screen.findByTestId('approval-dialog');
    fireEvent.click(within(dialog).getByTestId(`staff-choice-${hoa.id}`));
    for (const digit of MANAGER_PIN) fireEvent.click(within(dialog).getByTestId(`pin-digit-${digit}`));
    fireEvent.click(within(dialog).getByTestId('pin-submit'));

    await waitFor(async () => expect(await returnsOf(till!)).toHaveLength(1), { timeout: 10_000 });
    const [written] = await returnsOf(till);
    expect(written).toMatchObject({ orderId: 'o-1042', originalNumber: '#1042', customerId: 'cust-ha', tenders: [{ method: 'store_credit', amount: -212_000 }], totals: { total: -212_000 } });
    expect(written!.ledger).toEqual([
      { id: `${written!.id}-stock-0`, kind: 'stock', refId: 'p-milk', delta: 1000, reason: 'return' },
      { id: `${written!.id}-stock-1`, kind: 'stock', refId: 'p-rice', delta: 1000, reason: 'return' },
      { id: `${written!.id}-writeoff-1`, kind: 'stock', refId: 'p-rice', delta: -1000, reason: 'damaged' },
      { id: `${written!.id}-credit-0`, kind: 'credit', refId: 'cust-ha', delta: 212_000, reason: 'refund' },
    ]);
  });
});
