// Cancelling a completed sale from today's receipts, in real Chromium on real IndexedDB: a cashier needs a
// manager's PIN on the spot, a manager cancels alone; the reversal, its audit entry and the list agree,
// and a sale is never cancelled twice.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { directoryFrom } from '../../session/use-staff-directory.ts';
import { ApprovalDialog } from '../staff/approval-dialog.tsx';
import { openStaffDatabase } from '../staff/pin-failures.ts';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { CartProduct } from '../../domain/cart.ts';
import type { CompletedSale } from '../../domain/sale-document.ts';
import type { Tender } from '../../domain/tender.ts';
import type { SaleDocument } from '../../data/schemas/types.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { cancelSale } from './cancel-sale.ts';
import { ReceiptsScreen } from './receipts-screen.tsx';
import { DEVICE_ID, MANAGER_PIN, STORE_ID, completeOnTill, hoa, lan, renderOnTill, setUpTill, tearDownTill, testConfig } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';

const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false };

let till: Till | undefined;
const staffDatabaseName = `staff-test-${crypto.randomUUID()}`;

afterEach(async () => {
  cleanup();
  await tearDownTill(till);
  till = undefined;
  await openStaffDatabase(staffDatabaseName).delete({ disableAutoOpen: true });
});

async function sell(current: Till, qty: number, tenders: readonly Tender[]): Promise<CompletedSale> {
  const cart = ringUpLine(emptyCart(), coffee, { qty });
  if (!cart.ok) throw new Error(cart.detail);
  return completeOnTill(current, cart.cart, tenders, lan.id);
}

function renderReceipts(current: Till) {
  const config = testConfig();
  const services = { database: current.database, directory: directoryFrom(config), identity: { storeId: STORE_ID, deviceId: DEVICE_ID }, staffDatabase: openStaffDatabase(staffDatabaseName) };
  return renderOnTill(
    current,
    <>
      <ReceiptsScreen />
      <ApprovalDialog services={services} />
    </>,
  );
}

async function rowOf(number: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen.getAllByTestId('receipt-row').find((each) => each.dataset.number === number);
    if (row === undefined) throw new Error(`no row ${number}`);
    return row;
  });
}

async function tapCancel(number: string): Promise<void> {
  const row = await rowOf(number);
  fireEvent.click(within(row).getByTestId('receipt-cancel'));
  fireEvent.click(within(row).getByTestId('receipt-cancel-confirm'));
}

describe('a completed sale is cancelled from today’s receipts', () => {
  it('a cashier gets the manager’s PIN on the spot: the reversal gives the cash and the stock back, names both people, and the sale cannot be cancelled again', async () => {
    till = await setUpTill();
    const sale = await sell(till, 2000, [{ method: 'cash', amount: 100_000 }]);
    renderReceipts(till);
    await tapCancel(sale.number);

    const dialog = await screen.findByTestId('approval-dialog');
    expect(within(dialog).getByTestId('approval-reason').textContent).toContain(sale.number);
    fireEvent.click(within(dialog).getByTestId(`staff-choice-${hoa.id}`));
    for (const digit of MANAGER_PIN) fireEvent.click(within(dialog).getByTestId(`pin-digit-${digit}`));
    fireEvent.click(within(dialog).getByTestId('pin-submit'));

    await waitFor(() => expect(screen.getByTestId('receipt-list').dataset.count).toBe('2'), { timeout: 10_000 });
    const original = await rowOf(sale.number);
    await waitFor(() => expect(original.dataset.cancelled).toBe('true'));
    expect(within(original).queryByTestId('receipt-cancel')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('receipts-message').textContent).toContain(`Đã hủy đơn ${sale.number}`), { timeout: 15_000 });
    // A cash refund with no USB printer paired: the slip prints through the browser and the cashier is told the drawer did not open.
    expect(screen.getByTestId('receipts-message').textContent).toContain('két tiền không tự mở');

    const reversals = await till.database.sales.find({ selector: { kind: 'return' } }).exec();
    expect(reversals).toHaveLength(1);
    const reversal = reversals[0]!.toJSON() as SaleDocument & Record<string, unknown>;
    expect(reversal).toMatchObject({
      kind: 'return',
      reason: 'void',
      originalSaleId: sale.id,
      originalNumber: sale.number,
      staffId: lan.id,
      approverId: hoa.id,
      tenders: [{ method: 'cash', amount: -58_000 }],
      totals: { total: -58_000 },
    });
    expect(reversal.number).not.toBe(sale.number);
    expect(reversal.ledger).toEqual([{ id: `${reversal.id}-stock-0`, kind: 'stock', refId: 'p-coffee', delta: 2000, reason: 'void' }]);
    const reversalRow = await rowOf(reversal.number);
    expect(reversalRow.dataset.kind).toBe('return');
    expect(within(reversalRow).getByTestId('receipt-cancels').textContent).toContain(sale.number);

    const audit = (await till.database.audit.find().exec()).map((entry) => entry.toJSON());
    expect(audit.find((entry) => entry.action === 'sale.void')).toMatchObject({ staffId: lan.id, approverId: hoa.id, subjectId: sale.id });
    expect(audit.find((entry) => entry.action === 'approval.granted')).toMatchObject({ staffId: lan.id, approverId: hoa.id });

    // Another tab that has not seen the reversal yet still cannot cancel the sale a second time.
    const again = await cancelSale({ database: till.database, counter: till.counter, original: sale, alreadyCancelled: new Set(), storeId: STORE_ID, deviceId: DEVICE_ID, staffId: hoa.id, approverId: hoa.id });
    expect(again).toMatchObject({ ok: false, reason: 'already-cancelled' });
    expect((await till.database.sales.find({ selector: { kind: 'return' } }).exec()).length).toBe(1);
  });

  it('a manager cancels alone; a cashier whose approval is called off cancels nothing', async () => {
    till = await setUpTill(testConfig(), hoa);
    const first = await sell(till, 1000, [{ method: 'card', amount: 29_000, reference: 'APPR 77' }]);
    const second = await sell(till, 1000, [{ method: 'cash', amount: 29_000 }]);
    renderReceipts(till);

    await tapCancel(first.number);
    await waitFor(async () => expect((await till!.database.sales.find({ selector: { kind: 'return' } }).exec()).length).toBe(1));
    expect(screen.queryByTestId('approval-dialog')).toBeNull();
    const reversal = (await till.database.sales.findOne({ selector: { kind: 'return' } }).exec())!.toJSON() as SaleDocument & Record<string, unknown>;
    expect(reversal).toMatchObject({ staffId: hoa.id, approverId: hoa.id, tenders: [{ method: 'card', amount: -29_000, reference: 'APPR 77' }] });

    await waitFor(() => expect(screen.getByTestId('receipts-message').textContent).toContain(`Đã hủy đơn ${first.number}`), { timeout: 15_000 });
    // A card refund moves no cash: nothing said about the drawer.
    expect(screen.getByTestId('receipts-message').textContent).not.toContain('két tiền');
    act(() => useStaffSessionStore.getState().signIn(lan));
    await tapCancel(second.number);
    fireEvent.click(await screen.findByTestId('approval-cancel'));
    await waitFor(() => expect(screen.getByTestId('receipts-message').textContent).toContain(`đơn ${second.number} chưa bị hủy`), { timeout: 5_000 });
    expect((await till.database.sales.find({ selector: { kind: 'return' } }).exec()).length).toBe(1);
    expect((await rowOf(second.number)).dataset.cancelled).toBe('false');
  });
});

