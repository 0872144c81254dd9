// Reprinting a past receipt, in real Chromium on real IndexedDB: the receipt names the people of the sale
// (its staffId named by the store config's staff, its customerId named by this device's customers), not
// whoever is signed in when it is reprinted. No USB printer is paired, so the receipt goes through the
// browser's print dialog (browser-print.ts): the HTML handed to that dialog is what is read back here.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomerDocument } from '../../data/schemas/types.ts';
import type { CompletedSale } from '../../domain/sale-document.ts';
import { attachCustomer, emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { CartProduct } from '../../domain/cart.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { ReceiptsScreen } from './receipts-screen.tsx';
import { receiptRow, receiptsOnTestTill } from './receipts.test-helper.tsx';
import { STORE_ID, completeOnTill, hoa, lan, renderOnTill, testConfig } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';

const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };

const mai: CustomerDocument = {
  id: 'customer-mai',
  storeId: STORE_ID,
  name: 'Trần Thị Mai',
  searchName: 'tran thi mai',
  phone: '0912345678',
  createdAt: '2025-11-01T00:00:00.000Z',
  updatedAt: '2025-11-01T00:00:00.000Z',
};

const receipts = receiptsOnTestTill();

/** The receipt's labelled rows (number, date, cashier, customer, items, totals...) as [label, value]. */
function rowsOf(receipt: Document): string[][] {
  return [...receipt.querySelectorAll('tr')].map((row) => [...row.cells].map((cell) => (cell.textContent ?? '').trim()));
}

/** Lan, signed in at the till, sells a coffee to Mai, as the counter does: the signed-in cashier's id on the sale. */
async function lanSellsCoffeeToMai(current: Till): Promise<CompletedSale> {
  await current.database.customers.insert(mai);
  const rungUp = ringUpLine(emptyCart(), coffee, { qty: 1000 });
  if (!rungUp.ok) throw new Error(rungUp.detail);
  const cashier = useStaffSessionStore.getState().staff;
  if (cashier === null) throw new Error('nobody is signed in at the till');
  return completeOnTill(current, attachCustomer(rungUp.cart, mai.id), [{ method: 'cash', amount: 29_000 }], cashier.id);
}

describe('a past receipt is reprinted by someone else', () => {
  it('names the sale’s cashier and customer, not the manager signed in now', async () => {
    const till = await receipts.setUp(testConfig(), lan);
    const sale = await lanSellsCoffeeToMai(till);
    const stored = (await till.database.sales.findOne(sale.id).exec())?.toJSON();
    expect(stored).toMatchObject({ number: sale.number, staffId: lan.id, customerId: mai.id });

    // Later in the day, Lan has gone home and manager Hoa works the till.
    act(() => useStaffSessionStore.getState().signIn(hoa));
    expect(useStaffSessionStore.getState().staff?.id).toBe(hoa.id);

    const printed = receipts.capturePrintedHtml();
    renderOnTill(till, <ReceiptsScreen />);
    const row = await receiptRow(sale.number);
    fireEvent.click(within(row).getByTestId('receipt-reprint'));

    await waitFor(() => expect(printed).toHaveLength(1), { timeout: 15_000 });
    const receipt = new DOMParser().parseFromString(printed[0]!, 'text/html');
    const rows = rowsOf(receipt);
    const text = receipt.body.textContent ?? '';

    // The very receipt asked for, marked as a reprint.
    expect(rows).toContainEqual(['Số HĐ', sale.number]);
    expect(receipt.querySelector('.reprint')?.textContent).toBe('*** IN LẠI ***');
    expect(rows).toContainEqual(['Cà phê sữa']);
    // Who sold it and to whom, from the sale itself.
    expect(rows).toContainEqual(['Thu ngân', lan.name]);
    expect(rows).toContainEqual(['Khách hàng', mai.name]);
    expect(rows.filter(([label]) => label === 'Thu ngân')).toHaveLength(1);
    // Not the manager who pressed reprint.
    expect(rows.flat()).not.toContain(hoa.name);
    expect(text).not.toContain(hoa.name);
    // The reprint went through without a problem for the screen to report.
    expect(screen.queryByTestId('receipts-message')).toBeNull();
  });
});
