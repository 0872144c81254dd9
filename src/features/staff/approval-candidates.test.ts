import { describe, expect, it } from 'vitest';
import { parsePermissionTable, PERMISSIONS } from '../../domain/permissions.ts';
import { DEFAULT_LOCKOUT } from '../../domain/pin-lockout.ts';
import { approvalCandidates } from './approval-candidates.ts';
import type { StaffDirectory, StaffMember } from '../../session/use-staff-directory.ts';

const person = (id: string, role: StaffMember['role']): StaffMember => ({ id, name: id, role, pinCheck: 0, pinSalt: 's', pinIterations: 1, pinSetRequired: false });
const staff = [person('lan', 'cashier'), person('minh', 'cashier'), person('hoa', 'supervisor'), person('tuan', 'manager')];

function directoryWith(permissions: unknown): StaffDirectory {
  return { staff, permissions: parsePermissionTable(permissions), lockout: DEFAULT_LOCKOUT, idleSignOutMs: 120_000 };
}

const ids = (members: StaffMember[]) => members.map((member) => member.id);

describe('who the approval dialog offers', () => {
  it('offers the supervisor and the manager for a no-sale drawer opening when both roles hold it', () => {
    const directory = directoryWith({ cashier: [], supervisor: ['drawer.open'], manager: ['drawer.open', 'day.close'] });
    expect(ids(approvalCandidates(PERMISSIONS.noSaleDrawerOpen, directory, 'lan'))).toEqual(['hoa', 'tuan']);
  });

  it('offers only managers for a refund over the limit', () => {
    const directory = directoryWith({ supervisor: ['drawer.open'], manager: ['refund.above_limit'] });
    expect(ids(approvalCandidates(PERMISSIONS.refundAboveLimit, directory, 'lan'))).toEqual(['tuan']);
  });

  it('follows the table, not rank: a store that lets cashiers void lines offers the other cashier, never the one asking', () => {
    const directory = directoryWith({ cashier: ['sale.void_line'], supervisor: [], manager: [] });
    expect(ids(approvalCandidates(PERMISSIONS.voidLine, directory, 'lan'))).toEqual(['minh']);
  });

  it('offers nobody for a permission no role holds or a malformed table', () => {
    expect(approvalCandidates('drawer.opne', directoryWith({ manager: ['drawer.open'] }), 'lan')).toEqual([]);
    expect(approvalCandidates(PERMISSIONS.noSaleDrawerOpen, directoryWith({ manager: 'drawer.open' }), 'lan')).toEqual([]);
    expect(approvalCandidates(PERMISSIONS.noSaleDrawerOpen, directoryWith(null), 'lan')).toEqual([]);
  });
});
