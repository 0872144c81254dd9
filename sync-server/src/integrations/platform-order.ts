/*
 * One shape for an order from any shop platform (shopify.ts, woocommerce.ts, haravan.ts map theirs to it),
 * which the order inbox keeps and later applies to the `orders` collection (platform-orders.ts). Amounts
 * are integer minor units of the order's currency, quantities thousandths of a unit, times ISO-8601 UTC.
 * Also the small rules all mappings share: the currency must be one the POS knows, a quantity is a whole
 * number of units, and which store an order goes to (a store's config lists each platform's location ids).
 */
import { getCurrency, isKnownCurrency } from '../../../src/domain/currency.ts';
import { readDecimalAmount } from '../../../src/domain/decimal-amount.ts';
import type { PlatformSource } from '../integrations-config.ts';
import type { FieldReader } from './platform-json.ts';
import { PayloadProblem } from './platform-json.ts';

export interface PlatformOrderLine {
  sourceLineId: string;
  sku: string;
  /** A barcode the platform sends beside the SKU (Haravan), tried when the SKU is no product's. */
  barcode?: string;
  name: string;
  /** Thousandths of a unit. */
  qty: number;
  unitPrice: number;
  /** What the line costs after its discounts. */
  total: number;
  /** Basis points (1,000 = 10 %). */
  taxRate: number;
}

/** A location key found in the order: a location id, or the name of a pickup point (then `pickup`). */
export interface LocationKey {
  key: string;
  pickup: boolean;
}

export interface PlatformOrder {
  source: PlatformSource;
  sourceOrderId: string;
  /** What the customer sees, e.g. "#1042". */
  number: string;
  cancelled: boolean;
  paid: boolean;
  currency: string;
  /** Empty when the platform redacts or has no customer. */
  customerName: string;
  customerPhone?: string;
  /** Matches the order to a customer of the chain when it has no whole phone number (order-customers.ts). */
  customerEmail?: string;
  lines: PlatformOrderLine[];
  total: number;
  placedAt: string;
  /** The platform's last change: an older delivery than the stored one changes nothing. */
  sourceUpdatedAt: string;
  /** What the order itself says (a pickup shipping method); a pickup point named by a store's config wins. */
  fulfilmentHint: 'pickup' | 'delivery';
  locationKeys: LocationKey[];
}

/** A delivery the mapping read, or one it leaves alone (a topic that is no order change). */
export type MappedDelivery = { kind: 'order'; order: PlatformOrder } | { kind: 'ignored'; reason: string };

export const MAX_ORDER_LINES = 500;

/** The currency code, checked against the POS's list; returns its minor digits. */
export function readCurrency(reader: FieldReader, key: string): { currency: string; minorDigits: number } {
  const currency = reader.text(key).toUpperCase();
  if (!isKnownCurrency(currency)) throw new PayloadProblem(reader.at(key), `"${currency}" is not a currency this POS knows`);
  return { currency, minorDigits: getCurrency(currency).minorDigits };
}

/** A whole, positive number of units as thousandths (0 for a line removed by an order edit). */
export function readQuantity(reader: FieldReader, key: string): number {
  const text = reader.text(key);
  const read = readDecimalAmount(text, 0);
  if (!read.ok || read.amount > 1000) throw new PayloadProblem(reader.at(key), `"${text}" is not a whole number of units from 0 to 1000`);
  return read.amount * 1000;
}

/** A tax rate such as "0.1" (a fraction of one) in basis points; unreadable rates count as 0. */
export function readRateBasisPoints(text: string | undefined): number {
  if (text === undefined) return 0;
  const read = readDecimalAmount(text, 4);
  return read.ok && read.amount <= 10_000 ? read.amount : 0;
}

/** unitPrice x units - discount, exactly. */
export function lineTotal(unitPrice: number, qty: number, discount: number): number {
  return Number((BigInt(unitPrice) * BigInt(qty)) / 1000n) - discount;
}

export function personName(...parts: ReadonlyArray<string | undefined>): string {
  return parts
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' ')
    .slice(0, 200);
}

export function phoneOrNothing(phone: string | undefined): { customerPhone?: string } {
  return phone !== undefined && phone.length <= 32 ? { customerPhone: phone } : {};
}

export function emailOrNothing(email: string | undefined): { customerEmail?: string } {
  const trimmed = email?.trim();
  return trimmed !== undefined && trimmed !== '' && trimmed.length <= 200 ? { customerEmail: trimmed } : {};
}

export function orderNumber(text: string): string {
  return text.slice(0, 40);
}

/** The platform location ids (or pickup point names) a store takes orders for, from its config. */
export interface StoreRouting {
  storeId: string;
  locations: Partial<Record<PlatformSource, readonly string[]>>;
}

/**
 * Which store an order goes to: the first of its location keys a store lists for that platform; with one
 * store only, that store whatever the keys. Undefined when several stores exist and none lists a key.
 */
export function routeOrder(order: Pick<PlatformOrder, 'source' | 'locationKeys'>, stores: readonly StoreRouting[]): { storeId: string; pickupPoint: boolean } | undefined {
  for (const { key, pickup } of order.locationKeys) {
    const store = stores.find((s) => (s.locations[order.source] ?? []).includes(key));
    if (store !== undefined) return { storeId: store.storeId, pickupPoint: pickup };
  }
  if (stores.length === 1) return { storeId: stores[0]!.storeId, pickupPoint: false };
  return undefined;
}
