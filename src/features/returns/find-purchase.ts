/*
 * Finding what a customer bought, for a return at the counter (issue 16). What the cashier scans or types
 * is read in this order:
 *   - a packing slip's QR ("POSSLIP1.…"): checked OFFLINE against the server's public key from the store's
 *     config (domain/packing-slip.ts); a forged or altered slip is refused and never read;
 *   - a receipt number (the receipt's barcode carries it, receipt-model.ts `lookup`): the tablet's own sales
 *     by their indexed number first, then the server's purchases (GET /api/v1/purchases) when online;
 *   - a customer's phone: that customer's sales on this tablet and the store's online orders for them;
 *   - anything else, as an online order's number: the tablet's orders, then the server.
 * Each purchase found comes with the returns of it that are known where it was found (this tablet's sales,
 * or every store's when the server answered), so the return screen never offers more than is left.
 *
 * Reads only: nothing here writes. The server's answer is read through the same schema-typed documents the
 * tablet stores; a refusal or a network failure comes back as an outcome the screen words.
 */
import type { PosDatabase } from '../../data/database.ts';
import type { OrderDocument, SaleDocument } from '../../data/schemas/types.ts';
import { slipKeyOfConfig, verifyPackingSlip, PACKING_SLIP_PREFIX } from '../../domain/packing-slip.ts';
import type { PackingSlipSummary, SlipRefusal } from '../../domain/packing-slip.ts';
import { fullVietnamPhone, phoneForms } from '../../domain/phone-number.ts';
import { parseReceiptNumber } from '../../domain/receipt-number.ts';
import { purchaseOfOrder, purchaseOfSale } from '../../domain/returnable-purchase.ts';
import type { EarlierReturn, Purchase, PurchasedOrder } from '../../domain/returnable-purchase.ts';
import { apiUrl } from '../../sync/sync-api.ts';

/** Where the purchase was read from: this tablet's documents, the server, or a checked packing slip. */
export type PurchaseOrigin = 'tablet' | 'server' | 'slip';

export interface FoundPurchase {
  readonly purchase: Purchase;
  readonly earlierReturns: readonly EarlierReturn[];
  readonly origin: PurchaseOrigin;
  /** For the screen: the order's or slip's customer name, when it has one. */
  readonly customerName?: string;
}

export type PurchaseLookup =
  | { readonly kind: 'found'; readonly matches: readonly FoundPurchase[] }
  | { readonly kind: 'none'; readonly askedServer: boolean }
  | { readonly kind: 'slip-refused'; readonly reason: SlipRefusal; readonly detail: string }
  /** The server answered with a refusal other than "not found" (too many lookups, a revoked tablet...). */
  | { readonly kind: 'server-refused'; readonly status: number };

/** How the tablet reaches the server: absent offline or on a tablet not enrolled. */
export interface ServerAccess {
  readonly serverUrl: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
}

export interface LookupSources {
  readonly database: PosDatabase;
  /**
   * The returns this tablet holds, by the id of the purchase they return, when the screen keeps them (a live
   * query of the few return documents): a lookup then reads no other sale. Without it they are queried.
   */
  readonly knownReturns?: ReadonlyMap<string, readonly EarlierReturn[]>;
  /** The store's config (its slip key); undefined before the first sync. */
  readonly slipKey: CryptoKey | string | undefined;
  readonly server?: ServerAccess;
}

const SERVER_TIMEOUT_MS = 8_000;
const MAX_BY_PHONE = 20;

type StoredSale = SaleDocument;

export function isPackingSlipText(text: string): boolean {
  return text.trim().startsWith(`${PACKING_SLIP_PREFIX}.`);
}

/** The slip key of a config document (undefined until the tablet pulled one carrying it). */
export { slipKeyOfConfig };

