// The integrations' one worker loop: the inbox, the pickup codes and the outbox all run on it.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { drainClaims, leasedWorker } from './leased-worker.ts';

const silent = pino({ level: 'silent' });

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('the worker never got there');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a leased worker', () => {
  it('drains what is claimable, then sleeps until woken: a delivery kept meanwhile is applied at once, not at the next look', async () => {
    const queue = ['a', 'b', 'c'];
    const done: string[] = [];
    const worker = leasedWorker({
      name: 'test',
      log: silent,
      round: (stopped) => drainClaims(async () => queue.splice(0, 2), async (batch) => (done.push(...batch), batch.length), stopped),
      sleepMs: () => 60_000,
    });
    worker.start();
    await until(() => done.length === 3);
    queue.push('d');
    worker.wake();
    await until(() => done.length === 4);
    await worker.stop();
    expect(done).toEqual(['a', 'b', 'c', 'd']);
  });

  it('looks again after its sleep when nobody wakes it (work kept by another instance)', async () => {
    const queue: string[] = [];
    let rounds = 0;
    const worker = leasedWorker({
      name: 'test',
      log: silent,
      round: async () => (rounds += 1, queue.splice(0).length),
      sleepMs: () => 10,
    });
    worker.start();
    await until(() => rounds >= 3);
    await worker.stop();
  });

  it('logs a failed round and keeps going: one bad round never kills the worker', async () => {
    const errors: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });
    let rounds = 0;
    const worker = leasedWorker({
      name: 'flaky',
      log,
      round: async () => {
        rounds += 1;
        if (rounds === 1) throw new Error('database gone for a moment');
        return 0;
      },
      sleepMs: () => 5,
    });
    worker.start();
    await until(() => rounds >= 2);
    await worker.stop();
    expect(errors.some((line) => line.includes('flaky: a round failed') && line.includes('database gone for a moment'))).toBe(true);
  });

  it('stops only after the round in flight has finished, and a stopped drain claims nothing more', async () => {
    const gate = deferred();
    let claims = 0;
    let finished = false;
    const worker = leasedWorker({
      name: 'test',
      log: silent,
      round: (stopped) =>
        drainClaims(
          async () => (claims += 1, ['x']),
          async (batch) => {
            await gate.promise;
            finished = true;
            return batch.length;
          },
          stopped,
        ),
      sleepMs: () => 60_000,
    });
    worker.start();
    await until(() => claims === 1);
    const stopping = worker.stop();
    let stoppedYet = false;
    void stopping.then(() => (stoppedYet = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stoppedYet).toBe(false);
    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
    expect(claims).toBe(1);
    expect(worker.stopped).toBe(true);
  });

  it('runs one round on demand outside its loop and says how much it did', async () => {
    const queue = [1, 2, 3, 4, 5];
    const worker = leasedWorker({
      name: 'test',
      log: silent,
      round: (stopped) => drainClaims(async () => queue.splice(0, 2), async (batch) => batch.length, stopped),
      sleepMs: () => 1000,
    });
    expect(await worker.runRound()).toBe(5);
    expect(await worker.runRound()).toBe(0);
  });

  it('sleeps a second when reading its next look fails, logging why', async () => {
    const errors: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });
    const worker = leasedWorker({
      name: 'outbox-like',
      log,
      round: async () => 0,
      sleepMs: () => Promise.reject(new Error('no next due')),
    });
    worker.start();
    await until(() => errors.length > 0);
    await worker.stop();
    expect(errors[0]).toContain('outbox-like: reading when to look again failed');
  });
});
