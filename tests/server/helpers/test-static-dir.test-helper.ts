/*
 * A stand-in for the vite build output (dist/): the entry files the PWA has, a hashed asset and an icon,
 * so static serving and caching can be tested without building the app.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SHELL_HTML = '<!doctype html><html lang="vi"><head><title>Store POS</title></head><body><div id="root"></div></body></html>';

export interface TestStaticDir {
  root: string;
  dispose(): void;
}

export function createStaticDir(options: { built: boolean }): TestStaticDir {
  const root = mkdtempSync(path.join(tmpdir(), 'pos-dist-'));
  if (options.built) {
    const files: Record<string, string> = {
      'index.html': SHELL_HTML,
      'sw.js': 'self.addEventListener("install", () => self.skipWaiting());',
      'registerSW.js': 'navigator.serviceWorker.register("/sw.js");',
      'manifest.webmanifest': '{"name":"Store POS","display":"standalone"}',
      'assets/index-B1a2c3D4.js': 'console.log("pos");',
      'assets/index-D7YqFifp.css': 'body{margin:0}',
      'icons/icon-192.png': 'png',
      '.env': 'SECRET=1',
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), content);
    }
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
