// The day end's "bank transfers to reconcile" (issue 15) on a real IndexedDB in real Chromium: of two sales
// paid by bank QR, the one the bank's notice confirmed (reference "BANK …") is not listed and the one the
// cashier confirmed by hand ("QR <number>") is, with its count and sum; when the server's match of a late
// bank notice arrives as a confirmed `payments` document, it leaves the list.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleDocument } from '../../data/schemas/types.ts';
import { paidSaleArb, saleOf } from '../../domain/paid-sale.test-helper.ts';
import { buildSaleDocument } from '../../domain/sale-document.ts';
import { signInWithPin } from '../../session/signed-in.test-helper.ts';
import { DEVICE_ID, lan, STORE_ID, tearDownTill } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';
import { DayEndScreen } from './day-end-screen.tsx';
import { dayEndConfig, openDayEndTill, renderInTill } from './dayend.test-helper.tsx';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  await tearDownTill(till);
  till = undefined;
});

/** A sale completed now, paid wholly by bank QR with `reference`. */
function bankQrSale(number: string, reference: string, seed: number): SaleDocument {
  const [paid] = fc.sample(paidSaleArb, { numRuns: 1, seed });
  const built = saleOf(buildSaleDocument(paid!.cart, paid!.tenders, { id: crypto.randomUUID(), storeId: STORE_ID, deviceId: DEVICE_ID, number, createdAt: new Date().toISOString(), staffId: lan.id, currency: 'VND' }, paid!.saleRules));
  const { change: _change, ...rest } = built;
  return { ...rest, tenders: [{ method: 'bank_qr', amount: built.totals.total, reference }] };
}

describe('bank transfers to reconcile at day end', () => {
  it('lists only the hand-confirmed transfer, and drops it when the bank’s matched notice arrives', async () => {
    till = await openDayEndTill(dayEndConfig(['report.view']));
    await signInWithPin(lan);
    const { database } = till;
    const byHand = bankQrSale('Q1-T3-000001', 'QR Q1-T3-000001', 3);
    const byBank = bankQrSale('Q1-T3-000002', 'BANK sepay FT26340000002', 5);
    await database.sales.insert(byHand);
    await database.sales.insert(byBank);
    renderInTill(database, <DayEndScreen />);

    const section = await screen.findByTestId('bank-to-reconcile', undefined, { timeout: 10_000 });
    await waitFor(() => expect(section.dataset['count']).toBe('1'));
    const rows = within(section).getAllByTestId('bank-to-reconcile-row');
    expect(rows.map((row) => row.dataset['saleNumber'])).toEqual(['Q1-T3-000001']);
    expect(rows[0]!.dataset['amount']).toBe(String(byHand.totals.total));
    expect(section.dataset['amount']).toBe(String(byHand.totals.total));
    expect(within(section).getByText('QR Q1-T3-000001')).toBeTruthy();

    // The server matched a bank notice for the sale's number and amount after the cashier confirmed it.
    const at = new Date().toISOString();
    await database.payments.insert({
      id: crypto.randomUUID(),
      storeId: STORE_ID,
      deviceId: DEVICE_ID,
      method: 'bank_qr',
      reference: 'Q1-T3-000001',
      amount: byHand.totals.total,
      currency: 'VND',
      status: 'confirmed',
      createdAt: at,
      updatedAt: at,
      confirmedAt: at,
      bank: { provider: 'payos', transactionId: 'FT26340000001', amount: byHand.totals.total, note: 'Q1-T3-000001', receivedAt: at },
    });
    await waitFor(() => expect(screen.getByTestId('bank-to-reconcile').dataset['count']).toBe('0'));
    expect(screen.queryAllByTestId('bank-to-reconcile-row')).toEqual([]);
    expect(screen.getByTestId('bank-to-reconcile-none')).toBeTruthy();
  });
});
