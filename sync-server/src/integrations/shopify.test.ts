// A Shopify order webhook, shaped as shopify.dev shows orders/create, read into the platform order.
import { describe, expect, it } from 'vitest';
import { platformJson, shopifyOrder } from '../../../tests/server/helpers/platform-payloads.test-helper.ts';
import { parsePlatformJson, PayloadProblem } from './platform-json.ts';
import { routeOrder } from './platform-order.ts';
import { mapShopifyOrder } from './shopify.ts';

const read = (order: Record<string, unknown>, topic = 'orders/create') => mapShopifyOrder(parsePlatformJson(platformJson(order)), topic);

describe('a Shopify order webhook', () => {
  it('keeps the order id past 2^53 exactly, and reads "32000.00" VND as 32,000 dong', () => {
    const mapped = read(shopifyOrder({ id: '820982911946154508', name: '#1042' }));
    expect(mapped.kind).toBe('order');
    if (mapped.kind !== 'order') return;
    expect(mapped.order).toMatchObject({
      source: 'shopify',
      sourceOrderId: '820982911946154508',
      number: '#1042',
      currency: 'VND',
      total: 64_000,
      paid: true,
      cancelled: false,
      customerName: 'Thu Hà',
      customerPhone: '+84901234567',
      placedAt: '2026-05-04T03:05:00.000Z',
      fulfilmentHint: 'pickup',
    });
    expect(mapped.order.lines).toEqual([{ sourceLineId: '866550311766439000', sku: 'SUA-1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32_000, total: 64_000, taxRate: 800 }]);
    expect(mapped.order.locationKeys).toEqual([{ key: 'Cửa hàng Quận 1', pickup: true }]);
  });

  it('reads cents in USD and refuses half a dong with the field that carries it', () => {
    const usd = read(shopifyOrder({ currency: 'USD', lines: [{ sku: 'MUG', name: 'Mug', quantity: 3, price: '19.99' }], total: '59.97' }));
    expect(usd.kind === 'order' && usd.order.lines[0]).toMatchObject({ unitPrice: 1999, total: 5997 });
    expect(() => read(shopifyOrder({ lines: [{ sku: 'A', name: 'A', quantity: 1, price: '25000.50' }] }))).toThrow(PayloadProblem);
    try {
      read(shopifyOrder({ lines: [{ sku: 'A', name: 'A', quantity: 1, price: '25000.50' }] }));
    } catch (error) {
      expect((error as PayloadProblem).path).toBe('body/line_items/0/price_set/shop_money/amount');
      expect((error as PayloadProblem).problem).toMatch(/no minor unit/);
    }
    expect(() => read(shopifyOrder({ currency: 'XYZ' }))).toThrow(/"XYZ" is not a currency/);
  });

  it('takes an order with the customer redacted, and a cancellation from its cancelled_at or its topic', () => {
    const redacted = read(shopifyOrder({ customer: null }));
    expect(redacted.kind === 'order' && redacted.order.customerName).toBe('');
    const cancelled = read(shopifyOrder({ cancelledAt: '2026-05-04T11:00:00+07:00' }), 'orders/updated');
    expect(cancelled.kind === 'order' && cancelled.order.cancelled).toBe(true);
    expect(read(shopifyOrder(), 'orders/cancelled')).toMatchObject({ kind: 'order', order: { cancelled: true } });
    expect(read(shopifyOrder(), 'products/update')).toMatchObject({ kind: 'ignored' });
  });

  it('ships an order with a shipping address and no pickup point; routes by location id or pickup point, or to the only store', () => {
    const shipped = read(shopifyOrder({ shippingAddress: true, pickupPoint: null, locationId: '655441491' }));
    if (shipped.kind !== 'order') throw new Error('not an order');
    expect(shipped.order.fulfilmentHint).toBe('delivery');
    const stores = [
      { storeId: 'store-q1', locations: { shopify: ['Cửa hàng Quận 1'] } },
      { storeId: 'store-q3', locations: { shopify: ['655441491'] } },
    ];
    expect(routeOrder(shipped.order, stores)).toEqual({ storeId: 'store-q3', pickupPoint: false });
    const pickup = read(shopifyOrder());
    if (pickup.kind !== 'order') throw new Error('not an order');
    expect(routeOrder(pickup.order, stores)).toEqual({ storeId: 'store-q1', pickupPoint: true });
    expect(routeOrder({ ...pickup.order, locationKeys: [] }, stores)).toBeUndefined();
    expect(routeOrder({ ...pickup.order, locationKeys: [] }, [stores[0]!])).toEqual({ storeId: 'store-q1', pickupPoint: false });
  });

  it('drops lines an order edit removed and refuses a fractional quantity', () => {
    const order = shopifyOrder({ lines: [{ sku: 'A', name: 'A', quantity: 1, price: '1000' }, { sku: 'B', name: 'B', quantity: 2, price: '500' }] });
    (order['line_items'] as Array<Record<string, unknown>>)[0]!['current_quantity'] = 0;
    const mapped = read(order);
    expect(mapped.kind === 'order' && mapped.order.lines.map((l) => l.sku)).toEqual(['B']);
    const half = shopifyOrder();
    (half['line_items'] as Array<Record<string, unknown>>)[0]!['current_quantity'] = 1.5;
    expect(() => read(half)).toThrow(/whole number of units/);
  });

  it('refuses a body that is not JSON, or repeats a key with another value', () => {
    expect(() => parsePlatformJson('{"id": 1,')).toThrow(PayloadProblem);
    expect(() => parsePlatformJson('{"id": 1, "id": 2}')).toThrow(PayloadProblem);
  });
});
