import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

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
          environment: 'jsdom',
          setupFiles: ['./src/test-setup.ts'],
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
