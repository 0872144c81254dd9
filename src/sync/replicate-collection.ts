/*
 * One RxDB replication of a device collection with the sync server, over the contract's pull and push
 * endpoints (sync-api.ts) and the shared event stream (pull.stream$, fed by sync-engine.ts).
 *
 * - Only the leading tab replicates (waitForLeadership, RxDB's leader election over BroadcastChannel), so two
 *   open tabs never push the same sale twice; and it keeps replicating while hidden (toggleOnDocumentVisible:
 *   false; RxDB 17 would otherwise pause a background tab).
 * - Conflicts: the collections use RxDB's default conflict handler, i.e. the server's master wins. That is
 *   right for every collection here because the server already merged (customers, orders) or kept the first
 *   version (append-only facts) and answers the resolved master as the conflict.
 * - Temporary failures (network, 5xx, 429) are thrown back to RxDB, which retries the same batch after
 *   `retryTime`; we stretch that time with exponential backoff and shrink it again after a success.
 * - A push refused with 400/403 is split to find the poison documents (push-splitting-refused.ts); those go
 *   to the quarantine and the rest of the batch goes through.
 * - 401 anywhere: the device was revoked; onRevoked stops everything.
 * - A failed try is thrown back as a small ReplicationTryFailed, which RxDB takes as its own error (`rxdb`):
 *   anything else it wraps in an RC_PUSH error holding the whole batch, whose message JSON-stringifies every
 *   row, and the engine then logged that object; with 10,000 sales waiting, every retry offline blocked the
 *   page for 1-2 s (0.7 s of it the stringifying). And a push is not even tried while the browser knows it
 *   is offline (navigator.onLine false: serialising 2,000 rows for a request that cannot leave took 0.5 s);
 *   RxDB's retry waits for the 'online' event then.
 */
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Observable } from 'rxjs';
import type { DeviceCollectionName } from '../data/database.ts';
import { createBackoff } from './backoff.ts';
import { pushSplittingRefused } from './push-splitting-refused.ts';
import type { PushRow, SyncApi, SyncCheckpoint, WireDocument } from './sync-api.ts';
import { failureKindOf, SyncHttpError } from './sync-errors.ts';

export type ReplicationDirection = 'pull' | 'push' | 'both';

export interface ReplicateCollectionOptions {
  name: DeviceCollectionName;
  collection: RxCollection;
  direction: ReplicationDirection;
  api: SyncApi;
  stream$: Observable<RxReplicationPullStreamItem<WireDocument, SyncCheckpoint>>;
  /** Names the replication's checkpoints: a device enrolled elsewhere starts afresh. */
  identifier: string;
  onSuccess: () => void;
  onTemporaryFailure: (error: unknown) => void;
  onRefused: (refused: Awaited<ReturnType<typeof pushSplittingRefused<PushRow, WireDocument>>>['refused']) => Promise<void>;
  onAccepted: (ids: string[]) => Promise<void>;
  /** The server answered for these ids (accepted, conflict, or refused and set aside): they no longer wait. */
  onSettled: (ids: string[]) => void;
  /** A push request starts (true) or has its answer or failure (false). */
  onPushing?: (pushing: boolean) => void;
  onRevoked: () => void;
}

export const PULL_BATCH_SIZE = 1_000;
/**
 * 2,000 documents per push request: the server takes up to 5,000 rows / 20 MB (a sale is ~1-2 kB) in one
 * transaction, and 2,000 sales queued offline then go in one request instead of four requests that contend
 * for the same SQLite writer. A poison document among 2,000 is found by halving in about 22 requests.
 */
export const PUSH_BATCH_SIZE = 2_000;
const BASE_RETRY_MS = 1_000;

export function replicateCollection(options: ReplicateCollectionOptions): RxReplicationState<WireDocument, SyncCheckpoint> {
  const { name, api } = options;
  const backoff = createBackoff({ baseMs: BASE_RETRY_MS, maxMs: 60_000 });
  // The handlers below run only after the replication exists; they reach it through this holder.
  const holder: { replication?: RxReplicationState<WireDocument, SyncCheckpoint> } = {};

  function succeeded(): void {
    backoff.reset();
    if (holder.replication) holder.replication.retryTime = BASE_RETRY_MS;
    options.onSuccess();
  }

  function failed(error: unknown): never {
    const kind = failureKindOf(error);
    if (kind === 'revoked') options.onRevoked();
    else options.onTemporaryFailure(error);
    // RxDB waits retryTime before it retries this very batch: grow it.
    if (holder.replication) holder.replication.retryTime = backoff.nextDelayMs();
    throw new ReplicationTryFailed(name, error);
  }

  const replication = replicateRxCollection<WireDocument, SyncCheckpoint>({
    replicationIdentifier: options.identifier,
    collection: options.collection,
    live: true,
    retryTime: BASE_RETRY_MS,
    waitForLeadership: true,
    toggleOnDocumentVisible: false,
    autoStart: true,
    pull:
      options.direction === 'push'
        ? undefined
        : {
            batchSize: PULL_BATCH_SIZE,
            stream$: options.stream$,
            handler: async (checkpoint, batchSize) => {
              try {
                const answer = await api.pull(name, checkpoint ?? null, batchSize);
                succeeded();
                return { documents: answer.documents as never, checkpoint: answer.checkpoint ?? checkpoint };
              } catch (error) {
                return failed(error);
              }
            },
          },
    push:
      options.direction !== 'pull'
        ? {
            batchSize: PUSH_BATCH_SIZE,
            handler: async (rows) => {
              if (browserIsOffline()) return failed(new OfflineError(name));
              options.onPushing?.(true);
              try {
                const result = await pushSplittingRefused(rows, (part) => api.push(name, part), refusalOf);
                if (result.refused.length > 0) await options.onRefused(result.refused);
                const acceptedIds = result.accepted.map((row) => row.newDocumentState.id);
                options.onSettled([...acceptedIds, ...result.refused.map(({ row }) => row.newDocumentState.id)]);
                await options.onAccepted(acceptedIds);
                succeeded();
                return result.conflicts as never;
              } catch (error) {
                return failed(error);
              } finally {
                options.onPushing?.(false);
              }
            },
          }
        : undefined,
  });
  holder.replication = replication;
  return replication;
}

/**
 * A pull or push try that failed, as RxDB's error stream carries it: what failed and why, without the
 * batch. `rxdb` makes RxDB pass it on as it is (replication/index.ts: `err.rxdb ? err : newRxError(...)`).
 */
export class ReplicationTryFailed extends Error {
  readonly rxdb = true;
  readonly code = 'POS_SYNC_TRY_FAILED';

  constructor(collection: DeviceCollectionName, override readonly cause: unknown) {
    super(`Syncing ${collection} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ReplicationTryFailed';
  }
}

/** No network at all, as the browser knows it: a push would fail before leaving the device. */
class OfflineError extends Error {
  constructor(collection: DeviceCollectionName) {
    super(`The browser is offline: ${collection} not pushed`);
    this.name = 'OfflineError';
  }
}

function browserIsOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

function refusalOf(error: unknown) {
  if (error instanceof SyncHttpError && error.kind === 'refused') {
    return { status: error.status, error: error.code, message: error.serverMessage };
  }
  return undefined;
}
