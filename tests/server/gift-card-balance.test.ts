/*
 * Issue 16: a tablet asks the server what a gift card of its store holds now (GET /api/v1/gift-cards/:number/balance),
 * to show beside what it counts itself. Only its own store's cards, only numbers of ours (a bank card's digits are
 * refused, never looked up), counted per device. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGiftCardNumber } from '../../src/domain/gift-card-number.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, enroll, openShop, serverWrites } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';
import { GIFT_CARD_LOOKUP_LIMIT } from '../../sync-server/src/routes/gift-cards.ts';

describe.each(DATABASE_KINDS)('a gift card’s balance asked of the server (%s)', (kind) => {
  let t: TestApp;
  let q1: EnrolledDevice;
  let q3: EnrolledDevice;
  const card = generateGiftCardNumber();
  const updatedAt = '2026-12-07T08:00:00.000Z';

  beforeAll(async () => {
    t = await startTestApp(kind, 'gift-card-balance');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1GC-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3GC-BBCC-DDEE');
    const id = `giftcard:store-q1:${card}`;
    await serverWrites(t.store, [{ collection: 'balances', id, storeId: 'store-q1', body: { id, kind: 'giftcard', storeId: 'store-q1', refId: card, value: 300_000, updatedAt } }]);
    q1 = await enroll(t.app, 'Q1GC-BBCC-DDEE');
    q3 = await enroll(t.app, 'Q3GC-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  const ask = (device: EnrolledDevice | null, number: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/gift-cards/${encodeURIComponent(number)}/balance`, headers: device === null ? {} : bearer(device.token) });

  it('a tablet of the store reads what the card holds and when the server last moved it', async () => {
    const answer = await ask(q1, card);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ number: card, balance: 300_000, updatedAt });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('another store’s tablet learns nothing of it; an unknown card is 404 too', async () => {
    const elsewhere = await ask(q3, card);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toMatchObject({ message: expect.stringContaining(card) });
    expect((await ask(q1, generateGiftCardNumber())).statusCode).toBe(404);
  });

  it('a bank card number or a mistyped one is refused, saying what a gift-card number is; no token, no answer', async () => {
    const bank = await ask(q1, '4111111111111111');
    expect(bank.statusCode).toBe(400);
    expect(bank.json()).toMatchObject({ message: expect.stringContaining('not a gift-card number') });
    const mistyped = card.slice(0, -1) + String((Number(card.at(-1)) + 1) % 10);
    expect((await ask(q1, mistyped)).statusCode).toBe(400);
    expect((await ask(null, card)).statusCode).toBe(401);
  });

  it('a device looking up card after card is stopped (429 with Retry-After)', async () => {
    let last = 0;
    let retryAfter: string | string[] | undefined;
    for (let i = 0; i <= GIFT_CARD_LOOKUP_LIMIT.maxTries && last !== 429; i += 1) {
      const answer = await ask(q3, generateGiftCardNumber());
      last = answer.statusCode;
      retryAfter = answer.headers['retry-after'];
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
