/*
 * One query per dashboard chart, over the running sums of dashboard-tables.ts for a set of stores and a
 * range of business days [from, to] (inclusive, YYYY-MM-DD): each is an index range on (store_id, day) or
 * (day), so its cost follows the range asked and the number of stores, never the history held. The route
 * (routes/reports-dashboard.ts) answers them together; the bench (tests/bench/dashboard.bench.ts) times each.
 * Amounts come back as integers (bigint sums are read as numbers: minor units of a chain stay far below 2^53).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { addDays } from '../../../src/domain/business-day.ts';
import { pickupFigures, shareOf } from '../../../src/domain/dashboard-pickups.ts';
import type { DashboardOrder, PickupFigures } from '../../../src/domain/dashboard-pickups.ts';
import type { TenderMethod } from '../../../src/domain/documents.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { WHOLE_CHAIN } from './dashboard-tables.ts';
import type { DashboardTables } from './dashboard-tables.ts';

export interface DashboardScope {
  readonly storeIds: readonly string[];
  /** Every store of the chain: the top products are read from the chain's own rows (dashboard-tables.ts). */
  readonly wholeChain?: boolean;
  /** Business dates, inclusive. */
  readonly from: string;
  readonly to: string;
}

export interface DashboardReader {
  readonly db: Kysely<Database>;
  readonly documents: DocumentsRepository;
}

const TOP = 10;

type Db = Kysely<Database & DashboardTables>;
const tables = (reader: DashboardReader): Db => reader.db.withTables<DashboardTables>();
const int = (value: unknown): number => Number(value ?? 0);

/** Rows of `table` in the scope (a store's index range, or every store's rows of the days). */
function scoped<T extends keyof DashboardTables>(db: Db, table: T, scope: DashboardScope) {
  return db.selectFrom(table as keyof DashboardTables).where('store_id', 'in', [...scope.storeIds]).where('day', '>=', scope.from).where('day', '<=', scope.to);
}

export interface HourPoint { hour: number; salesCount: number; net: number }
export async function salesByHour(reader: DashboardReader, scope: DashboardScope): Promise<HourPoint[]> {
  const rows = await scoped(tables(reader), 'dashboard_hours', scope)
    .select(['hour', sql<number>`sum(sales_count)`.as('sales_count'), sql<number>`sum(net)`.as('net')])
    .groupBy('hour')
    .execute();
  const byHour = new Map(rows.map((row) => [int(row.hour), row]));
  return Array.from({ length: 24 }, (_, hour) => ({ hour, salesCount: int(byHour.get(hour)?.sales_count), net: int(byHour.get(hour)?.net) }));
}

export interface DayPoint { date: string; salesCount: number; returnsCount: number; net: number }
export interface DashboardTotals {
  salesCount: number; returnsCount: number; cancellationsCount: number; gross: number; discounts: number; returns: number; cancellations: number; net: number;
  onlineReturnsCount: number; pointsIssued: number; pointsRedeemed: number; cardsSold: number; cardsRedeemed: number;
}
export async function salesByDay(reader: DashboardReader, scope: DashboardScope): Promise<{ days: DayPoint[]; totals: DashboardTotals }> {
  const rows = await scoped(tables(reader), 'dashboard_days', scope)
    .select([
      'day',
      sql<number>`sum(sales_count)`.as('sales_count'), sql<number>`sum(returns_count)`.as('returns_count'), sql<number>`sum(cancellations_count)`.as('cancellations_count'),
      sql<number>`sum(gross)`.as('gross'), sql<number>`sum(discounts)`.as('discounts'), sql<number>`sum(returns)`.as('returns'), sql<number>`sum(cancellations)`.as('cancellations'),
      sql<number>`sum(net)`.as('net'), sql<number>`sum(online_returns_count)`.as('online_returns_count'), sql<number>`sum(points_issued)`.as('points_issued'),
      sql<number>`sum(points_redeemed)`.as('points_redeemed'), sql<number>`sum(cards_sold)`.as('cards_sold'), sql<number>`sum(cards_redeemed)`.as('cards_redeemed'),
    ])
    .groupBy('day')
    .execute();
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days: DayPoint[] = [];
  for (let date = scope.from; date <= scope.to; date = addDays(date, 1)) {
    const row = byDay.get(date);
    days.push({ date, salesCount: int(row?.sales_count), returnsCount: int(row?.returns_count), net: int(row?.net) });
  }
  const total = (column: keyof (typeof rows)[number]): number => rows.reduce((sum, row) => sum + int(row[column]), 0);
  return {
    days,
    totals: {
      salesCount: total('sales_count'), returnsCount: total('returns_count'), cancellationsCount: total('cancellations_count'), gross: total('gross'), discounts: total('discounts'),
      returns: total('returns'), cancellations: total('cancellations'), net: total('net'), onlineReturnsCount: total('online_returns_count'),
      pointsIssued: total('points_issued'), pointsRedeemed: total('points_redeemed'), cardsSold: total('cards_sold'), cardsRedeemed: total('cards_redeemed'),
    },
  };
}

export interface ProductPoint { productId: string; name: string; qty: number; amount: number; tax: number }
/** Every product sold in the scope, by amount, highest first. */
async function productTotals(reader: DashboardReader, scope: DashboardScope, limit?: number): Promise<ProductPoint[]> {
  const rows = scope.wholeChain === true ? { ...scope, storeIds: [WHOLE_CHAIN] } : scope;
  let query = scoped(tables(reader), 'dashboard_products', rows)
    .select(['product_id', sql<string>`max(name)`.as('name'), sql<number>`sum(qty)`.as('qty'), sql<number>`sum(amount)`.as('amount'), sql<number>`sum(tax)`.as('tax')])
    .groupBy('product_id')
    .orderBy(sql`sum(amount)`, 'desc')
    .orderBy('product_id');
  if (limit !== undefined) query = query.limit(limit);
  const found = await query.execute();
  return found.map((row) => ({ productId: row.product_id, name: row.name, qty: int(row.qty), amount: int(row.amount), tax: int(row.tax) }));
}

