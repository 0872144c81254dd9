/*
 * How long the tablet takes to compute its Z report (issue 17: z_report_device_2k_ms, <= 300 ms) over a day of
 * about 2,000 realistic sales on four tills (built by the counter's buildSaleDocument, some cancelled;
 * tests/support/day-factory.test-helper.ts) with their shifts, measured two ways:
 * - In Node: the domain function (src/domain/day-report.ts) alone, each run over a fresh copy of the documents
 *   parsed from JSON (the same V8 as the tablet's Chromium, without IndexedDB: reading is not in the figure).
 *   The baseline in the same run: summing the documents' totals alone, the least any report could do.
 * - In headless Chromium, as the tablet sees it: the same documents written into the real device database
 *   (createPosDatabase, src/data/database.ts: RxDB on IndexedDB with the free Dexie storage, its production
 *   build, bundled by Vite; a browser profile on disk, so IndexedDB is stored as on a tablet), then timed: the
 *   day-end screen's own read and report, tabletDayReport (src/features/dayend/day-report-data.ts: the shift
 *   events and the sales by their createdAt window, the orders, toJSON, then dayReport). Opening the database
 *   is not in the figure (the app opens it at start-up) but is in detail. The first run is cold: the browser
 *   is relaunched after the writes, so IndexedDB is read back from its files (the OS's file cache may still
 *   hold them); every later run reloads the page first, so RxDB's query and document caches start empty.
 *   detail.compute_ms is dayReport alone in the page over the documents each run read;
 *   detail.raw_indexeddb_getall_sales_ms the floor under the read: the sales' IndexedDB database opened and
 *   all its records fetched with getAll, no RxDB (after the timed read, so with IndexedDB warm).
 *   z_report_device_2k_ms              Node: median of the runs (the first, cold one in detail)
 *   z_report_sum_totals_baseline_ms    Node: median of the same runs' plain sum of totals
 *   z_report_device_2k_chromium_ms     Chromium: median of the read + report runs (the cold first one in detail)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dayReport } from '../../src/domain/day-report.ts';
import type * as DayReports from '../../src/domain/day-report.ts';
import type { DayReportInput } from '../../src/domain/day-report.ts';
import type { SaleDocument, ShiftEventDocument } from '../../src/domain/documents.ts';
import type { GeneratedDay } from '../support/day-factory.test-helper.ts';
import { makeDay } from '../support/day-factory.test-helper.ts';
import { bundleForPage, openBenchPage } from './chromium-page.ts';
import { median, report } from './report.ts';

/*
 * The page's view of src/data/database.ts and src/features/dayend/day-report-data.ts, as far as the bench uses
 * them: their types cannot be imported here, since the Node tsconfig does not know Vite's import.meta.env.
 */
interface PageCollection<Document> {
  bulkInsert(documents: Document[]): Promise<{ error: unknown[] }>;
  find(): { exec(): Promise<Array<{ toJSON(): unknown }>> };
}
interface PageDatabase {
  readonly sales: PageCollection<SaleDocument>;
  readonly shifts: PageCollection<ShiftEventDocument>;
  close(): Promise<unknown>;
}
interface PageModules {
  readonly database: { createPosDatabase(options: { name: string }): Promise<PageDatabase>; readonly defaultDatabaseName: string };
  readonly dayReportData: {
    tabletDayReport(database: PageDatabase, setup: { storeId: string; day: DayReports.DayReportSettings }, request: { date: string }): Promise<DayReports.DayReport>;
  };
  readonly dayReports: typeof DayReports;
}

declare global {
  interface Window {
    /** The bundled modules, set by their script on the bench's page. */
    zReportPage?: PageModules;
  }
}

const RUNS = 9;
const CHROMIUM_RUNS = 7;
const SETTINGS = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 };
const DATE = '2025-11-24';
const STORE = 'store-q1';
const PAGE_URL = 'http://localhost/z-report-bench';

interface PageRun {
  readonly openMs: number;
  readonly readAndReportMs: number;
  readonly computeMs: number;
  readonly rawReadMs: number;
  readonly rawRecords: number;
  readonly rawName: string;
  readonly sales: number;
  readonly shiftEvents: number;
  readonly net: number;
  readonly salesCount: number;
}

