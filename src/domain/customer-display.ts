/*
 * What the customer sees on the display facing them (a second window or screen of the same till): the
 * lines as they are rung up, the total, what is paid and still due, the change, the bank-transfer QR when
 * they pay by QR, and a thank-you with the points earned once the sale is done. A pure function of the
 * counter's cart, tenders and the last completed sale, so the display shows exactly what the till computed
 * (the display window does no arithmetic of its own).
 */
import type { Cart } from './cart.ts';
import type { CartTotals, CashRounding } from './cart-totals.ts';
import { paymentState } from './tender.ts';
import type { Tender } from './tender.ts';

export interface CustomerDisplayLine {
  readonly lineId: string;
  readonly name: string;
  /** Thousandths of the unit, as in the cart. */
  readonly qty: number;
  readonly unit: 'pcs' | 'kg';
  readonly unitPrice: number;
  /** After discounts: what the line costs the customer. */
  readonly total: number;
}

export type CustomerDisplayView =
  /** Nothing rung up: the shop's welcome. */
  | { readonly phase: 'welcome'; readonly storeName: string; readonly language: string }
  | {
      readonly phase: 'sale';
      readonly storeName: string;
      readonly language: string;
      readonly currency: string;
      readonly lines: readonly CustomerDisplayLine[];
      /** The line rung up or changed last, lit up on the display as on the till. */
      readonly lastLineId: string | null;
      readonly discount: number;
      readonly total: number;
      readonly paid: number;
      readonly remaining: number;
      readonly change: number;
      /** A bank transfer QR the till shows now: the customer scans it on this screen. */
      readonly qr: { readonly payload: string; readonly amount: number } | null;
    }
  | {
      readonly phase: 'thanks';
      readonly storeName: string;
      readonly language: string;
      readonly currency: string;
      readonly total: number;
      readonly change: number;
      /** Points this sale earned the attached customer (0 or absent without one). */
      readonly pointsEarned: number;
    };

export interface CounterForDisplay {
  readonly storeName: string;
  readonly language: string;
  readonly currency: string;
  readonly cart: Cart;
  readonly totals: CartTotals;
  readonly tenders: readonly Tender[];
  readonly cashRounding?: CashRounding;
  /** The product rung up last (a second scan of it raises an earlier line, which is then the one lit). */
  readonly lastProductId: string | null;
  readonly qr: { readonly payload: string; readonly amount: number } | null;
  /** The sale just completed, shown until the next line is rung up. */
  readonly lastSale: { readonly total: number; readonly change: number; readonly pointsEarned?: number } | null;
}

export function customerDisplayView(counter: CounterForDisplay): CustomerDisplayView {
  const { storeName, language, currency, cart, totals } = counter;
  if (cart.lines.length === 0) {
    if (counter.lastSale !== null) {
      return { phase: 'thanks', storeName, language, currency, total: counter.lastSale.total, change: counter.lastSale.change, pointsEarned: counter.lastSale.pointsEarned ?? 0 };
    }
    return { phase: 'welcome', storeName, language };
  }
  const lineTotals = new Map(totals.lines.map((line) => [line.lineId, line.total]));
  const payment = paymentState(totals.total, counter.tenders, counter.cashRounding);
  const last = cart.lines.findLast((line) => line.productId === counter.lastProductId) ?? cart.lines.at(-1);
  return {
    phase: 'sale',
    storeName,
    language,
    currency,
    lines: cart.lines.map((line) => ({
      lineId: line.lineId,
      name: line.name,
      qty: line.qty,
      unit: line.unit,
      unitPrice: line.unitPrice,
      total: lineTotals.get(line.lineId) ?? 0,
    })),
    lastLineId: last?.lineId ?? null,
    discount: totals.discount,
    total: totals.total,
    paid: payment.paid,
    remaining: payment.remaining,
    change: payment.change,
    qr: counter.qr,
  };
}
