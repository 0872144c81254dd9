// The counter's own IndexedDB in Chromium: receipt numbers never repeat, even from two connections
// (two tabs) taking them at once, and parked carts survive closing the database (a reload).
import { afterEach, describe, expect, it } from 'vitest';
import { openCounterDatabase, type CounterDatabase } from './counter-database.ts';
import { peekNextReceiptSequence, releaseVoid, takeNextReceiptSequence, takeVoidReceiptSequence } from './receipt-sequence.ts';
import { parkCart, takeParkedCart } from './parked-carts.ts';
import { emptyCart } from '../domain/cart.ts';

const opened: CounterDatabase[] = [];
function open(name: string): CounterDatabase {
  const database = openCounterDatabase(name);
  opened.push(database);
  return database;
}

afterEach(async () => {
  for (const database of opened.splice(0)) await database.delete({ disableAutoOpen: true });
});

describe('the counter database', () => {
  it('hands out every receipt sequence once across two tabs taking numbers at the same time', async () => {
    const name = `counter-test-${crypto.randomUUID()}`;
    const [first, second] = [open(name), open(name)];
    const taken = await Promise.all(Array.from({ length: 40 }, (_, index) => takeNextReceiptSequence(index % 2 === 0 ? first : second)));
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(await peekNextReceiptSequence(first)).toBe(41);
  });

  it('keeps a parked cart across a reload and lets only one tab resume it', async () => {
    const name = `counter-test-${crypto.randomUUID()}`;
    const before = open(name);
    const { history: _history, historyLimit: _limit, ...cart } = emptyCart();
    await parkCart(before, { id: 'parked-1', parkedAt: new Date().toISOString(), cart });
    before.close({ disableAutoOpen: true });
    const [tabA, tabB] = [open(name), open(name)];
    const [a, b] = await Promise.all([takeParkedCart(tabA, 'parked-1'), takeParkedCart(tabB, 'parked-1')]);
    expect([a, b].filter((row) => row !== undefined)).toHaveLength(1);
  });
});

describe('cancelling a sale on this counter', () => {
  it('takes one cancellation number per sale, even when two tabs cancel the same sale at once, and frees it when the reversal was not written', async () => {
    const name = `counter-test-${crypto.randomUUID()}`;
    const [tabA, tabB] = [open(name), open(name)];
    await takeNextReceiptSequence(tabA);
    const [a, b] = await Promise.all([takeVoidReceiptSequence(tabA, 'sale-1', 'rev-a'), takeVoidReceiptSequence(tabB, 'sale-1', 'rev-b')]);
    expect([a, b].filter((each) => each.ok)).toEqual([{ ok: true, sequence: 2 }]);
    expect([a, b].filter((each) => !each.ok)).toEqual([{ ok: false, reason: 'already-cancelled' }]);
    // The losing tab took no number.
    expect(await peekNextReceiptSequence(tabA)).toBe(3);

    const winner = a.ok ? 'rev-a' : 'rev-b';
    await releaseVoid(tabB, 'sale-1', 'rev-other');
    expect(await takeVoidReceiptSequence(tabA, 'sale-1', 'rev-c')).toEqual({ ok: false, reason: 'already-cancelled' });
    await releaseVoid(tabB, 'sale-1', winner);
    expect(await takeVoidReceiptSequence(tabA, 'sale-1', 'rev-c')).toEqual({ ok: true, sequence: 3 });
  });
});
