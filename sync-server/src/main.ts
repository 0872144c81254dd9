/*
 * `npm run server`: reads the environment, opens and migrates the database, seeds the demo store on an
 * empty database (unless POS_DEMO=off), serves the API and the PWA, and prints what a person needs to try
 * it: the URL, the database, the demo store's enrollment code, staff PINs and pickup codes. With
 * POS_DEMO=off and no store yet, it prints how the admin command creates the chain's first store and manager.
 * The first line with the URL is always "POS server listening on http://localhost:<port>": the E2E
 * harness waits for it (with PORT=0 it carries the real port).
 * SIGINT/SIGTERM close the server (in-flight requests finish) and then the database.
 */
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { buildApp } from './app.ts';
import { ConfigError, describeDatabase, readServerConfig } from './config.ts';
import type { ServerConfig } from './config.ts';
import { ensureDemoStore } from './seed/demo-store.ts';
import type { DemoSummary } from './seed/demo-store.ts';
import { latestSchemaVersion, migrateToLatest } from './store/migrations.ts';
import { StoreUnavailableError, openStore } from './store/open-store.ts';
import { listStoreRecords } from './store/stores-repository.ts';
import type { StoreRecord } from './store/stores-repository.ts';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = readServerConfig();
  const store = await openStore(config, {
    onBackgroundError: (error) => console.error(`Database connection error: ${error.message}`),
  });
  try {
    const applied = await migrateToLatest(store);
    if (applied.length > 0) console.log(`Database migrated: ${applied.join(', ')}`);
    let demo: DemoSummary | undefined;
    if (config.demo) {
      const seedStart = performance.now();
      const { summary, seeded } = await ensureDemoStore(store, {
        products: config.demoProducts,
        enrollmentCode: config.enrollmentCode,
        pins: config.demoPins,
      });
      if (seeded) {
        console.log(`Demo store seeded with ${summary.products} products in ${Math.round(performance.now() - seedStart)} ms`);
      }
      demo = summary;
    }
    const stores = await listStoreRecords(store.db);
    const app = await buildApp(config, { store });
    await app.listen({ port: config.port, host: config.host, listenTextResolver: () => 'HTTP server accepting connections' });
    const { port } = app.server.address() as AddressInfo;
    printBanner(config, port, demo, stores);
    stopOnSignals(async () => {
      await app.close();
      await store.close();
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}

function printBanner(config: ServerConfig, port: number, demo: DemoSummary | undefined, stores: readonly StoreRecord[]): void {
  const scheme = config.tls ? 'https' : 'http';
  const anyHost = ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(config.host);
  const lines = [`POS server listening on ${scheme}://${anyHost ? 'localhost' : config.host}:${port}`];
  if (config.host === '0.0.0.0' || config.host === '::') {
    for (const address of lanAddresses()) lines.push(`  on the store network: ${scheme}://${address}:${port}`);
    if (!config.tls) {
      lines.push('  (tablets need HTTPS on the store network for offline use and the camera: set TLS_CERT and TLS_KEY)');
    }
  }
  lines.push(
    `  database: ${describeDatabase(config.database)}, schema version ${latestSchemaVersion}`,
    `  app files: ${config.staticDir}`,
    '',
  );
  if (demo === undefined) {
    lines.push(...chainLines(stores));
    console.log(lines.join('\n'));
    return;
  }
  lines.push(
    `Demo store: ${demo.storeName} (${demo.products} products)`,
    `  enrollment code: ${demo.enrollmentCode}`,
    '  staff PINs:',
    ...demo.staff.map((s) => `    ${s.role.padEnd(10)} ${s.name.padEnd(16)} PIN ${s.pin}`),
    '  online orders ready for pickup:',
    ...demo.pickupCodes.slice(0, 3).map((o) => `    ${o.orderNumber}  ${o.customerName.padEnd(20)} pickup code ${o.code}`),
  );
  console.log(lines.join('\n'));
}

/** POS_DEMO=off: the chain's stores, or on an empty database how to create the first store and its manager. */
function chainLines(stores: readonly StoreRecord[]): string[] {
  if (stores.length > 0) {
    return [
      `Stores: ${stores.map((s) => s.name).join(', ')} (demo off)`,
      '  list them: npm run admin -- list-stores; a store\'s enrollment code: npm run admin -- enrollment-code --store <id>',
    ];
  }
  return [
    'No store yet (demo off). Create the chain\'s first store and its manager with the admin command, against the same',
    'database (the same POS_DATA_DIR or DATABASE_URL), while this server runs or before:',
    '  npm run admin -- create-store --name "Cửa hàng Quận 1" --address "..." --tax-code 0312345678 --time-zone Asia/Ho_Chi_Minh --currency VND',
    '  npm run admin -- add-manager --store <store id printed by create-store> --name "<manager\'s name>"   (asks for a PIN of 6 to 8 digits)',
    'create-store prints the code each tablet of the store enrolls with. npm run admin -- help lists every verb.',
  ];
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

function stopOnSignals(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal} received: closing the server and the database`);
    setTimeout(() => {
      console.error(`Shutdown took longer than ${SHUTDOWN_GRACE_MS} ms: exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreUnavailableError) {
    console.error(`Cannot start the POS server: ${error.message}`);
  } else {
    console.error('Cannot start the POS server:', error);
  }
  process.exit(1);
});
