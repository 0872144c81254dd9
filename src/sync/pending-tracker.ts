/*
 * The "documents waiting" figure of one collection, kept in step with the server's acknowledgements.
 *
 * Why not just recount: the exact count (pending-count.ts) reads RxDB's fork and meta instance, and right
 * after a reconnect it competes with the pulls and the server's echo of what was just pushed (thousands of
 * ledger entries written into IndexedDB): it was measured 0.3-4 s behind the real acknowledgement. So the
 * tracker keeps the ids of the last recount and drops the ids a push settled (accepted, answered with a
 * conflict, or set aside in the quarantine) the moment the server answers.
 *
 * RxDB records a settled push in its meta instance only after our push handler returns, so a recount may
 * still list settled ids for a while: they stay hidden until a recount no longer lists them (RxDB caught
 * up) or the document is written again (then it really waits again). Recounts run after every write and
 * push and remain the truth; the tracker only never shows a document as waiting once the server has it.
 */
export interface PendingTracker {
  /** Runs the exact recount (coalesced: one at a time, one more after it if asked meanwhile). */
  recount: () => void;
  /** The server answered a push of these ids: they no longer wait. */
  settled: (ids: readonly string[]) => void;
  /** These documents were written on the device: a settled push of an older version no longer counts. */
  written: (ids: readonly string[]) => void;
}

export interface PendingTrackerOptions {
  listPending: () => Promise<Set<string> | undefined>;
  publish: (count: number) => void;
  onCountFailed: (error: unknown) => void;
}

export function createPendingTracker({ listPending, publish, onCountFailed }: PendingTrackerOptions): PendingTracker {
  let pending = new Set<string>();
  const settledNotYetRecorded = new Set<string>();
  let counting = false;
  let again = false;

  function take(listed: Set<string>): void {
    for (const id of settledNotYetRecorded) {
      if (listed.has(id)) listed.delete(id);
      else settledNotYetRecorded.delete(id);
    }
    pending = listed;
    publish(pending.size);
  }

  function recount(): void {
    if (counting) {
      again = true;
      return;
    }
    counting = true;
    void listPending()
      .then((listed) => listed && take(listed), onCountFailed)
      .finally(() => {
        counting = false;
        if (again) {
          again = false;
          recount();
        }
      });
  }

  function settled(ids: readonly string[]): void {
    let changed = false;
    for (const id of ids) {
      settledNotYetRecorded.add(id);
      if (pending.delete(id)) changed = true;
    }
    if (changed) publish(pending.size);
  }

  function written(ids: readonly string[]): void {
    for (const id of ids) settledNotYetRecorded.delete(id);
  }

  return { recount, settled, written };
}
