#!/usr/bin/env node
// Makes sure a real Chromium exists for the browser tests, before any test starts.
// Order: CHROME_PATH, the usual system paths, then Debian's `chromium` package when we are root with apt-get.
// Otherwise it stops and says exactly what to install: a browser test must never be silently skipped.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];

function found() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    fail(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no file is there.`);
  }
  return candidates.find((path) => existsSync(path));
}

function fail(message) {
  console.error(`\n[ensure-chromium] ${message}\n`);
  process.exit(1);
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

let path = found();
if (!path) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
    console.log("[ensure-chromium] No Chromium found; installing Debian's chromium package (apt-get)...");
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (error) {
      fail(`Installing chromium with apt-get failed (${error.message}). Install it by hand: apt-get install -y chromium`);
    }
    path = found();
  }
}
if (!path) {
  fail(
    'The browser tests need Chromium and none was found.\n' +
      '  On Debian/Ubuntu, as root:  apt-get update && apt-get install -y chromium\n' +
      '  Or install Chrome/Chromium elsewhere and set CHROME_PATH=/path/to/chrome',
  );
}
console.log(`[ensure-chromium] using ${path}`);
