// The manager's day at a real till (issue 17): a cashier opens her shift counting the float note by note,
// rings up sales offline (one in cash, one by card, one in cash that is then cancelled with a manager's
// approval), takes one item of the cash sale back at the returns desk and refunds it in cash (a partial
// return), puts cash in and takes a safe drop out, and closes blind: the drawer comes out short, so the
// manager approves it on the spot. The manager prints the till's Z report, still offline, on a USB receipt
// printer (a fake at the WebUSB boundary, everything above it the built app's): the ESC/POS bytes are
// decoded and read. Back online, once nothing waits to sync, the server's GET /api/v1/reports/day for the
// same day and till equals the tablet's report on screen and on paper, to the unit, the return counted in
// both: one return, its refund negative in the returns, taken off the net and off the cash expected.
// Real server process, real Chromium, the built app (dist/).
import { describe, expect, it } from 'vitest';
import type { DayReport } from '../../src/domain/day-report.ts';
import { layoutDayReport } from '../../src/devices/printer/day-report-print.ts';
import { codepageNumbers, decodeEscPos, readPaper } from '../../src/devices/printer/escpos-decode.test-helper.ts';
import { resolvePrinterProfile } from '../../src/devices/printer/printer-profile.ts';
import { CODEPAGES_BY_MODE, measureFor, toPrinterText } from '../../src/devices/printer/vietnamese-text.ts';
import vi from '../../src/i18n/vi.json' with { type: 'json' };
import { DEMO_PINS } from './support/pos-server.test-helper.ts';
import { enrolTablet, useServerAndBrowser } from './support/tablet.test-helper.ts';
import { pairPrinterInSettings, plugInFakeUsbPrinter, printedBytes, printJobCount } from './support/fake-usb-printer.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { returnsScreen } from './screens/returns-screen.test-helper.ts';
import { staffScreen } from './screens/staff-screen.test-helper.ts';
import { dayEndScreen, type ReportOnScreen } from './screens/day-end-screen.test-helper.ts';

const CODE = 'E2E-DAY-END-01';

interface ProductDoc { sku: string; name: string; price: number; barcodes: string[]; weighed: boolean }

/** The figures both sides must agree on, to the unit. */
type Figures = Pick<ReportOnScreen, 'gross' | 'discounts' | 'returns' | 'cancellations' | 'net' | 'salesCount' | 'returnsCount' | 'cancellationsCount'> & {
  readonly taxes: ReadonlyArray<{ readonly rate: number; readonly base: number; readonly tax: number }>;
  readonly tenders: ReadonlyArray<{ readonly method: string; readonly amount: number; readonly count: number }>;
};

function figures(report: Figures) {
  return {
    gross: report.gross,
    discounts: report.discounts,
    returns: report.returns,
    cancellations: report.cancellations,
    net: report.net,
    salesCount: report.salesCount,
    returnsCount: report.returnsCount,
    cancellationsCount: report.cancellationsCount,
    taxes: report.taxes.map(({ rate, base, tax }) => ({ rate, base, tax })),
    tenders: report.tenders.map(({ method, amount, count }) => ({ method, amount, count })),
  };
}

/** The printed rows from the gross sales to the last tender: the figures, the counts, VAT per rate and the payments. */
function figureRows(rows: readonly string[]): string[] {
  const from = rows.findIndex((row) => row.startsWith(vi.dayReport.gross));
  const to = rows.findIndex((row, index) => index > from && row.startsWith(vi.dayReport.online));
  if (from < 0 || to < 0) throw new Error(`the report has no figures between "${vi.dayReport.gross}" and "${vi.dayReport.online}":\n${rows.join('\n')}`);
  // The separator row before the online heading belongs to the next section.
  return rows.slice(from, to - 1);
}