/** Opens the device database as the app does, reads and reports the day as the day-end screen does, closes it. */
function runInPage(page: import('playwright-core').Page): Promise<PageRun> {
  return page.evaluate(
    async ({ date, storeId, settings }) => {
      const modules = window.zReportPage;
      if (modules === undefined) throw new Error('the z-report script did not load');
      let started = performance.now();
      const database = await modules.database.createPosDatabase({ name: modules.database.defaultDatabaseName });
      const openMs = performance.now() - started;
      try {
        started = performance.now();
        const figures = await modules.dayReportData.tabletDayReport(database, { storeId, day: settings }, { date });
        const readAndReportMs = performance.now() - started;
        // dayReport alone over what the read returned (read again after the timing, so the timing is untouched).
        const sales = (await database.sales.find().exec()).map((document) => document.toJSON() as SaleDocument);
        const shiftEvents = (await database.shifts.find().exec()).map((document) => document.toJSON() as ShiftEventDocument);
        started = performance.now();
        modules.dayReports.dayReport({ date, storeId, settings, sales, shiftEvents, orders: [] });
        const computeMs = performance.now() - started;
        await database.close();
        // The floor under the read: the sales collection's IndexedDB database (RxDB's Dexie storage keeps one
        // per collection) opened and every record of its stores fetched with one getAll, no RxDB, no Dexie.
        const name = (await indexedDB.databases()).map((each) => each.name ?? '').find((each) => each.endsWith('--sales'));
        if (name === undefined) throw new Error(`no IndexedDB database of the sales: ${JSON.stringify(await indexedDB.databases())}`);
        started = performance.now();
        const raw = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error(`could not open ${name}`));
        });
        let rawRecords = 0;
        for (const store of Array.from(raw.objectStoreNames)) {
          rawRecords += await new Promise<number>((resolve, reject) => {
            const request = raw.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result.length);
            request.onerror = () => reject(request.error ?? new Error(`could not read ${store}`));
          });
        }
        const rawReadMs = performance.now() - started;
        raw.close();
        return { openMs, readAndReportMs, computeMs, rawReadMs, rawRecords, rawName: name, sales: sales.length, shiftEvents: shiftEvents.length, net: figures.net, salesCount: figures.salesCount };
      } catch (error) {
        await database.close();
        throw error;
      }
    },
    { date: DATE, storeId: STORE, settings: { ...SETTINGS, currency: 'VND' } },
  );
}