describe('finding a past receipt to reprint', () => {
  it('lists this till\'s sales of the chosen day, and finds any sale of the store by its receipt number', async () => {
    till = await setUpTill();
    const today = await sell(till, 1000, [{ method: 'cash', amount: 29_000 }]);
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    yesterday.setHours(15, 0, 0, 0);
    const pad = (value: number) => String(value).padStart(2, '0');
    const yesterdayDay = `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`;
    const old = { ...today, id: crypto.randomUUID(), number: 'Q1-T3-000099', createdAt: yesterday.toISOString(), ledger: [] };
    const otherTill = { ...today, id: crypto.randomUUID(), number: 'Q1-T7-000005', deviceId: 'device-other-till', ledger: [] };
    await till.database.sales.bulkInsert([old, otherTill]);
    renderReceipts(till);

    await rowOf(today.number);
    expect(screen.getAllByTestId('receipt-row').map((row) => row.dataset.number)).toEqual([today.number]);

    fireEvent.change(screen.getByTestId('receipts-day'), { target: { value: yesterdayDay } });
    await waitFor(() => expect(screen.getAllByTestId('receipt-row').map((row) => row.dataset.number)).toEqual([old.number]));

    fireEvent.change(screen.getByTestId('receipts-number'), { target: { value: ` ${otherTill.number} ` } });
    fireEvent.click(screen.getByTestId('receipts-find'));
    await waitFor(() => expect(screen.getAllByTestId('receipt-row').map((row) => row.dataset.number)).toEqual([otherTill.number]));
    expect(within(await rowOf(otherTill.number)).getByTestId('receipt-reprint')).toBeTruthy();

    fireEvent.change(screen.getByTestId('receipts-number'), { target: { value: 'Q1-T3-999999' } });
    fireEvent.click(screen.getByTestId('receipts-find'));
    await waitFor(() => expect(screen.getByTestId('receipts-empty').textContent).toBe('Không có hóa đơn số Q1-T3-999999 trên máy này.'));
  });
});

describe('a receipt on screen', () => {
  it('shows the receipt as it prints (store, items, total, reprint mark) before reprinting it, and closes', async () => {
    till = await setUpTill();
    const sale = await sell(till, 2000, [{ method: 'cash', amount: 100_000 }]);
    renderReceipts(till);
    const row = await rowOf(sale.number);
    fireEvent.click(within(row).getByTestId('receipt-preview-open'));
    const paper = await screen.findByTestId('receipt-preview-paper');
    const text = paper.textContent ?? '';
    expect(text).toContain('Cửa hàng Quận 1');
    expect(text).toContain('Cà phê sữa');
    expect(text).toMatch(/58\.000/);
    expect(text).toContain(sale.number);
    // Previewed from the receipts list, it is the reprint's receipt: marked as a copy.
    expect(paper.querySelector('.reprint')).not.toBeNull();
    fireEvent.click(screen.getByTestId('receipt-preview-close'));
    await waitFor(() => expect(screen.queryByTestId('receipt-preview')).toBeNull());
  });
});
