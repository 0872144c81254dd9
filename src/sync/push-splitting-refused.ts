/*
 * Pushing a batch when one document in it may be poison. The server takes a push batch all or nothing: one
 * malformed document (400) or one of another store (403) refuses the whole batch. Retrying that batch
 * forever would block every later sale, so a refused batch is split in halves and each half pushed again,
 * down to single documents: the halves without poison go through, and each refused document is returned
 * with the server's answer so the caller can set it aside (quarantine). Temporary failures are not handled
 * here: they propagate, and the whole batch is retried later (pushing accepted documents again is harmless,
 * the server is idempotent by id).
 * Halving finds one poison document among 500 in about 18 requests instead of 500 one-by-one requests.
 */
export interface RefusedRow<Row> {
  row: Row;
  status: number;
  error: string;
  message: string;
}

export interface SplitPushResult<Row, Conflict> {
  conflicts: Conflict[];
  refused: Array<RefusedRow<Row>>;
  /** Rows the server took (not refused), conflicts included: they are settled. */
  accepted: Row[];
  /** How many push requests were made. */
  requests: number;
}

/** What the caller knows about a failure: a refusal (with the server's words), or undefined to rethrow. */
export type RefusalOf = (error: unknown) => { status: number; error: string; message: string } | undefined;

export async function pushSplittingRefused<Row, Conflict>(
  rows: readonly Row[],
  pushBatch: (rows: readonly Row[]) => Promise<Conflict[]>,
  refusalOf: RefusalOf,
): Promise<SplitPushResult<Row, Conflict>> {
  const result: SplitPushResult<Row, Conflict> = { conflicts: [], refused: [], accepted: [], requests: 0 };
  await pushPart(rows, pushBatch, refusalOf, result);
  return result;
}

async function pushPart<Row, Conflict>(
  rows: readonly Row[],
  pushBatch: (rows: readonly Row[]) => Promise<Conflict[]>,
  refusalOf: RefusalOf,
  result: SplitPushResult<Row, Conflict>,
): Promise<void> {
  if (rows.length === 0) return;
  result.requests += 1;
  try {
    const conflicts = await pushBatch(rows);
    result.conflicts.push(...conflicts);
    result.accepted.push(...rows);
    return;
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    if (rows.length === 1) {
      result.refused.push({ row: rows[0] as Row, ...refusal });
      return;
    }
  }
  const middle = Math.ceil(rows.length / 2);
  // One half after the other: the order of the documents is kept as far as the server can see.
  await pushPart(rows.slice(0, middle), pushBatch, refusalOf, result);
  await pushPart(rows.slice(middle), pushBatch, refusalOf, result);
}
