/*
 * A store's business day as its tills write it, for the day report's server tests and bench: sales built by
 * the counter's own code (buildSaleDocument) from carts of a small Vietnamese catalog, paid in cash with
 * change, by card, bank QR, points (members earn and spend) or gift card, a few cancelled by a manager
 * (buildSaleReversal), spread over the shop's opening hours with one just after the day began, one late at
 * night and one just after midnight per till; and each till's shift: opened with a float counted in notes,
 * a safe drop in the afternoon, a hand-over on the second till, closed blind with the count a little short
 * now and then (approved). Deterministic for a seed (ids apart), so a failing run can be replayed.
 */
import { v7 as uuidv7 } from 'uuid';
import { addDays, instantOfWallClock } from '../../src/domain/business-day.ts';
import type { BusinessDaySettings } from '../../src/domain/business-day.ts';
import { attachCustomer, emptyCart, lineDiscount, ringUpLine } from '../../src/domain/cart.ts';
import type { Cart, CartProduct } from '../../src/domain/cart.ts';
import { cartTotals } from '../../src/domain/cart-totals.ts';
import type { SaleDocument, ShiftEventDocument } from '../../src/domain/documents.ts';
import { buildSaleDocument } from '../../src/domain/sale-document.ts';
import type { SaleRules } from '../../src/domain/sale-document.ts';
import { buildSaleReversal } from '../../src/domain/sale-reversal.ts';
import { summariseShift } from '../../src/domain/shift-cash.ts';
import { closeShift, countDrawer, moveCash, openShift } from '../../src/domain/shift-events.ts';
import type { DrawerCount, ShiftEventContext } from '../../src/domain/shift-events.ts';
import { VND_DENOMINATIONS } from '../../src/domain/shift-settings.ts';
import { VIETNAM_TAX_CLASSES } from '../../src/domain/tax-presets.ts';
import { suggestCashAmounts } from '../../src/domain/tender-cash.ts';
import type { Tender } from '../../src/domain/tender.ts';
import { makeRandom } from './sale-factory.test-helper.ts';

export const DAY_CATALOG: readonly CartProduct[] = [
  { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false },
  { id: 'p-milk', sku: 'SU01', name: 'Sữa tươi 1L', price: 36_500, taxClassId: 'vat5', weighed: false },
  { id: 'p-rice', sku: 'GA05', name: 'Gạo ST25 5kg', price: 189_000, taxClassId: 'vat5', weighed: false },
  { id: 'p-noodles', sku: 'MI01', name: 'Mì Hảo Hảo', price: 4_500, taxClassId: 'vat8', weighed: false },
  { id: 'p-soap', sku: 'XB01', name: 'Xà bông', price: 18_000, taxClassId: 'vat10', weighed: false },
  { id: 'p-shampoo', sku: 'DG01', name: 'Dầu gội 650ml', price: 165_000, taxClassId: 'vat10', weighed: false },
  { id: 'p-water', sku: 'NU01', name: 'Nước suối 500ml', price: 6_000, taxClassId: 'vat8', weighed: false },
  { id: 'p-pork', sku: 'TH01', name: 'Thịt heo ba chỉ', price: 160_000, taxClassId: 'vat5', weighed: true, unit: 'kg' },
  { id: 'p-mango', sku: 'TC01', name: 'Xoài cát', price: 65_000, taxClassId: 'vat5', weighed: true, unit: 'kg' },
  { id: 'p-eggs', sku: 'TR10', name: 'Trứng gà (10)', price: 32_000, taxClassId: 'exempt', weighed: false },
];

export interface DayTill {
  readonly deviceId: string;
}

export interface DayPlan {
  readonly storeId: string;
  readonly date: string;
  readonly settings: BusinessDaySettings;
  readonly tills: readonly DayTill[];
  readonly salesPerTill: number;
  readonly cashierId: string;
  readonly managerId: string;
  readonly seed?: number;
  readonly saleRules?: SaleRules;
}

