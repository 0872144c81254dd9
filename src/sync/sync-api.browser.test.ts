// The device's sync client in Chromium: a push of a day's sales goes gzip-compressed and arrives whole, a
// sale or two goes as it is, a server on this machine gets it plain (nothing to save on loopback), and a
// server that refuses compressed bodies (415) gets the push plain.
import { describe, expect, it } from 'vitest';
import { createFakeSyncServer } from './fake-sync-server.test-helper.ts';
import { createSyncApi } from './sync-api.ts';
import type { WireDocument } from './sync-api.ts';

const SERVER = 'https://pos.example.test';

function sales(count: number): Array<{ newDocumentState: WireDocument }> {
  return Array.from({ length: count }, (_, i) => ({
    newDocumentState: { id: `sale-${i}`, number: `Q1-T1-${i}`, lines: [{ name: 'Nước mắm Phú Quốc', qty: 1000, unitPrice: 45_000 }], _deleted: false } as WireDocument,
  }));
}

describe('pushing through the sync client', () => {
  it('compresses a large push, which the server stores whole, and sends a small one as it is', async () => {
    const server = createFakeSyncServer();
    const api = createSyncApi({ serverUrl: SERVER, token: 'device-token', fetch: server.fetch });
    const day = sales(1000);
    expect(JSON.stringify(day).length).toBeGreaterThan(64 * 1024);
    expect(await api.push('sales', day)).toEqual([]);
    expect(await api.push('audit', sales(2))).toEqual([]);
    expect(server.pushes.map(({ collection, compressed, ids }) => ({ collection, compressed, count: ids.length }))).toEqual([
      { collection: 'sales', compressed: true, count: 1000 },
      { collection: 'audit', compressed: false, count: 2 },
    ]);
    expect(server.documents('sales').map((d) => d.id).sort()).toEqual(day.map((row) => row.newDocumentState.id).sort());
  });

  it('sends pushes plain to a server on this machine', async () => {
    for (const serverUrl of ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080']) {
      const server = createFakeSyncServer();
      const api = createSyncApi({ serverUrl, token: 'device-token', fetch: server.fetch });
      expect(await api.push('sales', sales(1000))).toEqual([]);
      expect(server.pushes.map((push) => push.compressed)).toEqual([false]);
    }
  });

  it('sends the push plain, and every later one, when the server refuses compressed bodies', async () => {
    const server = createFakeSyncServer();
    server.refuseCompressed();
    const api = createSyncApi({ serverUrl: SERVER, token: 'device-token', fetch: server.fetch });
    expect(await api.push('sales', sales(1000))).toEqual([]);
    expect(await api.push('sales', sales(1000))).toEqual([]);
    expect(server.pushes.map((push) => push.compressed)).toEqual([false, false]);
    expect(server.documents('sales')).toHaveLength(1000);
  });
});
