// A reload keeps the person at the till signed in (the tab's sessionStorage holds who and since when), and
// nothing secret is written there: not the PIN, not the key it unlocks.
import { afterEach, describe, expect, it } from 'vitest';
import { hasApprovalKey, rememberApprovalKey } from './approval-keys.ts';
import { STAFF_SESSION_STORAGE_KEY, useStaffSessionStore } from './staff-session-store.ts';

afterEach(() => {
  useStaffSessionStore.getState().signOut();
  sessionStorage.clear();
});

describe('the staff session across a reload', () => {
  it('is written to sessionStorage on sign-in and read back by a fresh store (a reload)', async () => {
    useStaffSessionStore.getState().signIn({ id: 'lan', name: 'Nguyễn Thị Lan', role: 'cashier' });
    useStaffSessionStore.getState().touch(1_234_567);
    const stored = JSON.parse(sessionStorage.getItem(STAFF_SESSION_STORAGE_KEY) ?? '{}') as { state?: unknown };
    expect(stored.state).toEqual({ staff: { id: 'lan', name: 'Nguyễn Thị Lan', role: 'cashier' }, lastActivityAt: 1_234_567 });

    // What a reload does: the in-memory store starts empty and reads the tab's storage.
    const kept = sessionStorage.getItem(STAFF_SESSION_STORAGE_KEY) ?? '';
    useStaffSessionStore.setState({ staff: null, lastActivityAt: 0 });
    expect(useStaffSessionStore.getState().staff).toBeNull();
    sessionStorage.setItem(STAFF_SESSION_STORAGE_KEY, kept);
    await useStaffSessionStore.persist.rehydrate();
    expect(useStaffSessionStore.getState()).toMatchObject({ staff: { id: 'lan' }, lastActivityAt: 1_234_567 });
  });

  it('keeps no key: the approval key lives in memory only and goes with the sign-out', async () => {
    useStaffSessionStore.getState().signIn({ id: 'nam', name: 'Lê Hoàng Nam', role: 'manager' });
    await rememberApprovalKey('nam', new Uint8Array(32).fill(3), Infinity);
    expect(hasApprovalKey('nam')).toBe(true);
    expect(sessionStorage.getItem(STAFF_SESSION_STORAGE_KEY)).not.toMatch(/key|pin|hash/i);
    useStaffSessionStore.getState().signOut();
    expect(hasApprovalKey('nam')).toBe(false);
    expect(JSON.parse(sessionStorage.getItem(STAFF_SESSION_STORAGE_KEY) ?? '{}')).toMatchObject({ state: { staff: null } });
  });

  it('a quick switch to another person drops the first one’s key', async () => {
    useStaffSessionStore.getState().signIn({ id: 'nam', name: 'Lê Hoàng Nam', role: 'manager' });
    await rememberApprovalKey('nam', new Uint8Array(32).fill(3), Infinity);
    useStaffSessionStore.getState().signIn({ id: 'lan', name: 'Nguyễn Thị Lan', role: 'cashier' });
    expect(hasApprovalKey('nam')).toBe(false);
  });
});
