// A WooCommerce order webhook, shaped as the /wc/v3/orders resource, read into the platform order.
import { describe, expect, it } from 'vitest';
import { platformJson, wooOrder } from '../../../tests/server/helpers/platform-payloads.test-helper.ts';
import { parsePlatformJson } from './platform-json.ts';
import { mapWooCommerceOrder } from './woocommerce.ts';

const read = (order: Record<string, unknown>, topic = 'order.created') => mapWooCommerceOrder(parsePlatformJson(platformJson(order)), topic);

describe('a WooCommerce order webhook', () => {
  it('reads a block-checkout pickup order: the pickup location names the store, money from the texts', () => {
    const mapped = read(wooOrder({ id: 727, pickupLocation: 'Cửa hàng Quận 1' }));
    if (mapped.kind !== 'order') throw new Error('not an order');
    expect(mapped.order).toMatchObject({
      source: 'woocommerce',
      sourceOrderId: '727',
      number: '#727',
      total: 64_000,
      paid: true,
      customerName: 'Minh Anh',
      customerPhone: '0912345678',
      placedAt: '2026-05-04T03:05:00.000Z',
      sourceUpdatedAt: '2026-05-04T03:06:00.000Z',
      fulfilmentHint: 'pickup',
    });
    expect(mapped.order.locationKeys).toEqual([
      { key: 'Cửa hàng Quận 1', pickup: true },
      { key: 'pickup_location:3', pickup: true },
    ]);
    expect(mapped.order.lines).toEqual([{ sourceLineId: '300', sku: 'SUA-1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32_000, total: 64_000, taxRate: 0 }]);
  });

  it('a classic local pickup, a shipped order, an unpaid cash-on-delivery order and a cancelled one', () => {
    expect(read(wooOrder({ shippingMethod: 'local_pickup' }))).toMatchObject({ order: { fulfilmentHint: 'pickup', locationKeys: [{ key: 'local_pickup:3', pickup: true }] } });
    expect(read(wooOrder({ shippingMethod: 'flat_rate' }))).toMatchObject({ order: { fulfilmentHint: 'delivery', locationKeys: [] } });
    expect(read(wooOrder({ paid: false }))).toMatchObject({ order: { paid: false } });
    expect(read(wooOrder({ status: 'cancelled' }), 'order.updated')).toMatchObject({ order: { cancelled: true } });
    expect(read(wooOrder(), 'order.deleted')).toMatchObject({ kind: 'ignored' });
  });

  it('never reads WooCommerce\'s float price: a 19.99 USD line is 1999 cents from its texts; a fraction of a dong is refused', () => {
    const usd = read(wooOrder({ currency: 'USD', lines: [{ sku: 'MUG', name: 'Mug', quantity: 3, price: '19.99' }], total: '59.97' }));
    expect(usd).toMatchObject({ order: { total: 5997, lines: [{ unitPrice: 1999, total: 5997 }] } });
    expect(() => read(wooOrder({ total: '64000.50' }))).toThrow(/body\/total: "64000.50" has no fraction/);
  });
});
