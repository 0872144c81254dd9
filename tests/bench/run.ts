/*
 * `npm run bench`: the speed figures the issues ask for, one JSON line each ({"name","value","unit"}),
 * measured on this machine. Pass names to run only some: `npm run bench -- server_ingest fanout`.
 * Figures are medians of several runs; compare ratios against the baselines measured in the same run.
 */
import { benchServerIngest } from './server-ingest.bench.ts';
import { benchFanout } from './fanout.bench.ts';
import { benchDeviceSync } from './device-sync.bench.ts';
import { benchCounter } from './counter.bench.ts';
import { benchPinGuessing } from './pin-guessing.bench.ts';
import { benchCatalogImport } from './catalog-import.bench.ts';
import { benchPackingSlip } from './packing-slip.bench.ts';
import { benchZReport } from './z-report.bench.ts';
import { benchWebhookAck } from './webhook-ack.bench.ts';
import { benchFlashSale } from './flash-sale.bench.ts';
import { benchPickupLookup } from './pickup-lookup.bench.ts';
import { benchDashboard } from './dashboard.bench.ts';
import { benchReturnLookup } from './return-lookup.bench.ts';

const benches: Record<string, () => Promise<void>> = {
  server_ingest: benchServerIngest,
  fanout: benchFanout,
  device_sync: benchDeviceSync,
  counter: benchCounter,
  pin_guessing: benchPinGuessing,
  catalog_import: benchCatalogImport,
  packing_slip: benchPackingSlip,
  z_report: benchZReport,
  webhook_ack: benchWebhookAck,
  flash_sale: benchFlashSale,
  pickup_lookup: benchPickupLookup,
  dashboard_chain: benchDashboard,
  price_change: () => import('./price-change.bench.ts').then((bench) => bench.benchPriceChange()),
  return_lookup: benchReturnLookup,
  backoffice_product_search: () => import('./product-search.bench.ts').then((bench) => bench.benchProductSearch()),
  reopen_offline: () => import('./reopen-offline.bench.ts').then((bench) => bench.benchReopenOffline()),
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  try {
    await run();
  } catch (error) {
    console.error(`[bench] ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  }
}
