/*
 * The Z (or X) report on the receipt printer: the report (src/domain/day-report.ts) laid out on the roll's
 * grid as rows of final text (a pure function: the same report and words give the same rows on any
 * device), then printed by the receipt's own encoder (escpos-receipt.ts: text where the code page holds
 * Vietnamese, images where it does not), never opening the drawer.
 *
 * The words come from the "dayReport" section of src/i18n (and the tender names from "receipt"), read
 * directly as the receipt reads its own: the printout's language is the store's choice, not the screen's.
 * Money is formatted by the domain (money-format.ts), times on the store's clock.
 */
import type { DayReport } from '../../domain/day-report.ts';
import type { DayFigures } from '../../domain/day-report-figures.ts';
import { formatMoney, formatMoneyAmount } from '../../domain/money-format.ts';
import type { ShiftCash } from '../../domain/shift-cash.ts';
import vi from '../../i18n/vi.json' with { type: 'json' };
import en from '../../i18n/en.json' with { type: 'json' };
import { encodePrintRows } from './escpos-receipt.ts';
import type { RenderTextImage } from './escpos-receipt.ts';
import type { PrinterProfile } from './printer-profile.ts';
import { formatRate, formatReceiptTime } from './receipt-format.ts';
import type { PrintRow } from './receipt-text-layout.ts';
import { fillIn, receiptTexts } from './receipt-texts.ts';
import type { ReceiptLocale } from './receipt-texts.ts';
import { centre, measureByCharacter, tableRows, twoSided, wrapText } from './text-columns.ts';
import { measureFor } from './vietnamese-text.ts';

export type DayReportTexts = typeof vi.dayReport;

const textsByLocale: Record<ReceiptLocale, DayReportTexts> = { vi: vi.dayReport, en: en.dayReport };

export interface DayReportPrintContext {
  readonly locale: ReceiptLocale;
  readonly storeName: string;
  /** Till names by device id ("Quầy 1"); a till without one is printed by its id. */
  readonly tillNames?: Readonly<Record<string, string>>;
  /** Staff names by id, for the shifts. */
  readonly staffNames?: Readonly<Record<string, string>>;
  readonly columns: 32 | 42 | 48;
  /** Cells a string takes on the paper (measureFor(profile.vietnamese)); one per character by default. */
  readonly measure?: (text: string) => number;
}

class Rows {
  readonly rows: PrintRow[] = [];

  constructor(
    readonly columns: number,
    readonly measure: (text: string) => number,
  ) {}

  text(text: string, style: { bold?: boolean; tall?: boolean } = {}): void {
    this.rows.push({ kind: 'text', text, ...(style.bold ? { bold: true } : {}), ...(style.tall ? { tall: true } : {}) });
  }

  centred(text: string, style: { bold?: boolean; tall?: boolean } = {}): void {
    for (const row of wrapText(text, this.columns, this.measure)) this.text(centre(row, this.columns, this.measure), style);
  }

  pair(label: string, value: string, style: { bold?: boolean; indent?: string } = {}): void {
    const indent = style.indent ?? '';
    for (const row of twoSided(label, value, this.columns - indent.length, this.measure)) this.text(indent + row, style.bold ? { bold: true } : {});
  }

  heading(text: string): void {
    this.text('-'.repeat(this.columns));
    for (const row of wrapText(text, this.columns, this.measure)) this.text(row, { bold: true });
  }
}

function tillName(deviceId: string, context: DayReportPrintContext): string {
  return context.tillNames?.[deviceId] ?? deviceId;
}

function writeTaxes(out: Rows, figures: DayFigures, texts: DayReportTexts, amount: (value: number) => string, locale: ReceiptLocale): void {
  if (figures.taxes.length === 0) return;
  out.heading(texts.taxSummary);
  const cells = figures.taxes.map((row) => [formatRate(row.rate, locale), amount(row.base), amount(row.tax)] as const);
  const table = tableRows([[texts.taxRate, texts.taxBase, texts.taxAmount], ...cells], ['left', 'right', 'right'], out.columns, out.measure);
  if (table !== undefined) {
    for (const row of table) out.text(row);
    return;
  }
  for (const [rate, base, tax] of cells) {
    out.text(rate);
    out.pair(texts.taxBase, base, { indent: '  ' });
    out.pair(texts.taxAmount, tax, { indent: '  ' });
  }
}

function writeShift(out: Rows, shift: ShiftCash, report: DayReport, texts: DayReportTexts, context: DayReportPrintContext, money: (value: number) => string): void {
  const time = (iso: string): string => formatReceiptTime(iso, context.locale, report.timeZone).slice(-5);
  const closed = shift.closedAt === undefined ? texts.shiftOpen : time(shift.closedAt);
  out.text(`${fillIn(texts.shift, { opened: time(shift.openedAt), closed })} (${tillName(shift.deviceId, context)})`, { bold: true });
  out.pair(texts.openedBy, context.staffNames?.[shift.openedBy] ?? shift.openedBy, { indent: '  ' });
  out.pair(texts.float, money(shift.float), { indent: '  ' });
  out.pair(texts.cashSales, money(shift.cashSales), { indent: '  ' });
  if (shift.cashIn !== 0) out.pair(texts.cashIn, money(shift.cashIn), { indent: '  ' });
  if (shift.cashOut !== 0) out.pair(texts.cashOut, money(0 - shift.cashOut), { indent: '  ' });
  out.pair(texts.expected, money(shift.expected), { indent: '  ' });
  if (shift.counted !== undefined) out.pair(texts.counted, money(shift.counted), { indent: '  ' });
  if (shift.variance !== undefined) out.pair(texts.variance, money(shift.variance), { indent: '  ', bold: shift.variance !== 0 });
  if (shift.approvedBy !== undefined) out.pair(texts.approvedBy, context.staffNames?.[shift.approvedBy] ?? shift.approvedBy, { indent: '  ' });
  if (shift.noSaleOpenings !== 0) out.pair(texts.noSaleOpenings, String(shift.noSaleOpenings), { indent: '  ' });
}

