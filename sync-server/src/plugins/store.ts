/*
 * Makes the open database available to routes as `app.store` (and its documents repository as
 * `app.documents`). main opens, migrates and seeds the store before building the app; when buildApp is
 * given no store it opens one itself and closes it with the app.
 */
import fp from 'fastify-plugin';
import { DocumentsRepository } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    documents: DocumentsRepository;
  }
}

export default fp<{ store: Store; closeWithApp: boolean }>(
  async function storePlugin(app, options) {
    app.decorate('store', options.store);
    app.decorate('documents', new DocumentsRepository(options.store));
    if (options.closeWithApp) app.addHook('onClose', async () => options.store.close());
  },
  { name: 'store', fastify: '5.x' },
);
