/*
 * Exponential backoff with full jitter for everything sync retries: the event stream's reconnects and the
 * replications' temporary errors (network down, 5xx, 429). Jitter keeps 200 tablets that lost the server
 * at the same moment from all knocking again at the same moment.
 */
export interface BackoffOptions {
  /** First delay's upper bound, ms. */
  baseMs?: number;
  /** Largest delay, ms: a tablet must not wait long after the network returns. */
  maxMs?: number;
  /** A number in [0, 1); injected by tests. */
  random?: () => number;
}

export interface Backoff {
  /** The delay before the next attempt; each call counts one more failure. */
  nextDelayMs: () => number;
  /** After a success: the next failure starts from the base again. */
  reset: () => void;
  readonly failures: number;
}

export function createBackoff({ baseMs = 1_000, maxMs = 30_000, random = Math.random }: BackoffOptions = {}): Backoff {
  let failures = 0;
  return {
    nextDelayMs() {
      const ceiling = Math.min(maxMs, baseMs * 2 ** failures);
      failures += 1;
      // Never below half the ceiling, so a retry storm cannot form out of many near-zero delays.
      return Math.round(ceiling / 2 + random() * (ceiling / 2));
    },
    reset() {
      failures = 0;
    },
    get failures() {
      return failures;
    },
  };
}
