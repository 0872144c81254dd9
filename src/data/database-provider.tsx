import { useEffect, useState, type ReactNode } from 'react';
import type { PosDatabase } from './database.ts';
import { DatabaseContext, type DatabaseStatus } from './database-context.ts';

interface DatabaseProviderProps {
  /** The one database opening of this page, started before React renders. */
  opening: Promise<PosDatabase>;
  children: ReactNode;
}

export function DatabaseProvider({ opening, children }: DatabaseProviderProps) {
  const [status, setStatus] = useState<DatabaseStatus>({ state: 'opening' });
  useEffect(() => {
    let current = true;
    opening.then(
      (database) => current && setStatus({ state: 'ready', database }),
      // main.tsx logs the failure once for developers; here the shell shows the cashier what to do.
      (error: unknown) => current && setStatus({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [opening]);
  return <DatabaseContext value={status}>{children}</DatabaseContext>;
}