/** Card by terminal, under the card row, when the store's tenders name terminals (all card rows add up to it). */
function writeCardTerminals(out: Rows, figures: DayFigures, texts: DayReportTexts, money: (value: number) => string): void {
  if (!figures.cardTerminals.some((row) => row.terminal !== '')) return;
  for (const row of figures.cardTerminals) {
    const name = row.name ?? (row.terminal === '' ? texts.cardNoTerminal : row.terminal);
    out.pair(fillIn(texts.tenderCount, { method: name, count: String(row.count) }), money(row.amount), { indent: '  ' });
  }
}

/** The report as rows of at most `context.columns` cells. */
export function layoutDayReport(report: DayReport, context: DayReportPrintContext): PrintRow[] {
  const texts = textsByLocale[context.locale];
  const tenderNames = receiptTexts(context.locale).tender;
  const out = new Rows(context.columns, context.measure ?? measureByCharacter);
  const money = (value: number): string => formatMoney(value, report.currency, context.locale);
  const amount = (value: number): string => formatMoneyAmount(value, report.currency, context.locale);
  const when = (iso: string): string => formatReceiptTime(iso, context.locale, report.timeZone);
  const [year, month, day] = report.date.split('-');

  out.centred(context.storeName, { bold: true, tall: true });
  out.centred(texts.title[report.kind], { bold: true });
  out.text('='.repeat(out.columns));
  out.pair(texts.date, `${day}/${month}/${year}`);
  out.pair(texts.till, report.deviceId === undefined ? texts.allTills : tillName(report.deviceId, context));
  out.pair(texts.from, when(report.from));
  out.pair(texts.to, when(report.to));
  if (report.asOf !== undefined) out.pair(texts.asOf, when(report.asOf));

  out.text('='.repeat(out.columns));
  out.pair(texts.gross, money(report.gross));
  out.pair(texts.discounts, money(report.discounts));
  if (report.taxAdded !== 0) out.pair(texts.taxAdded, money(report.taxAdded));
  out.pair(texts.returns, money(report.returns));
  out.pair(texts.cancellations, money(report.cancellations));
  out.pair(texts.net, money(report.net), { bold: true });
  if (report.cashRounding !== 0) out.pair(texts.cashRounding, money(report.cashRounding));

  out.heading(texts.counts);
  out.pair(texts.salesCount, String(report.salesCount));
  out.pair(texts.returnsCount, String(report.returnsCount));
  out.pair(texts.cancellationsCount, String(report.cancellationsCount));

  writeTaxes(out, report, texts, amount, context.locale);

  out.heading(texts.payments);
  for (const tender of report.tenders) {
    out.pair(fillIn(texts.tenderCount, { method: tenderNames[tender.method], count: String(tender.count) }), money(tender.amount));
    if (tender.method === 'card') writeCardTerminals(out, report, texts, money);
  }

  out.heading(texts.online);
  out.pair(texts.pickups, String(report.pickups.handedOver));
  out.pair(fillIn(texts.onlineReturns, { count: String(report.onlineReturns.count) }), money(report.onlineReturns.amount));

  out.heading(texts.loyalty);
  out.pair(texts.pointsIssued, String(report.points.issued));
  out.pair(texts.pointsRedeemed, String(report.points.redeemed));
  out.pair(fillIn(texts.giftCardsSold, { count: String(report.giftCards.sold.count) }), money(report.giftCards.sold.amount));
  out.pair(fillIn(texts.giftCardsRedeemed, { count: String(report.giftCards.redeemed.count) }), money(report.giftCards.redeemed.amount));

  out.heading(texts.cash);
  for (const shift of report.cash.shifts) writeShift(out, shift, report, texts, context, money);
  out.pair(texts.expected, money(report.cash.expected), { bold: true });
  out.pair(texts.counted, money(report.cash.counted), { bold: true });
  out.pair(texts.variance, money(report.cash.variance), { bold: true });
  if (report.cash.openShifts !== 0) out.pair(texts.openShifts, String(report.cash.openShifts));

  if (report.tills !== undefined && report.tills.length > 0) {
    out.heading(texts.tills);
    for (const till of report.tills) out.pair(`${tillName(till.deviceId, context)} (${till.salesCount})`, money(till.net));
  }
  if (report.bankTransfersToReconcile !== undefined) {
    out.heading(texts.bankToReconcile);
    out.pair(fillIn(texts.bankToReconcileCount, { count: String(report.bankTransfersToReconcile.count) }), money(report.bankTransfersToReconcile.amount));
  }
  if (report.otherCurrencyDocuments !== 0) {
    out.text('');
    for (const row of wrapText(fillIn(texts.otherCurrency, { count: String(report.otherCurrencyDocuments) }), out.columns, out.measure)) out.text(row);
  }
  out.text('='.repeat(out.columns));
  out.centred(texts.end);
  out.text('');
  return out.rows;
}

/** The report as the printer's bytes for `profile` (no drawer pulse). */
export function encodeDayReport(report: DayReport, context: Omit<DayReportPrintContext, 'columns' | 'measure'>, profile: PrinterProfile, renderTextImage?: RenderTextImage): Uint8Array {
  const rows = layoutDayReport(report, { ...context, columns: profile.columns, measure: measureFor(profile.vietnamese) });
  return encodePrintRows(rows, { profile, openCashDrawer: false, ...(renderTextImage === undefined ? {} : { renderTextImage }) });
}
