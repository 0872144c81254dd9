import { describe, expect, it } from 'vitest';
import { permissionNeeded } from '../../../src/domain/permissions.ts';
import { directoryFromConfig, judgeActors } from './role-check.ts';

const config = {
  staff: [
    { id: 'lan', role: 'cashier', active: true },
    { id: 'tuan', role: 'supervisor', active: true },
    { id: 'nam', role: 'manager', active: true },
    { id: 'old-manager', role: 'manager', active: false },
  ],
  permissions: {
    cashier: ['sale.ring_up'],
    supervisor: ['sale.ring_up', 'drawer.open', 'price.override'],
    manager: ['sale.ring_up', 'drawer.open', 'price.override', 'sale.void', 'day.close'],
    pinLockoutMinutes: 15,
  },
};
const directory = directoryFromConfig('q1', config);
const audit = (action: string, staffId: string, extra: Record<string, unknown> = {}) => ({ id: 'a1', action, staffId, ...extra });
const voidSale = (staffId: string, extra: Record<string, unknown> = {}) => ({ id: 's1', kind: 'return', reason: 'void', originalSaleId: 's0', staffId, ...extra });
const ordinarySale = (staffId: string) => ({ id: 's2', kind: 'sale', staffId });

describe('who may record a permission-bound action', () => {
  it('a cashier alone may not open the drawer without a sale, a supervisor may', () => {
    expect(judgeActors('audit', audit('drawer.open', 'lan'), directory)).toMatchObject({ kind: 'forbidden', permission: 'drawer.open' });
    expect(judgeActors('audit', audit('drawer.open', 'tuan'), directory)).toEqual({ kind: 'ok', proof: { permission: 'drawer.open', holders: ['tuan'] } });
  });

  it('a cashier with a manager as approver may, but not with herself, another cashier, an unknown or a removed approver', () => {
    expect(judgeActors('audit', audit('drawer.open', 'lan', { approverId: 'nam' }), directory)).toEqual({ kind: 'ok', proof: { permission: 'drawer.open', holders: ['nam'] } });
    const refused = (approverId: string) => judgeActors('audit', audit('price.override', 'lan', { approverId }), directory);
    expect(refused('lan')).toMatchObject({ kind: 'forbidden', reason: expect.stringMatching(/same person/) });
    expect(refused('ghost')).toMatchObject({ kind: 'forbidden', reason: expect.stringMatching(/"ghost" is not on this store's staff list/) });
    expect(refused('old-manager')).toMatchObject({ kind: 'forbidden', reason: expect.stringMatching(/no longer active/) });
  });

  it('an approval names the permission it approved, and the approver must hold it', () => {
    expect(judgeActors('audit', audit('approval.granted', 'lan', { approverId: 'nam', details: { permission: 'sale.void' } }), directory)).toEqual({
      kind: 'ok',
      proof: { permission: 'sale.void', holders: ['nam'] },
    });
    expect(judgeActors('audit', audit('approval.granted', 'lan', { approverId: 'tuan', details: { permission: 'sale.void' } }), directory)).toMatchObject({
      kind: 'forbidden',
      reason: expect.stringMatching(/"tuan" is a supervisor, who does not hold it either/),
    });
    expect(judgeActors('audit', audit('approval.granted', 'lan', { approverId: 'nam' }), directory)).toMatchObject({ kind: 'forbidden', permission: 'details.permission' });
  });

  it('closing the day needs the permission only with a variance; sign-ins need none', () => {
    expect(permissionNeeded('audit', audit('day.close', 'lan', { details: { variance: 0 } }))).toBeUndefined();
    expect(permissionNeeded('audit', audit('day.close', 'lan', { details: { variance: -5000 } }))).toEqual({ permission: 'day.close' });
    expect(permissionNeeded('audit', audit('day.close', 'lan'))).toEqual({ permission: 'day.close' });
    expect(permissionNeeded('audit', audit('day.close', 'lan', { details: { variance: 0, unsynced: 3 } }))).toEqual({ permission: 'day.close' });
    expect(permissionNeeded('audit', audit('day.close', 'lan', { details: { variance: 0, unsynced: 0 } }))).toBeUndefined();
    expect(judgeActors('audit', audit('staff.sign_in', 'ghost'), directory)).toEqual({ kind: 'ok' });
  });

  it('a cancellation of a completed sale needs sale.void from the cashier or her approver', () => {
    expect(judgeActors('sales', voidSale('lan'), directory)).toMatchObject({ kind: 'forbidden', permission: 'sale.void' });
    expect(judgeActors('sales', voidSale('lan', { approverId: 'tuan' }), directory)).toMatchObject({ kind: 'forbidden' });
    expect(judgeActors('sales', voidSale('lan', { approverId: 'nam' }), directory)).toEqual({ kind: 'ok', proof: { permission: 'sale.void', holders: ['nam'] } });
    expect(judgeActors('sales', voidSale('nam', { approverId: 'nam' }), directory)).toEqual({ kind: 'ok', proof: { permission: 'sale.void', holders: ['nam'] } });
  });

  it('an ordinary sale by someone the store does not know is kept and flagged, never refused', () => {
    expect(judgeActors('sales', ordinarySale('lan'), directory)).toEqual({ kind: 'ok' });
    expect(judgeActors('sales', ordinarySale('old-manager'), directory)).toMatchObject({
      kind: 'flag',
      mismatches: [{ field: 'staffId', actual: 'old-manager' }],
    });
    // A void approved by a manager but rung by an unknown person goes through, flagged.
    expect(judgeActors('sales', voidSale('ghost', { approverId: 'nam' }), directory)).toMatchObject({ kind: 'flag' });
  });

  it('a store without a config, or with a malformed one, grants nothing', () => {
    const empty = directoryFromConfig('q9', undefined);
    expect(judgeActors('audit', audit('drawer.open', 'nam'), empty)).toMatchObject({ kind: 'forbidden' });
    const odd = directoryFromConfig('q9', { staff: [{ id: 'nam', role: 'owner', active: true }, null], permissions: { manager: 'drawer.open' } });
    expect(judgeActors('audit', audit('drawer.open', 'nam'), odd)).toMatchObject({ kind: 'forbidden' });
  });
});
