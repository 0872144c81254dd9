// A cashier's shift on a real IndexedDB in real Chromium: the float counted note by note, a safe drop, two
// sales rung up meanwhile, a blind close that comes out short beyond the store's limit and is approved by a
// manager on the spot (the approval dialog's store), then the manager's X report, whose figures are
// dayReport's over the same stored documents.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PosDatabase } from '../../data/database.ts';
import type { SaleDocument } from '../../data/schemas/types.ts';
import { businessDateOf } from '../../domain/business-day.ts';
import { dayReport, dayReportSettingsOf } from '../../domain/day-report.ts';
import { paidSaleArb, saleOf } from '../../domain/paid-sale.test-helper.ts';
import { buildSaleDocument } from '../../domain/sale-document.ts';
import { rememberApprovalKey } from '../../session/approval-keys.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { signInWithPin } from '../../session/signed-in.test-helper.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { DEVICE_ID, hoa, lan, STORE_ID, tearDownTill } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';
import { DayEndScreen } from './day-end-screen.tsx';
import { dayEndConfig, openDayEndTill, openShiftWithFloat, renderInTill, shiftEvents, type } from './dayend.test-helper.tsx';
import { ShiftScreen } from './shift-screen.tsx';
import { logNoSaleOpening } from '../../data/shift-drawer-log.ts';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  useApprovalStore.getState().settle(null);
  await tearDownTill(till);
  till = undefined;
  vi.restoreAllMocks();
});

const config = dayEndConfig();

const openTill = () => openDayEndTill(config);

/** Two sales this till completes now (any tenders a till takes), as the counter stores them. */
async function ringUpTwoSales(database: PosDatabase): Promise<SaleDocument[]> {
  const paid = fc.sample(paidSaleArb, { numRuns: 2, seed: 17 });
  const sales = paid.map((each, index) =>
    saleOf(
      buildSaleDocument(each.cart, each.tenders, { id: crypto.randomUUID(), storeId: STORE_ID, deviceId: DEVICE_ID, number: `Q1-T3-00000${index + 1}`, createdAt: new Date().toISOString(), staffId: lan.id, currency: 'VND' }, each.saleRules),
    ),
  );
  for (const sale of sales) await database.sales.insert(sale);
  return sales;
}

