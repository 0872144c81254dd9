// A shared tablet left alone signs its cashier out after the store's idle time; a tap keeps her in.
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePermissionTable } from '../../domain/permissions.ts';
import type { PosDatabase } from '../../data/database.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import type { StaffDatabase } from './pin-failures.ts';
import { useIdleSignOut } from './use-idle-sign-out.ts';
import type { StaffServices } from './use-staff-services.ts';

const MINUTE = 60_000;

function services(insert: (document: object) => Promise<unknown>): StaffServices {
  return {
    database: { audit: { insert } } as unknown as PosDatabase,
    directory: { staff: [], permissions: parsePermissionTable({}), lockout: { maxFailures: 5, lockoutMs: 5 * MINUTE }, idleSignOutMs: 2 * MINUTE },
    identity: { storeId: 'store-q1', deviceId: 'device-1' },
    staffDatabase: {} as StaffDatabase,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  useStaffSessionStore.getState().signIn({ id: 'lan', name: 'Nguyễn Thị Lan', role: 'cashier' });
});

afterEach(() => {
  useStaffSessionStore.getState().signOut();
  vi.useRealTimers();
});

describe('the idle sign-out', () => {
  it('signs the cashier out after two idle minutes and writes why', async () => {
    const insert = vi.fn(async (document: object) => document);
    const stable = services(insert);
    renderHook(() => useIdleSignOut(stable));
    await act(async () => vi.advanceTimersByTime(2 * MINUTE + 5_000));
    expect(useStaffSessionStore.getState().staff).toBeNull();
    expect(insert).toHaveBeenCalledWith(expect.objectContaining({ action: 'staff.sign_out', staffId: 'lan', details: { reason: 'idle' } }));
  });

  it('keeps her signed in while she keeps tapping', async () => {
    const stable = services(vi.fn(async (document: object) => document));
    renderHook(() => useIdleSignOut(stable));
    for (let i = 0; i < 4; i++) {
      await act(async () => vi.advanceTimersByTime(MINUTE));
      window.dispatchEvent(new Event('pointerdown'));
    }
    expect(useStaffSessionStore.getState().staff?.id).toBe('lan');
  });

  it('signs out at once, without waiting for the next check, a session kept across a reload that went idle meanwhile', async () => {
    useStaffSessionStore.getState().touch(Date.now() - 3 * MINUTE);
    const insert = vi.fn(async (document: object) => document);
    const stable = services(insert);
    renderHook(() => useIdleSignOut(stable));
    await act(async () => vi.advanceTimersByTime(10));
    expect(useStaffSessionStore.getState().staff).toBeNull();
    expect(insert).toHaveBeenCalledWith(expect.objectContaining({ action: 'staff.sign_out', staffId: 'lan', details: { reason: 'idle' } }));
  });
});
