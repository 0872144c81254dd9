import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.ts';

describe('retry backoff', () => {
  it('doubles the wait after each failure up to the cap, with jitter in the upper half', () => {
    const low = createBackoff({ baseMs: 1_000, maxMs: 8_000, random: () => 0 });
    expect([1, 2, 3, 4, 5].map(() => low.nextDelayMs())).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    const high = createBackoff({ baseMs: 1_000, maxMs: 8_000, random: () => 0.999_999 });
    expect([1, 2, 3, 4, 5].map(() => high.nextDelayMs())).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('starts from the base again after a success', () => {
    const backoff = createBackoff({ baseMs: 100, maxMs: 10_000, random: () => 0 });
    backoff.nextDelayMs();
    backoff.nextDelayMs();
    expect(backoff.failures).toBe(2);
    backoff.reset();
    expect(backoff.failures).toBe(0);
    expect(backoff.nextDelayMs()).toBe(50);
  });

  it('never waits longer than the cap however long the server is down', () => {
    const backoff = createBackoff({ baseMs: 1_000, maxMs: 30_000 });
    for (let i = 0; i < 100; i++) expect(backoff.nextDelayMs()).toBeLessThanOrEqual(30_000);
  });
});