/** The returns this tablet holds, grouped by the sale or order they return (for LookupSources.knownReturns). */
export function returnsByPurchase(documents: readonly EarlierReturn[]): Map<string, EarlierReturn[]> {
  const byPurchase = new Map<string, EarlierReturn[]>();
  for (const document of documents) {
    if (document.kind !== 'return') continue;
    for (const id of [document.originalSaleId, document.orderId]) {
      if (typeof id !== 'string') continue;
      byPurchase.set(id, [...(byPurchase.get(id) ?? []), document]);
    }
  }
  return byPurchase;
}

/** The returns (and cancellations) this tablet holds of a purchase. */
async function localReturnsOf(database: PosDatabase, purchase: Pick<Purchase, 'source' | 'id' | 'purchasedAt'>, known?: ReadonlyMap<string, readonly EarlierReturn[]>): Promise<readonly EarlierReturn[]> {
  if (known !== undefined) return known.get(purchase.id) ?? [];
  // A return is written after what it returns: the createdAt index keeps the look to documents since then.
  const field = purchase.source === 'sale' ? 'originalSaleId' : 'orderId';
  const docs = await database.sales.find({ selector: { createdAt: { $gte: purchase.purchasedAt }, kind: 'return', [field]: purchase.id }, index: ['createdAt'] }).exec();
  return docs.map((doc) => doc.toMutableJSON());
}

function orderAsPurchase(order: Pick<OrderDocument, 'id' | 'number' | 'storeId' | 'placedAt' | 'customerId' | 'currency' | 'paid'> & { readonly lines: PurchasedOrder['lines'] }): Purchase {
  return purchaseOfOrder({
    id: order.id,
    number: order.number,
    storeId: order.storeId,
    placedAt: order.placedAt,
    ...(order.customerId === undefined ? {} : { customerId: order.customerId }),
    currency: order.currency,
    paid: order.paid,
    lines: order.lines,
  });
}

async function fromSlip(sources: LookupSources, text: string): Promise<PurchaseLookup> {
  const checked = await verifyPackingSlip(text, sources.slipKey);
  if (!checked.ok) return { kind: 'slip-refused', reason: checked.reason, detail: checked.detail };
  const summary: PackingSlipSummary = checked.summary;
  // The store's own order may be on the tablet with its customer; the slip itself names only their name.
  const known = await sources.database.orders.findOne(summary.orderId).exec();
  const purchase = orderAsPurchase({
    id: summary.orderId,
    number: summary.number,
    storeId: summary.storeId,
    placedAt: summary.placedAt,
    ...(known?.customerId === undefined ? {} : { customerId: known.customerId }),
    currency: summary.currency,
    paid: summary.paid,
    lines: summary.lines,
  });
  const earlierReturns = await localReturnsOf(sources.database, purchase, sources.knownReturns);
  return { kind: 'found', matches: [{ purchase, earlierReturns, origin: 'slip', ...(summary.customerName === '' ? {} : { customerName: summary.customerName }) }] };
}

async function localSaleFound(database: PosDatabase, sale: StoredSale, known?: ReadonlyMap<string, readonly EarlierReturn[]>): Promise<FoundPurchase> {
  const purchase = purchaseOfSale(sale);
  return { purchase, earlierReturns: await localReturnsOf(database, purchase, known), origin: 'tablet' };
}

async function fromLocalReceipt(sources: LookupSources, number: string): Promise<FoundPurchase[]> {
  const docs = await sources.database.sales.find({ selector: { number }, index: ['number'] }).exec();
  const sales = docs.filter((doc) => doc.kind === 'sale').map((doc) => doc.toMutableJSON());
  return Promise.all(sales.map((sale) => localSaleFound(sources.database, sale, sources.knownReturns)));
}

async function fromLocalOrderNumber(database: PosDatabase, number: string): Promise<FoundPurchase[]> {
  const docs = await database.orders.find({ selector: { number } }).exec();
  return Promise.all(
    docs.map(async (doc) => {
      const order = doc.toMutableJSON();
      const purchase = orderAsPurchase(order);
      return { purchase, earlierReturns: await localReturnsOf(database, purchase), origin: 'tablet' as const, customerName: order.customerName };
    }),
  );
}

