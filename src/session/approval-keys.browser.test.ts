// The signing hook on a real RxDB in real Chromium: a permission-bound sale or audit entry written after the
// approver's PIN passed is signed with a proof the server's check accepts; without a key, or after the
// approver's time is up, or for a document that needs no permission, nothing is added and the write goes on.
import { afterEach, describe, expect, it } from 'vitest';
import { createPosDatabase, type PosDatabase } from '../data/database.ts';
import { approvalMacValid, pinHash } from '../domain/approval-proof.ts';
import { addApprovalProof, APPROVER_KEY_MS, forgetApprovalKey, rememberApprovalKey, signApprovalsOnInsert } from './approval-keys.ts';

const SALT = 'c2FsdC1mb3ItbGFuLTAwMQ==';
const databases: PosDatabase[] = [];

afterEach(async () => {
  for (const database of databases.splice(0)) await database.remove();
  forgetApprovalKey('nam');
  forgetApprovalKey('lan');
});

const entry = (action: string, extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  storeId: 'store-q1',
  deviceId: 'device-1',
  action,
  staffId: 'lan',
  createdAt: new Date().toISOString(),
  ...extra,
});

describe('approvals signed as they are written', () => {
  it("signs a no-sale drawer opening with the approver's key, in a way the server's check accepts", async () => {
    const database = await createPosDatabase({ name: `approval-keys-${crypto.randomUUID()}`, devMode: true });
    databases.push(database);
    signApprovalsOnInsert(database);
    const managerHash = await pinHash('360258', SALT, 1_000);
    await rememberApprovalKey('nam', managerHash, Date.now() + APPROVER_KEY_MS);

    const opened = entry('drawer.open', { approverId: 'nam', details: { reason: 'no-sale' } });
    await database.audit.insert(opened);
    const signIn = entry('staff.sign_in');
    await database.audit.insert(signIn);

    const stored = (await database.audit.findOne(opened.id).exec())?.toJSON();
    expect(stored?.approvalProof?.by).toBe('nam');
    const subject = { storeId: 'store-q1', deviceId: 'device-1', collection: 'audit', documentId: opened.id, permission: 'drawer.open', by: 'nam' };
    expect(await approvalMacValid(managerHash, subject, stored?.approvalProof?.mac ?? '')).toBe(true);
    // Made with another PIN it would not verify: the proof is this person's.
    expect(await approvalMacValid(await pinHash('360259', SALT, 1_000), subject, stored?.approvalProof?.mac ?? '')).toBe(false);
    // A sign-in needs no permission: nothing added.
    expect((await database.audit.findOne(signIn.id).exec())?.toJSON().approvalProof).toBeUndefined();
  });

  it("uses the actor's own key when they hold it themselves, and adds nothing once the approver's time is up", async () => {
    const hash = await pinHash('482913', SALT, 1_000);
    await rememberApprovalKey('lan', hash, Infinity);
    const own = entry('price.override');
    await addApprovalProof('audit', own);
    expect(own).toMatchObject({ approvalProof: { by: 'lan' } });

    await rememberApprovalKey('nam', hash, 1_000);
    forgetApprovalKey('lan');
    const late = entry('price.override', { approverId: 'nam' });
    await addApprovalProof('audit', late, 2_000);
    expect(late).not.toHaveProperty('approvalProof');
  });

  it('a cancellation is signed with sale.void and an approved shift close with day.close; an ordinary sale is left alone', async () => {
    await rememberApprovalKey('nam', await pinHash('360258', SALT, 1_000), Infinity);
    const cancellation = { id: 's-void', storeId: 'store-q1', deviceId: 'device-1', staffId: 'lan', approverId: 'nam', reason: 'void' };
    await addApprovalProof('sales', cancellation);
    expect(cancellation).toMatchObject({ approvalProof: { by: 'nam' } });
    const sale = { id: 's-1', storeId: 'store-q1', deviceId: 'device-1', staffId: 'lan', approverId: 'nam' };
    await addApprovalProof('sales', sale);
    expect(sale).not.toHaveProperty('approvalProof');
    // A shift closed with a variance the manager approved: signed for day.close.
    const close = { id: 'e-close', storeId: 'store-q1', deviceId: 'device-1', staffId: 'lan', approverId: 'nam', type: 'close' };
    await addApprovalProof('shifts', close);
    expect(close).toMatchObject({ approvalProof: { by: 'nam' } });
  });
});