export interface GeneratedDay {
  readonly sales: SaleDocument[];
  readonly shiftEvents: ShiftEventDocument[];
}

const MINUTE = 60_000;
const DAY_RULES: SaleRules = { taxClasses: VIETNAM_TAX_CLASSES, loyalty: { amountPerPoint: 10_000 } };
const PRICE_RULES = { maxDiscountBasisPoints: 1000, overrideNeedsApprovalAbove: 1000 };

function drawer(pieces: Record<string, number>): DrawerCount {
  const counted = countDrawer(pieces, { denominations: VND_DENOMINATIONS });
  if (!counted.ok) throw new Error(counted.detail);
  return counted.count;
}

/** Notes that make up `amount` (largest first), for a count that matches the cash. */
function notesFor(amount: number): Record<string, number> {
  const pieces: Record<string, number> = {};
  let left = amount;
  for (const note of [...VND_DENOMINATIONS].reverse()) {
    const count = Math.floor(left / note);
    if (count > 0) pieces[String(note)] = count;
    left -= count * note;
  }
  return pieces;
}

type Built = { readonly ok: true } | { readonly ok: false; readonly detail: string };

/** The success of a build the story needs (a failure is the factory's bug). */
function must<R extends Built>(result: R): Extract<R, { readonly ok: true }> {
  if (!result.ok) throw new Error('detail' in result ? result.detail : 'build failed');
  return result as Extract<R, { readonly ok: true }>;
}

function cartFor(random: () => number): Cart {
  let cart = emptyCart();
  const lines = 1 + Math.floor(random() * 7);
  for (let index = 0; index < lines; index++) {
    const product = DAY_CATALOG[Math.floor(random() * DAY_CATALOG.length)]!;
    const qty = product.weighed ? 200 + Math.floor(random() * 1_800) : 1000 * (1 + Math.floor(random() * 3));
    const rung = ringUpLine(cart, product, { qty });
    if (rung.ok) cart = rung.cart;
  }
  if (random() < 0.1 && cart.lines[0] !== undefined) {
    const discounted = lineDiscount(cart, cart.lines[0].lineId, { kind: 'percent', basisPoints: 500 }, PRICE_RULES);
    if (discounted.ok) cart = discounted.cart;
  }
  return cart;
}

function tendersFor(total: number, random: () => number, member: boolean): Tender[] {
  const pick = random();
  if (member && pick < 0.1 && total > 20_000) {
    const points = Math.min(100, Math.floor(total / 100) - 1);
    return [{ method: 'points', amount: points * 100, points }, { method: 'card', amount: total - points * 100, reference: 'APPR 1' }];
  }
  if (pick < 0.55) {
    const offers = suggestCashAmounts(total);
    return [{ method: 'cash', amount: offers[Math.floor(random() * offers.length)] ?? total }];
  }
  if (pick < 0.8) return [{ method: 'card', amount: total, reference: `APPR ${Math.floor(random() * 1000)}` }];
  if (pick < 0.95) return [{ method: 'bank_qr', amount: total, reference: `QR ${Math.floor(random() * 1000)}` }];
  const onCard = Math.min(total, 50_000);
  return [{ method: 'gift_card', amount: onCard, giftCardId: 'GC-1000-2000-3000' }, ...(total > onCard ? [{ method: 'cash' as const, amount: total - onCard }] : [])];
}

