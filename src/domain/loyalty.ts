/*
 * Loyalty points: how a purchase earns them, and how much a till may let a customer spend offline. One
 * definition for the counter (sale-document.ts writes the points earned into the sale) and the server
 * (sale-ledger.ts derives the points a sale moves, and applies only those), so the two agree to the point.
 *
 * The store's rules live in its config (`loyalty`, read by loyaltyRules):
 *   earnAmountPerPoint    one point per this many minor units paid (10,000 VND)
 *   nonEarningCategories  product categories that earn nothing (tobacco, infant formula, ...)
 *   tiers                 [{id, name, minSpend, multiplierBasisPoints}]: a customer whose spend over the
 *                         last `tierPeriodDays` days (365 when absent) reached minSpend earns at the tier's
 *                         multiplier (12,500 = x1.25); the highest tier reached applies
 *   promotions            [{name, weekdays?: [0-6, Sunday = 0], dates?: ['YYYY-MM-DD'], multiplierBasisPoints}]:
 *                         days, in the store's time zone (config.store.timeZone), on which points earn more;
 *                         when several match, the highest multiplier applies (they do not stack)
 *   pointValue, minRedeemPoints, maxRedeemBasisPoints, offlineRedeemCapPoints: redeeming (redeem-limits.ts)
 *
 * What earns: what the customer paid for goods that earn, other than in points:
 *   basis  = min(total - lines of non-earning categories - gift-card lines - paid in points,
 *                paid by earning tenders - change - cash rounding)
 *   points = floor(basis x tier multiplier x promotion multiplier / (10,000 x 10,000 x earnAmountPerPoint))
 * With neither tier nor promotion this is floor(basis / earnAmountPerPoint), the earning the sale
 * document has always had. A gift card is money, not goods: selling one earns nothing (spending it does).
 *
 * Who decides the tier: the server, from the spend it has recorded across every store. A tablet knows only
 * what it last synced, so a sale names the tier it earned at (`loyaltyTier`), and the server applies the
 * lower of that and the tier the customer really reached (a tablet that thought lower keeps the receipt's
 * figure; one that thought higher is corrected and flagged).
 */
import type { SaleTender } from './documents.ts';
import { isTimeZone, zoneOffset } from './business-day.ts';
import { loyaltyRedeemRules } from './redeem-limits.ts';
import type { LoyaltyRedeemRules } from './redeem-limits.ts';
import { cashRoundingOf } from './sale-amounts.ts';
import { tenderKinds } from './tender-kinds.ts';

/** A tier of the programme: reached by spending `minSpend` over the period; earns at `multiplierBasisPoints`. */
export interface LoyaltyTier {
  readonly id: string;
  readonly name: string;
  readonly minSpend: number;
  readonly multiplierBasisPoints: number;
}

/** Days on which points earn more (the store's local calendar). */
export interface LoyaltyPromotion {
  readonly name: string;
  /** Days of the week, Sunday = 0. */
  readonly weekdays: ReadonlySet<number>;
  /** Calendar days, YYYY-MM-DD. */
  readonly dates: ReadonlySet<string>;
  readonly multiplierBasisPoints: number;
}

export interface LoyaltyRules {
  readonly amountPerPoint: number;
  readonly nonEarningCategories: ReadonlySet<string>;
  /** By minSpend, lowest first. */
  readonly tiers: readonly LoyaltyTier[];
  readonly tierPeriodDays: number;
  readonly promotions: readonly LoyaltyPromotion[];
  /** The store's time zone (promotion days are its calendar days). */
  readonly timeZone: string;
  /** Redeeming points, when the store lets customers pay with them. */
  readonly redeem?: LoyaltyRedeemRules;
}

/** The multiplier that changes nothing: 10,000 basis points = x1. */
export const NO_MULTIPLIER = 10_000;
const DEFAULT_TIER_PERIOD_DAYS = 365;
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const MAX_MULTIPLIER = 100_000;
const DAY_MS = 86_400_000;

function whole(value: unknown, min = 0): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min ? value : undefined;
}

function multiplier(value: unknown): number | undefined {
  const bp = whole(value, 1);
  return bp === undefined || bp > MAX_MULTIPLIER ? undefined : bp;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry !== '') : [];
}

function readTiers(value: unknown): LoyaltyTier[] {
  if (!Array.isArray(value)) return [];
  const tiers: LoyaltyTier[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const t = entry as Record<string, unknown>;
    const minSpend = whole(t['minSpend']);
    const bp = multiplier(t['multiplierBasisPoints']);
    if (typeof t['id'] !== 'string' || t['id'] === '' || t['id'].length > 32 || minSpend === undefined || bp === undefined) continue;
    tiers.push({ id: t['id'], name: typeof t['name'] === 'string' ? t['name'] : t['id'], minSpend, multiplierBasisPoints: bp });
  }
  return tiers.sort((a, b) => a.minSpend - b.minSpend);
}

