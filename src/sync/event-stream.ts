/*
 * The ONE live connection a device keeps to the sync server: `GET /api/v1/sync/stream` (Server-Sent Events),
 * read with fetch + ReadableStream because EventSource cannot send the Authorization header.
 * It reconnects with backoff (and at once when the browser comes back online), and after every
 * (re)connection says `onReady`, on which every replication re-syncs from its checkpoint: a change missed
 * while disconnected costs one pull, never a lost document. A silent connection (no keep-alive for 45 s, the
 * server sends one every 15 s) is treated as dead and reopened.
 */
import type { Backoff } from './backoff.ts';
import { createBackoff } from './backoff.ts';
import { createSseParser } from './sse-parser.ts';
import type { SyncApi, SyncCheckpoint, WireDocument } from './sync-api.ts';
import { failureKindOf } from './sync-errors.ts';

export interface StreamChange {
  collection: string;
  documents: WireDocument[];
  checkpoint: SyncCheckpoint | null;
}

export interface EventStreamHandlers {
  /** After every (re)connection, once the server said `ready`. */
  onReady: () => void;
  onChange: (change: StreamChange) => void;
  onConnectionChange: (connected: boolean) => void;
  /** 401: the device token is no longer valid. The stream has stopped for good. */
  onRevoked: () => void;
  /** Any other failure; the stream retries on its own. */
  onError: (error: unknown) => void;
}

export interface EventStreamOptions {
  api: Pick<SyncApi, 'openStream'>;
  handlers: EventStreamHandlers;
  backoff?: Backoff;
  /** No bytes for this long = a dead connection. */
  idleTimeoutMs?: number;
}

export interface EventStream {
  stop: () => void;
}

const IDLE_TIMEOUT_MS = 45_000;

export function startEventStream({ api, handlers, backoff = createBackoff(), idleTimeoutMs = IDLE_TIMEOUT_MS }: EventStreamOptions): EventStream {
  let stopped = false;
  let connection: AbortController | undefined;
  let wakeUp: (() => void) | undefined;

  const onOnline = () => wakeUp?.();
  // Offline: a half-open connection can hang for minutes; drop it so the status shows the truth at once.
  const onOffline = () => connection?.abort(new DOMException('The browser went offline', 'AbortError'));
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  async function connectOnce(): Promise<'again' | 'revoked'> {
    const controller = new AbortController();
    connection = controller;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const feedWatchdog = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => controller.abort(new DOMException('The sync stream went silent', 'TimeoutError')), idleTimeoutMs);
    };
    let connected = false;
    let stopReading: (() => void) | undefined;
    try {
      const response = await api.openStream(controller.signal);
      if (!response.body) throw new Error('The sync stream answered without a body');
      connected = true;
      handlers.onConnectionChange(true);
      feedWatchdog();
      const parser = createSseParser((event) => {
        if (event.event === 'ready') {
          backoff.reset();
          handlers.onReady();
        } else if (event.event === 'change') {
          dispatchChange(event.data);
        }
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      // fetch ends the body on abort; cancelling the reader too makes that hold for any body.
      stopReading = () => {
        reader.cancel(controller.signal.reason).catch((error: unknown) => console.warn('Cancelling the sync stream reader failed', error));
      };
      controller.signal.addEventListener('abort', stopReading);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        feedWatchdog();
        parser.push(value);
      }
      return 'again';
    } catch (error) {
      if (stopped) return 'again';
      if (failureKindOf(error) === 'revoked') return 'revoked';
      handlers.onError(error);
      return 'again';
    } finally {
      clearTimeout(watchdog);
      // The body is done with (ended or failed): a later abort has nothing left to cancel.
      if (stopReading) controller.signal.removeEventListener('abort', stopReading);
      if (connected) handlers.onConnectionChange(false);
    }
  }

  function dispatchChange(data: string): void {
    let change: StreamChange;
    try {
      change = JSON.parse(data) as StreamChange;
    } catch (error) {
      // A broken event is skipped; the next RESYNC pulls whatever it carried.
      console.error('The sync stream sent a change that is not JSON; skipped', { data: data.slice(0, 200), error });
      return;
    }
    handlers.onChange(change);
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function run(): Promise<void> {
    while (!stopped) {
      const outcome = await connectOnce();
      if (outcome === 'revoked') {
        stopped = true;
        handlers.onRevoked();
        break;
      }
      if (!stopped) await pause(backoff.nextDelayMs());
    }
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
  }

  run().catch((error: unknown) => console.error('The sync stream loop stopped unexpectedly', error));

  return {
    stop() {
      stopped = true;
      connection?.abort(new DOMException('Sync stopped', 'AbortError'));
      wakeUp?.();
    },
  };
}
