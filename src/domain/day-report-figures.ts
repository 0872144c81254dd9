/*
 * The running figures of a day report (day-report.ts), one till at a time: what each document adds to the
 * gross, discounts, VAT, returns, cancellations, tenders, points and gift cards, then a till's figures merged
 * into the store's. Every sum is checked to stay an exact integer (ReportOverflowError otherwise). The
 * definitions are day-report.ts's header; this file only adds them up.
 */
import type { SaleDocument, TenderMethod } from './documents.ts';
import { cashRoundingOf } from './sale-amounts.ts';
import { VOID_REASON } from './sale-reversal.ts';
import type { ShiftCash } from './shift-cash.ts';
import { computeTaxes } from './tax.ts';
import type { TaxBreakdown } from './tax.ts';
import { tenderKinds } from './tender-kinds.ts';

/** What the report reads of a sale document. */
export type ReportSale = Pick<
  SaleDocument,
  'id' | 'kind' | 'storeId' | 'deviceId' | 'createdAt' | 'currency' | 'reason' | 'orderId' | 'lines' | 'tenders' | 'totals' | 'change' | 'ledger'
>;

export interface TaxRow {
  /** Basis points: 1000 = 10 %. */
  readonly rate: number;
  readonly base: number;
  readonly tax: number;
}

export interface TenderRow {
  readonly method: TenderMethod;
  readonly amount: number;
  readonly count: number;
}

/**
 * The card tenders charged on one terminal (its id as the tenders name it, '' for card tenders that name
 * none), with the terminal's name where the store's config still lists it; they add up to the card tender row.
 */
export interface CardTerminalRow {
  readonly terminal: string;
  readonly name?: string;
  readonly amount: number;
  readonly count: number;
}

export interface CountAndAmount {
  readonly count: number;
  readonly amount: number;
}

export interface CashFigures {
  readonly expected: number;
  readonly counted: number;
  readonly variance: number;
  readonly openShifts: number;
  readonly noSaleOpenings: number;
  readonly shifts: readonly ShiftCash[];
}

export interface DayFigures {
  readonly salesCount: number;
  readonly returnsCount: number;
  readonly cancellationsCount: number;
  readonly gross: number;
  readonly discounts: number;
  readonly taxAdded: number;
  readonly returns: number;
  readonly cancellations: number;
  readonly net: number;
  readonly cashRounding: number;
  readonly taxes: readonly TaxRow[];
  readonly tenders: readonly TenderRow[];
  readonly cardTerminals: readonly CardTerminalRow[];
  readonly onlineReturns: CountAndAmount;
  readonly pickups: { readonly handedOver: number };
  readonly points: { readonly issued: number; readonly redeemed: number };
  readonly giftCards: { readonly sold: CountAndAmount; readonly redeemed: CountAndAmount };
  readonly cash: CashFigures;
}

/** A sum that left the range where integers are exact would be a wrong figure: refused instead. */
export class ReportOverflowError extends RangeError {
  constructor(what: string) {
    super(`The day's ${what} add up beyond what can be counted exactly (2^53 minor units)`);
    this.name = 'ReportOverflowError';
  }
}

function add(a: number, b: number, what: string): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new ReportOverflowError(what);
  return sum + 0;
}

/** The VAT of a sale's lines, per line and per rate, as its receipt computed them. */
export function saleTaxes(sale: Pick<ReportSale, 'lines'>): TaxBreakdown {
  return computeTaxes(sale.lines.map((line) => ({ amount: line.total, rateBasisPoints: line.taxRate, pricesIncludeTax: line.priceIncludesTax ?? true })));
}

const TENDER_ORDER = Object.keys(tenderKinds) as TenderMethod[];
/** The reason of the movement that puts a sold card's value on it (sale-document.ts, <sale id>-giftcard-load-<line>). */
const GIFT_CARD_LOAD_REASON = 'load';

interface MutableCountAndAmount {
  count: number;
  amount: number;
}

/** The running figures of one till. */
export class TillTotals {
  salesCount = 0;
  returnsCount = 0;
  cancellationsCount = 0;
  gross = 0;
  discount = 0;
  taxAdded = 0;
  returns = 0;
  cancellations = 0;
  cashRounding = 0;
  readonly taxes = new Map<number, { base: number; tax: number }>();
  readonly tenders = new Map<TenderMethod, MutableCountAndAmount>();
  readonly cardTerminals = new Map<string, MutableCountAndAmount>();
  readonly onlineReturns: MutableCountAndAmount = { count: 0, amount: 0 };
  readonly handedOver = new Set<string>();
  pointsIssued = 0;
  pointsRedeemed = 0;
  readonly cardsSold: MutableCountAndAmount = { count: 0, amount: 0 };
  readonly cardsRedeemed: MutableCountAndAmount = { count: 0, amount: 0 };
  readonly shifts: ShiftCash[] = [];

