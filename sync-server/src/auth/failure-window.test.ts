import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../tests/server/helpers/test-databases.test-helper.ts';
import type { TestDatabase } from '../../../tests/server/helpers/test-databases.test-helper.ts';
import type { Store } from '../store/open-store.ts';
import { FailureWindow } from './failure-window.ts';

describe('failure window counted per minute in the database', () => {
  let database: TestDatabase;
  let store: Store;
  let clock = 0;
  beforeAll(async () => ({ database, store } = await openTestStore('sqlite', 'failure-window')));
  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });

  it('ten failures in the last second of a minute still block the 11th try 30 seconds later, and free the key two minutes on', async () => {
    const limit = new FailureWindow(store.db, 'test', 10, () => clock);
    clock = 1_000 * 60_000 + 59_900;
    for (let i = 0; i < 9; i++) await limit.recordFailure('10.0.0.1');
    expect(await limit.retryAfterMs('10.0.0.1')).toBe(0);
    await limit.recordFailure('10.0.0.1');
    // Ten in this minute: blocked until the end of the next one.
    expect(await limit.retryAfterMs('10.0.0.1')).toBe(60_100);
    clock += 30_000;
    expect(await limit.retryAfterMs('10.0.0.1')).toBe(30_100);
    expect(await limit.retryAfterMs('10.0.0.2')).toBe(0);
    clock += 30_100;
    expect(await limit.retryAfterMs('10.0.0.1')).toBe(0);
  });

  it('failures spread over two minutes add up, and other scopes count apart', async () => {
    const limit = new FailureWindow(store.db, 'spread', 10, () => clock);
    const other = new FailureWindow(store.db, 'other', 10, () => clock);
    clock = 2_000 * 60_000 + 50_000;
    for (let i = 0; i < 6; i++) await limit.recordFailure('k');
    clock += 20_000;
    for (let i = 0; i < 4; i++) await limit.recordFailure('k');
    expect(await limit.retryAfterMs('k')).toBe(50_000);
    expect(await other.retryAfterMs('k')).toBe(0);
  });
});
