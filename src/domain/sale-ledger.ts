/*
 * The money a stored sale moves, as the server derives it: gift-card money, store credit and loyalty points
 * (stock is what happened at the counter and is taken as the device says). A device's token alone must not
 * put money on a card (issue 12, finding 2), so the server applies these movements and only these; the
 * `ledger` a sale embeds is compared with them (compareEmbeddedLedger) and what does not follow is flagged.
 *
 * The same code as the counter's: a tender's movement is its kind's `ledgerEntry` (tender-kinds.ts, as
 * sale-document.ts builds the ledger), points are earned as sale-document.ts earns them (one point per
 * `amountPerPoint` paid other than in points), with the same ids, so a sale built by buildSaleDocument
 * derives exactly the money entries it embeds (sale-ledger.test.ts checks it for any paid sale).
 *
 *   - a sale ('sale'): giftcard -amount per gift_card tender (refId = its reference, the card id), credit
 *     -amount per store_credit tender and points -points per points tender (refId = the customer), points
 *     +earned for a sale with a customer (loyalty.ts: categories, the tier the server decides, promotion
 *     days), giftcard +line total per paid gift-card line (gift-card-sale.ts). A tender that would put money
 *     on a card (a negative amount) derives nothing and is reported. Earned points are capped by what the
 *     earning tenders really brought (paid - change - cash rounding).
 *   - a reversal ('return' with originalSaleId): the original's movements as the server applied them,
 *     turned around (sale-reversal.ts's ids). Taking back earned points always follows; giving money back
 *     to a card, credit or points only with a refund tender of that kind and amount in the reversal.
 *   - any other return (a customer return or exchange, sale-return.ts): derived against its purchase by
 *     return-money.ts, which the server's return policy (sync-server/src/policies/sale-returns.ts) calls
 *     with what it knows across stores; nothing here.
 */
import type { SaleDocument, SaleLedgerEntry, SaleTender } from './documents.ts';
import { giftCardProductIds, paidGiftCardLoads } from './gift-card-sale.ts';
import { loyaltyRules, plainEarning, pointsEarnedBy } from './loyalty.ts';
import type { LoyaltyRules, LoyaltyTier } from './loyalty.ts';
import { pointsOf } from './sale-amounts.ts';
import { tenderKinds } from './tender-kinds.ts';

/** The balances that hold money (or its stand-in, points) rather than goods. */
export type MoneyKind = 'giftcard' | 'credit' | 'points';

export function isMoneyKind(kind: string): kind is MoneyKind {
  return kind === 'giftcard' || kind === 'credit' || kind === 'points';
}

/** A money movement the server derives, in the shape of an embedded ledger entry. */
export interface MoneyMovement extends SaleLedgerEntry {
  readonly kind: MoneyKind;
  /** On a reversal: the id of the original's movement it gives back (each is given back once). */
  readonly reverses?: string;
  /**
   * The store whose balance it moves, when not the document's own: a return at another store gives back
   * to the purchase's gift card, credit or points where they were spent (return-money.ts).
   */
  readonly storeId?: string;
}

export interface SaleLedgerRules {
  /** Loyalty earning of the store (config.loyalty); undefined when the store does not earn points. */
  readonly amountPerPoint?: number;
  /** The store's whole programme (loyalty.ts): categories that earn nothing, tiers, promotion days. */
  readonly loyalty?: LoyaltyRules;
  /** The tier a sale's customer earns at, as the server decides it (the lower of the sale's and the one reached). */
  readonly tierOf?: (sale: SaleDocument) => LoyaltyTier | undefined;
  /** A product's category, from the catalog. */
  readonly categoryOf?: (productId: string) => string | undefined;
  /** The store's gift-card products (gift-card-sale.ts). */
  readonly giftCardProductIds?: ReadonlySet<string>;
}

