#!/usr/bin/env node
// The app shell's initial JavaScript: the entry chunk and everything it imports statically, gzip-compressed,
// read from Vite's build manifest. Lazy screens do not count: they load after the shell is on screen.
// Budget from the foundation issue: under 250 KB gzip. Prints the figure as a JSON line too.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_BYTES = 250 * 1024;
const dist = process.argv[2] ?? 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

// The till's page (index.html); the customer display (display.html) is another window with its own budget-free entry.
const entries = Object.entries(manifest).filter(([key, chunk]) => chunk.isEntry && key === 'index.html');
if (entries.length === 0) {
  console.error('No entry chunk in dist/.vite/manifest.json: build with build.manifest = true.');
  process.exit(1);
}

const seen = new Set();
function visit(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) visit(imported);
}
for (const [key] of entries) visit(key);

let rawBytes = 0;
let gzipBytes = 0;
const files = [];
for (const key of seen) {
  const file = manifest[key].file;
  if (!file.endsWith('.js')) continue;
  const content = readFileSync(join(dist, file));
  const gz = gzipSync(content, { level: 9 }).length;
  rawBytes += content.length;
  gzipBytes += gz;
  files.push(`${file} ${(gz / 1024).toFixed(1)} KB gz`);
}

console.log(files.join('\n'));
console.log(JSON.stringify({ name: 'initial_js_gzip_kb', value: Number((gzipBytes / 1024).toFixed(1)), unit: 'KB' }));
console.log(`initial JS: ${(rawBytes / 1024).toFixed(1)} KB raw, ${(gzipBytes / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB)`);
if (gzipBytes > BUDGET_BYTES) {
  console.error('The app shell is over its initial JavaScript budget: lazy-load what the first screen does not need.');
  process.exit(1);
}
