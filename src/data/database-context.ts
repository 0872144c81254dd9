/*
 * React access to the device database. The database is opened once at start-up (src/main.tsx); the
 * provider tracks that one promise, so React re-renders and StrictMode never open a second instance.
 */
import { createContext, useContext } from 'react';
import type { PosDatabase } from './database.ts';

export type DatabaseStatus =
  | { state: 'opening' }
  | { state: 'ready'; database: PosDatabase }
  | { state: 'failed'; error: unknown };

export const DatabaseContext = createContext<DatabaseStatus | null>(null);

export function useDatabaseStatus(): DatabaseStatus {
  const status = useContext(DatabaseContext);
  if (!status) throw new Error('useDatabaseStatus must be used inside <DatabaseProvider>');
  return status;
}

/** The open database. Only for screens rendered once it is ready (the shell's DatabaseGate ensures that). */
export function useDatabase(): PosDatabase {
  const status = useDatabaseStatus();
  if (status.state !== 'ready') throw new Error(`useDatabase called while the database is ${status.state}`);
  return status.database;
}
