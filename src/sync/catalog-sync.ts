/*
 * Keeps the Dexie catalog (src/catalog) in step with the server: a checkpointed pull of products, then of
 * balances, run at start, after every (re)connection of the event stream, and whenever the stream says a
 * catalog document changed. Requests that arrive while a pull runs are folded into one more pull after it.
 *
 * Stream events for the catalog only trigger a pull; their documents are not written directly. The pull is
 * ordered by the server's sequence and moves the checkpoint with each page, while an event applied out of
 * band could overwrite a newer row or move the checkpoint past rows not yet stored.
 */
import type { CatalogDatabase } from '../catalog/catalog-database.ts';
import { catalogTableNames } from '../catalog/catalog-database.ts';
import { pullCatalogTable } from '../catalog/catalog-pull.ts';
import type { CatalogPage } from '../catalog/catalog-writer.ts';
import { createBackoff } from './backoff.ts';
import type { SyncApi } from './sync-api.ts';
import { failureKindOf } from './sync-errors.ts';

export interface CatalogSyncOptions {
  catalog: CatalogDatabase;
  api: Pick<SyncApi, 'pull'>;
  onProgress: (progress: { rows: number; caughtUp: boolean }) => void;
  onBusy: (busy: boolean) => void;
  onSuccess: () => void;
  onTemporaryFailure: (error: unknown) => void;
  onRevoked: () => void;
  pageSize?: number;
}

export interface CatalogSync {
  requestPull: () => void;
  stop: () => void;
  /** Resolves when no pull is running or queued (tests and the benchmark wait on it). */
  whenIdle: () => Promise<void>;
}

export function startCatalogSync(options: CatalogSyncOptions): CatalogSync {
  const backoff = createBackoff({ baseMs: 1_000, maxMs: 60_000 });
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  let again = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const fetchPage = (table: 'products' | 'balances', checkpoint: CatalogPage['checkpoint'], limit: number, signal?: AbortSignal) =>
    options.api.pull(table, checkpoint, limit, signal) as Promise<CatalogPage>;

  async function pullAll(): Promise<void> {
    for (const table of catalogTableNames) {
      await pullCatalogTable({
        database: options.catalog,
        table,
        fetchPage,
        signal: controller.signal,
        ...(options.pageSize ? { pageSize: options.pageSize } : {}),
        // Progress follows the products: they decide whether the counter can scan.
        onPage: (state) => table === 'products' && options.onProgress({ rows: state.rowsPulled, caughtUp: state.caughtUp }),
      });
    }
  }

  async function run(): Promise<void> {
    options.onBusy(true);
    try {
      do {
        again = false;
        await pullAll();
      } while (again && !controller.signal.aborted);
      backoff.reset();
      options.onSuccess();
    } catch (error) {
      if (controller.signal.aborted) return;
      if (failureKindOf(error) === 'revoked') {
        options.onRevoked();
        return;
      }
      options.onTemporaryFailure(error);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(requestPull, backoff.nextDelayMs());
    } finally {
      options.onBusy(false);
    }
  }

  function requestPull(): void {
    if (controller.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(retryTimer);
    running = run().finally(() => {
      running = undefined;
      if (again && !controller.signal.aborted) requestPull();
    });
  }

  const onOnline = () => requestPull();
  window.addEventListener('online', onOnline);

  return {
    requestPull,
    stop() {
      controller.abort(new DOMException('Sync stopped', 'AbortError'));
      clearTimeout(retryTimer);
      window.removeEventListener('online', onOnline);
    },
    async whenIdle() {
      while (running) await running;
    },
  };
}
