import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTransit, inTransitTotal, receivedMovements, sentMovements } from './stock-transfer.ts';

const lines = fc.uniqueArray(fc.record({ productId: fc.string({ minLength: 1, maxLength: 8 }), quantity: fc.integer({ min: 1, max: 10_000_000_000 }) }), {
  selector: (l) => l.productId,
  minLength: 1,
  maxLength: 30,
});

describe('a transfer between two stores', () => {
  it('leaves Quận 1 when sent, is on the road, and arrives in Quận 3 when received', () => {
    const transfer = { fromStoreId: 'q1', toStoreId: 'q3', lines: [{ productId: 'milk', quantity: 24_000 }] };
    const sent = sentMovements(transfer);
    expect(sent).toEqual([{ storeId: 'q1', productId: 'milk', delta: -24_000, reason: 'transfer-out' }]);
    expect(inTransit(sent)).toEqual(new Map([['milk', 24_000]]));
    const received = receivedMovements(transfer);
    expect(received).toEqual([{ storeId: 'q3', productId: 'milk', delta: 24_000, reason: 'transfer-in' }]);
    expect(inTransit([...sent, ...received])).toEqual(new Map());
  });

  it('sent minus received balances to zero: stock is moved, never made or lost (property)', () => {
    fc.assert(
      fc.property(lines, (transferLines) => {
        const transfer = { fromStoreId: 'a', toStoreId: 'b', lines: transferLines };
        const sent = sentMovements(transfer);
        const received = receivedMovements(transfer);
        const total = transferLines.reduce((s, l) => s + l.quantity, 0);
        expect(inTransitTotal(sent)).toBe(total);
        expect(sent.reduce((s, m) => s + m.delta, 0) + received.reduce((s, m) => s + m.delta, 0)).toBe(0);
        expect(inTransitTotal([...received, ...sent])).toBe(0);
        expect(inTransit([...sent, ...received]).size).toBe(0);
      }),
    );
  });

  it('only transfer entries count as on the road: a sale or a count at either store is not (property)', () => {
    fc.assert(
      fc.property(lines, fc.array(fc.record({ productId: fc.string({ maxLength: 8 }), delta: fc.integer({ min: -1000, max: 1000 }), reason: fc.constantFrom('sale', 'count', 'receiving') })), (transferLines, others) => {
        const sent = sentMovements({ fromStoreId: 'a', toStoreId: 'b', lines: transferLines });
        expect(inTransit([...sent, ...others])).toEqual(inTransit(sent));
      }),
    );
  });
});
