/*
 * Rate limits on the endpoints a guesser would hammer (enrolment, staff PIN sign-in, the orders webhook):
 * `app.failureLimit(scope, maxPerMinute)` gives a route a FailureWindow counted in the database, and
 * `refuseWhenLimited` answers 429 with Retry-After and a message saying what to wait for. Only failed tries
 * count, so a busy store's correct calls are never slowed.
 */
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { FailureWindow } from '../auth/failure-window.ts';
import { HttpError } from '../http-error.ts';

declare module 'fastify' {
  interface FastifyInstance {
    failureLimit(scope: string, maxFailuresPerMinute: number): FailureWindow;
  }
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
