/*
 * The back office's server stories start the same way: a server on one database, the Quận 1 store (its
 * cashier, supervisor and manager), a tablet enrolled there and the manager signed in on it, whose staff
 * token the back-office routes take; and a manager sends the catalog file to POST /api/v1/catalog/import.
 */
import type { FastifyInstance } from 'fastify';
import { DocumentsRepository } from '../../../sync-server/src/store/documents-repository.ts';
import type { StoreKind } from '../../../sync-server/src/store/open-store.ts';
import { startTestApp } from './test-app.test-helper.ts';
import type { TestApp } from './test-app.test-helper.ts';
import { bearer, enroll, openShop, signIn } from './shop.test-helper.ts';
import type { EnrolledDevice } from './shop.test-helper.ts';

export const CSV = 'text/csv; charset=utf-8';
export const Q1 = { id: 'store-q1', name: 'Quận 1', code: 'Q1AA-BBCC-DDEE', manager: 'store-q1-manager', managerPin: '999999', cashier: 'store-q1-cashier', cashierPin: '1111' } as const;

export interface BackOffice {
  t: TestApp;
  /** The tablet the manager signed in on (its device token alone opens no back-office route). */
  till: EnrolledDevice;
  /** The manager's staff token. */
  manager: string;
  documents: DocumentsRepository;
}

/** A server with the Quận 1 store, a tablet enrolled there and its manager signed in. */
export async function openBackOffice(kind: StoreKind, label: string): Promise<BackOffice> {
  const t = await startTestApp(kind, label);
  await openShop(t.store, Q1.id, Q1.name, Q1.code);
  const till = await enroll(t.app, Q1.code);
  const manager = await signIn(t.app, till, Q1.manager, Q1.managerPin);
  return { t, till, manager, documents: new DocumentsRepository(t.store) };
}

/** The cashier of Quận 1 signed in on the same tablet (holds none of the back office's permissions). */
export function signInCashier(office: BackOffice): Promise<string> {
  return signIn(office.t.app, office.till, Q1.cashier, Q1.cashierPin);
}

/** POST /api/v1/catalog/import with the file as its body, as the back office's import page sends it. */
export function importCatalogFile(app: FastifyInstance, token: string | undefined, body: string | Buffer, type = CSV, language?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/catalog/import',
    headers: { ...(token === undefined ? {} : bearer(token)), 'content-type': type, ...(language === undefined ? {} : { 'accept-language': language }) },
    payload: body,
  });
}
