// The till's setup for the shift and day-end screens, live from the replicated config and the enrolment.
import { useMemo } from 'react';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { tillSetupOf } from './till-setup.ts';
import type { TillSetupRead } from './till-setup.ts';

/** undefined while the config is being read. */
export function useTillSetup(): TillSetupRead | undefined {
  const config = useStoreConfig();
  const enrolment = useSyncStatusStore((state) => state.enrolment);
  return useMemo(() => (config === undefined ? undefined : tillSetupOf(config, enrolment)), [config, enrolment]);
}
