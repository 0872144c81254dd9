/*
 * Rate limits on the endpoints a guesser would hammer (enrolment, staff PIN sign-in, the orders webhook).
 * `countTry(app, limit, key, reply, what)` counts a try in the database BEFORE the work it limits, and answers
 * 429 with Retry-After and a message saying what to wait for when the window is full: a burst of concurrent
 * tries can never get more than `maxTries` through, on any number of server instances. A try that turns out
 * not to count (a right PIN, a valid code) is handed back with the returned `release()`, so a busy store's
 * correct calls are never slowed; limits that count every try (successful enrolments) just keep it.
 * `app.failureLimit(scope, maxPerMinute)` (the webhook's) records failures after the fact instead.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { FailureWindow } from '../auth/failure-window.ts';
import { HttpError } from '../http-error.ts';
import { releaseTry, reserveTry, triesInWindow } from '../store/rate-limits-repository.ts';

declare module 'fastify' {
  interface FastifyInstance {
    failureLimit(scope: string, maxFailuresPerMinute: number): FailureWindow;
  }
}

/** At most `maxTries` tries per key within any `windowMinutes` minutes (counted per whole minute). */
export interface TryLimit {
  /** Names the limit in its keys, e.g. "enroll", so two limits on one address do not add up. */
  scope: string;
  maxTries: number;
  windowMinutes: number;
}

export interface CountedTry {
  /** Hands the try back: it is not one the limit counts. */
  release(): Promise<void>;
}

const MINUTE_MS = 60_000;

/**
 * Counts a try of `key` against `limit`, or throws 429 (with Retry-After) when the window is full;
 * `what` names the tries in the message, `unit` says whether the wait is told in seconds or minutes.
 */
export async function countTry(
  app: FastifyInstance,
  limit: TryLimit,
  key: string,
  reply: FastifyReply,
  what: string,
  unit: 'seconds' | 'minutes' = 'seconds',
  now: number = Date.now(),
): Promise<CountedTry> {
  const db = app.store.db;
  const scoped = `${limit.scope}:${key}`;
  const minute = Math.floor(now / MINUTE_MS);
  if (await reserveTry(db, scoped, minute, limit.windowMinutes, limit.maxTries)) {
    return { release: () => releaseTry(db, scoped, minute) };
  }
  const wait = Math.max(1, Math.ceil(((await freeAt(app, limit, scoped, minute)) - now) / 1000));
  reply.header('retry-after', String(wait));
  const told = unit === 'minutes' ? `${Math.ceil(wait / 60)} ${Math.ceil(wait / 60) === 1 ? 'minute' : 'minutes'}` : `${wait} seconds`;
  throw new HttpError(429, 'too_many_requests', `Too many ${what}: try again in ${told}`);
}

/** When the oldest tries have left the window far enough for one more (epoch ms). */
async function freeAt(app: FastifyInstance, limit: TryLimit, key: string, minute: number): Promise<number> {
  const minutes = await triesInWindow(app.store.db, key, minute, limit.windowMinutes);
  let left = minutes.reduce((sum, m) => sum + m.tries, 0);
  for (const m of minutes) {
    left -= m.tries;
    if (left < limit.maxTries) return (m.minute + limit.windowMinutes) * MINUTE_MS;
  }
  // The tries were handed back meanwhile: try again in a moment.
  return (minute + 1) * MINUTE_MS;
}

/** Throws 429 (with Retry-After) when `key` used up its failed tries; `what` names them in the message. */
export async function refuseWhenLimited(limit: FailureWindow, key: string, reply: FastifyReply, what: string): Promise<void> {
  const wait = await limit.retryAfterMs(key);
  if (wait <= 0) return;
  const seconds = Math.ceil(wait / 1000);
  reply.header('retry-after', String(seconds));
  throw new HttpError(429, 'too_many_requests', `Too many ${what}: try again in ${seconds} seconds`);
}

export default fp(
  async function rateLimit(app) {
    app.decorate('failureLimit', (scope: string, maxFailuresPerMinute: number) => new FailureWindow(app.store.db, scope, maxFailuresPerMinute));
  },
  { name: 'rate-limit', fastify: '5.x', dependencies: ['store'] },
);
