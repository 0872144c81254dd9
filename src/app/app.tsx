import { useEffect, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { DatabaseProvider } from '../data/database-provider.tsx';
import { TenderFormsContext } from '../ui/tender-form.ts';
import { tenderForms } from './tender-registry.ts';
import type { PosDatabase } from '../data/database.ts';
import { CatalogContext } from '../catalog/catalog-context.ts';
import type { CatalogDatabase } from '../catalog/catalog-database.ts';
import type { SyncController } from '../sync/sync-controller.ts';
import { SyncControllerContext } from '../sync/sync-controller-context.ts';
import type { SyncDatabase } from '../sync/sync-database.ts';
import { SyncDatabaseContext } from '../sync/sync-database-context.ts';
import { reconnectPairedPrinter } from '../devices/printer/printer-start.ts';
import { AppShell } from './app-shell.tsx';

interface AppProps {
  i18n: I18n;
  /** The device database being opened; started by main.tsx before the first render. */
  databaseOpening: Promise<PosDatabase>;
  /** The Dexie catalog (products, balances), opened lazily by Dexie. */
  catalog: CatalogDatabase;
  /** The device's sync identity and quarantine. */
  syncDatabase: SyncDatabase;
  syncController: SyncController;
  queryClient?: QueryClient;
}

export function App({ i18n, databaseOpening, catalog, syncDatabase, syncController, queryClient }: AppProps) {
  const [client] = useState(() => queryClient ?? new QueryClient());
  // A paired USB printer reconnects without a tap (the printer service runs once however often this does).
  useEffect(reconnectPairedPrinter, []);
  // The ways to pay load right after the first paint, long before a cashier can open the pay panel.
  useEffect(() => {
    tenderForms.load().catch((error: unknown) => console.error('Loading the tender forms failed; the pay panel tries again when opened', error));
  }, []);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <DatabaseProvider opening={databaseOpening}>
          <CatalogContext value={catalog}>
            <SyncDatabaseContext value={syncDatabase}>
              <SyncControllerContext value={syncController}>
                <TenderFormsContext value={tenderForms}>
                  <AppShell />
                </TenderFormsContext>
              </SyncControllerContext>
            </SyncDatabaseContext>
          </CatalogContext>
        </DatabaseProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
