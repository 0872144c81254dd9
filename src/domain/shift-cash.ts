/*
 * What a shift's drawer should hold, from its events (shift-events.ts) and the sales of its till: one pure
 * computation for the close screen (the expected amount it compares the blind count with) and the day
 * report (the cash expected, counted and the variance of each shift), on the tablet and the server alike.
 *
 *   float      the open event's amount
 *   cashSales  the cash the drawer kept from the till's sales, returns and cancellations rung up while the
 *              shift was open (from its open to its close, or to `asOf` for a shift still open): cash
 *              tendered minus the change handed back (a refund in cash is a negative cash tender)
 *   cashIn / cashOut   the cash_in and cash_out events (both positive)
 *   expected   float + cashSales + cashIn - cashOut
 *   counted    the close event's amount (the blind count); undefined while the shift is open
 *   variance   counted - expected: positive when the drawer holds more than it should, negative when short
 * A sale belongs to a shift by its till (deviceId) and time, both the tablet's own: a till has one drawer
 * and one shift open at a time, so its sales between an open and the close are that shift's. Events of
 * another till, or after the close, are not the shift's.
 */
import type { SaleDocument, ShiftEventDocument } from './documents.ts';

/** What the drawer reads of a sale: its till, time and cash. */
export type DrawerSale = Pick<SaleDocument, 'deviceId' | 'createdAt' | 'tenders' | 'change'>;

/** A sale with its time already read (Date.parse), so a day's sales are parsed once. */
export interface TimedSale<Sale extends DrawerSale = DrawerSale> {
  readonly sale: Sale;
  readonly at: number;
}

export interface ShiftCash {
  readonly shiftId: string;
  readonly deviceId: string;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly closedAt?: string;
  readonly closedBy?: string;
  /** The shift this one took the drawer over from. */
  readonly handoverFrom?: string;
  readonly float: number;
  readonly cashSales: number;
  readonly cashIn: number;
  readonly cashOut: number;
  readonly expected: number;
  readonly counted?: number;
  readonly variance?: number;
  /** Who approved the close (a variance over the limit). */
  readonly approvedBy?: string;
  /** Drawer openings without a sale. */
  readonly noSaleOpenings: number;
}

/** The cash a sale left in the drawer: cash tendered minus change handed back (negative for a cash refund). */
export function cashKept(sale: Pick<SaleDocument, 'tenders' | 'change'>): number {
  let cash = 0;
  for (const tender of sale.tenders) if (tender.method === 'cash') cash += tender.amount;
  return cash - (sale.change ?? 0);
}

function byTime(a: ShiftEventDocument, b: ShiftEventDocument): number {
  if (a.createdAt !== b.createdAt) return Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.createdAt < b.createdAt ? -1 : 1);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface ShiftMoment {
  /** The moment the shift is looked at (epoch ms): later events are not known yet (the X report). */
  readonly asOf?: number;
  /** How far a shift without a close is counted (epoch ms, exclusive): the day report stops at the day's end. */
  readonly openUntil?: number;
}

/**
 * The cash of one shift from its events (any order; those of other shifts are ignored) and the sales of
 * its till (`tillSales`, every till's is fine: others are skipped). Undefined without an open event. A
 * shift without a close (as of `moment.asOf`) runs to that moment, or to `moment.openUntil`.
 */
export function summariseShift(shiftId: string, events: readonly ShiftEventDocument[], tillSales: readonly TimedSale[], moment: ShiftMoment = {}): ShiftCash | undefined {
  const asOf = moment.asOf ?? Number.POSITIVE_INFINITY;
  const own = events.filter((event) => event.shiftId === shiftId).sort(byTime);
  const open = own.find((event) => event.type === 'open' && Date.parse(event.createdAt) <= asOf);
  if (open === undefined) return undefined;
  const openedAt = Date.parse(open.createdAt);
  const mine = own.filter((event) => event.deviceId === open.deviceId && Date.parse(event.createdAt) >= openedAt);
  const closeEvent = mine.find((event) => event.type === 'close' && Date.parse(event.createdAt) <= asOf);
  const until = closeEvent === undefined ? Math.min(asOf + 1, moment.openUntil ?? Number.POSITIVE_INFINITY) : Date.parse(closeEvent.createdAt);
  let cashIn = 0;
  let cashOut = 0;
  let noSaleOpenings = 0;
  for (const event of mine) {
    const at = Date.parse(event.createdAt);
    if (at >= until) break;
    if (event.type === 'cash_in') cashIn += event.amount;
    else if (event.type === 'cash_out') cashOut += event.amount;
    else if (event.type === 'drawer' && event.reason === 'no_sale') noSaleOpenings += 1;
  }
  let cashSales = 0;
  for (const { sale, at } of tillSales) {
    if (sale.deviceId === open.deviceId && at >= openedAt && at < until) cashSales += cashKept(sale);
  }
  const expected = open.amount + cashSales + cashIn - cashOut;
  return {
    shiftId,
    deviceId: open.deviceId,
    openedAt: open.createdAt,
    openedBy: open.staffId,
    ...(closeEvent === undefined ? {} : { closedAt: closeEvent.createdAt, closedBy: closeEvent.staffId }),
    ...(open.handoverFrom === undefined ? {} : { handoverFrom: open.handoverFrom }),
    float: open.amount,
    cashSales,
    cashIn,
    cashOut,
    expected,
    ...(closeEvent === undefined ? {} : { counted: closeEvent.amount, variance: closeEvent.amount - expected }),
    ...(closeEvent?.approverId === undefined ? {} : { approvedBy: closeEvent.approverId }),
    noSaleOpenings,
  };
}

/** The shift open on `deviceId` (its latest open without a close), for the till's screens; undefined when none. */
export function openShiftOn(deviceId: string, events: readonly ShiftEventDocument[]): ShiftEventDocument | undefined {
  const closed = new Set(events.filter((event) => event.type === 'close').map((event) => event.shiftId));
  return events
    .filter((event) => event.type === 'open' && event.deviceId === deviceId && !closed.has(event.shiftId))
    .sort(byTime)
    .at(-1);
}
