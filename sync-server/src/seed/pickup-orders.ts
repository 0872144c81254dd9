/*
 * Online orders waiting at the demo store for pickup (status "ready"). The customer shows a 6-digit pickup
 * code; the order carries only its hash (auth/pickup-codes.ts) so a tablet can check the code offline. The
 * plain codes go to the meta table for the demo printout only.
 * Line quantities are thousandths of the unit (1000 = one piece), as in sales.
 */
import { randomInt } from 'node:crypto';
import type { OrderDocument, ProductDocument } from '../../../src/data/schemas/types.ts';
import { VIETNAM_TAX_CLASSES } from '../../../src/domain/tax-presets.ts';
import { hashPickupCode } from '../auth/pickup-codes.ts';
import { demoId, generateProduct, isWeighedAt } from './catalog.ts';
import type { DemoCustomer } from './customers.ts';
import { SeededRandom } from './prng.ts';

const ORDER_FAMILY = 4;
const HOUR_MS = 3_600_000;

export interface DemoPickupCode {
  orderId: string;
  orderNumber: string;
  customerName: string;
  code: string;
}

export async function generatePickupOrders(
  count: number,
  storeId: string,
  customers: readonly DemoCustomer[],
  catalogSize: number,
  now: Date,
): Promise<{ orders: OrderDocument[]; codes: DemoPickupCode[] }> {
  const orders: OrderDocument[] = [];
  const codes: DemoPickupCode[] = [];
  const used = new Set<string>();
  for (let index = 0; index < count; index++) {
    const rng = SeededRandom.forItem(ORDER_FAMILY, index);
    const { customer } = rng.pick(customers);
    const lines = Array.from({ length: rng.int(1, 4) }, () => orderLine(rng, catalogSize, now));
    const total = lines.reduce((sum, l) => sum + l.total, 0);
    const placedAt = new Date(now.getTime() - rng.int(2, 48) * HOUR_MS);
    const readyAt = new Date(placedAt.getTime() + HOUR_MS);
    let code: string;
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    while (used.has(code));
    used.add(code);
    const id = demoId('order', index);
    const number = `DH${String(240_101 + index)}`;
    orders.push({
      id,
      storeId,
      number,
      status: 'ready',
      customerId: customer.id,
      customerName: customer.name,
      customerPhone: customer.phone,
      pickupCodeHash: await hashPickupCode(code),
      currency: 'VND',
      lines,
      total,
      // One order is paid on pickup (cash on delivery is common in Vietnam).
      paid: index !== 1,
      events: [
        { id: demoId('order-event', `${index}:placed`), type: 'placed', at: placedAt.toISOString() },
        { id: demoId('order-event', `${index}:ready`), type: 'ready', at: readyAt.toISOString() },
      ],
      placedAt: placedAt.toISOString(),
      updatedAt: readyAt.toISOString(),
    });
    codes.push({ orderId: id, orderNumber: number, customerName: customer.name, code });
  }
  return { orders, codes };
}

function orderLine(rng: SeededRandom, catalogSize: number, now: Date): OrderDocument['lines'][number] {
  let index: number;
  do index = rng.int(0, catalogSize - 1);
  while (isWeighedAt(index) && catalogSize > 1);
  const product: ProductDocument = generateProduct(index, now.toISOString());
  const qty = rng.int(1, 3) * 1000;
  const taxRate = VIETNAM_TAX_CLASSES.find((t) => t.id === product.taxClassId)?.rateBasisPoints ?? 0;
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    qty,
    unitPrice: product.price,
    taxRate,
    total: (product.price * qty) / 1000,
  };
}
