// A manager keeps the store's staff in the back office: adds a cashier who chooses a PIN at the first
// sign-in, promotes a cashier (who then needs a 6-digit PIN), deactivates someone (who can no longer sign
// in), resets a forgotten PIN. Each change is a config delta the tablets pull and an audit entry.
// On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { openBackOffice } from './helpers/backoffice.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, enroll, openShop, pull, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

interface Member {
  id: string;
  name: string;
  role: string;
  active: boolean;
  pinSetRequired: boolean;
}

describe.each(DATABASE_KINDS)('the back office keeps the staff (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let manager: string;
  let documents: DocumentsRepository;

  beforeAll(async () => {
    ({ t, till, manager, documents } = await openBackOffice(kind, 'backoffice-staff'));
  }, 60_000);
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload === undefined ? {} : { payload }) });
  const signInAnswer = (staffId: string, pin: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/staff/sessions', headers: bearer(till.token), payload: { staffId, pin } });
  const tabletStaff = async () => {
    const configs = (await pull(t.app, till.token, 'config')).documents;
    return configs[0]?.['staff'] as Array<Record<string, unknown>>;
  };

  it('lists the staff without any PIN field; a cashier and the device token are refused', async () => {
    const list = await call('GET', '/backoffice/staff', manager);
    expect(list.statusCode).toBe(200);
    expect(list.json().staff).toEqual([
      { id: 'store-q1-cashier', name: 'Nguyễn Thị Lan', role: 'cashier', active: true, pinSetRequired: false },
      { id: 'store-q1-supervisor', name: 'Trần Minh Tuấn', role: 'supervisor', active: true, pinSetRequired: false },
      { id: 'store-q1-manager', name: 'Lê Hoàng Nam', role: 'manager', active: true, pinSetRequired: false },
    ]);
    expect(list.body).not.toMatch(/pinSalt|pinCheck|pinHash/);
    const cashier = await signIn(t.app, till, 'store-q1-cashier', '1111');
    const refused = await call('POST', '/backoffice/staff', cashier, { name: 'Phạm Văn Hùng', role: 'cashier' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/Managing staff needs the permission "staff\.edit"/);
    expect((await call('GET', '/backoffice/staff', till.token)).statusCode).toBe(403);
  });

  it('a cashier added without a PIN cannot sign in until they choose one on a tablet; the tablet pulls the new person', async () => {
    const before = await documents.lastSeq();
    const added = await call('POST', '/backoffice/staff', manager, { name: '  Phạm   Văn Hùng ', role: 'cashier' });
    expect(added.statusCode).toBe(201);
    const member = added.json<{ member: Member }>().member;
    expect(member).toMatchObject({ name: 'Phạm Văn Hùng', role: 'cashier', active: true, pinSetRequired: true });
    expect((await tabletStaff()).find((s) => s['id'] === member.id)).toMatchObject({ name: 'Phạm Văn Hùng', pinSetRequired: true });
    const audit = (await pull(t.app, till.token, 'audit', { seq: before, id: '' })).documents;
    expect(audit).toEqual([expect.objectContaining({ action: 'staff.add', staffId: 'store-q1-manager', subjectId: member.id })]);

    expect((await signInAnswer(member.id, '1234')).statusCode).toBe(401);
    const chosen = await t.app.inject({ method: 'POST', url: '/api/v1/staff/pin', headers: bearer(till.token), payload: { staffId: member.id, pin: '4321' } });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().member.pinSetRequired).toBe(false);
    expect((await signInAnswer(member.id, '4321')).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/staff/pin', headers: bearer(till.token), payload: { staffId: member.id, pin: '5555' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/already has a PIN/);
  });

  it('a name already on the staff, an empty name and a manager PIN of 4 digits are refused with what is wrong', async () => {
    const seq = await documents.lastSeq();
    const taken = await call('POST', '/backoffice/staff', manager, { name: 'nguyễn thị lan', role: 'cashier' });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().message).toMatch(/already on this store's staff/);
    expect((await call('POST', '/backoffice/staff', manager, { name: '   ', role: 'cashier' })).json().message).toMatch(/needs a name/);
    const shortPin = await call('POST', '/backoffice/staff', manager, { name: 'Võ Thị Mai', role: 'manager', pin: '1234' });
    expect(shortPin.statusCode).toBe(422);
    expect(shortPin.json().message).toMatch(/at least 6 digits/);
    expect((await call('POST', '/backoffice/staff', manager, { name: 'Võ Thị Mai', role: 'owner' })).statusCode).toBe(400);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('a cashier made a supervisor chooses a new PIN of at least 6 digits', async () => {
    const promoted = await call('PATCH', '/backoffice/staff/store-q1-cashier', manager, { role: 'supervisor' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().member).toMatchObject({ role: 'supervisor', pinSetRequired: true });
    expect((await signInAnswer('store-q1-cashier', '1111')).statusCode).toBe(401);
    const tooShort = await t.app.inject({ method: 'POST', url: '/api/v1/staff/pin', headers: bearer(till.token), payload: { staffId: 'store-q1-cashier', pin: '1111' } });
    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.json().message).toMatch(/at least 6 digits/);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/staff/pin', headers: bearer(till.token), payload: { staffId: 'store-q1-cashier', pin: '135790' } })).statusCode).toBe(200);
    expect((await signInAnswer('store-q1-cashier', '135790')).statusCode).toBe(201);
  });

  it('a deactivated person cannot sign in any more, and their open session loses the back office at once', async () => {
    const supervisor = await signIn(t.app, till, 'store-q1-supervisor', '222222');
    const before = await documents.lastSeq();
    const off = await call('PATCH', '/backoffice/staff/store-q1-supervisor', manager, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().member.active).toBe(false);
    expect((await tabletStaff()).find((s) => s['id'] === 'store-q1-supervisor')).toMatchObject({ active: false });
    expect((await signInAnswer('store-q1-supervisor', '222222')).statusCode).toBe(401);
    expect((await call('GET', '/backoffice/staff', supervisor)).statusCode).toBe(403);
    const audit = (await pull(t.app, till.token, 'audit', { seq: before, id: '' })).documents;
    expect(audit).toEqual([expect.objectContaining({ action: 'staff.edit', subjectId: 'store-q1-supervisor', details: expect.objectContaining({ changes: { active: { from: true, to: false } } }) })]);
    expect((await call('PATCH', '/backoffice/staff/store-q1-supervisor', manager, { active: true })).json().member.active).toBe(true);
  });

  it('a manager may not deactivate or demote themselves, and the last manager stays; an unknown person is 404', async () => {
    const self = await call('PATCH', '/backoffice/staff/store-q1-manager', manager, { active: false });
    expect(self.statusCode).toBe(422);
    expect(self.json().message).toMatch(/cannot deactivate yourself/);
    expect((await call('PATCH', '/backoffice/staff/store-q1-manager', manager, { role: 'cashier' })).statusCode).toBe(422);
    expect((await call('PATCH', '/backoffice/staff/nobody', manager, { active: false })).statusCode).toBe(404);
    expect((await call('PATCH', '/backoffice/staff/store-q1-supervisor', manager, {})).statusCode).toBe(400);
  });

  it('a PIN reset: the old PIN no longer opens a session, the person chooses a new one on the tablet', async () => {
    const reset = await call('POST', '/backoffice/staff/store-q1-supervisor/pin-reset', manager);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().member.pinSetRequired).toBe(true);
    expect((await tabletStaff()).find((s) => s['id'] === 'store-q1-supervisor')).toMatchObject({ pinSetRequired: true });
    expect((await signInAnswer('store-q1-supervisor', '222222')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/staff/pin', headers: bearer(till.token), payload: { staffId: 'store-q1-supervisor', pin: '246802' } })).statusCode).toBe(200);
    expect((await signInAnswer('store-q1-supervisor', '246802')).statusCode).toBe(201);
    expect((await call('POST', '/backoffice/staff/nobody/pin-reset', manager)).statusCode).toBe(404);
  });

  it("a manager of two stores picks the other store's staff: only the stores whose own config gives them staff.edit, changes reach that store's tablets", async () => {
    // Quận 3 lists the same person as a manager; Quận 7 lists them as a cashier only.
    const q1Manager = (await documents.get('config', 'store-q1'))!.body.staff.find((s) => s.id === 'store-q1-manager')!;
    for (const [id, name, code, role] of [['store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE', 'manager'], ['store-q7', 'Quận 7', 'Q7AA-BBCC-DDEE', 'cashier']] as const) {
      await openShop(t.store, id, name, code);
      const config = (await documents.get('config', id))!;
      await documents.put([{ collection: 'config', id, storeId: id, body: { ...config.body, staff: [...config.body.staff, { ...q1Manager, role }] } }]);
    }
    const q3Till = await enroll(t.app, 'Q3AA-BBCC-DDEE');

    const stores = await call('GET', '/backoffice/staff/stores', manager);
    expect(stores.statusCode).toBe(200);
    expect(stores.json().stores).toEqual([
      { id: 'store-q1', name: 'Quận 1' },
      { id: 'store-q3', name: 'Quận 3' },
    ]);
    const q3Staff = await call('GET', '/backoffice/staff?storeId=store-q3', manager);
    expect(q3Staff.json<{ staff: Member[] }>().staff.map((m) => m.id)).toEqual(['store-q3-cashier', 'store-q3-supervisor', 'store-q3-manager', 'store-q1-manager']);

    const before = await documents.lastSeq();
    const added = await call('POST', '/backoffice/staff?storeId=store-q3', manager, { name: 'Đỗ Văn Quang', role: 'cashier' });
    expect(added.statusCode).toBe(201);
    const member = added.json<{ member: Member }>().member;
    const q3Tablet = (await pull(t.app, q3Till.token, 'config')).documents[0]?.['staff'] as Array<Record<string, unknown>>;
    expect(q3Tablet.find((s) => s['id'] === member.id)).toMatchObject({ name: 'Đỗ Văn Quang', role: 'cashier' });
    expect((await tabletStaff()).find((s) => s['id'] === member.id)).toBeUndefined();
    const audit = (await pull(t.app, q3Till.token, 'audit', { seq: before, id: '' })).documents;
    expect(audit).toEqual([expect.objectContaining({ action: 'staff.add', storeId: 'store-q3', staffId: 'store-q1-manager', subjectId: member.id })]);
    expect((await call('POST', `/backoffice/staff/${member.id}/pin-reset?storeId=store-q3`, manager)).statusCode).toBe(200);
    expect((await call('PATCH', `/backoffice/staff/${member.id}?storeId=store-q3`, manager, { active: false })).json().member.active).toBe(false);

    const seq = await documents.lastSeq();
    for (const [method, url, payload] of [
      ['GET', '/backoffice/staff?storeId=store-q7', undefined],
      ['POST', '/backoffice/staff?storeId=store-q7', { name: 'Người lạ', role: 'manager' }],
      ['PATCH', '/backoffice/staff/store-q7-cashier?storeId=store-q7', { active: false }],
      ['POST', '/backoffice/staff/store-q7-manager/pin-reset?storeId=store-q7', undefined],
      ['GET', '/backoffice/staff?storeId=store-nowhere', undefined],
    ] as const) {
      const refused = await call(method, url, manager, payload);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().message).toMatch(/needs the permission "staff\.edit" there; staff member "store-q1-manager" holds it at "Quận 1" \(store-q1\), "Quận 3" \(store-q3\) only/);
    }
    expect(await documents.lastSeq()).toBe(seq);
  });
});
