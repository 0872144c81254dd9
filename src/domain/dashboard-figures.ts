/*
 * The dashboard's pre-aggregated figures: what a batch of stored documents adds to each chart's buckets,
 * one pure function run by the server inside the push that stores them (sync-server/src/dashboard/), so a
 * chart reads a few rows per store and day instead of a year of sales.
 *
 * Buckets, keyed by store and business day (the store's time zone and cut-off, business-day.ts, as the day
 * report dates its documents) and:
 *   days      the day report's figures of the day (day-report-figures.ts, so they add up the same way):
 *             counts, gross, discounts, VAT added, returns, cancellations, net, online returns, points
 *             issued and redeemed, gift-card money sold and redeemed
 *   hours     the hour on the store's clock (0..23): number of sales and net
 *   products  the product (productId, or the line's sku/name for a line without one): quantity sold (net of
 *             returns), amount with VAT and the VAT in it, per line as the receipt's tax breakdown computed it
 *   tenders   the method: count and amount (cash less change), as the day report counts them
 *   returns   the reason of a customer return (not a cancellation): count, amount returned (<= 0), and how
 *             many of them returned an online order
 *   shifts    one row per closed shift (its close event): counted, expected as the till saw it then, variance
 * Sales in another currency than the store's are left out, as the day report leaves them out. Every amount
 * is integer minor units; adding a bucket's rows over a business day gives that day's report figures (the
 * property tests say so).
 */
import { businessDateOf, zoneOffset } from './business-day.ts';
import type { BusinessDate } from './business-day.ts';
import type { DayReportSettings } from './day-report.ts';
import { saleTaxes, TillTotals } from './day-report-figures.ts';
import type { DayFigures, ReportSale } from './day-report-figures.ts';
import type { ShiftEventDocument, TenderMethod } from './documents.ts';
import { VOID_REASON } from './sale-reversal.ts';
import type { TaxBreakdown } from './tax.ts';

const HOUR = 3_600_000;

export interface DashboardKey {
  readonly storeId: string;
  readonly day: BusinessDate;
}

/**
 * A day row keeps the day report's own figures (DayFigures, computed by the same TillTotals) that add up from
 * batch to batch. Not the cash and shifts (a close is its own row, below), the VAT per rate, the cash rounding
 * or the pickups handed over; the tenders are their own rows.
 */
export type DashboardDayRow = DashboardKey &
  Pick<DayFigures, 'salesCount' | 'returnsCount' | 'cancellationsCount' | 'gross' | 'discounts' | 'taxAdded' | 'returns' | 'cancellations' | 'net' | 'onlineReturns' | 'points' | 'giftCards'>;

function dayRowOf(key: DashboardKey, figures: DayFigures): DashboardDayRow {
  const { salesCount, returnsCount, cancellationsCount, gross, discounts, taxAdded, returns, cancellations, net, onlineReturns, points, giftCards } = figures;
  return { ...key, salesCount, returnsCount, cancellationsCount, gross, discounts, taxAdded, returns, cancellations, net, onlineReturns, points, giftCards };
}

export interface DashboardHourRow extends DashboardKey {
  readonly hour: number;
  salesCount: number;
  net: number;
}

export interface DashboardProductRow extends DashboardKey {
  readonly productId: string;
  name: string;
  qty: number;
  amount: number;
  tax: number;
}

export interface DashboardTenderRow extends DashboardKey {
  readonly method: TenderMethod;
  count: number;
  amount: number;
}

export interface DashboardReturnRow extends DashboardKey {
  readonly reason: string;
  count: number;
  amount: number;
  online: number;
}

export interface DashboardShiftRow extends DashboardKey {
  readonly shiftId: string;
  readonly deviceId: string;
  readonly closedAt: string;
  readonly counted: number;
  readonly expected: number;
  readonly variance: number;
}

export interface DashboardFigures {
  readonly days: readonly DashboardDayRow[];
  readonly hours: readonly DashboardHourRow[];
  readonly products: readonly DashboardProductRow[];
  readonly tenders: readonly DashboardTenderRow[];
  readonly returns: readonly DashboardReturnRow[];
  readonly shifts: readonly DashboardShiftRow[];
}

export interface DashboardInput {
  readonly settings: DayReportSettings;
  readonly sales: readonly ReportSale[];
  /** Shift events of any type: only the closes are read. */
  readonly shiftEvents?: readonly ShiftEventDocument[];
}

/** The reason a return without one is filed under. */
export const UNSPECIFIED_REASON = 'unspecified';

/** The business day and the hour on the store's clock of an instant, computed once per UTC hour (a batch's sales cluster in a few). */
class StoreClock {
  private readonly byHour = new Map<number, { day: BusinessDate; localHour: number; wholeHour: boolean }>();
  constructor(private readonly settings: DayReportSettings) {}

  at(instant: number): { day: BusinessDate; hour: number } {
    const hourStart = Math.floor(instant / HOUR) * HOUR;
    let known = this.byHour.get(hourStart);
    if (known === undefined) {
      const offset = zoneOffset(hourStart, this.settings.timeZone);
      // A zone whose offset is not whole hours, or a cut-off within the hour, splits a UTC hour: each instant is asked then.
      const wholeHour = offset % HOUR === 0 && this.settings.cutoffMinutes % 60 === 0;
      known = { day: businessDateOf(hourStart, this.settings), localHour: new Date(hourStart + offset).getUTCHours(), wholeHour };
      this.byHour.set(hourStart, known);
    }
    if (known.wholeHour) return { day: known.day, hour: known.localHour };
    return { day: businessDateOf(instant, this.settings), hour: new Date(instant + zoneOffset(instant, this.settings.timeZone)).getUTCHours() };
  }
}

