/*
 * React access to the sync database (sync-database.ts): identity and quarantine, for the sync screens.
 */
import { createContext, useContext } from 'react';
import type { SyncDatabase } from './sync-database.ts';

export const SyncDatabaseContext = createContext<SyncDatabase | null>(null);

export function useSyncDatabase(): SyncDatabase {
  const database = useContext(SyncDatabaseContext);
  if (!database) throw new Error('useSyncDatabase must be used inside <SyncDatabaseContext>');
  return database;
}
