/*
 * The packing-slip signing key (auth/order-signing.ts) for the routes (`app.orderSigningKey()`), loaded or
 * made once. At start-up every store's config document that does not carry the current public key
 * (`store.orderSigningPublicKey`) yet is written again with it, so tablets pull the key with their config
 * and can check packing slips offline. The private key stays in the database.
 * If the database cannot do that at start-up (not reachable, or not migrated: buildApp may be given such a
 * store), the server still starts, logs why, and loads the key on the first packing slip asked for.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadOrderSigningKey } from '../auth/order-signing.ts';
import type { OrderSigningKey } from '../auth/order-signing.ts';
import type { DocumentWrite } from '../store/documents-repository.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';

declare module 'fastify' {
  interface FastifyInstance {
    orderSigningKey(): Promise<OrderSigningKey>;
  }
}

/** Writes the public key into every config document that lacks it; returns how many were written. */
export async function publishOrderSigningKey(app: FastifyInstance, now: Date = new Date()): Promise<number> {
  const { publicKey } = await app.orderSigningKey();
  return app.store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const rows = await trx.selectFrom('documents').select(['id', 'store_id', 'body']).where('collection', '=', 'config').execute();
    const writes: DocumentWrite[] = [];
    for (const row of rows) {
      const body = JSON.parse(row.body) as Record<string, unknown>;
      const identity = (body['store'] ?? {}) as Record<string, unknown>;
      if (identity['orderSigningPublicKey'] === publicKey) continue;
      writes.push({
        collection: 'config',
        id: row.id,
        storeId: row.store_id,
        body: { ...body, store: { ...identity, orderSigningPublicKey: publicKey }, updatedAt: now.toISOString() },
      });
    }
    const written = await app.documents.putInTransaction(trx, writes, now);
    if (written.count > 0) {
      const storeIds = [...new Set(writes.map((w) => w.storeId).filter((id): id is string => id !== null))];
      await app.changeBus.announce(trx, [{ collection: 'config', storeIds, fromSeq: written.firstSeq, toSeq: written.lastSeq }]);
    }
    return written.count;
  });
}

export default fp(
  async function orderSigning(app) {
    let loading: Promise<OrderSigningKey> | undefined;
    app.decorate('orderSigningKey', () => {
      loading ??= loadOrderSigningKey(app.store.db).catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return loading;
    });
    try {
      await publishOrderSigningKey(app);
    } catch (error) {
      app.log.error({ err: error }, 'the packing-slip public key could not be published in the stores\' configs at start-up; it will be on the next start');
    }
  },
  { name: 'order-signing', fastify: '5.x', dependencies: ['store', 'sync'] },
);
