import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS } from './tests/support/chromium.test-helper.ts';

// Three kinds of tests, run by `npm test` in this order:
// unit (domain, data and UI, jsdom), server (real SQLite and PostgreSQL), e2e (real Chromium and a real server).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.browser.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['./src/test-setup.ts'],
        },
      },
      {
        // Code that needs what jsdom fakes or lacks (IndexedDB for the device database) runs in real Chromium.
        plugins: [react()],
        // Vitest scans only the test files for dependencies to pre-bundle. A dependency first reached later (the
        // app's entry points, react-dom/client and workbox-window, opened by the shell's tests) made Vite
        // re-bundle and reload mid-run on a cold cache, and the test whose import was in flight failed with
        // "Failed to fetch dynamically imported module". The app's two entry points are scanned too, with every
        // screen and library they import, lazily or not; these add to Vitest's own entries (the test files).
        optimizeDeps: { entries: ['src/main.tsx', 'src/display-main.tsx'] },
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            // Failure screenshots would land inside src/; the assertion message is what we read.
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                // The system Chromium: tests never download browsers.
                executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts', 'sync-server/**/*.test.ts', 'tests/tooling/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // The PostgreSQL suites share one server; files run one at a time to keep the 2-core machine calm.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
