/*
 * Online refunds on a server with no platform connection at all (no notice target configured: the outbox
 * worker does not run, integrations.ts). A refund is still enqueued with the return that owes it
 * (refund-notices.ts), so the money owed is never lost; here it is marked failing at once, with the reason
 * NO_CONNECTION, and reported once as an 'outbox-failing' incident, instead of staying 'pending' forever:
 * the manager sees it in GET /api/v1/outbox?state=failing and the incidents, the returns desk in
 * GET /api/v1/orders/:orderId/refunds. Its next attempt time is left as it was: once a connection is
 * configured and the server restarted, the worker sends it at once, with the same id.
 * Looked at when the server is ready (refunds from before a restart) and after every push of sales (the
 * change bus, on every instance); only one instance wins each refund (the UPDATE is conditional on its state).
 */
import type { FastifyBaseLogger } from 'fastify';
import { ONLINE_REFUND_NO_CONNECTION } from '../../../../src/domain/online-refund.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database-types.ts';
import { insertIncidents } from '../../store/incidents-repository.ts';
import { ONLINE_REFUND } from './refund-notices.ts';

export const NO_CONNECTION = ONLINE_REFUND_NO_CONNECTION;

/** Marks every pending online refund failing for want of a connection; returns how many this call marked. */
export async function failRefundsWithoutConnection(db: Kysely<Database>, now: string): Promise<number> {
  const waiting = await db.selectFrom('outbox').selectAll().where('kind', '=', ONLINE_REFUND).where('state', '=', 'pending').orderBy('id').execute();
  let marked = 0;
  for (const row of waiting) {
    const error = `${NO_CONNECTION} (no ${row.target} notice target on this server)`;
    await db.transaction().execute(async (trx) => {
      const won = await trx.updateTable('outbox').set({ state: 'failing', last_status: null, last_error: error }).where('id', '=', row.id).where('state', '=', 'pending').executeTakeFirst();
      if (Number(won.numUpdatedRows) === 0) return;
      const number = (JSON.parse(row.payload) as { number?: string }).number;
      await insertIncidents(
        trx,
        [{ storeId: row.store_id, kind: 'outbox-failing', collection: 'orders', documentId: row.order_id, detail: { noticeId: row.id, kind: row.kind, target: row.target, number, attempts: Number(row.attempts), lastStatus: null, lastError: error } }],
        now,
      );
      marked += 1;
    });
  }
  return marked;
}

/** Runs failRefundsWithoutConnection when asked, one look at a time (asks during a look make one more). */
export class RefundsWithoutConnection {
  private running: Promise<void> = Promise.resolve();
  private queued = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: FastifyBaseLogger,
  ) {}

  look(): void {
    if (this.queued) return;
    this.queued = true;
    this.running = this.running.then(async () => {
      this.queued = false;
      try {
        const marked = await failRefundsWithoutConnection(this.db, new Date().toISOString());
        if (marked > 0) this.log.warn({ marked }, `online refunds failing: ${NO_CONNECTION}`);
      } catch (error) {
        this.log.error({ err: error }, 'Marking online refunds without a platform connection failed; trying again at the next push');
      }
    });
  }

  /** Waits for the look under way (before the database closes). */
  idle(): Promise<void> {
    return this.running;
  }
}
