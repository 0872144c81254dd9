// The returns desk in real Chromium on real IndexedDB, with no network: a cashier scans a receipt's barcode
// and takes back part of a line in cash with a manager's PIN on the spot (the refund is above the store's
// limit); an online order comes back from its packing slip's QR, checked with the server's key, one item
// resellable and one damaged, as store credit to the customer found by phone; a forged slip is refused.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { PACKING_SLIP_PREFIX } from '../../domain/packing-slip.ts';
import { hoa, lan } from '../sale/till.test-helper.tsx';
import { addCustomer, base64Url, coffeesSoldInCash, deskReady, managerApproves, offlineReturnsDesk, returnsConfig, returnsOf, scan, theReturnWritten, typeAtTheDesk } from './returns.test-helper.tsx';

const desk = offlineReturnsDesk();

describe('the returns desk', () => {
  it('a cashier scans a receipt, takes back 1 of 3 coffees in cash, and a manager approves on the spot', async () => {
    const config = returnsConfig({ managerApprovalAbove: 20_000 });
    const till = await desk.setUp(config);
    const sale = await coffeesSoldInCash(till, 3000, 100_000);
    desk.render(till, config);
    await deskReady();

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
    managerApproves(dialog);

    const written = await theReturnWritten(till);
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
    expect(written.approvalProof?.by).toBe(hoa.id);
    expect(written.ledger).toEqual([{ id: `${written.id}-stock-0`, kind: 'stock', refId: 'p-coffee', delta: 1000, reason: 'return' }]);
    await waitFor(() => expect(screen.getByTestId('returns-notice').textContent).toContain(written.number), { timeout: 15_000 });

    // Scanned again, the receipt has 2 left to return.
    scan(sale.number);
    await waitFor(() => expect(screen.getByTestId('returns-line-0').dataset.left).toBe('2000'));
  });

  it('a cashier called off by nobody approving writes nothing', async () => {
    const config = returnsConfig({ managerApprovalAbove: 20_000 });
    const till = await desk.setUp(config);
    const sale = await coffeesSoldInCash(till, 1000, 29_000);
    desk.render(till, config);
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
    const config = returnsConfig({ managerApprovalAbove: 20_000, store: { orderSigningPublicKey: publicKey } });
    const till = await desk.setUp(config);
    await till.catalog.products.bulkPut([productRow(1, { id: 'p-milk', sku: 'SUA1L', name: 'Sữa tươi 1L' }), productRow(2, { id: 'p-rice', sku: 'GAO5', name: 'Gạo ST25 5kg' })]);
    await addCustomer(till, { id: 'cust-ha', name: 'Phạm Thu Hà', searchName: 'pham thu ha', phone: '0912345678' });
    const now = new Date().toISOString();
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
    desk.render(till, config);
    await deskReady();

    // Altered after signing (a dearer rice): refused, nothing opened.
    const altered = base64Url(new TextEncoder().encode(canonicalJson({ ...summary, total: 2_440_000 })));
    typeAtTheDesk(`${PACKING_SLIP_PREFIX}.${altered}.${signature}`);
    await waitFor(() => expect(screen.getByTestId('returns-notice').textContent).toMatch(/giả mạo|bị sửa/));
    expect(screen.queryByTestId('returns-purchase')).toBeNull();

    typeAtTheDesk(`${PACKING_SLIP_PREFIX}.${base64Url(payload)}.${signature}`);
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
    managerApproves(await screen.findByTestId('approval-dialog'));

    const written = await theReturnWritten(till);
    expect(written).toMatchObject({ orderId: 'o-1042', originalNumber: '#1042', customerId: 'cust-ha', tenders: [{ method: 'store_credit', amount: -212_000 }], totals: { total: -212_000 } });
    expect(written.ledger).toEqual([
      { id: `${written.id}-stock-0`, kind: 'stock', refId: 'p-milk', delta: 1000, reason: 'return' },
      { id: `${written.id}-stock-1`, kind: 'stock', refId: 'p-rice', delta: 1000, reason: 'return' },
      { id: `${written.id}-writeoff-1`, kind: 'stock', refId: 'p-rice', delta: -1000, reason: 'damaged' },
      { id: `${written.id}-credit-0`, kind: 'credit', refId: 'cust-ha', delta: 212_000, reason: 'refund' },
    ]);
  });
});