describe('a cashier works a shift', () => {
  it('opens with a counted float, takes cash out, and closes blind; the short drawer needs the manager, whose approval is signed', async () => {
    till = await openTill();
    await signInWithPin(lan);
    const { database } = till;
    renderInTill(database, <ShiftScreen />);

    await screen.findByTestId('open-shift');
    type('float-grid-500000', '2');
    type('float-grid-100000', '5');
    type('float-grid-2000', '10');
    await waitFor(() => expect(screen.getByTestId('float-grid-total').dataset['amount']).toBe('1520000'));
    fireEvent.click(screen.getByTestId('open-shift-button'));
    await waitFor(() => expect(screen.getByTestId('shift-screen').dataset['shiftState']).toBe('open'));
    expect(screen.getByTestId('shift-float').dataset['amount']).toBe('1520000');
    const [open] = await shiftEvents(database);
    expect(open).toMatchObject({ type: 'open', amount: 1_520_000, counts: { '2000': 10, '100000': 5, '500000': 2 }, staffId: lan.id, deviceId: DEVICE_ID, currency: 'VND' });

    type('cash-direction', 'cash_out');
    type('cash-amount', '200.000');
    type('cash-reason', 'safe_drop');
    fireEvent.click(screen.getByTestId('cash-submit'));
    await waitFor(() => expect(screen.getByTestId('shift-cash-out').dataset['amount']).toBe('200000'));

    const sales = await ringUpTwoSales(database);
    const cashFromSales = sales.reduce((sum, sale) => sum + sale.tenders.filter((t) => t.method === 'cash').reduce((s, t) => s + t.amount, 0) - (sale.change ?? 0), 0);
    const expected = 1_520_000 - 200_000 + cashFromSales;

    fireEvent.click(screen.getByTestId('close-shift'));
    await screen.findByTestId('blind-close');
    // Blind: nothing on the close screen says what the drawer should hold.
    expect(screen.getByTestId('shift-screen').textContent).not.toContain(String(expected));
    expect(screen.queryByTestId('closed-expected')).toBeNull();
    type('close-grid-500000', '2');
    type('close-grid-100000', '2');
    fireEvent.click(screen.getByTestId('close-shift-confirm'));

    // Short by more than 20,000: the approval dialog is asked for a day.close holder.
    await waitFor(() => expect(useApprovalStore.getState().pending?.permission).toBe('day.close'));
    await rememberApprovalKey(hoa.id, new Uint8Array(32).fill(9), Date.now() + 60_000);
    act(() => useApprovalStore.getState().settle({ id: hoa.id, name: hoa.name, role: 'manager' }));

    const closed = await screen.findByTestId('closed-shift');
    expect(screen.getByTestId('closed-counted').dataset['amount']).toBe('1200000');
    expect(screen.getByTestId('closed-expected').dataset['amount']).toBe(String(expected));
    expect(closed.dataset['variance']).toBe(String(1_200_000 - expected));
    const close = (await shiftEvents(database)).find((event) => event.type === 'close');
    expect(close).toMatchObject({ amount: 1_200_000, expected, approverId: hoa.id, counts: { '100000': 2, '500000': 2 } });
    expect(close?.approvalProof?.by).toBe(hoa.id);
    await waitFor(() => expect(screen.getByTestId('shift-screen').dataset['shiftState']).toBe('none'));
  });

  it('a close the manager does not approve is not written', async () => {
    till = await openTill();
    await signInWithPin(lan);
    const { database } = till;
    renderInTill(database, <ShiftScreen />);
    await openShiftWithFloat({ 100000: 3 });
    fireEvent.click(screen.getByTestId('close-shift'));
    type('close-grid-100000', '2');
    fireEvent.click(screen.getByTestId('close-shift-confirm'));
    await waitFor(() => expect(useApprovalStore.getState().pending).not.toBeNull());
    act(() => useApprovalStore.getState().settle(null));
    await screen.findByTestId('shift-notice');
    expect((await shiftEvents(database)).map((event) => event.type)).toEqual(['open']);
  });

  it("the manager's X report shows what dayReport computes from the same stored documents", async () => {
    till = await openTill();
    await signInWithPin(lan);
    const { database } = till;
    const shift = renderInTill(database, <ShiftScreen />);
    await openShiftWithFloat({ 200000: 5 });
    type('cash-direction', 'cash_in');
    type('cash-amount', '50000');
    type('cash-reason', 'float_top_up');
    fireEvent.click(screen.getByTestId('cash-submit'));
    await waitFor(() => expect(screen.getByTestId('shift-cash-in').dataset['amount']).toBe('50000'));
    await ringUpTwoSales(database);
    shift.unmount();

    await signInWithPin(hoa);
    renderInTill(database, <DayEndScreen />);
    const report = await screen.findByTestId('day-report');
    expect(report.dataset['kind']).toBe('X');
    const settings = dayReportSettingsOf(config.store);
    if (!settings.ok) throw new Error(settings.detail);
    const sales = (await database.sales.find().exec()).map((document) => document.toJSON() as SaleDocument);
    const expected = dayReport({ date: businessDateOf(Date.now(), settings.value), storeId: STORE_ID, deviceId: DEVICE_ID, settings: settings.value, sales, shiftEvents: await shiftEvents(database), orders: [], asOf: new Date().toISOString() });
    expect(expected.salesCount).toBe(2);
    expect(screen.getByTestId('report-net').dataset['amount']).toBe(String(expected.net));
    expect(screen.getByTestId('report-gross').dataset['amount']).toBe(String(expected.gross));
    expect(screen.getByTestId('report-sales-count').textContent).toBe('2');
    expect(screen.getByTestId('report-cash-expected').dataset['amount']).toBe(String(expected.cash.expected));
    expect(screen.getAllByTestId('report-tender').map((row) => [row.dataset['method'], Number(row.dataset['amount']), Number(row.dataset['count'])])).toEqual(
      expected.tenders.map((tender) => [tender.method, tender.amount, tender.count]),
    );
  });

  it('a no-sale opening the manager approved is signed into the shift, and the X report on screen and in its CSV counts it', async () => {
    till = await openTill();
    await signInWithPin(lan);
    const { database } = till;
    const shift = renderInTill(database, <ShiftScreen />);
    await openShiftWithFloat({ 100000: 4 });
    await ringUpTwoSales(database);
    shift.unmount();
    // Lan may not open the drawer without a sale: Hoa approved it (the no-sale button's approval), so the event names her and carries her proof.
    await rememberApprovalKey(hoa.id, new Uint8Array(32).fill(7), Date.now() + 60_000);
    const written = await logNoSaleOpening(database, { storeId: STORE_ID, deviceId: DEVICE_ID }, lan.id, { approverId: hoa.id });
    if (!written.ok) throw new Error(written.problem);
    const [drawer] = (await shiftEvents(database)).filter((event) => event.type === 'drawer');
    expect(drawer).toMatchObject({ type: 'drawer', reason: 'no_sale', staffId: lan.id, approverId: hoa.id, amount: 0, currency: 'VND' });
    expect(drawer?.approvalProof?.by).toBe(hoa.id);

    await signInWithPin(hoa);
    renderInTill(database, <DayEndScreen />);
    await screen.findByTestId('day-report');
    expect(screen.getByTestId('report-no-sale-openings').textContent).toBe('1');
    const settings = dayReportSettingsOf(config.store);
    if (!settings.ok) throw new Error(settings.detail);
    const sales = (await database.sales.find().exec()).map((document) => document.toJSON() as SaleDocument);
    const expected = dayReport({ date: businessDateOf(Date.now(), settings.value), storeId: STORE_ID, deviceId: DEVICE_ID, settings: settings.value, sales, shiftEvents: await shiftEvents(database), orders: [], asOf: new Date().toISOString() });
    expect(expected.cash.noSaleOpenings).toBe(1);

    // The CSV download: the file the button hands the browser holds the figures on screen.
    const blobs: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:day-report';
    });
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    fireEvent.click(screen.getByTestId('report-csv'));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(downloads).toEqual([`day-report-${STORE_ID}-${expected.date}-${DEVICE_ID}.csv`]);
    const rows = (await blobs[0]!.text()).split('\r\n').filter((line) => line !== '').map((line) => line.split(','));
    expect(rows[0]).toEqual(['date', 'store_id', 'device_id', 'figure', 'detail', 'count', 'amount', 'unit']);
    const figure = (name: string) => rows.find((row) => row[3] === name);
    expect(figure('net')?.[6]).toBe(screen.getByTestId('report-net').dataset['amount']);
    expect(figure('net')?.[6]).toBe(String(expected.net));
    expect(figure('sales_count')?.[5]).toBe('2');
    expect(figure('cash_expected')?.[6]).toBe(String(expected.cash.expected));
    expect(figure('cash_no_sale_openings')?.[5]).toBe('1');
    expect(rows.filter((row) => row[3] === 'tender').map((row) => [row[4], Number(row[5]), Number(row[6])])).toEqual(expected.tenders.map((tender) => [tender.method, tender.count, tender.amount]));
  });

  it('a cashier without report.view or day.close is refused the day end', async () => {
    till = await openTill();
    useStaffSessionStore.getState().signIn(lan);
    renderInTill(till.database, <DayEndScreen />);
    await screen.findByTestId('dayend-managers-only');
  });
});
