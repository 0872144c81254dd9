/*
 * `npm run seed -- [--products N] [--rewrite]`: seeds the demo store into the configured database
 * (POS_DATA_DIR / DATABASE_URL, as the server), or grows an existing demo catalog to N products, e.g.
 * `npm run seed -- --products 100000` for benchmarks. Existing products are kept unless --rewrite.
 * Safe while the server runs: writes go in transactions of 5,000 products.
 */
import { parseArgs } from 'node:util';
import { ConfigError, describeDatabase, readServerConfig } from './config.ts';
import { ensureDemoStore, extendCatalog } from './seed/demo-store.ts';
import { migrateToLatest } from './store/migrations.ts';
import { StoreUnavailableError, openStore } from './store/open-store.ts';

const USAGE = `Usage: npm run seed -- [--products N] [--rewrite]
  --products N   catalog size (default POS_DEMO_PRODUCTS or 2000)
  --rewrite      regenerate existing products too (they get new sync checkpoints)`;

async function seed(): Promise<void> {
  const { values } = parseArgs({
    options: {
      products: { type: 'string' },
      rewrite: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = readServerConfig();
  const products = values.products === undefined ? config.demoProducts : Number(values.products);
  if (!Number.isInteger(products) || products < 1) throw new ConfigError(`--products must be a whole number above 0\n${USAGE}`);

  const store = await openStore(config);
  try {
    await migrateToLatest(store);
    console.log(`Database: ${describeDatabase(config.database)}`);
    const start = performance.now();
    const { summary, seeded } = await ensureDemoStore(store, {
      products,
      enrollmentCode: config.enrollmentCode,
      pins: config.demoPins,
    });
    if (seeded) {
      console.log(`Seeded the demo store "${summary.storeName}" with ${products} products in ${elapsed(start)}`);
    } else {
      const result = await extendCatalog(store, {
        products,
        rewrite: values.rewrite,
        onProgress: (written, total) => process.stdout.write(`\r  ${written}/${total} products written`),
      });
      if (result.written > 0) process.stdout.write('\n');
      console.log(`Catalog now has ${result.total} products (${result.written} written in ${elapsed(start)})`);
    }
    console.log(`Enrollment code: ${summary.enrollmentCode}`);
  } finally {
    await store.close();
  }
}

function elapsed(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

seed().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreUnavailableError || error instanceof RangeError) {
    console.error(`Seed failed: ${error.message}`);
  } else {
    console.error('Seed failed:', error);
  }
  process.exit(1);
});
