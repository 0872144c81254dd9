import type { MouseEvent } from 'react';
import { CatalogProgressChip } from '../features/sync-status/catalog-progress-chip.tsx';
import { SyncStateLine } from '../features/sync-status/sync-state-line.tsx';

/** The header's sync chip (a click opens the sync screen with the details) and, apart from it, the first catalog download. */
export function SyncStatusBadge({ onOpen }: { onOpen: (event: MouseEvent<HTMLAnchorElement>) => void }) {
  return (
    <>
      <a href="/sync" className="status-chip sync-chip" data-testid="open-sync" onClick={onOpen}>
        <SyncStateLine />
      </a>
      <CatalogProgressChip />
    </>
  );
}