/** What the server knows of a reversal's original: the sale, and the money movements it applied for it. */
export interface OriginalSale {
  readonly sale: Pick<SaleDocument, 'id' | 'kind' | 'storeId'>;
  readonly applied: readonly MoneyMovement[];
  /**
   * What partial returns of it gave back already (return-money.ts givenBackKey: `kind|refId` of what paid,
   * `earn|customer` of points taken back): a cancellation after them gives back only the rest.
   */
  readonly givenBack?: ReadonlyMap<string, number>;
}

export interface MoneyLedger {
  readonly movements: MoneyMovement[];
  /** Why a tender or an original movement derives nothing, for the manager. */
  readonly problems: string[];
}

/** The earning rule of a store's config.loyalty (as the counter reads it, sale-settings.ts). */
export function loyaltyEarning(loyalty: Readonly<Record<string, unknown>> | undefined): SaleLedgerRules {
  const amount = loyalty?.['earnAmountPerPoint'];
  if (loyalty?.['enabled'] !== true || typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) return {};
  return { amountPerPoint: amount };
}

/** Everything of a store's config the money of its sales follows: earning (with the whole programme) and gift-card products. */
export function saleLedgerRulesOf(config: { readonly loyalty?: Readonly<Record<string, unknown>>; readonly store?: Readonly<Record<string, unknown>> } | undefined): SaleLedgerRules {
  const loyalty = loyaltyRules(config);
  return {
    ...loyaltyEarning(config?.loyalty),
    ...(loyalty === undefined ? {} : { loyalty }),
    giftCardProductIds: giftCardProductIds(config?.loyalty),
  };
}

/** The stored tender as the counter took it, for its kind's ledgerEntry; undefined when it lacks what that needs. */
function movementOfTender(tender: SaleTender, saleId: string, index: number, customerId: string | undefined): SaleLedgerEntry | undefined {
  const place = { saleId, index, ...(customerId === undefined ? {} : { customerId }) };
  switch (tender.method) {
    case 'gift_card':
      return tender.reference === undefined || tender.reference === '' ? undefined : tenderKinds.gift_card.ledgerEntry({ method: 'gift_card', amount: tender.amount, giftCardId: tender.reference }, place);
    case 'store_credit':
      return tenderKinds.store_credit.ledgerEntry({ method: 'store_credit', amount: tender.amount }, place);
    case 'points': {
      const points = pointsOf(tender);
      return points === undefined ? undefined : tenderKinds.points.ledgerEntry({ method: 'points', amount: tender.amount, points }, place);
    }
    default:
      return undefined;
  }
}

function moneyOf(entry: SaleLedgerEntry): MoneyMovement | undefined {
  return isMoneyKind(entry.kind) ? { id: entry.id, kind: entry.kind, refId: entry.refId, delta: entry.delta, reason: entry.reason } : undefined;
}

function spentBySale(sale: SaleDocument, rules: SaleLedgerRules): MoneyLedger {
  const movements: MoneyMovement[] = [];
  const problems: string[] = [];
  sale.tenders.forEach((tender, index) => {
    if (tender.method !== 'gift_card' && tender.method !== 'store_credit' && tender.method !== 'points') return;
    const spent = tender.method === 'points' ? (pointsOf(tender) ?? 0) : tender.amount;
    if (!(spent > 0) || tender.amount < 0) {
      problems.push(`tenders/${index}: a ${tender.method} tender on a sale spends a positive amount; ${tender.amount} (points ${String(pointsOf(tender))}) would add money, and a card is loaded only by a gift-card sale line`);
      return;
    }
    const entry = movementOfTender(tender, sale.id, index, sale.customerId);
    const movement = entry === undefined ? undefined : moneyOf(entry);
    if (movement === undefined) problems.push(`tenders/${index}: a ${tender.method} tender without ${tender.method === 'gift_card' ? 'its card id' : tender.method === 'points' ? 'its points' : 'a customer'} moves no balance`);
    else movements.push(movement);
  });
  const cards = paidGiftCardLoads(sale, rules.giftCardProductIds ?? new Set());
  problems.push(...cards.problems);
  for (const load of cards.loads) movements.push({ id: load.id, kind: 'giftcard', refId: load.refId, delta: load.delta, reason: load.reason });
  const earned = pointsEarned(sale, rules);
  if (earned > 0 && sale.customerId !== undefined) movements.push({ id: `${sale.id}-points-earn`, kind: 'points', refId: sale.customerId, delta: earned, reason: 'earn' });
  return { movements, problems };
}

