/*
 * The server never trusts the roles a tablet claims: a cashier's browser that pushes "the drawer was
 * opened without a sale" or "this sale was cancelled" without a manager is refused whole, on both databases.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, countAll, enroll, openShop, pull, push, ringUpSale } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

describe.each(DATABASE_KINDS)('forged manager-only actions (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;

  beforeAll(async () => {
    t = await startTestApp(kind, 'role-check');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  const auditEntry = (action: string, staffId: string, extra: Record<string, unknown> = {}) => ({
    id: uuidv7(),
    storeId: till.storeId,
    deviceId: till.deviceId,
    action,
    staffId,
    createdAt: new Date().toISOString(),
    ...extra,
  });
  const cancellation = (extra: Record<string, unknown>) => ({
    ...ringUpSale(till, [{ productId: 'p-1', qty: -1000, unitPrice: 25_000 }]),
    kind: 'return',
    reason: 'void',
    originalSaleId: uuidv7(),
    ...extra,
  });

  it("a cashier's no-sale drawer opening without an approver is refused with 403, and nothing of the push is written", async () => {
    const before = await countAll(t.store);
    const signIn = auditEntry('staff.sign_in', 'store-q1-cashier');
    const forged = auditEntry('drawer.open', 'store-q1-cashier', { details: { reason: 'no-sale' } });
    const response = await push(t.app, till.token, 'audit', asNew([signIn, forged]));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: 'permission_missing',
      message: `body/1/newDocumentState: audit entry ${forged.id} (drawer.open) needs the permission "drawer.open", but staff member "store-q1-cashier" is a cashier, and no approver (approverId) was named: nothing of this push was written`,
    });
    expect(await countAll(t.store)).toEqual(before);
  });

  it('the same entry approved by a colleague who is a cashier too, by herself, or by a manager of another store is refused', async () => {
    const before = await countAll(t.store);
    for (const approverId of ['store-q1-cashier', 'store-q3-manager']) {
      const forged = auditEntry('price.override', 'store-q1-cashier', { approverId });
      const response = await push(t.app, till.token, 'audit', asNew([forged]));
      expect(response.statusCode, approverId).toBe(403);
      expect(response.json().message).toContain(forged.id);
    }
    const forgedApproval = auditEntry('approval.granted', 'store-q1-cashier', { approverId: 'store-q1-supervisor', details: { permission: 'sale.void' } });
    const approval = await push(t.app, till.token, 'audit', asNew([forgedApproval]));
    expect(approval.statusCode).toBe(403);
    expect(approval.json().message).toMatch(/"store-q1-supervisor" is a supervisor, who does not hold it either/);
    expect(await countAll(t.store)).toEqual(before);
  });

  it('with a manager as approver the same actions are accepted and reach the store', async () => {
    const opened = auditEntry('drawer.open', 'store-q1-cashier', { approverId: 'store-q1-manager', details: { reason: 'no-sale' } });
    const approved = auditEntry('approval.granted', 'store-q1-cashier', { approverId: 'store-q1-manager', details: { permission: 'drawer.open' } });
    const response = await push(t.app, till.token, 'audit', asNew([approved, opened]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    const ids = (await pull(t.app, till.token, 'audit')).documents.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([approved.id, opened.id]));
  });

  it("a cashier's cancellation of a completed sale (reason void) is refused without a manager and accepted with one", async () => {
    const before = await countAll(t.store);
    const alone = cancellation({});
    const refused = await push(t.app, till.token, 'sales', asNew([ringUpSale(till, [{ productId: 'p-2', qty: 1000, unitPrice: 10_000 }]), alone]));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe(
      `body/1/newDocumentState: sale ${alone.id} (a cancellation, reason "void") needs the permission "sale.void", but staff member "store-q1-cashier" is a cashier, and no approver (approverId) was named: nothing of this push was written`,
    );
    const bySupervisor = await push(t.app, till.token, 'sales', asNew([cancellation({ approverId: 'store-q1-supervisor' })]));
    expect(bySupervisor.statusCode).toBe(403);
    expect(await countAll(t.store)).toEqual(before);

    const approved = cancellation({ approverId: 'store-q1-manager' });
    const accepted = await push(t.app, till.token, 'sales', asNew([approved]));
    expect(accepted.statusCode).toBe(200);
    expect((await pull(t.app, till.token, 'sales')).documents.map((d) => d.id)).toContain(approved.id);
    // Re-pushing the stored cancellation is a retry: still fine.
    expect((await push(t.app, till.token, 'sales', asNew([approved]))).json()).toEqual([]);
  });

  it('a sale rung up by someone no longer on the staff list is kept and flagged for a manager, never refused', async () => {
    const sale = ringUpSale(till, [{ productId: 'p-3', qty: 2000, unitPrice: 15_000 }], { staffId: 'store-q1-left-last-week' });
    const response = await push(t.app, till.token, 'sales', asNew([sale]));
    expect(response.statusCode).toBe(200);
    const incidents = await t.store.db.selectFrom('incidents').select(['kind', 'detail']).where('document_id', '=', sale.id).execute();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.kind).toBe('sale-mismatch');
    expect(JSON.parse(incidents[0]!.detail)).toMatchObject({
      mismatches: [{ field: 'staffId', expected: 'an active staff member of store "store-q1"', actual: 'store-q1-left-last-week' }],
    });
  });
});
