/*
 * Starts and stops everything that syncs this device with its store's server, once per page:
 *   - leader election first: only the leading tab syncs (RxDB's leader election), so two tabs never push
 *     twice and never pull the catalog twice; the other tabs show "another tab syncs";
 *   - the catalog pull into Dexie (catalog-sync.ts);
 *   - one RxDB replication per device collection (replicate-collection.ts): config pull-only, ledger
 *     push-only, the others both ways, so a store's day-end sees the other devices' facts too. Ledger
 *     entries are not pulled: a device shows balances (server-confirmed, in the catalog) plus its own
 *     unconfirmed sales, and pulling the ~5 stock movements the server derives from every sale of the store
 *     would write thousands of documents nothing on the device reads (the server does not stream them);
 *   - ONE event stream (event-stream.ts) feeding all of them: changes go to the replication of their
 *     collection (or poke the catalog pull), and every (re)connection RESYNCs them all;
 *   - the status store (sync-status-store.ts): busy, pending counts, quarantine, last sync (also kept in the
 *     sync database, last-synced.ts, and read back by every tab), problems.
 * A 401 from any call marks the device revoked in IndexedDB and stops it all.
 */
import { addRxPlugin, type RxCollection, type RxReplicationPullStreamItem } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, Subject, auditTime, filter, merge, type Subscription } from 'rxjs';
import { liveQuery } from 'dexie';
import type { CatalogDatabase } from '../catalog/catalog-database.ts';
import { readCatalogPullState } from '../catalog/catalog-writer.ts';
import type { PosDatabase } from '../data/database.ts';
import { collectionNames, collectionPolicies, deviceCollectionNames, type CollectionName, type DeviceCollectionName } from '../data/schemas/index.ts';
import { startCatalogSync, type CatalogSync } from './catalog-sync.ts';
import { markDeviceRevoked } from './enrolment.ts';
import { lastSyncedWriter, watchLastSynced } from './last-synced.ts';
import { startEventStream, type EventStream, type StreamChange } from './event-stream.ts';
import { listPendingPushes } from './pending-count.ts';
import { createPendingTracker, type PendingTracker } from './pending-tracker.ts';
import { releaseAccepted, setAsideRefused } from './quarantine.ts';
import { replicateCollection } from './replicate-collection.ts';
import { createSyncApi, type SyncApi, type SyncCheckpoint, type WireDocument } from './sync-api.ts';
import type { DeviceIdentity, SyncDatabase } from './sync-database.ts';
import { SyncHttpError } from './sync-errors.ts';
import { useSyncStatusStore } from './sync-status-store.ts';

export interface StartSyncOptions {
  database: PosDatabase;
  catalog: CatalogDatabase;
  syncDatabase: SyncDatabase;
  identity: DeviceIdentity;
  /** Tests pass a fetch that goes elsewhere; the app uses the browser's. */
  fetch?: typeof fetch;
}

export interface SyncEngine {
  stop: () => Promise<void>;
  /** The replications by collection (the leader only; empty until leadership). */
  replications: ReadonlyMap<DeviceCollectionName, RxReplicationState<WireDocument, SyncCheckpoint>>;
  catalogSync: () => CatalogSync | undefined;
}

const knownCollections: ReadonlySet<string> = new Set(collectionNames);
const PENDING_RECOUNT_MS = 300;

