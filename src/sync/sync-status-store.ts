/*
 * What the device shows about sync: a small zustand store written by the sync engine (sync-engine.ts) and
 * read by the status badge and panel. In memory only: everything here is re-learned at start-up (pending
 * counts from RxDB, quarantine, the enrolment and the last successful sync from the sync database). The
 * device token is never put here.
 */
import { create } from 'zustand';
import type { DeviceCollectionName } from '../data/database.ts';
import type { DeviceIdentity } from './sync-database.ts';

export type SyncPhase = 'loading' | 'not-enrolled' | 'waiting-for-leadership' | 'running' | 'revoked';

/** The badge's data-state. */
export type SyncDisplayState = 'idle' | 'syncing' | 'offline' | 'error' | 'not-enrolled';

export type PublicEnrolment = Omit<DeviceIdentity, 'token'>;

/** A failure the cashier or manager can read: an i18n key under `sync.errors` and its values. */
export interface SyncProblem {
  key: 'revoked' | 'unreachable' | 'serverError' | 'refused' | 'storage';
  values?: Record<string, string | number>;
  at: string;
}

export interface CatalogProgress {
  rows: number;
  caughtUp: boolean;
}

export interface SyncStatusState {
  phase: SyncPhase;
  enrolment?: PublicEnrolment;
  networkOnline: boolean;
  streamConnected: boolean;
  /** Replications (and "catalog") busy right now. */
  busy: readonly string[];
  pending: Partial<Record<DeviceCollectionName, number>>;
  quarantined: number;
  lastSyncedAt?: string;
  catalog: CatalogProgress;
  lastProblem?: SyncProblem;

  setPhase: (phase: SyncPhase) => void;
  setEnrolment: (identity: DeviceIdentity | undefined) => void;
  setNetworkOnline: (online: boolean) => void;
  setStreamConnected: (connected: boolean) => void;
  setBusy: (what: string, busy: boolean) => void;
  setPending: (collection: DeviceCollectionName, count: number) => void;
  setQuarantined: (count: number) => void;
  setCatalogProgress: (progress: CatalogProgress) => void;
  /** A successful exchange with the server: records the time and clears the last problem. */
  recordSuccess: (at?: Date) => void;
  /** A sync time stored on this device (an earlier session, another tab): shown unless a later one is known. */
  restoreLastSynced: (at: string) => void;
  reportProblem: (key: SyncProblem['key'], values?: SyncProblem['values'], at?: Date) => void;
  reset: () => void;
}

const initial = {
  phase: 'loading' as SyncPhase,
  enrolment: undefined,
  networkOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  streamConnected: false,
  busy: [] as readonly string[],
  pending: {},
  quarantined: 0,
  lastSyncedAt: undefined,
  catalog: { rows: 0, caughtUp: false },
  lastProblem: undefined,
};

export const useSyncStatusStore = create<SyncStatusState>()((set) => ({
  ...initial,
  setPhase: (phase) => set({ phase }),
  setEnrolment: (identity) => {
    if (!identity) return set({ enrolment: undefined });
    const { token: _token, ...enrolment } = identity;
    set({ enrolment });
  },
  setNetworkOnline: (networkOnline) => set({ networkOnline }),
  setStreamConnected: (streamConnected) => set({ streamConnected }),
  setBusy: (what, busy) =>
    set((state) => {
      const has = state.busy.includes(what);
      if (busy === has) return state;
      return { busy: busy ? [...state.busy, what] : state.busy.filter((item) => item !== what) };
    }),
  setPending: (collection, count) =>
    set((state) => (state.pending[collection] === count ? state : { pending: { ...state.pending, [collection]: count } })),
  setQuarantined: (quarantined) => set({ quarantined }),
  setCatalogProgress: (catalog) => set({ catalog }),
  recordSuccess: (at = new Date()) =>
    set((state) => ({
      lastSyncedAt: at.toISOString(),
      // A refusal stays visible through later successes: it needs a person, not a retry.
      lastProblem: state.lastProblem?.key === 'refused' ? state.lastProblem : undefined,
    })),
  restoreLastSynced: (at) => set((state) => (state.lastSyncedAt !== undefined && state.lastSyncedAt >= at ? state : { lastSyncedAt: at })),
  reportProblem: (key, values, at = new Date()) => set({ lastProblem: { key, ...(values ? { values } : {}), at: at.toISOString() } }),
  reset: () => set(initial),
}));

export function totalPending(pending: SyncStatusState['pending']): number {
  return Object.values(pending).reduce((sum, count) => sum + (count ?? 0), 0);
}

/** What the badge shows, by priority: not enrolled, revoked or failing, offline, busy, idle. */
export function syncDisplayState(state: Pick<SyncStatusState, 'phase' | 'networkOnline' | 'busy' | 'lastProblem' | 'catalog'>): SyncDisplayState {
  if (state.phase === 'not-enrolled' || state.phase === 'loading') return 'not-enrolled';
  if (state.phase === 'revoked') return 'error';
  if (!state.networkOnline) return 'offline';
  if (state.lastProblem && state.lastProblem.key !== 'refused') return state.lastProblem.key === 'unreachable' ? 'offline' : 'error';
  if (state.busy.length > 0 || (state.phase === 'running' && !state.catalog.caughtUp)) return 'syncing';
  if (state.lastProblem?.key === 'refused') return 'error';
  return 'idle';
}
