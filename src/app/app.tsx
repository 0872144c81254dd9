import { useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { DatabaseProvider } from '../data/database-provider.tsx';
import type { PosDatabase } from '../data/database.ts';
import { AppShell } from './app-shell.tsx';

interface AppProps {
  i18n: I18n;
  /** The device database being opened; started by main.tsx before the first render. */
  databaseOpening: Promise<PosDatabase>;
  queryClient?: QueryClient;
}

export function App({ i18n, databaseOpening, queryClient }: AppProps) {
  const [client] = useState(() => queryClient ?? new QueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <DatabaseProvider opening={databaseOpening}>
          <AppShell />
        </DatabaseProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
