/*
 * The one background loop of the integrations' workers (the order inbox, the pickup-code worker, the
 * outbox): each claims work it alone holds (a delivery still pending, a notice's lease, a cursor's page),
 * does it, and claims again until nothing is left; then it sleeps until woken or until its next look, so
 * work kept by another server instance, or before a restart, is done too. A failed round is logged and
 * tried again at the next look: a worker never dies of one bad round. Stopping lets the round in flight
 * finish (its claims are released by being done, not abandoned), so the database can close after it.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface LeasedWorkerOptions {
  /** Names the worker in its log lines. */
  name: string;
  log: FastifyBaseLogger;
  /** One round: claims and does everything there is now; `stopped()` asks it to end early. */
  round: (stopped: () => boolean) => Promise<number>;
  /** How long to sleep after a round that found nothing more (a fixed poll, or until the next due work). */
  sleepMs: () => number | Promise<number>;
}

export interface LeasedWorker {
  start(): void;
  /** New work was kept: do it now rather than at the next look. */
  wake(): void;
  /** Ends the loop once the round in flight is done. */
  stop(): Promise<void>;
  /** Runs one round now, outside the loop (tests and the bench wait on it); how many it did. */
  runRound(): Promise<number>;
  readonly stopped: boolean;
}

export function leasedWorker(options: LeasedWorkerOptions): LeasedWorker {
  let stopped = false;
  let again = false;
  let running: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  const isStopped = (): boolean => stopped;

  async function sleepDuration(): Promise<number> {
    try {
      return await options.sleepMs();
    } catch (error) {
      options.log.error({ err: error, worker: options.name }, `${options.name}: reading when to look again failed`);
      return 1000;
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      again = false;
      try {
        await options.round(isStopped);
      } catch (error) {
        options.log.error({ err: error, worker: options.name }, `${options.name}: a round failed; trying again at the next look`);
      }
      if (stopped || again) continue;
      const sleep = await sleepDuration();
      if (stopped || again) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sleep);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  }

  return {
    start() {
      running ??= loop();
    },
    wake() {
      again = true;
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await running;
    },
    runRound() {
      return options.round(isStopped);
    },
    get stopped() {
      return stopped;
    },
  };
}

/**
 * Claims batches until a claim comes back empty (or the worker stops), handing each to `handle`; between
 * batches it lets the server answer waiting requests first (SQLite answers synchronously, so without this
 * the loop would run on microtasks alone and webhooks would wait for the worker to run dry).
 */
export async function drainClaims<T>(claim: () => Promise<readonly T[]>, handle: (batch: readonly T[]) => Promise<number>, stopped: () => boolean): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await claim();
    if (batch.length === 0) return done;
    done += await handle(batch);
    if (stopped()) return done;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
