/*
 * When this device last synced successfully, kept in the sync database (sync-database.ts, table progress)
 * so that it survives a reload and an offline start and reaches every tab. The leading tab writes it after
 * its exchanges with the server, at most once per WRITE_EVERY_MS (a busy counter pushes after every sale;
 * the time shown is "a minute ago", not to the millisecond), and always the latest one in the end. Every tab
 * watches it and shows the newest of its own and the stored one.
 */
import { liveQuery } from 'dexie';
import type { SyncDatabase } from './sync-database.ts';

const WRITE_EVERY_MS = 5_000;

/** Stores `at` unless a later time is stored already (another tab, a clock moment later). */
export async function storeLastSynced(database: SyncDatabase, at: string): Promise<void> {
  await database.transaction('rw', database.progress, async () => {
    const stored = await database.progress.get('last-synced');
    if (stored === undefined || stored.at < at) await database.progress.put({ key: 'last-synced', at });
  });
}

/** Calls `listener` with the stored time, now and whenever it changes (in this tab or another); returns the unsubscribe. */
export function watchLastSynced(database: SyncDatabase, listener: (at: string) => void): () => void {
  const subscription = liveQuery(() => database.progress.get('last-synced')).subscribe({
    next: (row) => {
      if (row !== undefined) listener(row.at);
    },
    error: (error: unknown) => console.error('Reading when this device last synced failed; the sync screen shows only this session\'s syncs', error),
  });
  return () => subscription.unsubscribe();
}

/**
 * A writer for the leading tab: `record(at)` after each success writes at once when nothing was written in
 * the last WRITE_EVERY_MS, otherwise once that time is up (the latest success then). `stop()` writes what waits.
 */
export function lastSyncedWriter(database: SyncDatabase): { record: (at: string) => void; stop: () => void } {
  let waiting: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const write = (at: string) =>
    storeLastSynced(database, at).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'DatabaseClosedError') return;
      console.error('Storing when this device last synced failed; after a reload the sync screen may show an older time', error);
    });

  const flush = () => {
    timer = undefined;
    if (waiting === undefined) return;
    const at = waiting;
    waiting = undefined;
    void write(at);
    timer = setTimeout(flush, WRITE_EVERY_MS);
  };

  return {
    record(at) {
      if (stopped) return;
      waiting = at;
      if (timer === undefined) flush();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      if (waiting !== undefined) void write(waiting);
      waiting = undefined;
    },
  };
}