/**
 * Points a sale earns its customer, by loyalty.ts (the counter's rule too): what was paid for earning goods
 * other than in points, and never more than the earning tenders brought in (paid - change - cash rounding),
 * whatever the sale's totals say; at the tier the server decides (tierOf) and the day's promotion.
 */
export function pointsEarned(sale: SaleDocument, rules: SaleLedgerRules): number {
  const amountPerPoint = rules.amountPerPoint ?? rules.loyalty?.amountPerPoint;
  if (sale.customerId === undefined || amountPerPoint === undefined || !Number.isSafeInteger(amountPerPoint) || amountPerPoint <= 0) return 0;
  const tier = rules.tierOf?.(sale);
  return pointsEarnedBy(sale, { ...(rules.loyalty ?? plainEarning(amountPerPoint)), amountPerPoint }, {
    ...(tier === undefined ? {} : { tier }),
    ...(rules.categoryOf === undefined ? {} : { categoryOf: rules.categoryOf }),
  }).points;
}

/** sale-reversal.ts's id for the reversal's copy of one of the original's movements. */
function reversedId(reversalId: string, originalId: string, entryId: string, index: number): string {
  const derived = entryId.startsWith(`${originalId}-`) ? `${reversalId}${entryId.slice(originalId.length)}` : '';
  return derived !== '' && derived.length <= 64 ? derived : `${reversalId}-void-${index}`;
}

/**
 * Whether the reversal hands `movement` (a refund, delta > 0) back through a tender of its kind, amount and
 * card (at least that amount when returns gave part of it back already: `reduced`).
 */
function refundTenderIndex(reversal: SaleDocument, movement: MoneyMovement, used: Set<number>, reduced: boolean): number {
  const covers = (amount: number): boolean => (reduced ? amount >= movement.delta : amount === movement.delta);
  return reversal.tenders.findIndex((tender, index) => {
    if (used.has(index) || tender.amount > 0) return false;
    if (movement.kind === 'giftcard') return tender.method === 'gift_card' && tender.reference === movement.refId && covers(-tender.amount);
    if (movement.kind === 'credit') return tender.method === 'store_credit' && covers(-tender.amount);
    return tender.method === 'points' && covers(pointsOf(tender) ?? 0);
  });
}

function givenBackByReversal(reversal: SaleDocument, original: OriginalSale | undefined): MoneyLedger {
  const originalId = reversal.originalSaleId;
  if (original === undefined) return { movements: [], problems: [`the original sale ${String(originalId)} is not known to the server: its reversal gives no money back`] };
  if (original.sale.kind !== 'sale' || original.sale.storeId !== reversal.storeId) {
    return { movements: [], problems: [`the original ${String(originalId)} is not a sale of this store: its reversal gives no money back`] };
  }
  const movements: MoneyMovement[] = [];
  const problems: string[] = [];
  const used = new Set<number>();
  const givenBack = new Map(original.givenBack ?? []);
  original.applied.forEach((applied, index) => {
    // What returns of the sale gave back (or took back) already is not given back twice.
    const pool = applied.reason === 'earn' ? `earn|${applied.refId}` : applied.delta < 0 ? `${applied.kind}|${applied.refId}` : undefined;
    const already = pool === undefined ? 0 : Math.min(Math.abs(applied.delta), givenBack.get(pool) ?? 0);
    if (pool !== undefined && already > 0) {
      givenBack.set(pool, (givenBack.get(pool) ?? 0) - already);
      problems.push(`${applied.id}: ${already} of it went back with a return of the sale already`);
    }
    const left = Math.abs(applied.delta) - already;
    if (left === 0 && applied.delta !== 0) return;
    const movement: MoneyMovement = {
      id: reversedId(reversal.id, original.sale.id, applied.id, index),
      kind: applied.kind,
      refId: applied.refId,
      delta: applied.delta === 0 ? 0 : applied.delta < 0 ? left : -left,
      reason: 'void',
      reverses: applied.id,
    };
    if (movement.delta <= 0) {
      movements.push(movement);
      return;
    }
    const tender = refundTenderIndex(reversal, movement, used, already > 0);
    if (tender < 0) {
      problems.push(`${applied.id}: the reversal has no ${movement.kind} refund tender of ${movement.delta}, so nothing is given back to ${movement.refId}`);
      return;
    }
    used.add(tender);
    movements.push(movement);
  });
  return { movements, problems };
}

