/*
 * Names of the store's staff (including people no longer active: old entries must still show who acted),
 * live from the replicated config document, for the audit viewer's person filter and its rows.
 */
import { useEffect, useState } from 'react';
import type { PosDatabase } from '../../data/database.ts';

export type StaffNames = ReadonlyArray<{ id: string; name: string }>;

export function useStaffNames(database: PosDatabase): StaffNames {
  const [names, setNames] = useState<StaffNames>([]);
  useEffect(() => {
    const subscription = database.config.findOne().$.subscribe({
      next: (document) => setNames(document ? document.staff.map(({ id, name }) => ({ id, name })) : []),
      error: (error: unknown) => console.error('Reading staff names for the audit viewer failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);
  return names;
}
