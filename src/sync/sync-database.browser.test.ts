// The device's identity and quarantine on a real IndexedDB in Chromium.
import { afterEach, describe, expect, it } from 'vitest';
import { loadDeviceIdentity, markDeviceRevoked, saveDeviceIdentity } from './enrolment.ts';
import { listQuarantine, releaseAccepted, setAsideRefused } from './quarantine.ts';
import { openSyncDatabase, type SyncDatabase } from './sync-database.ts';

const opened: SyncDatabase[] = [];
function freshSyncDatabase(name = `sync-test-${crypto.randomUUID()}`): SyncDatabase {
  const database = openSyncDatabase(name);
  opened.push(database);
  return database;
}

afterEach(async () => {
  for (const database of opened.splice(0)) await database.delete({ disableAutoOpen: true });
});

const identity = {
  deviceId: 'd-1',
  storeId: 's-1',
  storeName: 'Cửa hàng Quận 1',
  deviceName: 'Quầy 1',
  serverUrl: 'https://pos.example.vn',
  token: 'tok',
  enrolledAt: '2025-03-01T08:00:00.000Z',
};

const poisonSale = { id: 'sale-7', kind: 'sale', totals: { total: -1 }, _deleted: false };

describe('what the device keeps about its own sync', () => {
  it('remembers its enrolment across a reload, and that it was revoked', async () => {
    const name = `sync-test-${crypto.randomUUID()}`;
    const first = openSyncDatabase(name);
    expect(await loadDeviceIdentity(first)).toBeUndefined();
    await saveDeviceIdentity(first, identity);
    first.close({ disableAutoOpen: true });

    const reopened = freshSyncDatabase(name);
    expect(await loadDeviceIdentity(reopened)).toEqual(identity);
    await markDeviceRevoked(reopened, new Date('2025-03-02T10:00:00.000Z'));
    expect((await loadDeviceIdentity(reopened))?.revokedAt).toBe('2025-03-02T10:00:00.000Z');
  });

  it('keeps a refused sale whole with the server message, and lets it go once a corrected version is accepted', async () => {
    const database = freshSyncDatabase();
    await setAsideRefused(database, 'sales', [
      { row: { newDocumentState: poisonSale }, status: 400, error: 'invalid_document', message: 'totals.total must be >= 0' },
    ]);
    const [entry] = await listQuarantine(database);
    expect(entry).toMatchObject({ collection: 'sales', id: 'sale-7', status: 400, message: 'totals.total must be >= 0', document: poisonSale });

    await releaseAccepted(database, 'sales', ['sale-8']);
    expect(await database.quarantine.count()).toBe(1);
    await releaseAccepted(database, 'sales', ['sale-7']);
    expect(await database.quarantine.count()).toBe(0);
  });
});
