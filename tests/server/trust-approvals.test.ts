/*
 * Issue 12, findings 1 and 4: a tablet's token alone cannot produce an approval the server treats as proven,
 * and a tablet holds too little of a PIN to find it.
 * Before: a cancellation naming the manager as approver, from a device token alone, was a plain 200; every
 * tablet pulled each person's full PBKDF2 hash. Now a permission-bound document carries a proof made with
 * the approver's PIN (src/domain/approval-proof.ts); without a valid one it is kept and flagged
 * 'unproven-approval', and the config a tablet pulls holds a 12-bit check instead of the hash. Online, the
 * approver's PIN is checked by the server (POST /staff/approvals) under the sign-in lock-outs.
 * On both databases; the old config shape is migrated (0008) with sign-ins still working.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalKeyOf, approvalMac, checkPinOnTablet, type ApprovalSubject } from '../../src/domain/approval-proof.ts';
import { closeShift, countDrawer, logDrawerOpening } from '../../src/domain/shift-events.ts';
import { VND_DENOMINATIONS } from '../../src/domain/shift-settings.ts';
import { staffPinFor } from '../../sync-server/src/auth/staff-pins.ts';
import { buildStoreConfig } from '../../sync-server/src/seed/store-config.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { migrateTo, migrateToLatest } from '../../sync-server/src/store/migrations.ts';
import { openStore } from '../../sync-server/src/store/open-store.ts';
import { getStaffCredentials } from '../../sync-server/src/store/staff-credentials-repository.ts';
import { insertStoreRecord } from '../../sync-server/src/store/stores-repository.ts';
import { createTestDatabase, DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, bearer, pullAll, push, ringUpSale, startOneTillShop } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const MANAGER = 'store-q1-manager';
const MANAGER_PIN = '999999';
const CASHIER = 'store-q1-cashier';

interface PulledStaff {
  id: string;
  pinSalt: string;
  pinIterations: number;
  pinCheck: number;
}

describe.each(DATABASE_KINDS)('approvals the server can check (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let staff: PulledStaff[];

  beforeAll(async () => {
    ({ t, till } = await startOneTillShop(kind, 'trust-approvals'));
    const [config] = await pullAll(t.app, till.token, 'config');
    staff = (config?.['staff'] ?? []) as PulledStaff[];
  });
  afterAll(async () => t?.close());

  /** What a tablet does when the manager types their PIN: the short check, then the key, then the proof. */
  async function proofFromPin(pin: string, staffId: string, subject: Omit<ApprovalSubject, 'by'>): Promise<{ by: string; mac: string }> {
    const member = staff.find((s) => s.id === staffId);
    if (member === undefined) throw new Error(`${staffId} is not in the pulled config`);
    // The tablet's check passes only the right PIN here; the mac below is made from the hash it computed.
    const hash = await checkPinOnTablet(pin, member);
    const fallback = new Uint8Array(32);
    const key = await approvalKeyOf(hash ?? fallback);
    return { by: staffId, mac: await approvalMac(key, { ...subject, by: staffId }) };
  }

  const cancellation = (extra: Record<string, unknown> = {}) => ({
    ...ringUpSale(till, [{ productId: 'p-1', qty: -1000, unitPrice: 25_000 }]),
    kind: 'return',
    reason: 'void',
    originalSaleId: uuidv7(),
    staffId: CASHIER,
    approverId: MANAGER,
    ...extra,
  });
  const subjectOf = (collection: string, doc: { id: string }, permission: string) => ({ storeId: till.storeId, deviceId: till.deviceId, collection, documentId: doc.id, permission });

  async function incidentOf(documentId: string): Promise<Record<string, unknown> | undefined> {
    const row = await t.store.db.selectFrom('incidents').select('detail').where('kind', '=', 'unproven-approval').where('document_id', '=', documentId).executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.detail) as Record<string, unknown>);
  }

  it('a cancellation naming the manager as approver with no proof is kept (it happened) but flagged unproven', async () => {
    const forged = cancellation();
    const response = await push(t.app, till.token, 'sales', asNew([forged]));
    expect(response.statusCode).toBe(200);
    expect(await incidentOf(forged.id)).toMatchObject({ permission: 'sale.void', approverId: MANAGER, problem: expect.stringMatching(/no approval proof/) });
  });

  it("a proof made from the manager's PIN on the tablet is proven: no incident", async () => {
    const sale = cancellation();
    const approvalProof = await proofFromPin(MANAGER_PIN, MANAGER, subjectOf('sales', sale, 'sale.void'));
    const response = await push(t.app, till.token, 'sales', asNew([{ ...sale, approvalProof }]));
    expect(response.statusCode).toBe(200);
    expect(await incidentOf(sale.id)).toBeUndefined();
  });

  it('a made-up mac, a wrong PIN, a proof moved from another document, or a proof by the cashier is flagged', async () => {
    const original = cancellation();
    const genuine = await proofFromPin(MANAGER_PIN, MANAGER, subjectOf('sales', original, 'sale.void'));
    const cases = [
      { doc: cancellation(), proof: { by: MANAGER, mac: 'A'.repeat(43) }, problem: /does not match/ },
      { doc: cancellation(), proof: null, problem: /does not match/ },
      { doc: cancellation(), proof: genuine, problem: /does not match/ },
      { doc: cancellation(), proof: 'cashier', problem: /not a named holder/ },
    ];
    for (const [index, c] of cases.entries()) {
      const proof =
        c.proof === null
          ? await proofFromPin('123456', MANAGER, subjectOf('sales', c.doc, 'sale.void'))
          : c.proof === 'cashier'
            ? await proofFromPin('1111', CASHIER, subjectOf('sales', c.doc, 'sale.void'))
            : c.proof;
      const response = await push(t.app, till.token, 'sales', asNew([{ ...c.doc, approvalProof: proof }]));
      expect(response.statusCode, `case ${index}`).toBe(200);
      expect(await incidentOf(c.doc.id), `case ${index}`).toMatchObject({ problem: expect.stringMatching(c.problem) });
    }
  });

  it('an audit entry works the same: a no-sale drawer opening approved by the manager is proven only with the PIN', async () => {
    const entry = (extra: Record<string, unknown> = {}) => ({
      id: uuidv7(),
      storeId: till.storeId,
      deviceId: till.deviceId,
      action: 'drawer.open',
      staffId: CASHIER,
      approverId: MANAGER,
      details: { reason: 'no-sale' },
      createdAt: new Date().toISOString(),
      ...extra,
    });
    const forged = entry();
    const proven = entry();
    const approvalProof = await proofFromPin(MANAGER_PIN, MANAGER, subjectOf('audit', proven, 'drawer.open'));
    expect((await push(t.app, till.token, 'audit', asNew([forged, { ...proven, approvalProof }]))).statusCode).toBe(200);
    expect(await incidentOf(forged.id)).toMatchObject({ permission: 'drawer.open' });
    expect(await incidentOf(proven.id)).toBeUndefined();
    // The manager acting alone (no approver) proves with their own PIN, as a signed-in manager's tablet does.
    const alone = entry({ staffId: MANAGER, approverId: undefined });
    const own = await proofFromPin(MANAGER_PIN, MANAGER, subjectOf('audit', alone, 'drawer.open'));
    expect((await push(t.app, till.token, 'audit', asNew([{ ...alone, approvalProof: own }]))).statusCode).toBe(200);
    expect(await incidentOf(alone.id)).toBeUndefined();
  });

  it('a shift closed with a variance names its approver: proven with the PIN, flagged without, refused when the approver may not', async () => {
    const settings = { varianceNeedsApprovalAbove: 0 };
    const counted = countDrawer({ '100000': 3 }, { denominations: VND_DENOMINATIONS });
    if (!counted.ok) throw new Error(counted.detail);
    const close = (approverId: string) => {
      const context = { id: uuidv7(), shiftId: uuidv7(), storeId: till.storeId, deviceId: till.deviceId, staffId: CASHIER, createdAt: new Date().toISOString(), currency: 'VND' };
      const built = closeShift(context, counted.count, 310_000, settings, { approverId });
      if (!built.ok) throw new Error(built.detail);
      return built.event;
    };
    const forged = close(MANAGER);
    const proven = close(MANAGER);
    const approvalProof = await proofFromPin(MANAGER_PIN, MANAGER, subjectOf('shifts', proven, 'day.close'));
    expect((await push(t.app, till.token, 'shifts', asNew([forged, { ...proven, approvalProof }]))).statusCode).toBe(200);
    expect(await incidentOf(forged.id)).toMatchObject({ permission: 'day.close', approverId: MANAGER });
    expect(await incidentOf(proven.id)).toBeUndefined();
    const byCashier = await push(t.app, till.token, 'shifts', asNew([close('store-q1-supervisor')]));
    expect(byCashier.statusCode).toBe(403);
    expect(byCashier.json<{ message: string }>().message).toMatch(/shift event .* \(close\) needs the permission "day.close"/);
  });

  it('a no-sale drawer opening logged in a shift names its approver: proven with the PIN, flagged without, refused when the approver may not open the drawer (issue 17)', async () => {
    const opening = (approverId: string) => {
      const context = { id: uuidv7(), shiftId: uuidv7(), storeId: till.storeId, deviceId: till.deviceId, staffId: CASHIER, createdAt: new Date().toISOString(), currency: 'VND' };
      const built = logDrawerOpening(context, { reason: 'no_sale', approverId });
      if (!built.ok) throw new Error(built.detail);
      return built.event;
    };
    const forged = opening(MANAGER);
    const proven = opening(MANAGER);
    const approvalProof = await proofFromPin(MANAGER_PIN, MANAGER, subjectOf('shifts', proven, 'drawer.open'));
    expect((await push(t.app, till.token, 'shifts', asNew([forged, { ...proven, approvalProof }]))).statusCode).toBe(200);
    expect(await incidentOf(forged.id)).toMatchObject({ permission: 'drawer.open', approverId: MANAGER });
    expect(await incidentOf(proven.id)).toBeUndefined();
    const byCashier = await push(t.app, till.token, 'shifts', asNew([opening(CASHIER)]));
    expect(byCashier.statusCode).toBe(403);
    expect(byCashier.json<{ message: string }>().message).toMatch(/shift event .* \(drawer\) needs the permission "drawer.open"/);
  });

  it("the config a tablet pulls holds each PIN's salt, iterations and a 12-bit check, never the hash the server keeps", async () => {
    const [config] = await pullAll(t.app, till.token, 'config');
    const text = JSON.stringify(config);
    expect(text).not.toContain('pinHash');
    const credentials = await getStaffCredentials(t.store.db, till.storeId, staff.map((s) => s.id));
    expect(credentials.size).toBe(3);
    for (const [, credential] of credentials) expect(text).not.toContain(credential.pinHash);
    for (const member of staff) expect(member.pinCheck).toBeLessThan(4096);
  });

  it('online, the server checks an approver\'s PIN under the sign-in lock-outs: right 200, wrong 401, a cashier 403', async () => {
    const ask = (staffId: string, pin: string, permission = 'sale.void') =>
      t.app.inject({ method: 'POST', url: '/api/v1/staff/approvals', headers: bearer(till.token), payload: { staffId, pin, permission } });
    const right = await ask(MANAGER, MANAGER_PIN);
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ staffId: MANAGER, role: 'manager', permission: 'sale.void' });
    const wrong = await ask(MANAGER, '123456');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'wrong_pin', message: expect.stringMatching(/4 tries left/) });
    const cashier = await ask(CASHIER, '1111');
    expect(cashier.statusCode).toBe(403);
    expect(cashier.json()).toMatchObject({ error: 'permission_missing', message: expect.stringMatching(/does not hold the permission "sale.void"/) });
    // The wrong guess counts with sign-ins: four more wrong PINs (by either route) lock the manager out.
    for (let i = 0; i < 3; i++) expect((await ask(MANAGER, '123456')).statusCode).toBe(401);
    const session = await t.app.inject({ method: 'POST', url: '/api/v1/staff/sessions', headers: bearer(till.token), payload: { staffId: MANAGER, pin: '123456' } });
    expect(session.statusCode).toBe(423);
    expect((await ask(MANAGER, MANAGER_PIN)).statusCode).toBe(423);
    const badBody = await t.app.inject({ method: 'POST', url: '/api/v1/staff/approvals', headers: bearer(till.token), payload: { staffId: MANAGER, pin: MANAGER_PIN } });
    expect(badBody.statusCode).toBe(400);
  });

  it('a new PIN for an approver needs six digits', async () => {
    await expect(staffPinFor('1234', 'manager')).rejects.toThrow(/at least 6 digits/);
    await expect(staffPinFor('1234', 'supervisor')).rejects.toThrow(/at least 6 digits/);
    await expect(staffPinFor('1234', 'cashier', 1_000)).resolves.toMatchObject({ tablet: { pinIterations: 1_000 } });
  });

  it('a database whose config still holds full hashes (before 0008) is migrated: the hash moves to the server table, the tablet copy gets the check, seq unchanged', async () => {
    const older = await createTestDatabase(kind, 'approvals-migrate');
    const oldStore = await openStore(older.config());
    try {
      await migrateTo(oldStore, '0007_ledger_and_balance_tables');
      await insertStoreRecord(oldStore.db, { id: 'store-old', name: 'Cũ', enrollmentCode: 'OLDD-OLDD-OLDD', createdAt: new Date().toISOString() });
      const { credential, tablet } = await staffPinFor('246810', 'manager', 1_000);
      const member = { id: 'old-manager', name: 'Quản lý', role: 'manager' as const, active: true, ...tablet };
      const config = buildStoreConfig('store-old', [member], new Date().toISOString());
      // The shape an older server wrote: the full hash in the config's staff entry, no check.
      const oldBody = { ...config, staff: config.staff.map(({ pinCheck: _check, ...rest }) => ({ ...rest, pinHash: credential.pinHash })) };
      await oldStore.db
        .insertInto('documents')
        .values({ collection: 'config', id: 'store-old', store_id: 'store-old', seq: 1, deleted: kind === 'postgres' ? false : 0, body: JSON.stringify(oldBody), updated_at: new Date().toISOString() })
        .execute();
      // Later migrations follow; what they add is their own tests' business.
      expect((await migrateToLatest(oldStore)).slice(0, 1)).toEqual(['0008_staff_credentials']);
      const migrated = await new DocumentsRepository(oldStore).get('config', 'store-old');
      expect(migrated?.seq).toBe(1);
      expect(migrated?.body.staff).toEqual([member]);
      expect((await getStaffCredentials(oldStore.db, 'store-old', ['old-manager'])).get('old-manager')).toEqual(credential);
    } finally {
      await oldStore.close();
      await older.dispose();
    }
  });
});
