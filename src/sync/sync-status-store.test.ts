import { beforeEach, describe, expect, it } from 'vitest';
import { syncDisplayState, totalPending, useSyncStatusStore } from './sync-status-store.ts';

beforeEach(() => useSyncStatusStore.getState().reset());

const identity = {
  deviceId: 'd-1',
  storeId: 's-1',
  storeName: 'Cửa hàng Quận 1',
  deviceName: 'Quầy 1',
  serverUrl: 'https://pos.example.vn',
  token: 'secret-token',
  enrolledAt: '2025-01-01T00:00:00.000Z',
};

describe('the sync status a cashier sees', () => {
  it('says not enrolled until the device has an enrolment', () => {
    expect(syncDisplayState(useSyncStatusStore.getState())).toBe('not-enrolled');
  });

  it('never keeps the device token in the UI state', () => {
    useSyncStatusStore.getState().setEnrolment(identity);
    expect(JSON.stringify(useSyncStatusStore.getState().enrolment)).not.toContain('secret-token');
    expect(useSyncStatusStore.getState().enrolment?.storeName).toBe('Cửa hàng Quận 1');
  });

  it('goes from syncing (first catalog) to idle, offline without network, and error when revoked', () => {
    const store = useSyncStatusStore.getState();
    store.setPhase('running');
    store.setNetworkOnline(true);
    expect(syncDisplayState(useSyncStatusStore.getState())).toBe('syncing');
    store.setCatalogProgress({ rows: 2_000, caughtUp: true });
    expect(syncDisplayState(useSyncStatusStore.getState())).toBe('idle');
    store.setBusy('sales', true);
    expect(syncDisplayState(useSyncStatusStore.getState())).toBe('syncing');
    store.setNetworkOnline(false);
    expect(syncDisplayState(useSyncStatusStore.getState())).toBe('offline');
    store.setNetworkOnline(true);
    store.setPhase('revoked');
    expect(syncDisplayState(useSyncStatusStore.getState())).toBe('error');
  });

  it('keeps a refusal visible after later successes but clears a passing server error', () => {
    const store = useSyncStatusStore.getState();
    store.setPhase('running');
    store.setCatalogProgress({ rows: 0, caughtUp: true });
    store.reportProblem('serverError', { status: 503 });
    expect(syncDisplayState(useSyncStatusStore.getState())).toBe('error');
    store.recordSuccess();
    expect(useSyncStatusStore.getState().lastProblem).toBeUndefined();
    store.reportProblem('refused', { count: 1 });
    store.recordSuccess();
    expect(useSyncStatusStore.getState().lastProblem?.key).toBe('refused');
  });

  it('adds up the documents waiting per collection', () => {
    const store = useSyncStatusStore.getState();
    store.setPending('sales', 3);
    store.setPending('audit', 2);
    store.setPending('sales', 1);
    expect(totalPending(useSyncStatusStore.getState().pending)).toBe(3);
  });
});
