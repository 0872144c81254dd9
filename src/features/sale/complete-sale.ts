/*
 * Completing a sale: the paid cart becomes ONE sale document (its stock and points movements embedded,
 * domain/sale-document.ts), with the next receipt number of this device, written with ONE RxDB insert
 * before anything is printed. So the sale and its movements are durable together or not at all, and a
 * print failure costs a reprint, never a sale.
 *
 * Order of work, for the cashier's wait ("pay tapped -> sale durable"): the document is built and checked
 * first (pure and fast; a cart that cannot complete must not burn a receipt number), then the number is
 * taken (one small IndexedDB transaction, counter-database.ts), then the insert. Nothing else sits between:
 * the customer's tier is the one the counter read when the customer was attached (use-customer-standing.ts),
 * read here only when it has not come yet.
 */
import { v7 as uuidv7 } from 'uuid';
import type { PosDatabase } from '../../data/database.ts';
import type { CounterDatabase } from '../../data/counter-database.ts';
import { takeNextReceiptSequence } from '../../data/receipt-sequence.ts';
import { purchasesOf } from '../../data/customer-records.ts';
import { loyaltyStanding, tierPeriodStart } from '../../domain/loyalty-standing.ts';
import type { CartState } from '../../domain/cart.ts';
import type { LoyaltyTier } from '../../domain/loyalty.ts';
import { formatReceiptNumber } from '../../domain/receipt-number.ts';
import { buildSaleDocument } from '../../domain/sale-document.ts';
import type { CompletedSale, SaleBuild } from '../../domain/sale-document.ts';
import type { Tender } from '../../domain/tender.ts';
import type { SaleSettings } from '../../data/sale-settings.ts';

export interface CompleteSaleInput {
  readonly database: PosDatabase;
  readonly counter: CounterDatabase;
  readonly cart: CartState;
  readonly tenders: readonly Tender[];
  readonly settings: SaleSettings;
  readonly storeId: string;
  readonly deviceId: string;
  readonly staffId: string;
  readonly now?: Date;
  /** The attached customer's standing as the counter shows it: saves reading their year of purchases again. */
  readonly customerStanding?: { readonly customerId: string; readonly tier: LoyaltyTier | undefined };
  /** The online order whose balance due this sale takes at the pickup counter (issue 15). */
  readonly pickupOrderId?: string;
  /** The catalog's categories of products (src/catalog/product-categories.ts): read when some categories earn no points. */
  readonly categoriesOf?: (productIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

/** Placeholder while the document is checked; replaced by the real number before anything is written. */
const UNNUMBERED = 'UNNUMBERED';

/**
 * The receipt number's store and device parts. The server does not hand out short codes yet, so they are
 * taken from the ids it assigned: the last 4 letters/digits of the store id and the last 6 of the device id
 * (a UUIDv7 ends in random bits, so two devices of a store share them with odds of one in 16 million).
 */
export function receiptCodes(storeId: string, deviceId: string): { storeCode: string; deviceCode: string } {
  const alnum = (id: string) => id.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return { storeCode: alnum(storeId).slice(-4) || 'S', deviceCode: alnum(deviceId).slice(-6) || 'D' };
}

/**
 * The sale's rules with the customer's tier as this till knows it (their spend here over the tier period,
 * domain/loyalty-standing.ts): the sale earns at it and names it; the server keeps the lower of that and the
 * tier reached chain-wide. Without a customer or tiers, the rules as they are.
 */
async function withCustomerTier(input: CompleteSaleInput, rules: SaleSettings['saleRules'], createdAt: string): Promise<SaleSettings['saleRules']> {
  const { cart, customerStanding } = input;
  const loyalty = rules.loyalty;
  if (cart.customerId === undefined || loyalty?.rules === undefined || loyalty.rules.tiers.length === 0) return rules;
  const tier =
    customerStanding?.customerId === cart.customerId
      ? customerStanding.tier
      : loyaltyStanding(await purchasesOf(input.database, cart.customerId, tierPeriodStart(createdAt, loyalty.rules)), createdAt, loyalty.rules).tier;
  return tier === undefined ? rules : { ...rules, loyalty: { ...loyalty, tier } };
}

/**
 * The sale's rules with the categories of its products when the store has categories that earn no points and
 * a customer earns: the counter's points are then the server's (issue 16), where they used to be flagged.
 */
async function withEarningCategories(input: CompleteSaleInput, rules: SaleSettings['saleRules']): Promise<SaleSettings['saleRules']> {
  const loyalty = rules.loyalty;
  if (input.cart.customerId === undefined || input.categoriesOf === undefined || loyalty?.rules === undefined || loyalty.rules.nonEarningCategories.size === 0) return rules;
  const categories = await input.categoriesOf(input.cart.lines.map((line) => line.productId));
  return { ...rules, loyalty: { ...loyalty, categoryOf: (productId) => categories.get(productId) } };
}

export async function completeSale(input: CompleteSaleInput): Promise<SaleBuild> {
  const { database, counter, cart, tenders, settings } = input;
  const createdAt = (input.now ?? new Date()).toISOString();
  const saleRules = await withEarningCategories(input, await withCustomerTier(input, settings.saleRules, createdAt));
  const built = buildSaleDocument(
    cart,
    tenders,
    {
      id: uuidv7(),
      storeId: input.storeId,
      deviceId: input.deviceId,
      number: UNNUMBERED,
      createdAt,
      staffId: input.staffId,
      currency: settings.currency,
    },
    saleRules,
  );
  if (!built.ok) return built;
  const sequence = await takeNextReceiptSequence(counter);
  const sale: CompletedSale = {
    ...built.sale,
    number: formatReceiptNumber({ ...receiptCodes(input.storeId, input.deviceId), sequence }),
    ...(input.pickupOrderId === undefined ? {} : { pickupOrderId: input.pickupOrderId }),
  };
  await database.sales.insert(sale);
  return { ok: true, sale };
}
