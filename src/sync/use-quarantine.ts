/*
 * The documents set aside in the quarantine (quarantine.ts), live from the sync database, for the sync screen.
 */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import { listQuarantine } from './quarantine.ts';
import type { QuarantinedDocument, SyncDatabase } from './sync-database.ts';

export function useQuarantine(database: SyncDatabase, limit = 50): QuarantinedDocument[] {
  const [rows, setRows] = useState<QuarantinedDocument[]>([]);
  useEffect(() => {
    const subscription = liveQuery(() => listQuarantine(database, limit)).subscribe({
      next: setRows,
      error: (error: unknown) => console.error('Reading the quarantine failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database, limit]);
  return rows;
}