  /** `taxes`: the sale's taxes when the caller has computed them already (the dashboard does, for its products). */
  addSale(sale: ReportSale, taxes: TaxBreakdown = saleTaxes(sale)): void {
    const total = sale.totals.total;
    if (sale.kind === 'sale') {
      this.salesCount += 1;
      this.gross = add(this.gross, sale.totals.subtotal, 'gross sales');
      this.discount = add(this.discount, sale.totals.discount, 'discounts');
      this.taxAdded = add(this.taxAdded, total - sale.totals.subtotal + sale.totals.discount, 'VAT added');
    } else if (sale.reason === VOID_REASON) {
      this.cancellationsCount += 1;
      this.cancellations = add(this.cancellations, total, 'cancellations');
    } else {
      this.returnsCount += 1;
      // An exchange sells its new items (positive lines) in the return document: they count as sales, the rest as returned.
      let sold = 0;
      sale.lines.forEach((line, index) => {
        if (line.qty <= 0) return;
        const vatOnTop = line.priceIncludesTax === false ? (taxes.lines[index]?.tax ?? 0) : 0;
        this.gross = add(this.gross, line.total + line.discount, 'gross sales');
        this.discount = add(this.discount, line.discount, 'discounts');
        this.taxAdded = add(this.taxAdded, vatOnTop, 'VAT added');
        sold = add(sold, line.total + vatOnTop, 'gross sales');
      });
      const returned = add(total, -sold, 'returns');
      this.returns = add(this.returns, returned, 'returns');
      if (typeof sale.orderId === 'string' && sale.orderId !== '') {
        this.onlineReturns.count += 1;
        this.onlineReturns.amount = add(this.onlineReturns.amount, returned, 'online returns');
      }
    }
    this.cashRounding = add(this.cashRounding, cashRoundingOf(sale.totals), 'cash rounding');
    for (const row of taxes.byRate) {
      const known = this.taxes.get(row.rateBasisPoints) ?? { base: 0, tax: 0 };
      this.taxes.set(row.rateBasisPoints, { base: add(known.base, row.net, 'VAT bases'), tax: add(known.tax, row.tax, 'VAT') });
    }
    this.addTenders(sale);
    this.addMovements(sale);
  }

  private tender(method: TenderMethod): MutableCountAndAmount {
    let row = this.tenders.get(method);
    if (row === undefined) this.tenders.set(method, (row = { count: 0, amount: 0 }));
    return row;
  }

  private cardTerminal(terminal: string): MutableCountAndAmount {
    let row = this.cardTerminals.get(terminal);
    if (row === undefined) this.cardTerminals.set(terminal, (row = { count: 0, amount: 0 }));
    return row;
  }

  private addTenders(sale: ReportSale): void {
    for (const tender of sale.tenders) {
      const row = this.tender(tender.method);
      row.count += 1;
      row.amount = add(row.amount, tender.amount, 'tenders');
      if (tender.method === 'card') {
        const byTerminal = this.cardTerminal(typeof tender.terminal === 'string' ? tender.terminal : '');
        byTerminal.count += 1;
        byTerminal.amount = add(byTerminal.amount, tender.amount, 'card tenders');
      }
    }
    const change = sale.change ?? 0;
    if (change !== 0) {
      const cash = this.tender('cash');
      cash.amount = add(cash.amount, -change, 'tenders');
    }
  }

  /**
   * The points and gift-card money the document moves (its embedded ledger). Gift cards: a load (a card sold
   * or reloaded, reason 'load') is a sale of a card; money taken off a card is a redemption, money put back
   * one undone; a cancellation turns its sale's movements around (its minus takes a load back, its plus
   * gives a redemption back). Points earned (earn) and taken back (clawback, a cancellation's minus) are
   * issued; the others are redeemed (spent, or given back with a plus).
   */
  private addMovements(sale: ReportSale): void {
    const cancels = sale.kind === 'return' && sale.reason === VOID_REASON;
    for (const entry of sale.ledger ?? []) {
      if (entry.delta === 0) continue;
      if (entry.kind === 'giftcard') {
        const load = entry.reason === GIFT_CARD_LOAD_REASON || (cancels && entry.delta < 0);
        const row = load ? this.cardsSold : this.cardsRedeemed;
        const amount = load ? entry.delta : 0 - entry.delta;
        row.count += amount > 0 ? 1 : -1;
        row.amount = add(row.amount, amount, 'gift cards');
      } else if (entry.kind === 'points') {
        const issuing = entry.reason === 'earn' || entry.reason === 'clawback' || (cancels && entry.delta < 0);
        if (issuing) this.pointsIssued = add(this.pointsIssued, entry.delta, 'points');
        else this.pointsRedeemed = add(this.pointsRedeemed, 0 - entry.delta, 'points');
      }
    }
  }

