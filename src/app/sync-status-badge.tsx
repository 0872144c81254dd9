import type { MouseEvent } from 'react';
import { SyncStateLine } from '../features/sync-status/sync-state-line.tsx';

/** The header's sync status; a click opens the sync screen with the details. */
export function SyncStatusBadge({ onOpen }: { onOpen: (event: MouseEvent<HTMLAnchorElement>) => void }) {
  return (
    <a href="/sync" className="sync-status-link" data-testid="open-sync" onClick={onOpen}>
      <SyncStateLine />
    </a>
  );
}