export async function topProducts(reader: DashboardReader, scope: DashboardScope): Promise<ProductPoint[]> {
  return productTotals(reader, scope, TOP);
}

export interface CategoryPoint { category: string; qty: number; amount: number }
/** The products' totals by the category their catalog entry names today ('' for none or a product gone). */
export async function topCategories(reader: DashboardReader, scope: DashboardScope): Promise<CategoryPoint[]> {
  const products = await productTotals(reader, scope);
  const catalog = await reader.documents.getMany(reader.db, 'products', products.map((product) => product.productId));
  const byCategory = new Map<string, CategoryPoint>();
  for (const product of products) {
    const category = catalog.get(product.productId)?.body.category ?? '';
    const row = byCategory.get(category) ?? { category, qty: 0, amount: 0 };
    row.qty += product.qty;
    row.amount += product.amount;
    byCategory.set(category, row);
  }
  return [...byCategory.values()].sort((a, b) => b.amount - a.amount || a.category.localeCompare(b.category)).slice(0, TOP);
}

export interface TenderPoint { method: TenderMethod; count: number; amount: number }
export async function tenderMix(reader: DashboardReader, scope: DashboardScope): Promise<TenderPoint[]> {
  const rows = await scoped(tables(reader), 'dashboard_tenders', scope)
    .select(['method', sql<number>`sum(count)`.as('count'), sql<number>`sum(amount)`.as('amount')])
    .groupBy('method')
    .execute();
  return rows.map((row) => ({ method: row.method as TenderMethod, count: int(row.count), amount: int(row.amount) })).sort((a, b) => b.amount - a.amount || a.method.localeCompare(b.method));
}

export interface ReturnReasonPoint { reason: string; count: number; amount: number; online: number }
export async function returnReasons(reader: DashboardReader, scope: DashboardScope): Promise<ReturnReasonPoint[]> {
  const rows = await scoped(tables(reader), 'dashboard_returns', scope)
    .select(['reason', sql<number>`sum(count)`.as('count'), sql<number>`sum(amount)`.as('amount'), sql<number>`sum(online)`.as('online')])
    .groupBy('reason')
    .execute();
  return rows.map((row) => ({ reason: row.reason, count: int(row.count), amount: int(row.amount), online: int(row.online) })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export interface CashVariancePoint { date: string; storeId: string; shiftId: string; deviceId: string; closedAt: string; counted: number; expected: number; variance: number }
/** Every closed shift of the scope, oldest first. */
export async function cashVariance(reader: DashboardReader, scope: DashboardScope): Promise<CashVariancePoint[]> {
  const rows = await scoped(tables(reader), 'dashboard_shifts', scope)
    .select(['day', 'store_id', 'shift_id', 'device_id', 'closed_at', 'counted', 'expected', 'variance'])
    .orderBy('closed_at')
    .orderBy('shift_id')
    .execute();
  return rows.map((row) => ({ date: row.day, storeId: row.store_id, shiftId: row.shift_id, deviceId: row.device_id, closedAt: row.closed_at, counted: int(row.counted), expected: int(row.expected), variance: int(row.variance) }));
}

export interface OnlineFigures {
  pickups: PickupFigures;
  /** Returns in store of online orders, against the pickups handed over in the range. */
  onlineReturnsInStore: { count: number; share: number | null };
  points: { issued: number; redeemed: number; redemptionRate: number | null };
  /** What the stores' gift cards hold today (their balances), owed to their holders. */
  giftCardLiability: number;
}
/**
 * The online-to-offline figures: pickups from the orders changed since the range began (the stores' orders
 * by their last change, an index range; a chain's pickup orders are few next to its sales; the server writes
 * them as OrderDocuments, so their JSON is read as one), the
 * rest from the day sums and the gift-card balances.
 */
export async function onlineFigures(reader: DashboardReader, scope: DashboardScope, window: { from: number; to: number }, totals: DashboardTotals): Promise<OnlineFigures> {
  // One read for every store of the scope (the orders' time index, migration 0010): a chain's 20 stores are one round trip, not 20.
  const rows = await reader.db
    .selectFrom('documents')
    .select(['body', 'deleted'])
    .where('collection', '=', sql.lit('orders'))
    .where('store_id', 'in', [...scope.storeIds])
    .where('updated_at', '>=', new Date(window.from).toISOString())
    .execute();
  const orders = rows.filter((row) => row.deleted !== true && row.deleted !== 1).map((row): DashboardOrder => JSON.parse(row.body) as DashboardOrder);
  const pickups = pickupFigures(orders, window);
  const liability = await reader.db
    .selectFrom('balances')
    .select(sql<number>`coalesce(sum(value), 0)`.as('total'))
    .where('kind', '=', 'giftcard')
    .where('store_id', 'in', [...scope.storeIds])
    .executeTakeFirst();
  return {
    pickups,
    onlineReturnsInStore: { count: totals.onlineReturnsCount, share: shareOf(totals.onlineReturnsCount, pickups.handedOver) },
    points: { issued: totals.pointsIssued, redeemed: totals.pointsRedeemed, redemptionRate: shareOf(totals.pointsRedeemed, totals.pointsIssued) },
    giftCardLiability: int(liability?.total),
  };
}