async function runsInChromium(day: GeneratedDay): Promise<{ runs: PageRun[]; writeMs: number }> {
  const script = await bundleForPage({ database: 'src/data/database.ts', dayReportData: 'src/features/dayend/day-report-data.ts', dayReports: 'src/domain/day-report.ts' }, 'zReportPage');
  const userDataDir = await mkdtemp(join(tmpdir(), 'z-report-bench-'));
  try {
    let browser = await openBenchPage({ url: PAGE_URL, script, userDataDir });
    let writeMs: number;
    try {
      writeMs = await browser.page.evaluate(async ({ sales, shiftEvents }) => {
        const modules = window.zReportPage;
        if (modules === undefined) throw new Error('the z-report script did not load');
        const database = await modules.database.createPosDatabase({ name: modules.database.defaultDatabaseName });
        try {
          const started = performance.now();
          const refused = [...(await database.sales.bulkInsert(sales)).error, ...(await database.shifts.bulkInsert(shiftEvents)).error];
          if (refused.length > 0) throw new Error(`the device database refused ${refused.length} documents: ${JSON.stringify(refused[0]).slice(0, 500)}`);
          return performance.now() - started;
        } finally {
          await database.close();
        }
      }, day);
    } finally {
      await browser.close();
    }
    const runs: PageRun[] = [];
    browser = await openBenchPage({ url: PAGE_URL, script, userDataDir });
    try {
      for (let run = 0; run < CHROMIUM_RUNS; run++) {
        if (run > 0) await browser.reload();
        runs.push(await runInPage(browser.page));
      }
    } finally {
      await browser.close();
    }
    return { runs, writeMs };
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
}

export async function benchZReport(): Promise<void> {
  const tills = ['device-t01', 'device-t02', 'device-t03', 'device-t04'].map((deviceId) => ({ deviceId }));
  const day = makeDay({ storeId: STORE, date: DATE, settings: SETTINGS, tills, salesPerTill: 500, cashierId: 'staff-lan', managerId: 'staff-nam' });
  const text = JSON.stringify(day);
  const reportTimes: number[] = [];
  const sumTimes: number[] = [];
  let figures: ReturnType<typeof dayReport> | undefined;
  for (let run = 0; run < RUNS; run++) {
    const copy = JSON.parse(text) as { sales: SaleDocument[]; shiftEvents: ShiftEventDocument[] };
    const input: DayReportInput = { date: DATE, storeId: STORE, settings: { ...SETTINGS, currency: 'VND' }, sales: copy.sales, shiftEvents: copy.shiftEvents, orders: [] };
    let started = performance.now();
    figures = dayReport(input);
    reportTimes.push(performance.now() - started);
    const again = JSON.parse(text) as { sales: SaleDocument[] };
    started = performance.now();
    let total = 0;
    for (const sale of again.sales) total += sale.totals.total;
    sumTimes.push(performance.now() - started);
    // The same day both ways: the report's net is the sum of the totals of the documents inside its window.
    const [from, to] = [Date.parse(figures.from), Date.parse(figures.to)];
    const outside = again.sales.filter((sale) => !(Date.parse(sale.createdAt) >= from && Date.parse(sale.createdAt) < to)).reduce((sum, sale) => sum + sale.totals.total, 0);
    if (total - outside !== figures.net) throw new Error(`the report's net ${figures.net} is not the day's sum of totals ${total - outside}`);
  }
  const detail = {
    runtime: `Node ${process.version} (V8), no IndexedDB`,
    documents: day.sales.length,
    sales: figures?.salesCount,
    cancellations: figures?.cancellationsCount,
    shifts: figures?.cash.shifts.length,
    runs: reportTimes.map((ms) => Number(ms.toFixed(1))),
    firstRunMs: Number((reportTimes[0] ?? 0).toFixed(1)),
    limitMs: 300,
  };
  report('z_report_device_2k_ms', median(reportTimes), 'ms', detail);
  report('z_report_sum_totals_baseline_ms', median(sumTimes), 'ms', { runs: sumTimes.map((ms) => Number(ms.toFixed(2))), ratio: Number((median(reportTimes) / Math.max(median(sumTimes), 0.001)).toFixed(0)) });

  const chromium = await runsInChromium(day);
  const bad = chromium.runs.find((run) => run.net !== figures?.net || run.salesCount !== figures.salesCount);
  if (bad !== undefined) throw new Error(`Chromium's report (net ${bad.net}, ${bad.salesCount} sales) is not Node's (net ${figures?.net}, ${figures?.salesCount} sales)`);
  const times = chromium.runs.map((run) => run.readAndReportMs);
  const rounded = (values: readonly number[]) => values.map((ms) => Number(ms.toFixed(1)));
  report('z_report_device_2k_chromium_ms', median(times), 'ms', {
    runtime: 'headless Chromium, RxDB (Dexie storage) on IndexedDB in a profile on disk; tabletDayReport (day-end read + dayReport)',
    documents: { sales: chromium.runs[0]?.sales, shiftEvents: chromium.runs[0]?.shiftEvents },
    runs: rounded(times),
    firstRunColdMs: Number((times[0] ?? 0).toFixed(1)),
    compute_ms: rounded(chromium.runs.map((run) => run.computeMs)),
    raw_indexeddb_getall_sales_ms: rounded(chromium.runs.map((run) => run.rawReadMs)),
    raw_indexeddb: { database: chromium.runs[0]?.rawName, records: chromium.runs[0]?.rawRecords },
    open_database_ms: rounded(chromium.runs.map((run) => run.openMs)),
    write_day_ms: Number(chromium.writeMs.toFixed(0)),
    node_report_median_ms: Number(median(reportTimes).toFixed(1)),
    limitMs: 300,
  });
}
