/*
 * Security headers on every answer (@fastify/helmet), with a Content-Security-Policy the PWA passes:
 * everything from our own origin, inline styles allowed (React style attributes), images also from data:
 * and blob: (camera snapshots, generated QR codes) and any https origin (a product's picture on the shop's CDN,
 * products.json `image`), no plugins, no framing. The service worker's own script (/sw.js) may also fetch from
 * https origins: it fetches those pictures to keep them for offline (vite.config.ts), and a worker's fetches
 * follow the policy its script came with; the page itself still connects only to its own origin.
 * No upgrade-insecure-requests: a store runs the server over plain http on localhost, where that
 * directive would send the browser to an https port nobody listens on. HSTS only when we serve TLS.
 */
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets the camera's barcode reader (ZXing compiled to WebAssembly) run; it allows
  // compiling WebAssembly only, not eval of JavaScript.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The policy of the service worker's script: the page's, with https pictures fetchable. */
const SERVICE_WORKER_POLICY = Object.entries({ ...CONTENT_SECURITY_POLICY, 'connect-src': ["'self'", 'https:'] })
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join(';');

export default fp<{ tls: boolean }>(
  async function securityHeaders(app, options) {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      strictTransportSecurity: options.tls ? { maxAge: 15_552_000, includeSubDomains: false } : false,
      // The app and the API come from one origin; a chain hosting the app on a CDN sets CORS on the API.
      crossOriginResourcePolicy: { policy: 'same-origin' },
    });
    app.addHook('onSend', async (request, reply) => {
      if (request.url === '/sw.js' || request.url.startsWith('/sw.js?')) reply.header('content-security-policy', SERVICE_WORKER_POLICY);
    });
  },
  { name: 'security-headers', fastify: '5.x' },
);
