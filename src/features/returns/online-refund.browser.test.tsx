// The returns desk in real Chromium on real IndexedDB, offline: an online order paid online comes back from
// its packing slip's QR and the cashier refunds it online (the shop will refund the customer's payment); the
// return document carries an online_refund tender naming the order, which the server turns into the refund it
// asks the shop for. A sale of the store is never offered an online refund.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { PACKING_SLIP_PREFIX } from '../../domain/packing-slip.ts';
import { testConfig } from '../sale/till.test-helper.tsx';
import { base64Url, coffeesSoldInCash, deskReady, offlineReturnsDesk, theReturnWritten, typeAtTheDesk } from './returns.test-helper.tsx';

const desk = offlineReturnsDesk();

function configWith(publicKey: string): StoreConfigDocument {
  return { ...testConfig({ store: { orderSigningPublicKey: publicKey } }), returnPolicy: { windowDays: 30, refundMethods: ['original_tender', 'store_credit'], managerApprovalAbove: 10_000_000 } };
}

describe('refund online at the returns desk', () => {
  it('an order paid online, from its packing slip offline, refunded online: the return names the order in an online_refund tender', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const config = configWith(base64Url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))));
    const till = await desk.setUp(config);
    await till.catalog.products.bulkPut([productRow(1, { id: 'p-milk', sku: 'SUA1L', name: 'Sữa tươi 1L' })]);
    const now = new Date().toISOString();
    const summary = {
      v: 1,
      orderId: 'o-2077',
      number: '#2077',
      storeId: 'store-q7',
      customerName: 'Phạm Thu Hà',
      currency: 'VND',
      total: 64_000,
      paid: true,
      placedAt: now,
      lines: [{ productId: 'p-milk', sku: 'SUA1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32_000, taxRate: 800, total: 64_000 }],
      signedAt: now,
    };
    const payload = new TextEncoder().encode(canonicalJson(summary));
    const signature = base64Url(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, payload)));
    desk.render(till, config);
    await deskReady();

    typeAtTheDesk(`${PACKING_SLIP_PREFIX}.${base64Url(payload)}.${signature}`);
    await screen.findByTestId('returns-purchase');
    fireEvent.change(screen.getByTestId('returns-qty-0'), { target: { value: '1' } });
    const online = screen.getByTestId('returns-rest-online');
    expect(online.closest('label')?.textContent).toMatch(/trực tuyến|online/i);
    fireEvent.click(online);
    await waitFor(() => expect(screen.getByTestId('returns-refund-amount').dataset.amount).toBe('32000'));
    fireEvent.click(screen.getByTestId('returns-confirm'));

    const written = await theReturnWritten(till);
    expect(written).toMatchObject({ orderId: 'o-2077', tenders: [{ method: 'online_refund', amount: -32_000, reference: '#2077' }], totals: { total: -32_000 } });
    // No balance of the store moves for it: the shop refunds, the server asks it to.
    expect((written.ledger ?? []).filter((entry) => entry.kind !== 'stock')).toEqual([]);
  });

  it('a sale of the store, paid in cash, is never offered an online refund', async () => {
    const config = configWith('unused');
    const till = await desk.setUp(config);
    const sale = await coffeesSoldInCash(till, 1000, 29_000);
    desk.render(till, config);
    await deskReady();

    typeAtTheDesk(sale.number);
    await screen.findByTestId('returns-purchase');
    fireEvent.change(screen.getByTestId('returns-qty-0'), { target: { value: '1' } });
    await waitFor(() => expect(screen.getByTestId('returns-refund-amount').dataset.amount).toBe('29000'));
    expect(screen.getByTestId('returns-rest-store_credit')).toBeTruthy();
    expect(screen.queryByTestId('returns-rest-online')).toBeNull();
  });
});
