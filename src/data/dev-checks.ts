/*
 * RxDB's dev-mode checks (schema and query sanity) and ajv validation of every write against the
 * collection schema. Loaded only in development and tests, through a dynamic import behind an env check
 * in database.ts, so none of it reaches the production bundle: validation costs time on every write and
 * the server validates pushed documents anyway.
 */
import { addRxPlugin, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

export function withDevChecks<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  // The warning only says "dev-mode is on", which this file already says.
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  return wrappedValidateAjvStorage({ storage });
}
