/*
 * Serves the built PWA (vite build output) from the same origin as the API.
 * Caching is what keeps updates reliable: the entry points (index.html, the service worker, its
 * registration script, the manifest) are `no-cache` so the browser revalidates them every time and notices
 * a new version at once; hashed files under /assets never change under their name, so they are cached for
 * a year as immutable; anything else (icons) gets a short cache.
 * A GET for an unknown path that accepts HTML is a client-side route (/sale, /pickup/123): it gets
 * index.html. Paths under /api never fall back. Without a build, the app answers a 503 that says to run
 * `npm run build` instead of a bare 404.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export const NO_CACHE = 'no-cache';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT_CACHE = 'public, max-age=3600';

const ENTRY_FILES = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

/** Cache-Control for a file of the build, by its path relative to the build directory ("/" separated). */
export function cacheControlFor(relativePath: string): string {
  if (ENTRY_FILES.has(relativePath) || relativePath.endsWith('.html')) return NO_CACHE;
  if (relativePath.startsWith('assets/')) return IMMUTABLE;
  return SHORT_CACHE;
}

const NOT_BUILT_MESSAGE =
  'The web app has not been built yet: run `npm run build` (or `npm start`, which builds and starts the server), then reload.';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>POS: app not built</title></head>
<body><h1>The POS app has not been built yet</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds and starts the server), then reload this page.</p>
<p>Ứng dụng chưa được build: chạy <code>npm run build</code> rồi tải lại trang.</p></body></html>`;

export default fp<{ root: string }>(
  async function staticApp(app, options) {
    const root = path.resolve(options.root);
    await app.register(fastifyStatic, {
      root,
      serve: false,
      cacheControl: false,
      dotfiles: 'deny',
      suppressWarning: true,
      setHeaders(reply, filePath) {
        const relative = path.relative(root, filePath).split(path.sep).join('/');
        reply.header('cache-control', cacheControlFor(relative));
      },
    });

    async function isFile(relative: string): Promise<boolean> {
      const absolute = path.resolve(root, relative);
      if (absolute !== root && !absolute.startsWith(root + path.sep)) return false;
      if (relative.split('/').some((segment) => segment.startsWith('.'))) return false;
      try {
        return (await stat(absolute)).isFile();
      } catch (error) {
        // A missing file is the common case (a client-side route); anything else deserves a look.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') app.log.warn({ err: error, file: absolute }, 'static file not readable');
        return false;
      }
    }

    async function serveShell(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
      if (await isFile('index.html')) return reply.sendFile('index.html');
      reply.code(503).header('cache-control', 'no-store');
      if (acceptsHtml(request)) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
      return reply.send({ error: 'app_not_built', message: NOT_BUILT_MESSAGE });
    }

    app.get('/*', async (request, reply) => {
      const relative = (request.params as { '*'?: string })['*'] ?? '';
      if (relative === 'api' || relative.startsWith('api/')) return reply.callNotFound();
      if (relative === '' || relative === 'index.html') return serveShell(request, reply);
      if (await isFile(relative)) return reply.sendFile(relative);
      if (acceptsHtml(request)) return serveShell(request, reply);
      return reply.callNotFound();
    });
  },
  { name: 'static-app', fastify: '5.x' },
);

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}
