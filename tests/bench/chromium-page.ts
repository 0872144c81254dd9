/*
 * Running the app's own modules in real headless Chromium for a bench: `bundleForPage` bundles some src/
 * modules with the app's bundler (Vite, a production build: no dev-mode checks) into one script that sets
 * `window[globalName]` to an object of those modules' exports; `openBenchPage` opens a localhost page (a
 * secure context, as the app's origin is) with that script loaded. With `userDataDir` the browser keeps a
 * profile on disk, so IndexedDB is stored as on a tablet (and survives a relaunch, for a cold read) instead
 * of in the memory of an off-the-record context.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.test-helper.ts';

/** `modules`: export name -> path from the repository's root (e.g. `src/data/database.ts`). */
export async function bundleForPage(modules: Readonly<Record<string, string>>, globalName: string): Promise<string> {
  const source = Object.entries(modules)
    .map(([name, path]) => `export * as ${name} from ${JSON.stringify(fileURLToPath(new URL(`../../${path}`, import.meta.url)))};`)
    .join('\n');
  // The entry is a file of its own (the bundler resolves a library's entry as a path), outside the checkout.
  const folder = await mkdtemp(join(tmpdir(), 'bench-page-'));
  const entry = join(folder, 'entry.ts');
  await writeFile(entry, source);
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    // Library mode leaves process.env alone; the app's build replaces it, so do the same for its dependencies.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: globalName } },
  }).finally(() => rm(folder, { recursive: true, force: true }));
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((each) => ('output' in each ? each.output : [])).find((each) => each.type === 'chunk');
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error(`bundling ${Object.values(modules).join(', ')} gave no script`);
  return chunk.code;
}

export interface BenchPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Reloads the page (a fresh JavaScript heap, the same origin and storage) and loads the script again. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function openBenchPage(options: { url: string; script: string; userDataDir: string }): Promise<BenchPage> {
  const context = await chromium.launchPersistentContext(options.userDataDir, { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    // tsx names inner functions through a `__name` helper that functions passed to page.evaluate bring along.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    await context.route(options.url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    const page = context.pages()[0] ?? (await context.newPage());
    const load = async () => {
      await page.goto(options.url);
      await page.addScriptTag({ content: options.script });
    };
    await load();
    return {
      context,
      page,
      reload: load,
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}
