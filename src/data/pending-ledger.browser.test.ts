// A balance on the till is the server's confirmed figure plus this till's own entries since: other tills'
// sales reach this device too, but the server's balance counts them, so they must not be taken off again.
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPosDatabase, type PosDatabase } from './database.ts';
import { pendingLedgerDeltas } from './pending-ledger.ts';
import type { SaleDocument } from './schemas/types.ts';

const THIS_TILL = 'device-counter-1';
const OTHER_TILL = 'device-counter-2';
const CONFIRMED_AT = '2025-03-01T09:00:00.000Z';
const opened: PosDatabase[] = [];

afterEach(async () => {
  for (const database of opened.splice(0)) await database.remove();
});

let sequence = 0;
function saleOf(deviceId: string, createdAt: string, ledger: NonNullable<SaleDocument['ledger']>): SaleDocument {
  sequence += 1;
  const id = `sale-${sequence}`;
  return {
    id,
    kind: 'sale',
    storeId: 'store-q1',
    deviceId,
    number: `Q1-${deviceId.slice(-1)}-${String(sequence).padStart(6, '0')}`,
    createdAt,
    staffId: 'lan',
    currency: 'VND',
    lines: [{ productId: 'p-1', sku: 'SKU-1', name: 'Cà phê', qty: 1000, unitPrice: 29_000, discount: 0, taxRate: 1000, total: 29_000 }],
    tenders: [{ method: 'cash', amount: 29_000 }],
    totals: { subtotal: 29_000, discount: 0, tax: 2_636, total: 29_000 },
    ledger: ledger.map((entry, index) => ({ ...entry, id: `${id}-${entry.kind}-${index}` })),
  };
}

describe('pending ledger deltas of a balance', () => {
  it('are this till\'s entries for that balance written after the confirmation, not other tills\' and not older ones', async () => {
    const database = await createPosDatabase({ name: `pending-ledger-${crypto.randomUUID()}`, devMode: true });
    opened.push(database);
    await database.sales.bulkInsert([
      saleOf(THIS_TILL, '2025-03-01T08:59:00.000Z', [{ id: '', kind: 'stock', refId: 'p-1', delta: -1000, reason: 'sale' }]),
      saleOf(THIS_TILL, '2025-03-01T09:01:00.000Z', [
        { id: '', kind: 'stock', refId: 'p-1', delta: -2000, reason: 'sale' },
        { id: '', kind: 'stock', refId: 'p-2', delta: -5000, reason: 'sale' },
        { id: '', kind: 'giftcard', refId: 'GC-1', delta: -10_000, reason: 'redeem' },
      ]),
      saleOf(OTHER_TILL, '2025-03-01T09:02:00.000Z', [{ id: '', kind: 'stock', refId: 'p-1', delta: -7000, reason: 'sale' }]),
      saleOf(THIS_TILL, '2025-03-01T09:03:00.000Z', [{ id: '', kind: 'stock', refId: 'p-1', delta: 2000, reason: 'void' }]),
    ]);

    expect(await firstValueFrom(pendingLedgerDeltas(database, THIS_TILL, 'stock', 'p-1', CONFIRMED_AT))).toEqual([-2000, 2000]);
    expect(await firstValueFrom(pendingLedgerDeltas(database, THIS_TILL, 'giftcard', 'GC-1', CONFIRMED_AT))).toEqual([-10_000]);
    expect(await firstValueFrom(pendingLedgerDeltas(database, OTHER_TILL, 'stock', 'p-1', CONFIRMED_AT))).toEqual([-7000]);
    // A device not enrolled yet: everything on it is its own.
    const all = await firstValueFrom(pendingLedgerDeltas(database, undefined, 'stock', 'p-1', CONFIRMED_AT));
    expect(all.toSorted((a, b) => a - b)).toEqual([-7000, -2000, 2000]);
  });
});