export function startSync({ database, catalog, syncDatabase, identity, fetch: fetchImpl }: StartSyncOptions): SyncEngine {
  const status = useSyncStatusStore.getState();
  const api: SyncApi = createSyncApi({ serverUrl: identity.serverUrl, token: identity.token, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const replications = new Map<DeviceCollectionName, RxReplicationState<WireDocument, SyncCheckpoint>>();
  const streams = new Map<string, Subject<RxReplicationPullStreamItem<WireDocument, SyncCheckpoint>>>();
  const pendingTrackers = new Map<DeviceCollectionName, PendingTracker>();
  const subscriptions: Array<Pick<Subscription, 'unsubscribe'>> = [];
  let catalogSync: CatalogSync | undefined;
  let eventStream: EventStream | undefined;
  let stopped = false;

  status.setEnrolment(identity);
  // When this device last synced: kept across reloads and shared by the tabs (last-synced.ts).
  const lastSynced = lastSyncedWriter(syncDatabase);
  const synced = () => {
    // A replication cancelled by stopAll may still report its last answer; a stopped engine records nothing.
    if (stopped) return;
    status.recordSuccess();
    const at = useSyncStatusStore.getState().lastSyncedAt;
    if (at !== undefined) lastSynced.record(at);
  };

  const networkListener = () => status.setNetworkOnline(navigator.onLine);
  window.addEventListener('online', networkListener);
  window.addEventListener('offline', networkListener);
  networkListener();

  subscriptions.push(
    { unsubscribe: watchLastSynced(syncDatabase, (at) => status.restoreLastSynced(at)) },
    liveQuery(() => syncDatabase.quarantine.count()).subscribe({
      next: (count) => status.setQuarantined(count),
      error: (error: unknown) => console.error('Counting the quarantined documents failed', error),
    }),
  );

  function reportTemporary(error: unknown): void {
    if (error instanceof SyncHttpError) status.reportProblem('serverError', { status: error.status });
    else status.reportProblem('unreachable');
    console.warn('Sync will retry after a temporary failure', error);
  }

  function revoke(): void {
    if (stopped) return;
    status.setPhase('revoked');
    status.reportProblem('revoked');
    markDeviceRevoked(syncDatabase).catch((error: unknown) => console.error('Could not record that this device was revoked', error));
    void stopAll();
  }

  async function stopAll(): Promise<void> {
    if (stopped) return;
    stopped = true;
    lastSynced.stop();
    eventStream?.stop();
    catalogSync?.stop();
    for (const subscription of subscriptions) subscription.unsubscribe();
    window.removeEventListener('online', networkListener);
    window.removeEventListener('offline', networkListener);
    await Promise.all([...replications.values()].map((replication) => replication.cancel()));
  }

  async function startAsLeader(): Promise<void> {
    addRxPlugin(RxDBLeaderElectionPlugin);
    status.setPhase('waiting-for-leadership');
    await database.waitForLeadership();
    if (stopped) return;
    status.setPhase('running');

    const products = await readCatalogPullState(catalog, 'products');
    status.setCatalogProgress({ rows: products.rowsPulled, caughtUp: products.caughtUp });
    catalogSync = startCatalogSync({
      catalog,
      api,
      onProgress: (progress) => status.setCatalogProgress(progress),
      onBusy: (busy) => status.setBusy('catalog', busy),
      onSuccess: synced,
      onTemporaryFailure: reportTemporary,
      onRevoked: revoke,
    });
    catalogSync.requestPull();

    for (const name of deviceCollectionNames) startReplication(name);

    eventStream = startEventStream({
      api,
      handlers: {
        onReady: () => {
          for (const stream of streams.values()) stream.next('RESYNC');
          catalogSync?.requestPull();
        },
        onChange: routeChange,
        onConnectionChange: (connected) => status.setStreamConnected(connected),
        onRevoked: revoke,
        onError: reportTemporary,
      },
    });
  }

  function routeChange(change: StreamChange): void {
    const policy = knownCollections.has(change.collection) ? collectionPolicies[change.collection as CollectionName] : undefined;
    if (policy?.device === 'catalog') {
      catalogSync?.requestPull();
      return;
    }
    const stream = streams.get(change.collection);
    if (!stream && policy?.device === 'push') return;
    if (!stream) {
      console.warn(`The sync stream sent a change for an unknown collection "${change.collection}"; ignored`);
      return;
    }
    if (!change.checkpoint) return;
    const documents = change.documents.map((document) => ({ ...document, _deleted: document._deleted === true }));
    stream.next({ documents, checkpoint: change.checkpoint });
  }

  function startReplication(name: DeviceCollectionName): void {
    const stream = new Subject<RxReplicationPullStreamItem<WireDocument, SyncCheckpoint>>();
    // Whether a push request of this collection is in flight.
    const pushing = new BehaviorSubject(false);
    const direction = collectionPolicies[name].device;
    if (direction !== 'push') streams.set(name, stream);
    const replication = replicateCollection({
      name,
      collection: database[name] as never,
      direction,
      api,
      stream$: stream.asObservable(),
      identifier: `pos-v1-${name}-${identity.serverUrl}-${identity.storeId}`,
      onSuccess: synced,
      onTemporaryFailure: reportTemporary,
      onRevoked: revoke,
      onRefused: async (refused) => {
        console.error(`The server refused ${refused.length} ${name} document(s); set aside in the quarantine`, refused);
        await setAsideRefused(syncDatabase, name, refused);
        status.reportProblem('refused', { count: refused.length, message: refused[0]?.message ?? '' });
      },
      onAccepted: (ids) => releaseAccepted(syncDatabase, name, ids),
      onSettled: (ids) => pendingTrackers.get(name)?.settled(ids),
      onPushing: (active) => pushing.next(active),
    });
    replications.set(name, replication);
    subscriptions.push(
      replication.active$.subscribe((active) => status.setBusy(name, active)),
      replication.error$.subscribe((error) => console.warn(`Replication of ${name} reported an error`, error)),
    );
    if (direction !== 'pull') watchPending(name, replication, pushing);
  }

  function watchPending(name: DeviceCollectionName, replication: RxReplicationState<WireDocument, SyncCheckpoint>, pushing: BehaviorSubject<boolean>): void {
    const tracker = createPendingTracker({
      listPending: () => (stopped ? Promise.resolve(undefined) : listPendingPushes(replication)),
      publish: (count) => !stopped && status.setPending(name, count),
      onCountFailed: (error: unknown) => {
        // Stopping closes the storage under a count in flight; only a failure while running matters.
        if (!stopped) console.warn(`Counting the ${name} documents waiting to be pushed failed`, error);
      },
    });
    pendingTrackers.set(name, tracker);
    // The collections' document types differ; only the changed document's id matters here.
    const collectionChanges = (database[name] as RxCollection).$;
    // No recount while a push request is in flight: counting reads every waiting document back from
    // IndexedDB (thousands after a day offline), which only competes with the push it would count, and the
    // tracker already drops what the push settles. The push's end triggers the recount (a sale rung up
    // meanwhile shows in the count then).
    subscriptions.push(
      collectionChanges.subscribe((event) => tracker.written([event.documentId])),
      merge(collectionChanges, replication.sent$, replication.active$, pushing)
        .pipe(auditTime(PENDING_RECOUNT_MS), filter(() => !pushing.getValue()))
        .subscribe(() => tracker.recount()),
    );
    replication.startPromise.then(
      () => tracker.recount(),
      (error: unknown) => console.warn(`Replication of ${name} did not start`, error),
    );
  }

  startAsLeader().catch((error: unknown) => {
    console.error('Starting sync failed', error);
    status.reportProblem('storage');
  });

  return {
    stop: stopAll,
    replications,
    catalogSync: () => catalogSync,
  };
}