function bucket<Row>(map: Map<string, Row>, key: string, make: () => Row): Row {
  let row = map.get(key);
  if (row === undefined) map.set(key, (row = make()));
  return row;
}

/** What a return document gives back: its total less the new items of an exchange (its positive lines), as the day report counts it. */
function returnedAmount(sale: ReportSale, taxedLines: TaxBreakdown['lines']): number {
  let sold = 0;
  sale.lines.forEach((line, index) => {
    if (line.qty <= 0) return;
    const vatOnTop = line.priceIncludesTax === false ? (taxedLines[index]?.tax ?? 0) : 0;
    sold += line.total + vatOnTop;
  });
  return sale.totals.total - sold;
}

/**
 * Whether a document's time can be put on a business day: a date the calendar writes as YYYY-MM-DD in any
 * zone (a day's margin on both sides). A sale dated in year 9999 or before 1970 is kept and flagged by the
 * server's date check (policies/push-batch.ts) and left out of the charts, never failing the push.
 */
function datable(instant: number): boolean {
  return Number.isFinite(instant) && instant >= Date.UTC(1970, 0, 2) && instant <= Date.UTC(9999, 11, 30);
}

/** The dashboard buckets a batch of documents adds to (see the file header). */
export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const { settings } = input;
  const clock = new StoreClock(settings);
  // Per store and day: the day report's running figures and the products (a product's key is then its id alone).
  const days = new Map<string, { key: DashboardKey; totals: TillTotals; products: Map<string, DashboardProductRow> }>();
  const hours = new Map<string, DashboardHourRow>();
  const tenders = new Map<string, DashboardTenderRow>();
  const returns = new Map<string, DashboardReturnRow>();

  for (const sale of input.sales) {
    if (sale.currency !== settings.currency) continue;
    const instant = Date.parse(sale.createdAt);
    if (!datable(instant)) continue;
    const { day, hour } = clock.at(instant);
    const { storeId } = sale;
    const dayKey = `${storeId}|${day}`;
    const taxed = saleTaxes(sale);
    const dayBuckets = bucket(days, dayKey, () => ({ key: { storeId, day }, totals: new TillTotals(), products: new Map<string, DashboardProductRow>() }));
    dayBuckets.totals.addSale(sale, taxed);

    const hourRow = bucket(hours, `${dayKey}|${hour}`, () => ({ storeId, day, hour, salesCount: 0, net: 0 }));
    if (sale.kind === 'sale') hourRow.salesCount += 1;
    hourRow.net += sale.totals.total;

    sale.lines.forEach((line, index) => {
      const productId = line.productId ?? (line.sku !== undefined && line.sku !== '' ? `sku:${line.sku}` : `name:${line.name}`);
      const row = bucket(dayBuckets.products, productId, () => ({ storeId, day, productId, name: line.name, qty: 0, amount: 0, tax: 0 }));
      const amounts = taxed.lines[index];
      row.name = line.name;
      row.qty += line.qty;
      row.amount += amounts?.gross ?? line.total;
      row.tax += amounts?.tax ?? 0;
    });

    for (const tender of sale.tenders) {
      const row = bucket(tenders, `${dayKey}|${tender.method}`, () => ({ storeId, day, method: tender.method, count: 0, amount: 0 }));
      row.count += 1;
      row.amount += tender.amount;
    }
    const change = sale.change ?? 0;
    if (change !== 0) bucket(tenders, `${dayKey}|cash`, () => ({ storeId, day, method: 'cash' as const, count: 0, amount: 0 })).amount -= change;

    if (sale.kind === 'return' && sale.reason !== VOID_REASON) {
      const reason = sale.reason ?? UNSPECIFIED_REASON;
      const row = bucket(returns, `${dayKey}|${reason}`, () => ({ storeId, day, reason, count: 0, amount: 0, online: 0 }));
      row.count += 1;
      row.amount += returnedAmount(sale, taxed.lines);
      if (typeof sale.orderId === 'string' && sale.orderId !== '') row.online += 1;
    }
  }

  const shifts: DashboardShiftRow[] = [];
  for (const event of input.shiftEvents ?? []) {
    if (event.type !== 'close') continue;
    const instant = Date.parse(event.createdAt);
    if (!datable(instant) || (event.currency !== undefined && event.currency !== settings.currency)) continue;
    const expected = event.expected ?? event.amount;
    shifts.push({
      storeId: event.storeId,
      day: clock.at(instant).day,
      shiftId: event.shiftId,
      deviceId: event.deviceId,
      closedAt: event.createdAt,
      counted: event.amount,
      expected,
      variance: event.amount - expected,
    });
  }

  const dayRows = [...days.values()].map(({ key, totals }) => dayRowOf(key, totals.figures()));
  const products = [...days.values()].flatMap((bucketed) => [...bucketed.products.values()]);
  return { days: dayRows, hours: [...hours.values()], products, tenders: [...tenders.values()], returns: [...returns.values()], shifts };
}
