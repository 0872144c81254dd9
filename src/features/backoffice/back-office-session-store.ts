/*
 * The back office's staff session, in memory only (never IndexedDB, localStorage or logs): one PIN opens the
 * products, staff and settings screens for the person at the till until the server's session ends, they close
 * it, or someone else signs in at the till (the gate drops a session of another person).
 */
import { create } from 'zustand';

export interface OpenBackOfficeSession {
  staffId: string;
  token: string;
  expiresAt: string;
}

interface BackOfficeSessionState {
  session: OpenBackOfficeSession | null;
}

export const useBackOfficeSessionStore = create<BackOfficeSessionState>()(() => ({ session: null }));

export function openBackOfficeSession(session: OpenBackOfficeSession): void {
  useBackOfficeSessionStore.setState({ session });
}

export function closeBackOfficeSession(): void {
  useBackOfficeSessionStore.setState({ session: null });
}
