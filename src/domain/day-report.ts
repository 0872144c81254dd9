/*
 * The Z report of a store's business day, and the X report (the same figures mid-day, `asOf` a moment):
 * ONE pure function of the stored documents and the store's settings, run by the tablet over its RxDB
 * collections and by the server (GET /api/v1/reports/day) over the documents it holds, so that the two
 * agree to the unit once everything is synced.
 *
 * Which documents count: those of the store whose time falls in the business day (business-day.ts: the
 * store's time zone and cut-off), and before `asOf` for an X report. A sale counts by its `createdAt`, a
 * handover by its event's `at`; a shift belongs to the day its open event falls in, and its cash is
 * counted to its close even past the cut-off (shift-cash.ts), or to the day's end while it has none; its
 * events are looked at up to SHIFT_HORIZON_MS after the day's end. So the caller gives the shift events of
 * `shiftEventsWindowFor` and the sales of `salesWindowFor` (more is fine: the windows decide). Per till =
 * the documents the till wrote (deviceId).
 *
 * The figures, amounts in integer minor units of the store's currency, signed so the parts add up:
 *   gross          sales (kind 'sale'): the lines before discounts (sum of totals.subtotal), gift cards sold
 *                  included (shown apart under giftCards)
 *   discounts      minus the sales' discounts (<= 0)
 *   taxAdded       VAT put on top of tax-exclusive prices by the sales (0 where prices include VAT, as in
 *                  Vietnam): each sale's total - subtotal + discount
 *   returns        customer returns (kind 'return', any reason but 'void'): their totals.total (<= 0); the
 *                  new items of an exchange (positive lines of a return) count as sales (gross, discounts,
 *                  taxAdded) and the rest of the document as returned
 *   cancellations  cancelled sales (kind 'return', reason 'void', sale-reversal.ts): their totals (<= 0)
 *   net            gross + discounts + taxAdded + returns + cancellations (= the sum of every document's total)
 *   taxes          per VAT rate (basis points): base (net of VAT) and tax, from each document's lines as
 *                  its receipt computed them (tax.ts); base + tax over the rates = net
 *   tenders        per method as the sales name them (cash, card, bank_qr, gift_card, points, store_credit):
 *                  the amount paid less refunded, cash less the change handed back, and how many tender
 *                  entries (payments and refunds); the amounts add up to net + cashRounding
 *   cardTerminals  the card tenders split by the terminal they name (config store.cardTerminals, their names
 *                  where the config lists them; '' for card tenders naming none): amount and count, adding up to
 *                  the card row of tenders
 *   cashRounding   the cash rounding of the documents (paid - change = total + cashRounding)
 *   salesCount / returnsCount / cancellationsCount   the documents of each kind
 *   onlineReturns  the returns of online orders (a return naming its orderId): count and amount (in returns)
 *   pickups        online orders handed over at the counter (orders' 'handed_over' events), counted once per
 *                  order; a till counts the orders its own events handed over
 *   points         issued (earned, less what returns and cancellations take back) and redeemed (spent, less
 *                  what they give back), from the movements the documents carry (their `ledger`)
 *   giftCards      sold: cards sold or reloaded (their 'load' movements), less those cancelled; redeemed:
 *                  money taken off cards (gift_card tenders' movements), less money put back by returns and
 *                  cancellations; counts are net the same way (a cancelled sale of a card counts 0)
 *   cash           per shift (shift-cash.ts) and summed: expected, counted and variance (counted and variance
 *                  over closed shifts only), shifts still open, no-sale drawer openings; a shift still open
 *                  is counted to the day's end (or to asOf)
 * Points and gift-card redemptions are read from the movements each sale document embeds (its `ledger`), not
 * from ledger documents: every sale is on the tablet and the server alike, while the tablet keeps no copy
 * of the ledger (it only pushes it) and a device cannot push a bare money movement (the server refuses it).
 * Pickups and gift-card sales count as soon as the documents that record them exist, and zero before.
 */
import { cardTerminalsOf } from './card-terminals.ts';
import type { CardTerminal } from './card-terminals.ts';
import { businessDaySettingsOf, businessDayWindow, formatCutoff } from './business-day.ts';
import type { BusinessDate, BusinessDaySettings, BusinessDayWindow, Parsed } from './business-day.ts';
import { isKnownCurrency } from './currency.ts';
import { TillTotals } from './day-report-figures.ts';
import type { DayFigures, ReportSale } from './day-report-figures.ts';
import type { OrderDocument, SaleDocument, ShiftEventDocument } from './documents.ts';
import { HANDOVER_EVENT } from './merge-order.ts';
import { summariseShift } from './shift-cash.ts';
import type { TimedSale } from './shift-cash.ts';

/** What the report reads of an online order: its handover events. */
export type ReportOrder = Pick<OrderDocument, 'id' | 'storeId' | 'events'>;

