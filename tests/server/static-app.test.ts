import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../sync-server/src/app.ts';
import { DATABASE_KINDS, createTestDatabase } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { SHELL_HTML, createStaticDir } from './helpers/test-static-dir.test-helper.ts';
import type { TestStaticDir } from './helpers/test-static-dir.test-helper.ts';
import { createSelfSignedCertificate } from './helpers/test-tls.test-helper.ts';

const EXPECTED_CSP =
  "default-src 'self';script-src 'self' 'wasm-unsafe-eval';style-src 'self' 'unsafe-inline';img-src 'self' data: blob: https:;" +
  "connect-src 'self';worker-src 'self';manifest-src 'self';font-src 'self' data:;object-src 'none';" +
  "base-uri 'self';frame-ancestors 'none'";

function httpsGet(url: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    // The certificate is self-signed for this test only.
    const request = https.get(url, { rejectUnauthorized: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
  });
}

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe.each(DATABASE_KINDS)('the tablet loads the app from the server (%s)', (kind) => {
  let dist: TestStaticDir;
  let server: TestApp;

  beforeAll(async () => {
    dist = createStaticDir({ built: true });
    server = await startTestApp(kind, 'static', { staticDir: dist.root });
  });

  afterAll(async () => {
    await server?.close();
    dist?.dispose();
  });

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  it.each(['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest'])(
    'revalidates the entry file %s on every load, so a new version is noticed at once',
    async (url) => {
      const response = await get(url, html);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['etag']).toBeDefined();
    },
  );

  it('caches hashed assets for a year as immutable', async () => {
    for (const url of ['/assets/index-B1a2c3D4.js', '/assets/index-D7YqFifp.css']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await get('/assets/index-B1a2c3D4.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('caches other files (icons) for a short while only', async () => {
    const response = await get('/icons/icon-192.png');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers a reload on a client-side route (/sale/42) with the app shell, never cached', async () => {
    for (const url of ['/sale/42', '/pickup/DH240101?code=1', '/settings']) {
      const response = await get(url, html);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(SHELL_HTML);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('does not answer a missing script or an API path with the shell', async () => {
    const script = await get('/assets/index-gone.js');
    expect(script.statusCode).toBe(404);
    expect(script.json()).toEqual({ error: 'not_found', message: 'No route or file GET /assets/index-gone.js' });
    const api = await get('/api/v1/products', html);
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
  });

  it('never serves files outside the build or hidden files', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/.env']) {
      const response = await get(url);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.body).not.toContain('SECRET');
      expect(response.body).not.toContain('"name": "store-pos"');
    }
  });

  it('sends a Content-Security-Policy the PWA passes, without forcing HTTPS on a plain-http store server', async () => {
    for (const url of ['/', '/api/v1/health']) {
      const response = await get(url);
      expect(response.headers['content-security-policy']).toBe(EXPECTED_CSP);
      expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it("lets only the service worker's script fetch https pictures from a shop's CDN, to keep them for offline", async () => {
    const response = await get('/sw.js');
    expect(response.headers['content-security-policy']).toBe(EXPECTED_CSP.replace("connect-src 'self';", "connect-src 'self' https:;"));
  });
});

describe.each(DATABASE_KINDS)('a server started before the app was built (%s)', (kind) => {
  let dist: TestStaticDir;
  let server: TestApp;

  beforeAll(async () => {
    dist = createStaticDir({ built: false });
    server = await startTestApp(kind, 'unbuilt', { staticDir: dist.root });
  });

  afterAll(async () => {
    await server?.close();
    dist?.dispose();
  });

  it('tells the browser to run `npm run build` instead of showing a bare 404', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/', headers: html });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('npm run build');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('tells a script the same in JSON, while the API keeps working', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ error: 'app_not_built', message: expect.stringContaining('npm run build') });
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });
});

describe.each(DATABASE_KINDS)('a store server with its own certificate (%s)', (kind) => {
  let database: TestDatabase;
  let certDir: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'tls');
    certDir = mkdtempSync(path.join(tmpdir(), 'pos-cert-'));
  });

  afterAll(async () => {
    await database?.dispose();
    if (certDir) rmSync(certDir, { recursive: true, force: true });
  });

  it('serves HTTPS and tells browsers to keep using it (HSTS)', async () => {
    const { cert, key } = createSelfSignedCertificate(certDir);
    const app = await buildApp(database.config({ TLS_CERT: cert, TLS_KEY: key }));
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      const response = await httpsGet(`https://localhost:${port}/api/v1/health`);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ status: 'ok', database: kind });
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    } finally {
      await app.close();
    }
  });
});
