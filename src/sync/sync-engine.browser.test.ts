// The whole device side of sync on real IndexedDB in Chromium (RxDB, Dexie, leader election), against an
// in-memory server: catalog arrival, pending counts, pushes, a poison document, live changes, revocation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from '../catalog/catalog-database.ts';
import { productRow } from '../catalog/catalog-data.test-helper.ts';
import { createPosDatabase, type PosDatabase } from '../data/database.ts';
import type { AuditEntryDocument, CustomerDocument, LedgerEntryDocument } from '../data/schemas/types.ts';
import { loadDeviceIdentity } from './enrolment.ts';
import { createFakeSyncServer } from './fake-sync-server.test-helper.ts';
import { openSyncDatabase, type SyncDatabase } from './sync-database.ts';
import { startSync, type SyncEngine } from './sync-engine.ts';
import { totalPending, useSyncStatusStore } from './sync-status-store.ts';

let engine: SyncEngine | undefined;
let database: PosDatabase | undefined;
let catalog: CatalogDatabase | undefined;
let syncDatabase: SyncDatabase | undefined;

afterEach(async () => {
  await engine?.stop();
  await database?.remove();
  await catalog?.delete({ disableAutoOpen: true });
  await syncDatabase?.delete({ disableAutoOpen: true });
  engine = database = catalog = syncDatabase = undefined;
  useSyncStatusStore.getState().reset();
});

const identity = {
  deviceId: 'd-1',
  storeId: 's-1',
  storeName: 'Cửa hàng Quận 1',
  deviceName: 'Quầy 1',
  serverUrl: 'https://pos.test',
  token: 'device-token',
  enrolledAt: '2025-03-01T08:00:00.000Z',
};

function auditEntry(id: string, details: Record<string, unknown> = {}): AuditEntryDocument {
  return { id, storeId: 's-1', deviceId: 'd-1', action: 'drawer.open', staffId: 'staff-1', details, createdAt: '2025-03-01T08:00:00.000Z' };
}

async function startDevice(server: ReturnType<typeof createFakeSyncServer>) {
  const suffix = crypto.randomUUID();
  database = await createPosDatabase({ name: `pos-test-${suffix}` });
  catalog = openCatalogDatabase(`catalog-test-${suffix}`);
  syncDatabase = openSyncDatabase(`sync-test-${suffix}`);
  await syncDatabase.device.put({ ...identity, key: 'this-device' });
  engine = startSync({ database, catalog, syncDatabase, identity, fetch: server.fetch });
  return { database, catalog, syncDatabase };
}

const status = () => useSyncStatusStore.getState();

