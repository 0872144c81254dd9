/*
 * One run of the admin command: arguments in, lines out, an exit code back (0 done, 2 wrong arguments or a
 * mistake the person can fix, 1 anything else). The database is the server's (readServerConfig over the
 * same environment), opened and migrated here, so the command also works before the server's first start.
 * admin-cli.ts wires it to the process; tests call it directly.
 */
import { ConfigError, describeDatabase, readServerConfig } from '../config.ts';
import { migrateToLatest } from '../store/migrations.ts';
import { StoreUnavailableError, openStore } from '../store/open-store.ts';
import type { Store } from '../store/open-store.ts';
import { addManager } from './add-manager.ts';
import { ADMIN_USAGE, parseAdminArgs, UsageError } from './admin-args.ts';
import type { AdminCommand } from './admin-args.ts';
import { setOnlineLocations } from './online-locations.ts';
import type { OnlineLocations } from './online-locations.ts';
import { AdminError, createStore, editStore, enrollmentCode, listStores } from './store-admin.ts';
import type { ConfigWrite } from './store-admin.ts';

export interface AdminIo {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
  /** Asks for a PIN (hidden on a terminal, or the first line of standard input). */
  readPin(prompt: string): Promise<string>;
}

export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  let command: AdminCommand;
  try {
    command = parseAdminArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  if (command.verb === 'help') {
    io.out(ADMIN_USAGE);
    return 0;
  }
  let store: Store | undefined;
  try {
    const config = readServerConfig(io.env);
    if (command.verb === 'add-manager' && command.pin === undefined) {
      command = { ...command, pin: (await io.readPin(`PIN for ${command.name} (6 to 8 digits): `)).trim() };
    }
    store = await openStore(config);
    await migrateToLatest(store);
    await execute(store, command, io, describeDatabase(config.database));
    return 0;
  } catch (error) {
    if (error instanceof AdminError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof StoreUnavailableError) {
      io.err(`The admin command cannot reach the database: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store?.close();
  }
}

async function execute(store: Store, command: Exclude<AdminCommand, { verb: 'help' }>, io: AdminIo, database: string): Promise<void> {
  switch (command.verb) {
    case 'create-store': {
      const { record } = await createStore(store, command.details);
      io.out(`Created the store "${record.name}" in ${database}`);
      io.out(`  id:              ${record.id}`);
      io.out(`  enrollment code: ${record.enrollmentCode}   (type it on each tablet of the store)`);
      io.out(`Next: npm run admin -- add-manager --store ${record.id} --name "<the manager's name>"`);
      return;
    }
    case 'edit-store': {
      const { record, write } = await editStore(store, command.store, command.details);
      io.out(`Updated the store "${record.name}" (${record.id}): ${Object.keys(command.details).join(', ')}`);
      io.out(reachesTablets(write));
      return;
    }
    case 'list-stores': {
      const stores = await listStores(store);
      if (stores.length === 0) io.out('No store yet: npm run admin -- create-store --name "<name>"');
      for (const s of stores) io.out(`${s.id}  ${s.name}  (since ${s.createdAt.slice(0, 10)})`);
      return;
    }
    case 'enrollment-code': {
      const record = await enrollmentCode(store, command.store, command.rotate);
      io.out(`${command.rotate ? 'New enrollment code' : 'Enrollment code'} of "${record.name}": ${record.enrollmentCode}`);
      if (command.rotate) io.out('The old code no longer enrolls a tablet; tablets already enrolled keep working.');
      return;
    }
    case 'add-manager': {
      const added = await addManager(store, command.store, command.name, command.pin ?? '');
      io.out(`${command.name} is a manager of "${added.storeName}" (staff id ${added.staffId}); they sign in on the store's tablets with their PIN.`);
      io.out(reachesTablets(added.write));
      return;
    }
    case 'online-locations': {
      const set = await setOnlineLocations(store, command.store, command.locations);
      io.out(`Online orders for "${set.storeName}" (${set.storeId}):`);
      for (const line of locationLines(set.locations)) io.out(line);
      if (set.write === undefined) return;
      if (set.retried > 0) io.out(`${set.retried} ${set.retried === 1 ? 'delivery' : 'deliveries'} kept unrouted will be tried again.`);
      io.out(reachesTablets(set.write));
      return;
    }
  }
}

function locationLines(locations: OnlineLocations): string[] {
  const platforms = ['shopify', 'woocommerce', 'haravan'] as const;
  return platforms.map((platform) => {
    const keys = locations[platform] ?? [];
    return `  ${`${platform}:`.padEnd(13)}${keys.length === 0 ? '(none listed)' : keys.map((key) => JSON.stringify(key)).join(', ')}`;
  });
}

function reachesTablets(write: ConfigWrite): string {
  return write.announced
    ? `Tablets of the store got the new config (seq ${write.seq}) through their live connection.`
    : `Written with seq ${write.seq}: a server running on this SQLite file finds it within a second and sends it to the store's connected tablets; the others pull it when they next sync.`;
}
