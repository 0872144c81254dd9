/*
 * Security headers on every answer (@fastify/helmet), with a Content-Security-Policy the PWA passes:
 * everything from our own origin, inline styles allowed (React style attributes), images also from data:
 * and blob: (camera snapshots, generated QR codes), no plugins, no framing.
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
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export default fp<{ tls: boolean }>(
  async function securityHeaders(app, options) {
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      strictTransportSecurity: options.tls ? { maxAge: 15_552_000, includeSubDomains: false } : false,
      // The app and the API come from one origin; a chain hosting the app on a CDN sets CORS on the API.
      crossOriginResourcePolicy: { policy: 'same-origin' },
    });
  },
  { name: 'security-headers', fastify: '5.x' },
);
