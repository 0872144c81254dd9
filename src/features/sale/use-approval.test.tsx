// Who approves a change the cart says needs approval: the person at the till when their role holds the
// permission in the store's table (and their PIN's key is here), otherwise someone asked on the spot through the approval dialog.
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePermissionTable, PERMISSIONS } from '../../domain/permissions.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { signInAfterReload, signInWithPin } from '../../session/signed-in.test-helper.ts';
import { useStaffSessionStore, type SignedInStaff } from '../../session/staff-session-store.ts';
import { DEFAULT_PRICE_RULES, type SaleSettings } from '../../data/sale-settings.ts';
import { SaleSettingsContext } from '../../data/sale-settings-context.ts';
import { useApproval } from './use-approval.ts';

function settingsWith(permissions: unknown): SaleSettings {
  return {
    currency: 'VND',
    taxClasses: [],
    barcodeRules: [],
    priceRules: DEFAULT_PRICE_RULES,
    saleRules: { taxClasses: [] },
    permissions: parsePermissionTable(permissions),
    banknotes: [],
    giftCards: { productIds: new Set(), amounts: [] },
    cardTerminals: [],
  };
}

async function approvalAt(staff: SignedInStaff, permissions: unknown, options: { reloaded?: boolean } = {}) {
  if (options.reloaded) signInAfterReload(staff);
  else await signInWithPin(staff);
  const wrapper = ({ children }: { children: ReactNode }) => <SaleSettingsContext.Provider value={settingsWith(permissions)}>{children}</SaleSettingsContext.Provider>;
  return renderHook(() => useApproval(), { wrapper }).result.current;
}

const lan: SignedInStaff = { id: 'lan', name: 'Nguyễn Thị Lan', role: 'cashier' };
const hoa: SignedInStaff = { id: 'hoa', name: 'Trần Thu Hoa', role: 'supervisor' };

afterEach(() => {
  useApprovalStore.getState().settle(null);
  useStaffSessionStore.getState().signOut();
});

describe('approving a price override at the counter', () => {
  it('a supervisor whose role holds price.override approves it herself, without a dialog', async () => {
    const approve = await approvalAt(hoa, { supervisor: ['price.override'] });
    await expect(approve(PERMISSIONS.priceOverride, 'giá mới')).resolves.toBe('hoa');
    expect(useApprovalStore.getState().pending).toBeNull();
  });

  it('after a reload the same supervisor confirms with her PIN: the dialog asks and may name her', async () => {
    const approve = await approvalAt(hoa, { supervisor: ['price.override'] }, { reloaded: true });
    const answer = approve(PERMISSIONS.priceOverride, 'giá mới');
    expect(useApprovalStore.getState().pending).toMatchObject({ permission: 'price.override', allowSelf: true });
    act(() => useApprovalStore.getState().settle(hoa));
    await expect(answer).resolves.toBe('hoa');
  });

  it('a supervisor whose table lacks the permission asks for someone, like a cashier would', async () => {
    const approve = await approvalAt(hoa, { supervisor: ['drawer.open'], manager: ['price.override'] });
    const answer = approve(PERMISSIONS.priceOverride, 'giá mới');
    expect(useApprovalStore.getState().pending?.permission).toBe('price.override');
    act(() => useApprovalStore.getState().settle({ id: 'tuan', name: 'Lê Văn Tuấn', role: 'manager' }));
    await expect(answer).resolves.toBe('tuan');
  });

  it('a cashier with a malformed table never approves herself and gets null when the dialog is cancelled', async () => {
    const approve = await approvalAt(lan, { cashier: 'price.override' });
    const answer = approve(PERMISSIONS.priceOverride, 'giá mới');
    expect(useApprovalStore.getState().pending?.reason).toBe('giá mới');
    act(() => useApprovalStore.getState().settle(null));
    await expect(answer).resolves.toBeNull();
  });
});