/** A day of the plan's tills: sales (with their cancellations) and shift events, in time order per till. */
export function makeDay(plan: DayPlan): GeneratedDay {
  const random = makeRandom(plan.seed ?? 17);
  const rules = plan.saleRules ?? DAY_RULES;
  const [year, month, day] = plan.date.split('-').map(Number) as [number, number, number];
  const local = (hours: number, minutes = 0, dayOffset = 0): number => instantOfWallClock(Date.UTC(year, month - 1, day + dayOffset, hours, minutes), plan.settings.timeZone);
  const iso = (instant: number): string => new Date(instant).toISOString();
  const sales: SaleDocument[] = [];
  const shiftEvents: ShiftEventDocument[] = [];
  const opening = local(8);
  const closing = local(22, 30);

  plan.tills.forEach((till, tillIndex) => {
    const mine: SaleDocument[] = [];
    let receipt = 0;
    const number = (): string => `${plan.storeId}-${till.deviceId.slice(-4)}-${String((receipt += 1)).padStart(6, '0')}`;
    const times = Array.from({ length: plan.salesPerTill }, (_, index) => {
      // Most sales in opening hours; three of a till just after the day began, late at night and just after midnight.
      if (index === plan.salesPerTill - 3) return local(0, 15);
      if (index === plan.salesPerTill - 2) return local(23, 30);
      if (index === plan.salesPerTill - 1) return local(0, 30, 1);
      return opening + Math.floor(random() * (closing - opening));
    }).sort((a, b) => a - b);
    for (const at of times) {
      const member = random() < 0.2;
      const cart = member ? attachCustomer(cartFor(random), `cust-${1 + Math.floor(random() * 50)}`) : cartFor(random);
      const total = cartTotals(cart, rules.taxClasses, rules.cashRounding).total;
      const built = buildSaleDocument(cart, tendersFor(total, random, member), { id: uuidv7(), storeId: plan.storeId, deviceId: till.deviceId, number: number(), createdAt: iso(at), staffId: plan.cashierId, currency: 'VND' }, rules);
      const sale = must(built).sale;
      mine.push(sale);
      if (random() < 0.02) {
        const reversal = buildSaleReversal(sale, { id: uuidv7(), deviceId: till.deviceId, number: number(), createdAt: iso(at + 10 * MINUTE), staffId: plan.cashierId, approverId: plan.managerId });
        mine.push(must(reversal).reversal);
      }
    }
    sales.push(...mine);

    // The till's shifts: the second till hands its drawer over at 14:00.
    const context = (shiftId: string, createdAt: number, staffId = plan.cashierId): ShiftEventContext => ({
      id: uuidv7(), shiftId, storeId: plan.storeId, deviceId: till.deviceId, staffId, createdAt: iso(createdAt), currency: 'VND',
    });
    const timed = mine.map((sale) => ({ sale, at: Date.parse(sale.createdAt) }));
    const firstShift = uuidv7();
    const float = drawer({ 500000: 1, 200000: 2, 50000: 4, 10000: 10 });
    const events: ShiftEventDocument[] = [must(openShift(context(firstShift, local(7, 50)), float)).event];
    let shiftId = firstShift;
    if (tillIndex === 1) {
      const expected = summariseShift(firstShift, events, timed, { asOf: local(14) })?.expected ?? 0;
      // Notes cannot make the odd dong of weighed goods: the count is a little short, and approved.
      const handed = must(closeShift(context(firstShift, local(14)), drawer(notesFor(expected)), expected, { varianceNeedsApprovalAbove: 0 }, { approverId: plan.managerId }));
      shiftId = uuidv7();
      events.push(handed.event, must(openShift(context(shiftId, local(14)), drawer(notesFor(expected)), { handoverFrom: firstShift })).event);
    }
    events.push(must(moveCash(context(shiftId, local(15)), { direction: 'cash_out', amount: 1_000_000, reason: 'safe_drop' })).event);
    const closeAt = local(23, 45);
    const expected = summariseShift(shiftId, events, timed, { asOf: closeAt })?.expected ?? 0;
    const short = random() < 0.5 ? 0 : 5_000;
    const counted = drawer(notesFor(Math.max(0, expected - short)));
    const approval = counted.total === expected ? undefined : { approverId: plan.managerId };
    events.push(must(closeShift(context(shiftId, closeAt), counted, expected, { varianceNeedsApprovalAbove: 0 }, approval)).event);
    shiftEvents.push(...events);
  });
  return { sales, shiftEvents };
}

/** The business date `days` before today in `settings`' zone (a test's day that has ended). */
export function daysAgo(days: number, settings: BusinessDaySettings, now = Date.now()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return addDays(today, -days);
}
