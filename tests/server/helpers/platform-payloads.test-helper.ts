/*
 * Order webhook bodies shaped as the platforms' public documentation shows them (Shopify's REST order
 * resource, WooCommerce's /wc/v3/orders resource, Haravan's Shopify-like order with numbers for money), and
 * the signatures each platform puts on them. Bodies are JSON text: platform ids pass 2^53, and numbers are
 * written as the platform writes them (`num("240000.0000")` stays those digits).
 */
import { createHmac } from 'node:crypto';

/** A JSON number written with exactly these digits. */
export function num(digits: string): { readonly __digits: string } {
  return { __digits: digits };
}

/** JSON text where every num(...) is written as its digits. */
export function platformJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'object' && v !== null && '__digits' in v ? `@@${(v as { __digits: string }).__digits}@@` : v)).replace(
    /"@@([-0-9.eE+]+)@@"/g,
    '$1',
  );
}

/** base64 HMAC-SHA256 of the raw body: Shopify's X-Shopify-Hmac-Sha256, WooCommerce's and Haravan's signatures. */
export function base64Hmac(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

export interface PlatformLine {
  id?: string;
  sku: string;
  name: string;
  quantity: number;
  /** Decimal text in the shop's currency. */
  price: string;
  barcode?: string;
}

let counter = 0;
/** A platform id past 2^53, as Shopify's are. */
export function bigId(): string {
  counter += 1;
  return `82098291194615${String(4000 + counter).padStart(4, '0')}`;
}

export interface ShopifyOrderOptions {
  id?: string;
  name?: string;
  currency?: string;
  lines?: PlatformLine[];
  total?: string;
  financialStatus?: string;
  updatedAt?: string;
  cancelledAt?: string | null;
  pickupPoint?: string | null;
  shippingAddress?: boolean;
  locationId?: string | null;
  customer?: { first_name: string; last_name: string; phone: string | null } | null;
}

/** orders/create as shopify.dev shows it (trimmed to the fields that matter plus a few that do not). */
export function shopifyOrder(options: ShopifyOrderOptions = {}): Record<string, unknown> {
  const id = options.id ?? bigId();
  const currency = options.currency ?? 'VND';
  const lines = options.lines ?? [{ sku: 'SUA-1L', name: 'Sữa tươi 1L', quantity: 2, price: '32000.00' }];
  return {
    id: num(id),
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: options.name ?? `#${1000 + (counter % 9000)}`,
    order_number: num(String(1000 + (counter % 9000))),
    email: null,
    created_at: '2026-05-04T10:05:00+07:00',
    updated_at: options.updatedAt ?? '2026-05-04T10:05:00+07:00',
    processed_at: '2026-05-04T10:05:00+07:00',
    cancelled_at: options.cancelledAt ?? null,
    cancel_reason: options.cancelledAt ? 'customer' : null,
    currency,
    presentment_currency: currency,
    financial_status: options.financialStatus ?? 'paid',
    fulfillment_status: null,
    total_price: options.total ?? '64000.00',
    subtotal_price: options.total ?? '64000.00',
    total_tax: '0.00',
    taxes_included: true,
    location_id: options.locationId ? num(options.locationId) : null,
    phone: null,
    customer: options.customer === undefined ? { id: num('115310627314723954'), first_name: 'Thu', last_name: 'Hà', phone: '+84901234567', email: null } : options.customer,
    billing_address: null,
    shipping_address: options.shippingAddress ? { name: 'Thu Hà', address1: '12 Lê Lợi', city: 'Hồ Chí Minh', country_code: 'VN', phone: '+84901234567' } : null,
    note_attributes: [],
    line_items: lines.map((line, index) => ({
      id: num(line.id ?? `86655031176643${String(9000 + index)}`),
      variant_id: num(`80806485573216${String(1000 + index)}`),
      product_id: num('632910392'),
      sku: line.sku,
      title: line.name,
      name: line.name,
      quantity: line.quantity,
      current_quantity: line.quantity,
      price: line.price,
      price_set: { shop_money: { amount: line.price, currency_code: currency }, presentment_money: { amount: line.price, currency_code: currency } },
      total_discount: '0.00',
      requires_shipping: true,
      taxable: true,
      tax_lines: [{ price: '0.00', rate: num('0.08'), title: 'VAT' }],
      fulfillment_status: null,
    })),
    shipping_lines:
      options.pickupPoint === null
        ? []
        : [{ id: num('271878346596884015'), code: options.pickupPoint ?? 'Cửa hàng Quận 1', title: options.pickupPoint ?? 'Cửa hàng Quận 1', source: 'shopify', price: '0.00' }],
  };
}

export interface WooOrderOptions {
  id?: number;
  status?: string;
  currency?: string;
  lines?: PlatformLine[];
  total?: string;
  paid?: boolean;
  modified?: string;
  shippingMethod?: 'local_pickup' | 'pickup_location' | 'flat_rate';
  pickupLocation?: string;
}

let wooCounter = 500;
/** The /wc/v3/orders/{id} resource as WooCommerce's REST API docs show it. */
export function wooOrder(options: WooOrderOptions = {}): Record<string, unknown> {
  wooCounter += 1;
  const id = options.id ?? wooCounter;
  const lines = options.lines ?? [{ sku: 'SUA-1L', name: 'Sữa tươi 1L', quantity: 2, price: '32000' }];
  const method = options.shippingMethod ?? 'pickup_location';
  return {
    id,
    parent_id: 0,
    number: String(id),
    order_key: `wc_order_${id}`,
    created_via: 'checkout',
    status: options.status ?? 'processing',
    currency: options.currency ?? 'VND',
    date_created: '2026-05-04T10:05:00',
    date_created_gmt: '2026-05-04T03:05:00',
    date_modified: '2026-05-04T10:06:00',
    date_modified_gmt: options.modified ?? '2026-05-04T03:06:00',
    discount_total: '0',
    shipping_total: '0',
    total: options.total ?? '64000',
    total_tax: '0',
    prices_include_tax: true,
    customer_id: 0,
    billing: { first_name: 'Minh', last_name: 'Anh', phone: '0912345678', email: 'minh@example.vn' },
    shipping: { first_name: 'Minh', last_name: 'Anh', phone: '' },
    payment_method: 'bacs',
    date_paid: options.paid === false ? null : '2026-05-04T10:05:30',
    date_paid_gmt: options.paid === false ? null : '2026-05-04T03:05:30',
    line_items: lines.map((line, index) => ({
      id: 300 + index,
      name: line.name,
      product_id: 93,
      variation_id: 0,
      quantity: line.quantity,
      tax_class: '',
      subtotal: line.price === '0' ? '0' : multiply(line.price, line.quantity),
      subtotal_tax: '0',
      total: line.price === '0' ? '0' : multiply(line.price, line.quantity),
      total_tax: '0',
      taxes: [],
      meta_data: [],
      sku: line.sku,
      price: num(line.price),
    })),
    shipping_lines: [
      {
        id: 26,
        method_title: method === 'flat_rate' ? 'Flat rate' : 'Nhận tại cửa hàng',
        method_id: method,
        instance_id: '3',
        total: '0',
        total_tax: '0',
        taxes: [],
        meta_data: options.pickupLocation ? [{ id: 201, key: 'pickup_location', value: options.pickupLocation }, { id: 202, key: 'pickup_address', value: '12 Lê Lợi' }] : [],
      },
    ],
  };
}

/** Decimal text times a whole number, for fixtures (e.g. "19.99" x 2 = "39.98"). */
function multiply(price: string, quantity: number): string {
  const [whole, fraction = ''] = price.split('.');
  const scaled = BigInt(`${whole}${fraction}`) * BigInt(quantity);
  if (fraction.length === 0) return scaled.toString();
  const text = scaled.toString().padStart(fraction.length + 1, '0');
  return `${text.slice(0, text.length - fraction.length)}.${text.slice(text.length - fraction.length)}`;
}

export interface HaravanOrderOptions {
  id?: string;
  lines?: PlatformLine[];
  total?: string;
  locationId?: string;
  cancelled?: boolean;
  withCustomer?: boolean;
  updatedAt?: string;
}

/** A Haravan order (Shopify's shape, money as numbers with four decimals, barcode on lines). */
export function haravanOrder(options: HaravanOrderOptions = {}): Record<string, unknown> {
  const id = options.id ?? String(1_000_200_300 + (counter += 1));
  const lines = options.lines ?? [{ sku: 'SUA-1L', name: 'Sữa tươi 1L', quantity: 2, price: '32000.0000', barcode: '8934673123456' }];
  return {
    id: num(id),
    name: `#${100_000 + counter}`,
    order_number: `${100_000 + counter}`,
    created_at: '2026-05-04T03:05:00.000Z',
    updated_at: options.updatedAt ?? '2026-05-04T03:05:00.000Z',
    cancelled_at: options.cancelled ? '2026-05-04T04:00:00.000Z' : null,
    cancelled_status: options.cancelled ? 'cancelled' : 'uncancelled',
    currency: 'VND',
    financial_status: 'pending',
    fulfillment_status: 'notfulfilled',
    total_price: num(options.total ?? '64000.0000'),
    location_id: num(options.locationId ?? '764892'),
    source: 'pos',
    customer: options.withCustomer === false ? null : { id: num('1002003004'), first_name: 'Lan', last_name: 'Phạm', phone: '0987654321' },
    billing_address: options.withCustomer === false ? null : { name: 'Phạm Lan', phone: '0987654321', district_code: 'HC476', ward_code: '26740' },
    shipping_address: null,
    line_items: lines.map((line, index) => ({
      id: num(line.id ?? `${1_500_000_000 + index}`),
      variant_id: num(`${1_060_000_000 + index}`),
      sku: line.sku,
      barcode: line.barcode ?? null,
      title: line.name,
      name: line.name,
      quantity: line.quantity,
      price: num(line.price),
      total_discount: num('0.0000'),
      tax_lines: [],
    })),
    shipping_lines: [],
  };
}