export interface DayReportSettings extends BusinessDaySettings {
  readonly currency: string;
  /** The store's card terminals (config store.cardTerminals): the names of the card-by-terminal rows. */
  readonly cardTerminals?: readonly CardTerminal[];
}

/** The report's settings from a store config's `store` object (time zone, cut-off, currency), or what is wrong. */
export function dayReportSettingsOf(store: Readonly<Record<string, unknown>>): Parsed<DayReportSettings> {
  const day = businessDaySettingsOf(store);
  if (!day.ok) return day;
  const currency = store['currency'];
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) return { ok: false, detail: `store.currency must be a currency the POS knows, got ${JSON.stringify(currency)}` };
  const cardTerminals = cardTerminalsOf(store);
  return { ok: true, value: { ...day.value, currency, ...(cardTerminals.length === 0 ? {} : { cardTerminals }) } };
}

export interface DayReportInput {
  readonly date: BusinessDate;
  readonly storeId: string;
  readonly settings: DayReportSettings;
  /** At least the sales of the day and those of its shifts (salesWindowFor); others are left out. */
  readonly sales: readonly ReportSale[];
  readonly shiftEvents: readonly ShiftEventDocument[];
  readonly orders: readonly ReportOrder[];
  /** The X report's moment (ISO 8601): documents after it are left out and open shifts run to it. */
  readonly asOf?: string;
  /** One till's report instead of the store's. */
  readonly deviceId?: string;
}

export interface TillFigures extends DayFigures {
  readonly deviceId: string;
}

export interface DayReport extends DayFigures {
  /** 'Z' for a whole day, 'X' for a day taken before its end (asOf). */
  readonly kind: 'Z' | 'X';
  readonly date: BusinessDate;
  readonly storeId: string;
  /** Set on a till's report. */
  readonly deviceId?: string;
  readonly timeZone: string;
  /** "HH:MM" on the shop's clock. */
  readonly businessDayCutoff: string;
  /** The day's instants, [from, to), ISO 8601 in UTC. */
  readonly from: string;
  readonly to: string;
  readonly asOf?: string;
  readonly currency: string;
  /** Documents of the day written in another currency: left out of every figure. */
  readonly otherCurrencyDocuments: number;
  /** The store's report: each till's figures, by device id. */
  readonly tills?: readonly TillFigures[];
  /**
   * Bank-QR tenders only the cashier confirmed, to check against the bank statement (bank-qr-reconciliation.ts):
   * set by the caller that holds the `payments` (the tablet's day end, the server's GET /api/v1/reports/day), not by dayReport.
   */
  readonly bankTransfersToReconcile?: { readonly count: number; readonly amount: number };
}

/** What a report is of, as the report names it (a DayReport is one): its store, currency and till, its day [from, to) and asOf. */
export type DayReportScope = Pick<DayReport, 'storeId' | 'currency' | 'from' | 'to' | 'asOf' | 'deviceId'>;

/** What the rule of saleCountsIn reads of a sale. */
export type ScopedSale = Pick<SaleDocument, 'storeId' | 'deviceId' | 'currency' | 'createdAt'>;

/**
 * "This sale counts in this report": of the report's store, currency and till (any till for the store's
 * report), timed in its day [from, to) and not after asOf. The one rule by which dayReport's figures and the
 * bank transfers to reconcile (bank-qr-reconciliation.ts) take sales, so that the two add up.
 */
export function saleCountsIn(scope: DayReportScope): (sale: ScopedSale) => boolean {
  const start = parseInstant(scope.from);
  const end = parseInstant(scope.to);
  const asOf = scope.asOf === undefined ? Number.POSITIVE_INFINITY : parseInstant(scope.asOf);
  return (sale) => {
    if (sale.storeId !== scope.storeId || sale.currency !== scope.currency) return false;
    if (scope.deviceId !== undefined && sale.deviceId !== scope.deviceId) return false;
    const at = parseInstant(sale.createdAt);
    return at >= start && at < end && at <= asOf;
  };
}

/** How long after a day's end the events of its shifts (a late close) are looked at. */
export const SHIFT_HORIZON_MS = 7 * 86_400_000;

function parseInstant(text: string | undefined): number {
  return typeof text === 'string' ? Date.parse(text) : Number.NaN;
}

/** The shifts a day's report counts: those opened in its window (and by asOf). */
function openedShiftIds(events: readonly ShiftEventDocument[], storeId: string, window: BusinessDayWindow, asOf: number): string[] {
  const ids: string[] = [];
  for (const event of events) {
    if (event.type !== 'open' || event.storeId !== storeId) continue;
    const at = parseInstant(event.createdAt);
    if (at >= window.start && at < window.end && at <= asOf) ids.push(event.shiftId);
  }
  return [...new Set(ids)];
}

/** The instants whose shift events a day's report looks at: from the day's start to SHIFT_HORIZON_MS after its end. */
export function shiftEventsWindowFor(window: BusinessDayWindow): BusinessDayWindow {
  return { start: window.start, end: window.end + SHIFT_HORIZON_MS };
}

