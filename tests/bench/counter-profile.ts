/*
 * Where a scan's time goes: the counter bench's scan loop under Chrome's own tooling (CDP), for an engineer
 * chasing scan_to_line_p95_ms. Not part of `npm run bench`; run it by hand after `npx vite build`:
 *   node --import tsx tests/bench/counter-profile.ts [products=100000] [outDir=/tmp/counter-profile]
 * It prints each phase's p50/p95 (scans while the catalog sync may still be busy, then once it is idle),
 * the functions with the most self time over the idle scans (Profiler), and for the slowest scans what the
 * main thread did between the Enter and the line in the DOM (Tracing: scripting, GC, style, layout,
 * paint, IndexedDB callbacks). The raw .cpuprofile and trace JSON are written to outDir for DevTools.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { startPosServer } from '../e2e/support/pos-server.test-helper.ts';
import { launchChromium, openWatchedPage } from '../e2e/support/browser.test-helper.ts';
import { readDeviceIdentity, waitForNameIndexBuilt } from '../e2e/support/device-storage.test-helper.ts';
import { shellScreen } from '../e2e/screens/shell-screen.test-helper.ts';
import { enrolmentScreen } from '../e2e/screens/enrolment-screen.test-helper.ts';
import { syncStatus } from '../e2e/screens/sync-status.test-helper.ts';
import { counterScreen } from '../e2e/screens/counter-screen.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { percentile } from './report.ts';
import { timedScan } from './counter.bench.ts';

const CODE = 'PROFILE-COUNTER-01';
const products = Number(process.argv[2] ?? 100_000);
const outDir = process.argv[3] ?? '/tmp/counter-profile';

interface ProductDoc { id: string; barcodes: string[]; weighed: boolean }
interface ConfigDoc { staff: Array<{ id: string; name: string; role: 'cashier' | 'supervisor' | 'manager' }> }
interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: Record<string, unknown> }
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }

function summary(label: string, times: number[]): void {
  if (times.length === 0) return console.log(`${label}: n=0`);
  console.log(`${label}: n=${times.length} p50=${percentile(times, 50).toFixed(2)} p95=${percentile(times, 95).toFixed(2)} max=${Math.max(...times).toFixed(2)} ms`);
}

async function scans(page: Page, codes: string[], from: number, count: number, withSyncState = false): Promise<Array<{ ms: number; sync: string }>> {
  const results: Array<{ ms: number; sync: string }> = [];
  for (let index = from; index < from + count; index++) {
    const sync = withSyncState ? ((await syncStatus.state(page)) ?? '') : '';
    results.push({ ms: await timedScan(page, codes[(index * 37) % codes.length]!, `scan-${index}`), sync });
    if (index % 20 === 19) {
      await page.getByTestId('cart-void').click();
      await counterScreen.waitForLineCount(page, 0);
    }
  }
  return results;
}

async function collectTrace(session: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.end');
  await done;
  return events;
}

/** Main-thread time per top-level kind of work inside [start, end] (µs), the longest first. */
function breakdown(events: TraceEvent[], mainTid: number, start: number, end: number): string {
  const kinds = new Map<string, number>();
  for (const event of events) {
    if (event.tid !== mainTid || event.ph !== 'X' || event.dur === undefined) continue;
    if (event.ts + event.dur < start || event.ts > end) continue;
    if (!/^(FunctionCall|EventDispatch|TimerFire|RunMicrotasks|V8\.GC.*|MajorGC|MinorGC|BlinkGC.*|UpdateLayoutTree|Layout|Paint|PrePaint|Layerize|Commit|ParseHTML|HitTest|v8\.callFunction|RunTask|ThreadControllerImpl::RunTask|FireAnimationFrame|ScheduleStyleRecalculation|IntersectionObserverController::computeIntersections)$/.test(event.name)) continue;
    const overlap = Math.min(end, event.ts + event.dur) - Math.max(start, event.ts);
    kinds.set(event.name, (kinds.get(event.name) ?? 0) + overlap);
  }
  return [...kinds.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`)
    .join(', ');
}

function topSelfTime(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): string[] {
  const byNode = new Map<number, ProfileNode>(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byNode.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([key, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE, POS_DEMO_PRODUCTS: String(products) } });
  const browser = await launchChromium();
  try {
    const { context, page } = await openWatchedPage(browser);
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    await shellScreen.open(page, server.url);
    await enrolmentScreen.openFromCounter(page);
    await enrolmentScreen.enrol(page, { code: CODE, deviceName: 'profile' });
    await syncStatus.waitForCatalogReady(page, 180_000);
    const client = new DeviceClient(server.url, await readDeviceIdentity(page));
    await shellScreen.goToCounter(page);
    await counterScreen.waitUntilReady(page);
    const [config] = (await client.pull<ConfigDoc>('config', null)).documents;
    const cashier = config?.staff.find((member) => member.role === 'cashier');
    if (!cashier) throw new Error('no cashier in the demo store');
    await counterScreen.signIn(page, cashier);
    const codes = (await client.pull<ProductDoc>('products', null, 5_000)).documents.filter((p) => !p.weighed && p.barcodes.length > 0).map((p) => p.barcodes[0]!);

    const early = await scans(page, codes, 0, 100, true);
    summary('right after the catalog is ready (sync may be busy)', early.map((s) => s.ms));
    summary('  of which while sync was busy', early.filter((s) => s.sync !== 'idle').map((s) => s.ms));
    summary('  of which while sync was idle (the name index may still be building)', early.filter((s) => s.sync === 'idle').map((s) => s.ms));
    await syncStatus.waitForState(page, 'idle', 180_000);
    await waitForNameIndexBuilt(page, 180_000);
    await page.getByTestId('cart-void').click().catch(() => undefined);

    const session = await page.context().newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    const idle = await scans(page, codes, 100, 200);
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    summary('sync idle, profiler on', idle.map((s) => s.ms));
    writeFileSync(join(outDir, 'scans.cpuprofile'), JSON.stringify(profile));
    console.log('Self time over the idle scans (incl. the bench driver in the page):');
    for (const line of topSelfTime(profile)) console.log(line);

    await session.send('Tracing.start', {
      traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'v8.gc', 'blink.user_timing', 'disabled-by-default-devtools.timeline', 'IndexedDB'], recordMode: 'recordContinuously' },
    });
    const traced = await scans(page, codes, 300, 100);
    const events = await collectTrace(session);
    writeFileSync(join(outDir, 'scans.trace.json'), JSON.stringify({ traceEvents: events }));
    summary('sync idle, tracing on', traced.map((s) => s.ms));
    const marks = new Map<string, { start?: number; end?: number; tid?: number }>();
    for (const event of events) {
      const match = /^scan-(\d+)-(enter|line)$/.exec(event.name);
      if (!match || event.ph === 'X') continue;
      const entry = marks.get(match[1]!) ?? {};
      if (match[2] === 'enter') {
        entry.start = event.ts;
        entry.tid = event.tid;
      } else entry.end = event.ts;
      marks.set(match[1]!, entry);
    }
    const windows = [...marks.entries()].filter(([, w]) => w.start !== undefined && w.end !== undefined).sort((a, b) => b[1].end! - b[1].start! - (a[1].end! - a[1].start!));
    console.log('Slowest traced scans, main thread inside Enter -> line (ms):');
    for (const [index, window] of windows.slice(0, 10)) {
      console.log(`  scan ${index}: ${((window.end! - window.start!) / 1000).toFixed(1)} ms: ${breakdown(events, window.tid!, window.start!, window.end!)}`);
    }
    console.log('Median traced scan:');
    const middle = windows[Math.floor(windows.length / 2)];
    if (middle) console.log(`  scan ${middle[0]}: ${((middle[1].end! - middle[1].start!) / 1000).toFixed(1)} ms: ${breakdown(events, middle[1].tid!, middle[1].start!, middle[1].end!)}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