function readPromotions(value: unknown): LoyaltyPromotion[] {
  if (!Array.isArray(value)) return [];
  const promotions: LoyaltyPromotion[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const p = entry as Record<string, unknown>;
    const bp = multiplier(p['multiplierBasisPoints']);
    const weekdays = Array.isArray(p['weekdays']) ? (p['weekdays'] as unknown[]).filter((d): d is number => whole(d) !== undefined && (d as number) <= 6) : [];
    const dates = strings(p['dates']).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
    if (bp === undefined || (weekdays.length === 0 && dates.length === 0)) continue;
    promotions.push({ name: typeof p['name'] === 'string' ? p['name'] : 'promotion', weekdays: new Set(weekdays), dates: new Set(dates), multiplierBasisPoints: bp });
  }
  return promotions;
}

/**
 * The earning rules of a store's config (`loyalty`, and `store.timeZone` for promotion days), or undefined
 * when the store does not run a programme (disabled, or no valid earnAmountPerPoint). Malformed tiers and
 * promotions are left out rather than guessed at.
 */
export function loyaltyRules(config: { readonly loyalty?: Readonly<Record<string, unknown>>; readonly store?: Readonly<Record<string, unknown>> } | undefined): LoyaltyRules | undefined {
  const loyalty = config?.loyalty;
  const amountPerPoint = whole(loyalty?.['earnAmountPerPoint'], 1);
  if (loyalty?.['enabled'] !== true || amountPerPoint === undefined) return undefined;
  const zone = config?.store?.['timeZone'];
  const redeem = loyaltyRedeemRules(loyalty);
  return {
    amountPerPoint,
    nonEarningCategories: new Set(strings(loyalty['nonEarningCategories'])),
    tiers: readTiers(loyalty['tiers']),
    tierPeriodDays: whole(loyalty['tierPeriodDays'], 1) ?? DEFAULT_TIER_PERIOD_DAYS,
    promotions: readPromotions(loyalty['promotions']),
    timeZone: isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE,
    ...(redeem === undefined ? {} : { redeem }),
  };
}

/** The plain rule: one point per `amountPerPoint`, no categories, tiers or promotions. */
export function plainEarning(amountPerPoint: number): LoyaltyRules {
  return { amountPerPoint, nonEarningCategories: new Set(), tiers: [], tierPeriodDays: DEFAULT_TIER_PERIOD_DAYS, promotions: [], timeZone: DEFAULT_TIME_ZONE };
}

/** The highest tier `spend` reaches, or undefined below the first. */
export function tierForSpend(spend: number, rules: Pick<LoyaltyRules, 'tiers'>): LoyaltyTier | undefined {
  let reached: LoyaltyTier | undefined;
  for (const tier of rules.tiers) if (spend >= tier.minSpend) reached = tier;
  return reached;
}

/** The tier of that id, or undefined (an unknown id earns as no tier). */
export function tierById(id: string | undefined, rules: Pick<LoyaltyRules, 'tiers'>): LoyaltyTier | undefined {
  return id === undefined ? undefined : rules.tiers.find((tier) => tier.id === id);
}

/** What a customer spent in the tier period ending at `at` (exclusive), from dated amounts (returns negative). */
export function spendInPeriod(entries: ReadonlyArray<{ readonly at: string; readonly amount: number }>, at: string, rules: Pick<LoyaltyRules, 'tierPeriodDays'>): number {
  const end = Date.parse(at);
  const start = end - rules.tierPeriodDays * DAY_MS;
  let spend = 0;
  for (const entry of entries) {
    const when = Date.parse(entry.at);
    if (when >= start && when < end) spend += entry.amount;
  }
  return Math.max(0, spend);
}

/** The calendar day (YYYY-MM-DD) and weekday (Sunday = 0) of an instant in a time zone. */
export function localDay(at: string, timeZone: string): { readonly date: string; readonly weekday: number } {
  const instant = Date.parse(at);
  const local = new Date(instant + zoneOffset(instant, timeZone));
  const date = `${String(local.getUTCFullYear()).padStart(4, '0')}-${String(local.getUTCMonth() + 1).padStart(2, '0')}-${String(local.getUTCDate()).padStart(2, '0')}`;
  return { date, weekday: local.getUTCDay() };
}

