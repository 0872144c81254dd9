#!/usr/bin/env node
// `npm test`: every check the project has, in the order a failure is cheapest to find.
// 1 Chromium present (installed when possible)  2 type check  3 lint  4 production build
// 5 all Vitest projects (unit, browser, server on SQLite + PostgreSQL, e2e in real Chromium)
// 6 the app shell's initial JavaScript budget.
// Ends with one plain "N passed, N failed" line summing every Vitest test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const resultsFile = 'tests/.artifacts/vitest-results.json';

function step(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  console.log(`=== ${title}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return status === 0;
}

function summarise() {
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    console.log(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  } catch {
    console.log('\n0 passed, 1 failed');
  }
}

mkdirSync('tests/.artifacts', { recursive: true });

const gates = [
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
];
for (const [title, command, args] of gates) {
  if (!step(title, command, args)) {
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}

const testsPassed = step('tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`]);
const budgetKept = step('bundle budget', 'node', ['scripts/check-bundle-size.mjs']);
summarise();
process.exit(testsPassed && budgetKept ? 0 : 1);
