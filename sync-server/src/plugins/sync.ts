/*
 * The sync machinery every sync route shares, built once per app: the compiled document validators
 * (compiling the collection schemas is the slow part), the change bus (in-process on SQLite, LISTEN/NOTIFY
 * on PostgreSQL, see live/change-bus.ts) and the hub of live event streams fed by it.
 * Closing the app closes the streams first, so in-flight SSE responses do not hold the server open.
 */
import fp from 'fastify-plugin';
import { createDocumentValidators } from '../schemas.ts';
import type { DocumentValidators } from '../schemas.ts';
import { createChangeBus } from '../live/change-bus.ts';
import type { ChangeBus } from '../live/change-bus.ts';
import { StreamHub } from '../live/stream-hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    documentValidators: DocumentValidators;
    changeBus: ChangeBus;
    streamHub: StreamHub;
  }
}

let sharedValidators: DocumentValidators | undefined;

export default fp<{ databaseUrl: string | undefined; heartbeatMs: number }>(
  async function sync(app, options) {
    sharedValidators ??= createDocumentValidators({ allowDeletedFlag: true });
    const bus = await createChangeBus(app.store, options.databaseUrl, app.log);
    const hub = new StreamHub(app.store.db, app.log, options.heartbeatMs);
    const unsubscribe = bus.subscribe((message) => hub.handle(message));
    app.decorate('documentValidators', sharedValidators);
    app.decorate('changeBus', bus);
    app.decorate('streamHub', hub);
    app.addHook('preClose', async () => {
      unsubscribe();
      hub.close();
    });
    app.addHook('onClose', async () => bus.close());
  },
  { name: 'sync', fastify: '5.x', dependencies: ['store'] },
);