describe('a tablet syncing with its store', () => {
  it('receives the catalog, pushes what it writes, sets a poison entry aside and keeps the rest flowing', async () => {
    const server = createFakeSyncServer();
    server.write('products', Array.from({ length: 1_500 }, (_, i) => productRow(i + 1)));
    const device = await startDevice(server);

    await vi.waitFor(() => expect(status().catalog).toEqual({ rows: 1_500, caughtUp: true }), { timeout: 15_000 });
    expect(await device.catalog.products.count()).toBe(1_500);

    await device.database.audit.bulkInsert([auditEntry('a-1'), auditEntry('a-2', { amount: 1.5 }), auditEntry('a-3')]);
    server.poison((document) => (document.details as { amount?: number } | undefined)?.amount === 1.5);

    await vi.waitFor(() => expect(status().quarantined).toBe(1), { timeout: 15_000 });
    await vi.waitFor(() => expect(totalPending(status().pending)).toBe(0), { timeout: 15_000 });
    expect(server.documents('audit').map((document) => document.id).sort()).toEqual(['a-1', 'a-3']);
    const [quarantined] = await device.syncDatabase.quarantine.toArray();
    expect(quarantined).toMatchObject({ collection: 'audit', id: 'a-2', status: 400, message: 'details.amount must be an integer' });
    // The refused entry stays on the device untouched.
    expect(await device.database.audit.findOne('a-2').exec()).not.toBeNull();
    expect(status().lastProblem?.key).toBe('refused');
  });

  it('takes live changes from the stream: a customer from another device, a product price change', async () => {
    const server = createFakeSyncServer();
    server.write('products', [productRow(1)]);
    const device = await startDevice(server);
    await vi.waitFor(() => expect(status().catalog.caughtUp).toBe(true), { timeout: 15_000 });
    await vi.waitFor(() => expect(status().streamConnected).toBe(true), { timeout: 15_000 });

    const customer: CustomerDocument = {
      id: 'c-1',
      storeId: 's-1',
      name: 'Lê Thị Hoa',
      searchName: 'le thi hoa',
      phone: '0909000111',
      createdAt: '2025-03-01T08:00:00.000Z',
      updatedAt: '2025-03-01T08:00:00.000Z',
    };
    server.write('customers', [customer]);
    server.write('products', [productRow(1, { price: 55_000 })]);

    await vi.waitFor(async () => expect((await device.database.customers.findOne('c-1').exec())?.name).toBe('Lê Thị Hoa'), { timeout: 15_000 });
    await vi.waitFor(async () => expect((await device.catalog.products.get('p-000001'))?.price).toBe(55_000), { timeout: 15_000 });
    expect(server.pushes.filter((push) => push.collection === 'customers')).toEqual([]);
  });

  it('sends its own ledger entries up and takes none of the other tills\' down: its figures come from balances', async () => {
    const server = createFakeSyncServer();
    const entry = (id: string, deviceId: string): LedgerEntryDocument => ({
      id, kind: 'stock', storeId: 's-1', deviceId, refId: 'p-000001', delta: -1000, reason: 'adjustment', createdAt: '2025-03-01T08:00:00.000Z',
    });
    server.write('ledger', [entry('l-other-1', 'd-2')]);
    const device = await startDevice(server);
    await vi.waitFor(() => expect(status().streamConnected).toBe(true), { timeout: 15_000 });
    server.write('ledger', [entry('l-other-2', 'd-2')]);
    await device.database.ledger.insert(entry('l-own', 'd-1'));
    await vi.waitFor(() => expect(server.documents('ledger').map((d) => d.id)).toContain('l-own'), { timeout: 15_000 });
    await vi.waitFor(() => expect(totalPending(status().pending)).toBe(0), { timeout: 15_000 });
    expect((await device.database.ledger.find().exec()).map((d) => d.id)).toEqual(['l-own']);
  });

  it('with the network gone and 500 entries waiting, tells of each failed push in a line, not with the whole batch, and pushes them all once back', async () => {
    const server = createFakeSyncServer();
    let networkDown = false;
    const fetchOrFail: typeof fetch = (input, init) => (networkDown && String(input).includes('/push') ? Promise.reject(new TypeError('Failed to fetch')) : server.fetch(input, init));
    const suffix = crypto.randomUUID();
    database = await createPosDatabase({ name: `pos-test-${suffix}` });
    catalog = openCatalogDatabase(`catalog-test-${suffix}`);
    syncDatabase = openSyncDatabase(`sync-test-${suffix}`);
    await syncDatabase.device.put({ ...identity, key: 'this-device' });
    const warnings = vi.spyOn(console, 'warn');
    networkDown = true;
    engine = startSync({ database, catalog, syncDatabase, identity, fetch: fetchOrFail });
    const errors: unknown[] = [];
    const started = engine;
    const replication = await vi.waitFor(
      () => {
        const audit = started.replications.get('audit');
        if (audit === undefined) throw new Error('the audit replication has not started yet');
        return audit;
      },
      { timeout: 15_000 },
    );
    const subscription = replication.error$.subscribe((error) => errors.push(error));
    await database.audit.bulkInsert(Array.from({ length: 500 }, (_, i) => auditEntry(`offline-${i}`, { note: 'x'.repeat(200) })));

    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0), { timeout: 15_000 });
    // RxDB would otherwise wrap the failure with a copy of the 500 rows, its message their JSON (over 100 kB).
    expect(errors[0]).toMatchObject({ rxdb: true, name: 'ReplicationTryFailed', message: 'Syncing audit failed: Failed to fetch' });
    const logged = warnings.mock.calls.map((args) => args.map((arg) => (arg instanceof Error ? `${arg.message} ${String(arg.cause)}` : JSON.stringify(arg) ?? '')).join(' '));
    expect(Math.max(...logged.map((line) => line.length))).toBeLessThan(1_000);
    expect(status().lastProblem?.key).toBe('unreachable');

    networkDown = false;
    await vi.waitFor(() => expect(server.documents('audit')).toHaveLength(500), { timeout: 30_000 });
    subscription.unsubscribe();
    warnings.mockRestore();
  });

  it('stops syncing and says so when the server revokes the device', async () => {
    const server = createFakeSyncServer();
    const device = await startDevice(server);
    await vi.waitFor(() => expect(status().streamConnected).toBe(true), { timeout: 15_000 });

    server.revoke();
    await device.database.audit.insert(auditEntry('after-revocation'));
    await vi.waitFor(() => expect(status().phase).toBe('revoked'), { timeout: 15_000 });
    expect(status().lastProblem?.key).toBe('revoked');
    await vi.waitFor(async () => expect((await loadDeviceIdentity(device.syncDatabase))?.revokedAt).toBeDefined());
    // Never deleted: the entry waits on the device for a manager to enrol it again.
    expect(await device.database.audit.findOne('after-revocation').exec()).not.toBeNull();
  });
});
