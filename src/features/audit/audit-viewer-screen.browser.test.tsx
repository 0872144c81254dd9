// A manager reads and filters the audit trail on a real IndexedDB in real Chromium: every entry with who did
// it and who approved it, newest first; by action, by person (as actor or approver) and by day. Who may read
// it comes from the store's permission table (report.view), not from a role's name.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../data/audit-log.ts';
import { DatabaseContext } from '../../data/database-context.ts';
import { createPosDatabase, type PosDatabase } from '../../data/database.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { useStaffSessionStore, type SignedInStaff } from '../../session/staff-session-store.ts';
import { AuditViewerScreen } from './audit-viewer-screen.tsx';

const lan: SignedInStaff = { id: 'staff-lan', name: 'Nguyễn Thị Lan', role: 'cashier' };
const tuan: SignedInStaff = { id: 'staff-tuan', name: 'Trần Minh Tuấn', role: 'supervisor' };
const nam: SignedInStaff = { id: 'staff-nam', name: 'Lê Hoàng Nam', role: 'manager' };
const identity = { storeId: 'store-q1', deviceId: 'device-1' };
const pin = { pinCheck: 0, pinSalt: 's', pinIterations: 1_000 };

function configWith(permissions: Record<string, string[]>): StoreConfigDocument {
  return {
    id: 'store-q1',
    storeId: 'store-q1',
    store: { name: 'Cửa hàng Quận 1', currency: 'VND', locale: 'vi-VN' },
    taxClasses: [],
    staff: [lan, tuan, nam].map((member) => ({ ...member, ...pin, active: true })),
    permissions,
    updatedAt: '2025-11-24T00:00:00.000Z',
  };
}

const SEED_TABLE = { cashier: ['sale.ring_up'], supervisor: ['sale.ring_up', 'drawer.open'], manager: ['sale.ring_up', 'drawer.open', 'report.view'] };

let database: PosDatabase | undefined;

afterEach(async () => {
  cleanup();
  useStaffSessionStore.getState().signOut();
  await database?.remove();
  database = undefined;
});

/** A morning at the till: yesterday's sign-in, then today a sign-in, an approved drawer opening, an override. */
async function tillWithTrail(permissions: Record<string, string[]>, reader: SignedInStaff): Promise<void> {
  database = await createPosDatabase({ name: `audit-viewer-${crypto.randomUUID()}`, devMode: true });
  await database.config.insert(configWith(permissions));
  const today = new Date();
  const at = (daysAgo: number, hour: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo, hour);
  await recordAudit(database, identity, { action: 'staff.sign_in', staffId: lan.id }, at(1, 8));
  await recordAudit(database, identity, { action: 'staff.sign_in', staffId: lan.id }, at(0, 8));
  await recordAudit(database, identity, { action: 'drawer.open', staffId: lan.id, approverId: tuan.id, details: { reason: 'no-sale' } }, at(0, 9));
  await recordAudit(database, identity, { action: 'price.override', staffId: tuan.id, subjectId: 'p-coffee' }, at(0, 10));
  useStaffSessionStore.getState().signIn(reader);
  render(
    <I18nextProvider i18n={createI18n()}>
      <DatabaseContext value={{ state: 'ready', database }}>
        <AuditViewerScreen />
      </DatabaseContext>
    </I18nextProvider>,
  );
}

function rows(): Array<[string, string, string]> {
  return screen.queryAllByTestId('audit-row').map((row) => [row.dataset['action'] ?? '', row.dataset['staffId'] ?? '', row.dataset['approverId'] ?? '']);
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('the audit trail for a manager', () => {
  it('shows every entry newest first, with who did it and who approved it, by name', async () => {
    await tillWithTrail(SEED_TABLE, nam);
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows()).toEqual([
      ['price.override', tuan.id, ''],
      ['drawer.open', lan.id, tuan.id],
      ['staff.sign_in', lan.id, ''],
      ['staff.sign_in', lan.id, ''],
    ]);
    const drawerRow = screen.getAllByTestId('audit-row')[1];
    await waitFor(() => expect(drawerRow?.textContent).toContain(tuan.name));
    expect(drawerRow?.textContent).toContain(lan.name);
  });

  it('filters by action, by person as actor or approver, and by day', async () => {
    await tillWithTrail(SEED_TABLE, nam);
    await waitFor(() => expect(rows()).toHaveLength(4));

    fireEvent.change(screen.getByTestId('audit-filter-action'), { target: { value: 'drawer.open' } });
    await waitFor(() => expect(rows()).toEqual([['drawer.open', lan.id, tuan.id]]));

    fireEvent.change(screen.getByTestId('audit-filter-action'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('audit-filter-person').querySelectorAll('option')).toHaveLength(4));
    fireEvent.change(screen.getByTestId('audit-filter-person'), { target: { value: tuan.id } });
    await waitFor(() => expect(rows()).toEqual([['price.override', tuan.id, ''], ['drawer.open', lan.id, tuan.id]]));

    fireEvent.change(screen.getByTestId('audit-filter-person'), { target: { value: lan.id } });
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    fireEvent.change(screen.getByTestId('audit-filter-day'), { target: { value: localDay(yesterday) } });
    await waitFor(() => expect(rows()).toEqual([['staff.sign_in', lan.id, '']]));
  });

  it('shows a new entry at the top while the manager is looking', async () => {
    await tillWithTrail(SEED_TABLE, nam);
    await waitFor(() => expect(rows()).toHaveLength(4));
    await act(async () => {
      const later = new Date();
      later.setHours(11, 0, 0, 0);
      await recordAudit(database as PosDatabase, identity, { action: 'staff.pin_failed', staffId: lan.id, details: { purpose: 'sign-in' } }, later);
    });
    await waitFor(() => expect(rows()[0]).toEqual(['staff.pin_failed', lan.id, '']));
  });

  it('is closed to a cashier, and to anyone when the table grants report.view to nobody', async () => {
    await tillWithTrail(SEED_TABLE, lan);
    await screen.findByTestId('audit-managers-only');
    expect(screen.queryByTestId('audit-viewer')).toBeNull();
    cleanup();
    await database?.remove();
    await tillWithTrail({ manager: 'report.view' } as unknown as Record<string, string[]>, nam);
    await screen.findByTestId('audit-managers-only');
  });

  it('opens to a supervisor when the store’s table gives supervisors report.view', async () => {
    await tillWithTrail({ ...SEED_TABLE, supervisor: ['report.view'] }, tuan);
    await waitFor(() => expect(rows()).toHaveLength(4));
  });
});