/** The promotion multiplier on the store's calendar day of `at` (NO_MULTIPLIER on an ordinary day). */
export function promotionMultiplier(at: string, rules: Pick<LoyaltyRules, 'promotions' | 'timeZone'>): number {
  if (rules.promotions.length === 0 || Number.isNaN(Date.parse(at))) return NO_MULTIPLIER;
  const { date, weekday } = localDay(at, rules.timeZone);
  let best = NO_MULTIPLIER;
  for (const promotion of rules.promotions) {
    if ((promotion.dates.has(date) || promotion.weekdays.has(weekday)) && promotion.multiplierBasisPoints > best) best = promotion.multiplierBasisPoints;
  }
  return best;
}

/** What earning reads of a line: its amount, its product (for the category) and whether it sells a gift card. */
export interface EarningLine {
  readonly productId: string;
  readonly qty: number;
  readonly total: number;
  readonly giftCardId?: unknown;
}

/** What earning reads of a purchase (a stored sale fits). */
export interface EarningPurchase {
  readonly createdAt: string;
  readonly lines: readonly EarningLine[];
  readonly tenders: readonly Pick<SaleTender, 'method' | 'amount'>[];
  readonly totals: { readonly total: number; readonly [key: string]: unknown };
  readonly change?: number;
}

export interface EarningContext {
  /** The tier the customer earns at (undefined: none reached). */
  readonly tier?: LoyaltyTier;
  /** A product's category, from the catalog; undefined when unknown (it earns). */
  readonly categoryOf?: (productId: string) => string | undefined;
}

export interface Earning {
  readonly points: number;
  /** The amount the points were counted on. */
  readonly basis: number;
  /** Tier x promotion, in basis points (10,000 = x1). */
  readonly multiplierBasisPoints: number;
}

/** Whether a line earns points under the rules (not a gift card, not of a non-earning category). */
export function lineEarns(line: EarningLine, rules: Pick<LoyaltyRules, 'nonEarningCategories'>, categoryOf?: (productId: string) => string | undefined): boolean {
  if (typeof line.giftCardId === 'string') return false;
  const category = rules.nonEarningCategories.size === 0 ? undefined : categoryOf?.(line.productId);
  return category === undefined || !rules.nonEarningCategories.has(category);
}

/** Points for an amount earned on at a multiplier: floor(basis x multiplier / (10,000 x amountPerPoint)), exact. */
export function pointsFor(basis: number, multiplierBasisPoints: number, amountPerPoint: number): number {
  if (!Number.isSafeInteger(basis) || basis <= 0) return 0;
  return Number((BigInt(basis) * BigInt(multiplierBasisPoints)) / (BigInt(NO_MULTIPLIER) * BigInt(amountPerPoint)));
}

/** The multiplier a purchase earns at: its tier's times the day's promotion (basis points, exact). */
export function earningMultiplier(at: string, rules: LoyaltyRules, tier: LoyaltyTier | undefined): number {
  const tierBp = tier?.multiplierBasisPoints ?? NO_MULTIPLIER;
  return Math.floor((tierBp * promotionMultiplier(at, rules)) / NO_MULTIPLIER);
}

/** The points a sale earns its customer (see the file header); the caller checks a customer is attached. */
export function pointsEarnedBy(purchase: EarningPurchase, rules: LoyaltyRules, context: EarningContext = {}): Earning {
  let paidWithoutEarning = 0;
  let paidEarning = 0;
  for (const tender of purchase.tenders) {
    if (tenderKinds[tender.method].earnsPoints) paidEarning += tender.amount;
    else paidWithoutEarning += tender.amount;
  }
  let notEarning = 0;
  for (const line of purchase.lines) if (line.qty > 0 && !lineEarns(line, rules, context.categoryOf)) notEarning += line.total;
  const paid = paidEarning - (purchase.change ?? 0) - cashRoundingOf(purchase.totals as Parameters<typeof cashRoundingOf>[0]);
  const basis = Math.min(purchase.totals.total - notEarning - paidWithoutEarning, paid);
  const multiplierBasisPoints = earningMultiplier(purchase.createdAt, rules, context.tier);
  if (!Number.isSafeInteger(basis) || basis <= 0) return { points: 0, basis: 0, multiplierBasisPoints };
  return { points: pointsFor(basis, multiplierBasisPoints, rules.amountPerPoint), basis, multiplierBasisPoints };
}

/**
 * The most points a till may let the customer spend without asking the server: the balance at the last
 * sync less what this till has spent since (its unsynced redemptions and clawbacks; unsynced earnings are
 * not counted, the server has not confirmed them), and never more than the store's offline cap.
 */
export function offlineSpendCap(balanceAtLastSync: number, pendingDeltas: readonly number[], storeCap: number): number {
  let spent = 0;
  for (const delta of pendingDeltas) if (delta < 0) spent -= delta;
  return Math.max(0, Math.min(balanceAtLastSync - spent, storeCap));
}
