// A Haravan order webhook: Shopify's shape with money as numbers and barcodes on lines.
import { describe, expect, it } from 'vitest';
import { haravanOrder, platformJson } from '../../../tests/server/helpers/platform-payloads.test-helper.ts';
import { mapHaravanOrder } from './haravan.ts';
import { parsePlatformJson } from './platform-json.ts';

const read = (order: Record<string, unknown>, topic = 'orders/create') => mapHaravanOrder(parsePlatformJson(platformJson(order)), topic);

describe('a Haravan order webhook', () => {
  it('reads 240000.0000 as 240,000 dong from the JSON number\'s digits, and keeps the barcode', () => {
    const mapped = read(haravanOrder({ lines: [{ sku: 'AO-M', name: 'Áo thun M', quantity: 1, price: '240000.0000', barcode: '8934673000017' }], total: '240000.0000', locationId: '764892' }));
    if (mapped.kind !== 'order') throw new Error('not an order');
    expect(mapped.order).toMatchObject({ source: 'haravan', total: 240_000, paid: false, customerName: 'Lan Phạm', locationKeys: [{ key: '764892', pickup: false }] });
    expect(mapped.order.lines[0]).toMatchObject({ sku: 'AO-M', barcode: '8934673000017', unitPrice: 240_000, total: 240_000, qty: 1000 });
  });

  it('takes a POS order without customer, refuses 240000.5 dong, and reads orders/cancelled as a cancellation', () => {
    expect(read(haravanOrder({ withCustomer: false }))).toMatchObject({ order: { customerName: '' } });
    expect(() => read(haravanOrder({ total: '240000.5000' }))).toThrow(/body\/total/);
    expect(read(haravanOrder(), 'orders/cancelled')).toMatchObject({ order: { cancelled: true } });
    expect(read(haravanOrder(), 'customers/create')).toMatchObject({ kind: 'ignored' });
  });
});
