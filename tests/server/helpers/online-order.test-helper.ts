// An online order as the packing-slip and returns tests place it: Phạm Thu Hà's shirt and two litres of
// milk, paid online, 189,000 dong.
import { v7 as uuidv7 } from 'uuid';
import type { OrderDocument } from '../../../src/data/schemas/types.ts';

export function shirtAndMilkOrder(storeId: string, status: OrderDocument['status']): OrderDocument {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    storeId,
    number: '#1042',
    status,
    customerName: 'Phạm Thu Hà',
    currency: 'VND',
    lines: [
      { productId: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', qty: 1000, unitPrice: 125_000, taxRate: 800, total: 125_000 },
      { productId: 'p-milk', sku: 'SUA1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32_000, taxRate: 800, total: 64_000 },
    ],
    total: 189_000,
    paid: true,
    events: [],
    placedAt: at,
    updatedAt: at,
  };
}