/** The store's shift events the report looks at (see shiftEventsWindowFor). */
function eventsInHorizon(events: readonly ShiftEventDocument[], storeId: string, window: BusinessDayWindow): ShiftEventDocument[] {
  const horizon = shiftEventsWindowFor(window).end;
  return events.filter((event) => event.storeId === storeId && parseInstant(event.createdAt) < horizon);
}

/** The instants whose sales a day's report needs: the day itself, widened to the closes of the shifts opened in it. */
export function salesWindowFor(window: BusinessDayWindow, storeId: string, shiftEvents: readonly ShiftEventDocument[]): BusinessDayWindow {
  const events = eventsInHorizon(shiftEvents, storeId, window);
  const shiftIds = new Set(openedShiftIds(events, storeId, window, Number.POSITIVE_INFINITY));
  let end = window.end;
  for (const event of events) {
    if (event.type === 'close' && shiftIds.has(event.shiftId)) end = Math.max(end, parseInstant(event.createdAt) + 1);
  }
  return { start: window.start, end };
}

/** The Z (or X) report of a store's business day, or of one of its tills (see the file header). */
export function dayReport(input: DayReportInput): DayReport {
  const { settings, storeId } = input;
  const window = businessDayWindow(input.date, settings);
  const asOf = input.asOf === undefined ? Number.POSITIVE_INFINITY : parseInstant(input.asOf);
  if (Number.isNaN(asOf)) throw new Error(`asOf must be an ISO 8601 date-time, got "${String(input.asOf)}"`);
  const tills = new Map<string, TillTotals>();
  const till = (deviceId: string): TillTotals => {
    let totals = tills.get(deviceId);
    if (totals === undefined) tills.set(deviceId, (totals = new TillTotals()));
    return totals;
  };
  const wanted = (deviceId: string | undefined): boolean => input.deviceId === undefined || deviceId === input.deviceId;
  const from = new Date(window.start).toISOString();
  const to = new Date(window.end).toISOString();
  const counts = saleCountsIn({
    storeId,
    currency: settings.currency,
    from,
    to,
    ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
    ...(input.deviceId === undefined ? {} : { deviceId: input.deviceId }),
  });

  let otherCurrencyDocuments = 0;
  const timed: TimedSale[] = [];
  for (const sale of input.sales) {
    if (sale.storeId !== storeId) continue;
    const at = parseInstant(sale.createdAt);
    if (Number.isNaN(at) || at > asOf) continue;
    if (sale.currency !== settings.currency) {
      if (at >= window.start && at < window.end && wanted(sale.deviceId)) otherCurrencyDocuments += 1;
      continue;
    }
    timed.push({ sale, at });
    if (counts(sale)) till(sale.deviceId).addSale(sale);
  }

  for (const order of input.orders) {
    if (order.storeId !== storeId) continue;
    for (const event of order.events) {
      if (event.type !== HANDOVER_EVENT) continue;
      const at = parseInstant(event.at);
      if (!(at >= window.start && at < window.end && at <= asOf)) continue;
      const deviceId = typeof event.deviceId === 'string' ? event.deviceId : '';
      if (wanted(deviceId)) till(deviceId).handedOver.add(order.id);
    }
  }

  timed.sort((a, b) => a.at - b.at);
  const storeEvents = eventsInHorizon(input.shiftEvents, storeId, window);
  for (const shiftId of openedShiftIds(storeEvents, storeId, window, asOf)) {
    const shift = summariseShift(shiftId, storeEvents, timed, { ...(input.asOf === undefined ? {} : { asOf }), openUntil: window.end });
    if (shift !== undefined && wanted(shift.deviceId)) till(shift.deviceId).shifts.push(shift);
  }

  const store = new TillTotals();
  const deviceIds = [...tills.keys()].sort();
  for (const deviceId of deviceIds) store.merge(tills.get(deviceId) ?? new TillTotals());
  const isX = input.asOf !== undefined && asOf < window.end;
  const head = {
    kind: isX ? ('X' as const) : ('Z' as const),
    date: input.date,
    storeId,
    ...(input.deviceId === undefined ? {} : { deviceId: input.deviceId }),
    timeZone: settings.timeZone,
    businessDayCutoff: formatCutoff(settings.cutoffMinutes),
    from,
    to,
    ...(input.asOf === undefined ? {} : { asOf: new Date(asOf).toISOString() }),
    currency: settings.currency,
    otherCurrencyDocuments,
  };
  const terminalNames = new Map((settings.cardTerminals ?? []).map((terminal) => [terminal.id, terminal.name]));
  if (input.deviceId !== undefined) return { ...head, ...store.figures(terminalNames) };
  // Handovers without a till (written by the server) count for the store only.
  const tillFigures = deviceIds.filter((deviceId) => deviceId !== '').map((deviceId) => ({ deviceId, ...(tills.get(deviceId) ?? new TillTotals()).figures(terminalNames) }));
  return { ...head, ...store.figures(terminalNames), tills: tillFigures };
}

