// A manager looks at the store's incidents in the back office and marks the ones dealt with (issue 15): the
// shop's online order flagged at handover is marked handled with a note, drops out of the list still to look
// at, shows who and when among the handled ones, and leaves an audit entry the tablets pull. A second mark,
// an unknown id, another store's incident, a cashier and a note too long are refused, each saying why.
// On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertIncidents, listIncidents, type NewIncident } from '../../sync-server/src/store/incidents-repository.ts';
import { migrateTo, migrateToLatest } from '../../sync-server/src/store/migrations.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import { insertStoreRecord } from '../../sync-server/src/store/stores-repository.ts';
import { createTestDatabase, DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { openBackOffice, signInCashier } from './helpers/backoffice.test-helper.ts';
import type { BackOffice } from './helpers/backoffice.test-helper.ts';
import { bearer, openShop, pullAll } from './helpers/shop.test-helper.ts';

interface Listed {
  id: string;
  kind: string;
  documentId: string;
  detail: Record<string, unknown>;
  createdAt: string;
  handled?: { at: string; by: string; byName: string; note?: string };
}

describe.each(DATABASE_KINDS)("a manager marks the store's incidents handled (%s)", (kind) => {
  let office: BackOffice;

  const record = async (incident: NewIncident, at: string) => {
    await office.t.store.db.transaction().execute((trx) => insertIncidents(trx, [incident], at));
  };
  const list = async (query = '', token = office.manager) => {
    const response = await office.t.app.inject({ method: 'GET', url: `/api/v1/incidents${query}`, headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    return response.json<{ incidents: Listed[] }>().incidents;
  };
  const mark = (id: string, body: object = {}, token = office.manager) =>
    office.t.app.inject({ method: 'POST', url: `/api/v1/incidents/${encodeURIComponent(id)}/handled`, headers: bearer(token), payload: body });

  beforeAll(async () => {
    office = await openBackOffice(kind, 'incidents-handled');
    await openShop(office.t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    await record({ storeId: 'store-q1', kind: 'order-flag', collection: 'orders', documentId: 'order-1042', detail: { number: '#1042', flag: 'handed-over-after-cancel' } }, '2026-12-01T08:00:00.000Z');
    await record({ storeId: 'store-q1', kind: 'outbox-failing', collection: 'orders', documentId: 'order-1043', detail: { number: '#1043', attempts: 6 } }, '2026-12-02T08:00:00.000Z');
    await record({ storeId: 'store-q3', kind: 'order-flag', collection: 'orders', documentId: 'order-3001', detail: { number: '#3001' } }, '2026-12-02T09:00:00.000Z');
  }, 60_000);
  afterAll(async () => office?.t.close());

  it('an incident marked handled with a note leaves the list still to look at, shows who and when, and is audited', async () => {
    const open = await list('?handled=false');
    expect(open.map((incident) => incident.documentId)).toEqual(['order-1043', 'order-1042']);
    expect(open.every((incident) => incident.handled === undefined)).toBe(true);
    const flagged = open.find((incident) => incident.kind === 'order-flag');
    if (flagged === undefined) throw new Error('the order flag is listed');

    const marked = await mark(flagged.id, { note: '  Gọi khách, hoàn tiền tại quầy  ' });
    expect(marked.statusCode).toBe(200);
    const { incident } = marked.json<{ incident: Listed }>();
    expect(incident).toMatchObject({ id: flagged.id, kind: 'order-flag', documentId: 'order-1042', handled: { by: 'store-q1-manager', byName: 'Lê Hoàng Nam', note: 'Gọi khách, hoàn tiền tại quầy' } });
    expect(Date.parse(incident.handled?.at ?? '')).not.toBeNaN();

    expect((await list('?handled=false')).map((listed) => listed.documentId)).toEqual(['order-1043']);
    const handled = await list('?handled=true');
    expect(handled).toEqual([expect.objectContaining({ id: flagged.id, handled: expect.objectContaining({ byName: 'Lê Hoàng Nam', note: 'Gọi khách, hoàn tiền tại quầy' }) })]);
    // Without the filter both are listed, newest first, as before.
    expect((await list()).map((listed) => listed.documentId)).toEqual(['order-1043', 'order-1042']);
    expect((await list('?kind=order-flag&handled=true')).map((listed) => listed.id)).toEqual([flagged.id]);

    const audit = (await pullAll(office.t.app, office.till.token, 'audit')).filter((entry) => (entry as { action?: string }).action === 'incident.handled');
    expect(audit).toEqual([expect.objectContaining({ staffId: 'store-q1-manager', subjectId: flagged.id, details: { kind: 'order-flag', collection: 'orders', documentId: 'order-1042', note: 'Gọi khách, hoàn tiền tại quầy' } })]);
  });

  it('a second mark is refused with who marked it and when, and changes nothing', async () => {
    const [outbox] = await list('?kind=outbox-failing');
    if (outbox === undefined) throw new Error('the failing notice is listed');
    expect((await mark(outbox.id)).statusCode).toBe(200);
    const again = await mark(outbox.id, { note: 'lần hai' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'conflict', handled: { by: 'store-q1-manager', byName: 'Lê Hoàng Nam' } });
    expect(again.json<{ message: string }>().message).toMatch(/already marked handled by Lê Hoàng Nam at /);
    const [after] = await list('?kind=outbox-failing');
    expect(after?.handled?.note).toBeUndefined();
  });

  it("an unknown id and another store's incident are not found, saying which; the other store's stays to look at", async () => {
    const unknown = await mark('no-such-incident');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ message: string }>().message).toContain('No incident has the id no-such-incident');

    const [q3] = await office.t.store.db.selectFrom('incidents').select('id').where('store_id', '=', 'store-q3').execute();
    if (q3 === undefined) throw new Error('Quận 3 has an incident');
    const other = await mark(q3.id);
    expect(other.statusCode).toBe(404);
    expect(other.json<{ message: string }>().message).toContain("is not one of store store-q1's incidents");
    const row = await office.t.store.db.selectFrom('incidents').select('handled_at').where('id', '=', q3.id).executeTakeFirstOrThrow();
    expect(row.handled_at).toBeNull();
  });

  it('a cashier may not mark one, a note over 500 characters and a wrong filter are refused', async () => {
    const [any] = await list();
    if (any === undefined) throw new Error('an incident is listed');
    const cashier = await signInCashier(office);
    const byCashier = await mark(any.id, {}, cashier);
    expect(byCashier.statusCode).toBe(403);
    expect(byCashier.json<{ message: string }>().message).toContain('Marking an incident handled needs the permission "report.view"');

    const long = await mark(any.id, { note: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ message: string }>().message).toMatch(/note/);

    const wrong = await office.t.app.inject({ method: 'GET', url: '/api/v1/incidents?handled=maybe', headers: bearer(office.manager) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ message: string }>().message).toMatch(/handled/);
  });
});

describe.each(DATABASE_KINDS)('migration 0019 on %s', (kind) => {
  it('an incident recorded before it is kept as it was, still to look at', async () => {
    const older = await createTestDatabase(kind, 'incidents-0019');
    const store = await openStore(older.config());
    try {
      await migrateTo(store, '0018_customer_email_index');
      await insertStoreRecord(store.db, { id: 'store-q1', name: 'Quận 1', enrollmentCode: 'Q1Q1-Q1Q1-Q1Q1', createdAt: new Date().toISOString() });
      await store.db
        .insertInto('incidents')
        .values({ id: 'old-1', store_id: 'store-q1', kind: 'order-flag', collection: 'orders', document_id: 'order-7', detail: JSON.stringify({ number: '#7' }), created_at: '2026-11-30T08:00:00.000Z' })
        .execute();
      expect(await migrateToLatest(store)).toContain('0019_incidents_handled');
      const open = await listIncidents(store.db, { storeId: 'store-q1', handled: false, limit: 10 });
      expect(open).toEqual([expect.objectContaining({ id: 'old-1', kind: 'order-flag', documentId: 'order-7', detail: { number: '#7' } })]);
      expect(open[0]?.handled).toBeUndefined();
      expect(await listIncidents(store.db, { storeId: 'store-q1', handled: true, limit: 10 })).toEqual([]);
    } finally {
      await store.close();
      await older.dispose();
    }
  }, 60_000);
});