  merge(other: TillTotals): void {
    for (const key of ['salesCount', 'returnsCount', 'cancellationsCount', 'gross', 'discount', 'taxAdded', 'returns', 'cancellations', 'cashRounding', 'pointsIssued', 'pointsRedeemed'] as const) {
      this[key] = add(this[key], other[key], key);
    }
    for (const [rate, row] of other.taxes) {
      const known = this.taxes.get(rate) ?? { base: 0, tax: 0 };
      this.taxes.set(rate, { base: add(known.base, row.base, 'VAT bases'), tax: add(known.tax, row.tax, 'VAT') });
    }
    for (const [method, row] of other.tenders) {
      const known = this.tender(method);
      known.count += row.count;
      known.amount = add(known.amount, row.amount, 'tenders');
    }
    for (const [terminal, row] of other.cardTerminals) {
      const known = this.cardTerminal(terminal);
      known.count += row.count;
      known.amount = add(known.amount, row.amount, 'card tenders');
    }
    for (const [mine, theirs] of [[this.onlineReturns, other.onlineReturns], [this.cardsSold, other.cardsSold], [this.cardsRedeemed, other.cardsRedeemed]] as const) {
      mine.count += theirs.count;
      mine.amount = add(mine.amount, theirs.amount, 'counts');
    }
    for (const order of other.handedOver) this.handedOver.add(order);
    this.shifts.push(...other.shifts);
  }

  /**
   * `terminalNames`: the store's card terminals by id (config store.cardTerminals); the rows come in the order
   * listed there, then terminals it no longer lists by id, then card tenders naming none ('').
   */
  figures(terminalNames: ReadonlyMap<string, string> = new Map()): DayFigures {
    const net = [this.discount === 0 ? 0 : -this.discount, this.taxAdded, this.returns, this.cancellations].reduce((sum, part) => add(sum, part, 'net sales'), this.gross);
    const shifts = [...this.shifts].sort((a, b) => (a.openedAt === b.openedAt ? (a.shiftId < b.shiftId ? -1 : 1) : Date.parse(a.openedAt) - Date.parse(b.openedAt) || (a.openedAt < b.openedAt ? -1 : 1)));
    const closed = shifts.filter((shift) => shift.counted !== undefined);
    return {
      salesCount: this.salesCount,
      returnsCount: this.returnsCount,
      cancellationsCount: this.cancellationsCount,
      gross: this.gross,
      discounts: 0 - this.discount,
      taxAdded: this.taxAdded,
      returns: this.returns,
      cancellations: this.cancellations,
      net,
      cashRounding: this.cashRounding,
      taxes: [...this.taxes].sort(([a], [b]) => a - b).map(([rate, row]) => ({ rate, base: row.base, tax: row.tax })),
      tenders: TENDER_ORDER.flatMap((method) => {
        const row = this.tenders.get(method);
        return row === undefined ? [] : [{ method, amount: row.amount, count: row.count }];
      }),
      cardTerminals: this.cardTerminalRows(terminalNames),
      onlineReturns: { ...this.onlineReturns },
      pickups: { handedOver: this.handedOver.size },
      points: { issued: this.pointsIssued, redeemed: this.pointsRedeemed },
      giftCards: { sold: { ...this.cardsSold }, redeemed: { ...this.cardsRedeemed } },
      cash: {
        expected: shifts.reduce((sum, shift) => add(sum, shift.expected, 'expected cash'), 0),
        counted: closed.reduce((sum, shift) => add(sum, shift.counted ?? 0, 'counted cash'), 0),
        variance: closed.reduce((sum, shift) => add(sum, shift.variance ?? 0, 'cash variance'), 0),
        openShifts: shifts.length - closed.length,
        noSaleOpenings: shifts.reduce((sum, shift) => sum + shift.noSaleOpenings, 0),
        shifts,
      },
    };
  }

  private cardTerminalRows(terminalNames: ReadonlyMap<string, string>): CardTerminalRow[] {
    const listed = [...terminalNames.keys()];
    const rank = (terminal: string): number => (terminal === '' ? listed.length + 1 : terminalNames.has(terminal) ? listed.indexOf(terminal) : listed.length);
    return [...this.cardTerminals]
      .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([terminal, row]) => {
        const name = terminalNames.get(terminal);
        return { terminal, ...(name === undefined ? {} : { name }), amount: row.amount, count: row.count };
      });
  }
}
