// The counter's own IndexedDB in Chromium: receipt numbers never repeat, even from two connections
// (two tabs) taking them at once, and parked carts survive closing the database (a reload).
import { afterEach, describe, expect, it } from 'vitest';
import { openCounterDatabase, type CounterDatabase } from './counter-database.ts';
import { peekNextReceiptSequence, takeNextReceiptSequence } from './receipt-sequence.ts';
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
