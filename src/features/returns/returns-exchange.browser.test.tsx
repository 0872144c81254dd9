// The returns desk's exchange and return without a receipt, in real Chromium on real IndexedDB with no
// network: a customer swaps one coffee for a dearer tea found by scanning its barcode and pays the
// difference in cash, ONE exchange document; another swaps two coffees for a cheaper biscuit and gets the
// difference back in cash, as they paid; a customer with no receipt brings back an item found by
// search, the money goes on their store credit, and the manager's PIN approves it, proven on the document.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import { makeEan13 } from '../../domain/gtin.ts';
import { hoa } from '../sale/till.test-helper.tsx';
import { addCustomer, coffeesSoldInCash, deskReady, exchangeForSearched, managerApproves, offlineReturnsDesk, returnsConfig, scan, tea, theReturnWritten } from './returns.test-helper.tsx';

const biscuit = productRow(8, { id: 'p-biscuit', sku: 'BANH01', name: 'Bánh quy bơ', searchName: 'banh quy bo', price: 24_000, taxClassId: 'vat10', barcodes: [makeEan13('893000000008')] });
const desk = offlineReturnsDesk();
const config = returnsConfig({ managerApprovalAbove: 100_000 });

describe('exchanges and returns without a receipt at the returns desk', () => {
  it('a customer swaps a coffee for a tea scanned at the desk and pays the 16,000 difference in cash: one exchange document', async () => {
    const till = await desk.setUp(config);
    await till.catalog.products.bulkPut([tea]);
    const sale = await coffeesSoldInCash(till, 2000, 58_000);
    desk.render(till, config);
    await deskReady();

    scan(sale.number);
    await screen.findByTestId('returns-purchase');
    fireEvent.change(screen.getByTestId('returns-qty-0'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('returns-reason-0'), { target: { value: 'wrong-size' } });
    fireEvent.click(screen.getByTestId('returns-exchange-start'));
    // The picker claims the scanner now: the tea's barcode is a product, not a receipt number.
    await screen.findByTestId('returns-exchange-picker');
    scan(tea.barcodes[0]!);
    await waitFor(() => expect(screen.getByTestId('returns-exchange-line').dataset.sku).toBe('TRA01'));
    await waitFor(() => expect(screen.getByTestId('returns-difference').dataset.amount).toBe('16000'));
    expect(screen.queryByTestId('returns-refund')).toBeNull();
    expect((screen.getByTestId('returns-confirm') as HTMLButtonElement).disabled).toBe(true);

    // The registered forms; no customer on this purchase, so no points or store credit.
    const pay = screen.getByTestId('returns-pay');
    expect(within(pay).queryByTestId('returns-method-points')).toBeNull();
    fireEvent.click(within(pay).getByTestId('returns-method-cash'));
    fireEvent.change(within(pay).getByTestId('cash-amount'), { target: { value: '20000' } });
    fireEvent.click(within(pay).getByTestId('cash-add'));
    await waitFor(() => expect(screen.getByTestId('returns-pay-remaining').dataset.change).toBe('4000'));
    await waitFor(() => expect((screen.getByTestId('returns-confirm') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('returns-confirm'));

    const written = await theReturnWritten(till);
    expect(written).toMatchObject({
      kind: 'return',
      reason: 'exchange',
      originalSaleId: sale.id,
      tenders: [{ method: 'cash', amount: 20_000 }],
      change: 4000,
      totals: { total: 16_000 },
      lines: [
        { productId: 'p-coffee', qty: -1000, originalLine: 0, returnReason: 'wrong-size', condition: 'resellable' },
        { productId: 'p-tea', qty: 1000, total: 45_000 },
      ],
    });
    expect(written.approvalFor).toBeUndefined();
    expect(written.ledger).toEqual(
      expect.arrayContaining([
        { id: `${written.id}-stock-0`, kind: 'stock', refId: 'p-coffee', delta: 1000, reason: 'return' },
        expect.objectContaining({ kind: 'stock', refId: 'p-tea', delta: -1000, reason: 'sale' }),
      ]),
    );
    await waitFor(() => expect(screen.getByTestId('returns-notice').textContent).toContain(written.number), { timeout: 15_000 });
  });

  it('a customer swaps two coffees for one biscuit found by search and gets the 34,000 difference back the way they paid', async () => {
    const till = await desk.setUp(config);
    await till.catalog.products.bulkPut([biscuit]);
    const sale = await coffeesSoldInCash(till, 2000, 58_000);
    desk.render(till, config);
    await deskReady();

    scan(sale.number);
    await screen.findByTestId('returns-purchase');
    fireEvent.change(screen.getByTestId('returns-qty-0'), { target: { value: '2' } });
    await exchangeForSearched('banh');
    await waitFor(() => expect(screen.getByTestId('returns-difference').dataset.amount).toBe('-34000'));
    // Money back goes as a refund goes: no pay panel, the refund form, cash to the original tender.
    expect(screen.queryByTestId('returns-pay')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('returns-refund-amount').dataset.amount).toBe('34000'));
    expect(screen.getByTestId('returns-tender-cash')).toBeTruthy();
    fireEvent.click(screen.getByTestId('returns-confirm'));

    const written = await theReturnWritten(till);
    expect(written).toMatchObject({
      reason: 'exchange',
      totals: { total: -34_000 },
      tenders: [{ method: 'cash', amount: -34_000 }],
      lines: [{ productId: 'p-coffee', qty: -2000 }, { productId: 'p-biscuit', qty: 1000, total: 24_000 }],
    });
  });

  it('a receipt scanned after all while the return without receipt is open opens that purchase', async () => {
    const till = await desk.setUp(config);
    const sale = await coffeesSoldInCash(till, 1000, 29_000);
    desk.render(till, config);
    await deskReady();
    fireEvent.click(screen.getByTestId('returns-noreceipt-start'));
    await screen.findByTestId('returns-noreceipt-picker');
    scan(sale.number);
    await waitFor(() => expect(screen.getByTestId('returns-purchase').dataset.number).toBe(sale.number));
    expect(screen.queryByTestId('returns-noreceipt')).toBeNull();
  });

  it('a customer without a receipt brings back a tea found by search; it goes on their store credit once the manager approves', async () => {
    const till = await desk.setUp(config);
    await till.catalog.products.bulkPut([tea]);
    await addCustomer(till, { id: 'cust-ha', name: 'Phạm Thu Hà', searchName: 'pham thu ha', phone: '0912345678' });
    desk.render(till, config);
    await deskReady();

    fireEvent.click(screen.getByTestId('returns-noreceipt-start'));
    const panel = await screen.findByTestId('returns-noreceipt');
    // Never cash without a receipt.
    expect(within(panel).queryByTestId('returns-rest-cash')).toBeNull();
    fireEvent.change(within(panel).getByTestId('returns-noreceipt-search'), { target: { value: 'tra' } });
    fireEvent.click(within(panel).getByTestId('returns-noreceipt-search-submit'));
    fireEvent.click(await within(panel).findByTestId('returns-noreceipt-result'));
    fireEvent.change(await within(panel).findByTestId('returns-noreceipt-reason-0'), { target: { value: 'defective' } });
    fireEvent.change(within(panel).getByTestId('returns-noreceipt-condition-0'), { target: { value: 'damaged' } });
    fireEvent.click(within(panel).getByTestId('returns-rest-store_credit'));
    await waitFor(() => expect(screen.getByTestId('returns-refused').dataset.reason).toBe('customer-required'));
    fireEvent.change(within(panel).getByTestId('returns-customer-phone'), { target: { value: '0912 345 678' } });
    fireEvent.click(within(panel).getByTestId('returns-customer-find'));
    await waitFor(() => expect(screen.getByTestId('returns-refund-amount').dataset.amount).toBe('45000'));
    expect(screen.getByTestId('returns-needs-approval')).toBeTruthy();

    fireEvent.click(screen.getByTestId('returns-confirm'));
    managerApproves(await screen.findByTestId('approval-dialog'));

    const written = await theReturnWritten(till);
    expect(written).toMatchObject({
      reason: 'return',
      customerId: 'cust-ha',
      approverId: hoa.id,
      approvalFor: 'return.without_receipt',
      tenders: [{ method: 'store_credit', amount: -45_000 }],
      lines: [{ productId: 'p-tea', qty: -1000, returnReason: 'defective', condition: 'damaged' }],
    });
    expect(written.originalSaleId).toBeUndefined();
    expect(written.approvalProof?.by).toBe(hoa.id);
    // Its return receipt printed (the browser's print here), so the cashier is told it is done.
    await waitFor(() => expect(screen.getByTestId('returns-notice').dataset.tone).toBe('success'), { timeout: 15_000 });
    expect(screen.getByTestId('returns-notice').textContent).toContain(written.number);
  });
});