async function fromPhone(database: PosDatabase, phone: string): Promise<FoundPurchase[]> {
  const forms = phoneForms(phone);
  const customers = await database.customers.find({ selector: { phone: { $in: forms } } }).exec();
  const ids = customers.map((customer) => customer.id);
  const found: FoundPurchase[] = [];
  if (ids.length > 0) {
    const sales = await database.sales.find({ selector: { kind: 'sale', customerId: { $in: ids } }, sort: [{ createdAt: 'desc' }], limit: MAX_BY_PHONE }).exec();
    for (const doc of sales) found.push(await localSaleFound(database, doc.toMutableJSON()));
  }
  const orders = await database.orders.find({ selector: { customerPhone: { $in: forms } }, limit: MAX_BY_PHONE }).exec();
  for (const doc of orders) {
    const order = doc.toMutableJSON();
    const purchase = orderAsPurchase(order);
    found.push({ purchase, earlierReturns: await localReturnsOf(database, purchase), origin: 'tablet', customerName: order.customerName });
  }
  return found;
}

interface ServerPurchases {
  readonly purchases: ReadonlyArray<
    | { readonly source: 'sale'; readonly sale: StoredSale; readonly returns: readonly StoredSale[] }
    | { readonly source: 'order'; readonly order: Omit<OrderDocument, 'pickupCodeHash' | 'customerPhone'>; readonly returns: readonly StoredSale[] }
  >;
}

function isServerPurchases(body: unknown): body is ServerPurchases {
  return typeof body === 'object' && body !== null && 'purchases' in body && Array.isArray(body.purchases);
}

/** GET /api/v1/purchases?number=: the sale or order of any store, with every store's returns of it. */
export async function fromServer(server: ServerAccess, number: string): Promise<PurchaseLookup> {
  const doFetch = server.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(apiUrl(server.serverUrl, `/purchases?number=${encodeURIComponent(number)}`), {
      headers: { authorization: `Bearer ${server.token}`, accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(SERVER_TIMEOUT_MS),
    });
  } catch (error) {
    console.warn('The server could not be asked for a purchase', { number, error });
    return { kind: 'none', askedServer: false };
  }
  if (response.status === 404) return { kind: 'none', askedServer: true };
  if (!response.ok) return { kind: 'server-refused', status: response.status };
  const body: unknown = await response.json();
  if (!isServerPurchases(body)) {
    console.error('The server answered a purchase lookup in a shape this tablet does not read', { number });
    return { kind: 'server-refused', status: response.status };
  }
  const matches = body.purchases.map((found): FoundPurchase => {
    if (found.source === 'sale') return { purchase: purchaseOfSale(found.sale), earlierReturns: found.returns, origin: 'server' };
    return { purchase: orderAsPurchase(found.order), earlierReturns: found.returns, origin: 'server', customerName: found.order.customerName };
  });
  return matches.length === 0 ? { kind: 'none', askedServer: true } : { kind: 'found', matches };
}

/** Finds the purchase behind a scan or what was typed (see the file header). */
export async function findPurchase(sources: LookupSources, scanned: string): Promise<PurchaseLookup> {
  const text = scanned.trim();
  if (text === '') return { kind: 'none', askedServer: false };
  if (isPackingSlipText(text)) return fromSlip(sources, text);
  const receipt = parseReceiptNumber(text);
  if (receipt.ok) {
    const number = text.toUpperCase();
    const local = await fromLocalReceipt(sources, number);
    if (local.length > 0) return { kind: 'found', matches: local };
    return sources.server === undefined ? { kind: 'none', askedServer: false } : fromServer(sources.server, number);
  }
  const phone = fullVietnamPhone(text);
  if (phone !== undefined) {
    const byPhone = await fromPhone(sources.database, phone);
    return byPhone.length > 0 ? { kind: 'found', matches: byPhone } : { kind: 'none', askedServer: false };
  }
  const orders = await fromLocalOrderNumber(sources.database, text);
  if (orders.length > 0) return { kind: 'found', matches: orders };
  return sources.server === undefined ? { kind: 'none', askedServer: false } : fromServer(sources.server, text);
}
