/*
 * React access to the Dexie catalog. main.tsx creates the one catalog database of the page (Dexie opens it
 * on first use) and the App provides it; screens read it through hooks such as useCatalogCount.
 */
import { createContext, useContext } from 'react';
import type { CatalogDatabase } from './catalog-database.ts';

export const CatalogContext = createContext<CatalogDatabase | null>(null);

export function useCatalogDatabase(): CatalogDatabase {
  const database = useContext(CatalogContext);
  if (!database) throw new Error('useCatalogDatabase must be used inside <CatalogContext>');
  return database;
}