describe("the manager's day end", () => {
  const fixture = useServerAndBrowser({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: '200' } });

  it('a shift worked offline with a partial cash return, closed blind with an approved variance; the printed Z report equals the server’s after sync', async () => {
    const server = fixture.server();
    const { context, page, client, identity } = await enrolTablet(fixture.browser(), server, { code: CODE, deviceName: 'Quầy chốt ngày' });
    const products = (await client.pull<ProductDoc>('products', null, 100)).documents.filter((product) => !product.weighed && product.price >= 10_000 && product.price <= 150_000);
    const [first, second, third, fourth] = products;
    if (!first || !second || !third || !fourth) throw new Error('the demo catalog has too few packaged products under 150,000');

    // The till's receipt printer: plugged in before the app loads, paired in Settings.
    await plugInFakeUsbPrinter(context);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await shellScreen.waitUntilShown(page);
    await syncStatus.waitForCatalogReady(page);
    const printer = await pairPrinterInSettings(page);

    await context.setOffline(true);
    await shellScreen.waitForConnectionState(page, 'offline');
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.signIn(page, { role: 'cashier' });
    const cashierId = await staffScreen.signedInStaffId(page);

    // The float, counted: 1 × 500,000, 2 × 100,000, 5 × 10,000.
    await dayEndScreen.goToShift(page);
    expect(await dayEndScreen.shiftState(page)).toBe('none');
    expect(await dayEndScreen.openShift(page, { 500000: 1, 100000: 2, 10000: 5 })).toBe(750_000);

    // Three sales: cash (with change), card, and cash again that the customer then calls off.
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    await counterScreen.scan(page, first.barcodes[0] ?? '');
    await counterScreen.scan(page, second.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 2);
    const cashTotal = await counterScreen.total(page);
    const cashNumber = await counterScreen.pay(page, { cash: 500_000 });
    await counterScreen.scan(page, third.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 1);
    const cardTotal = await counterScreen.total(page);
    await counterScreen.pay(page, { card: cardTotal, ref: 'APPR 0417' });
    await counterScreen.scan(page, fourth.barcodes[0] ?? '');
    await counterScreen.waitForLineCount(page, 1);
    const cancelledTotal = await counterScreen.total(page);
    const cancelledNumber = await counterScreen.pay(page, { cash: cancelledTotal });

    // The customer of the cash sale brings one of its two items back: a partial return at the returns desk,
    // refunded in cash from the drawer (under the store's 500,000 limit, so the cashier needs no manager).
    await returnsScreen.open(page);
    await returnsScreen.scan(page, cashNumber);
    await returnsScreen.waitForPurchase(page, cashNumber, 'tablet');
    const returnedLine = await returnsScreen.lineNamed(page, second.name);
    expect(await returnsScreen.leftOf(page, returnedLine)).toBe(1);
    await returnsScreen.takeBack(page, returnedLine, 1, { reason: 'changed-mind', condition: 'resellable' });
    await returnsScreen.refundTo(page, 'cash', true);
    const refund = await returnsScreen.plannedRefund(page);
    expect(refund).toBe(second.price);
    expect(refund).toBeLessThan(cashTotal);
    expect(await returnsScreen.needsApproval(page)).toBe(false);
    await returnsScreen.confirm(page);
    expect(await returnsScreen.waitForNotice(page, 'success', 30_000)).toMatch(/Đã ghi phiếu trả hàng/);

    // The cancellation, from today's receipts: a cashier may not, so the manager approves it.
    await dayEndScreen.goToReceipts(page);
    await dayEndScreen.startCancellingSale(page, cancelledNumber);
    await staffScreen.approve(page, 'manager', DEMO_PINS.manager);
    await dayEndScreen.waitUntilCancelled(page, cancelledNumber);

    // Cash in (a top-up of the float), cash out (a safe drop).
    await dayEndScreen.goToShift(page);
    await dayEndScreen.moveCash(page, 'cash_in', 100_000, 'float_top_up');
    await dayEndScreen.moveCash(page, 'cash_out', 200_000, 'safe_drop');

    // The blind close: 600,000 counted; the drawer should hold at least 650,000, so it is short and the
    // manager approves the variance (the store's limit is 0).
    await dayEndScreen.closeBlind(page, { 500000: 1, 100000: 1 });
    expect(await dayEndScreen.blindCloseShowsExpected(page)).toBe(false);
    await staffScreen.approve(page, 'manager', DEMO_PINS.manager);
    const closed = await dayEndScreen.closedShift(page);
    // The cancelled sale's cash went back out of the drawer; the refund did too.
    const expectedCash = 750_000 + cashTotal - refund + 100_000 - 200_000;
    expect(closed).toMatchObject({ expected: expectedCash, counted: 600_000, variance: 600_000 - expectedCash });
    expect(closed.variance).toBeLessThan(0);
    expect(closed.approver).not.toBeNull();

    // The manager's Z report of this till, on screen and on paper, still offline.
    await staffScreen.switchTo(page, 'manager', DEMO_PINS.manager);
    const managerId = await staffScreen.signedInStaffId(page);
    expect(managerId).not.toBe(cashierId);
    await dayEndScreen.openDayEnd(page);
    await dayEndScreen.chooseReport(page, 'Z', 'till');
    const offlineReport = await dayEndScreen.report(page);
    expect(offlineReport).toMatchObject({ kind: 'Z', deviceId: identity.deviceId, cancellationsCount: 1, returnsCount: 1, returns: -refund });
    // What the day kept: the cash sale less its refund and the card sale (the cancelled sale nets to nothing).
    expect(offlineReport.net).toBe(cashTotal - refund + cardTotal);
    expect(offlineReport.cash).toEqual({ expected: expectedCash, counted: 600_000, variance: 600_000 - expectedCash });
    expect(offlineReport.tenders.find((tender) => tender.method === 'card')?.amount).toBe(cardTotal);
    const jobsBefore = await printJobCount(page);
    expect(await dayEndScreen.print(page)).toMatchObject({ tone: 'success' });
    const profile = resolvePrinterProfile({ paperWidth: 80, printerModel: 'epson-tm-t20iii' });
    // The profile decoded with is the one the app resolved for the paired printer.
    expect(printer).toEqual({ vietnamese: profile.vietnamese, columns: String(profile.columns) });
    const decoded = decodeEscPos(await printedBytes(page, jobsBefore), codepageNumbers(profile.encoderOptions, CODEPAGES_BY_MODE[profile.vietnamese]));
    // Read back as the manager reads it (TCVN3's capital Đ is listed under U+00D0, drawn the same).
    const asRead = (row: string) => row.normalize('NFC').replace(/\u00d0/g, 'Đ');
    const paper = readPaper(decoded).map(asRead);
    expect(paper.some((row) => row.trim() === vi.dayReport.title.Z)).toBe(true);
    expect(decoded.commands.at(-1)).toBe('cut');
    expect(decoded.pulses).toEqual([]);

    // Back online: every document reaches the server, whose report for the day and till is the tablet's.
    await context.setOffline(false);
    await syncStatus.waitForPending(page, 0, 60_000);
    const token = await client.staffToken(managerId, DEMO_PINS.manager);
    const response = await fetch(`${server.url}/api/v1/reports/day?date=${offlineReport.date}&deviceId=${encodeURIComponent(identity.deviceId)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const onServer = (await response.json()) as DayReport;
    expect(onServer).toMatchObject({ date: offlineReport.date, deviceId: identity.deviceId, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(onServer.salesCount).toBeGreaterThanOrEqual(2);
    expect(onServer).toMatchObject({ returnsCount: 1, returns: -refund, net: cashTotal - refund + cardTotal });
    expect(figures(onServer)).toEqual(figures(offlineReport));
    expect(onServer.cash).toMatchObject(offlineReport.cash);
    const parts = onServer.gross + onServer.discounts + onServer.taxAdded + onServer.returns + onServer.cancellations;
    expect(parts).toBe(onServer.net);

    // The same figures on the paper printed offline: the server's report laid out for this printer, in the
    // text its code page carries (the dong sign as "đ").
    const serverRows = layoutDayReport(onServer, { locale: 'vi', storeName: '', columns: profile.columns, measure: measureFor(profile.vietnamese) })
      .flatMap((row) => (row.kind === 'text' ? [asRead(toPrinterText(row.text, profile.vietnamese).text)] : []));
    const printedFigures = figureRows(paper);
    expect(printedFigures.length).toBeGreaterThan(8);
    expect(printedFigures).toEqual(figureRows(serverRows));

    // And the screen, refreshed after sync, still says the same.
    await page.getByTestId('report-refresh').click();
    await expect.poll(async () => figures(await dayEndScreen.report(page))).toEqual(figures(onServer));
    await context.close();
  }, 240_000);
});