/**
 * The gift-card, store-credit and points movements a stored sale document implies (see the file header).
 * For a reversal, `original` is the cancelled sale as the server knows it (undefined when it does not).
 */
export function moneyMovementsOf(sale: SaleDocument, rules: SaleLedgerRules, original?: OriginalSale): MoneyLedger {
  if (sale.kind === 'sale') return spentBySale(sale, rules);
  if (typeof sale.originalSaleId === 'string') return givenBackByReversal(sale, original);
  return { movements: [], problems: [] };
}

/** An embedded entry and the derived movement it stands for. */
export interface LedgerComparison {
  /** Each derived movement, with the embedded entry that matched it (kind, refId and delta equal), if any. */
  readonly derived: ReadonlyArray<{ readonly movement: MoneyMovement; readonly embedded?: SaleLedgerEntry }>;
  /** Embedded money entries that follow from nothing the server derived: never applied. */
  readonly refused: ReadonlyArray<{ readonly index: number; readonly entry: SaleLedgerEntry; readonly why: string }>;
}

/** Matches a sale's embedded money entries with the derived movements (by id first, then by content). */
export function compareEmbeddedLedger(embedded: readonly SaleLedgerEntry[], derived: readonly MoneyMovement[], problems: readonly string[] = []): LedgerComparison {
  const matches = new Map<number, SaleLedgerEntry>();
  const taken = new Set<number>();
  const same = (entry: SaleLedgerEntry, movement: MoneyMovement): boolean => entry.kind === movement.kind && entry.refId === movement.refId && entry.delta === movement.delta;
  const money = embedded.map((entry, index) => ({ entry, index })).filter(({ entry }) => isMoneyKind(entry.kind));
  for (const byId of [true, false]) {
    for (const { entry, index } of money) {
      if (taken.has(index)) continue;
      const at = derived.findIndex((movement, i) => !matches.has(i) && same(entry, movement) && (!byId || movement.id === entry.id));
      if (at < 0) continue;
      matches.set(at, entry);
      taken.add(index);
    }
  }
  const refused = money
    .filter(({ index }) => !taken.has(index))
    .map(({ entry, index }) => {
      const sameId = derived.find((movement) => movement.id === entry.id);
      const why =
        sameId !== undefined
          ? `the server derives ${sameId.kind} ${sameId.delta} on ${sameId.refId} for this entry, not ${entry.kind} ${entry.delta} on ${entry.refId}`
          : `it does not follow from the sale: no tender, earning or reversal of it moves ${entry.kind} ${entry.delta} on ${entry.refId}` +
            (problems.length > 0 ? ` (${problems.join('; ')})` : '');
      return { index, entry, why };
    });
  return {
    derived: derived.map((movement, i) => {
      const entry = matches.get(i);
      return entry === undefined ? { movement } : { movement, embedded: entry };
    }),
    refused,
  };
}
