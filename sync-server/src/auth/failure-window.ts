/*
 * A limit on failed tries per key (a client address, a device) and minute, counted in the database
 * (store/rate-limits-repository.ts) so that every server instance on one database enforces the same limit.
 * A key is refused while its failures in this minute and the one before reach `maxFailures`: whatever the
 * moment the failures fell, the (maxFailures + 1)th try within any 60 seconds is refused (a burst can keep
 * a key waiting up to two minutes, which only a guesser notices).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/database-types.ts';
import { recentFailures, recordFailure } from '../store/rate-limits-repository.ts';

const MINUTE_MS = 60_000;

export class FailureWindow {
  constructor(
    private readonly db: Kysely<Database>,
    /** Names the limit in its keys, e.g. "enroll", so two limits on one address do not add up. */
    private readonly scope: string,
    private readonly maxFailures: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  async retryAfterMs(key: string): Promise<number> {
    const now = this.now();
    const minute = Math.floor(now / MINUTE_MS);
    const { previous, current } = await recentFailures(this.db, this.keyFor(key), minute);
    if (previous + current < this.maxFailures) return 0;
    // The previous minute's failures stop counting when this minute ends; this minute's a minute later.
    const freeAt = (current >= this.maxFailures ? minute + 2 : minute + 1) * MINUTE_MS;
    return Math.max(1, freeAt - now);
  }

  async recordFailure(key: string): Promise<void> {
    await recordFailure(this.db, this.keyFor(key), Math.floor(this.now() / MINUTE_MS));
  }

  private keyFor(key: string): string {
    return `${this.scope}:${key}`;
  }
}
