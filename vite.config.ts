// Build of the POS web app: React, and a service worker that precaches the whole shell so a tablet that
// loaded the app once can reload it with no network; product pictures are kept once seen. The API is never
// cached by the service worker: sync has its own offline handling, and a stale API answer at the counter is
// worse than an error.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const THEME_COLOUR = '#0f766e';

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(version),
  },
  plugins: [
    react(),
    VitePWA({
      // 'prompt': a new version waits until the cashier agrees to reload (never mid-sale).
      registerType: 'prompt',
      // We register /sw.js ourselves with workbox-window (src/app/sw-registration.ts), so no inline script.
      injectRegister: false,
      strategies: 'generateSW',
      filename: 'sw.js',
      // globPatterns below already precaches public/ (icons, favicon); listing them again would duplicate entries.
      includeManifestIcons: false,
      manifest: {
        name: 'Store POS — Bán hàng',
        short_name: 'POS',
        description: 'Bán hàng tại quầy, kể cả khi mất mạng.',
        lang: 'vi',
        display: 'standalone',
        theme_color: THEME_COLOUR,
        background_color: '#f8fafc',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The web manifest is precached too: vite-plugin-pwa adds manifest.webmanifest itself.
        // wasm: the camera's barcode reader (src/devices/scanner/zxing-barcode-reader.ts, about 1.1 MB, under
        // workbox's 2 MiB limit) must work on a counter that has been offline since it last loaded the app.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,wasm}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // Product pictures (products.json `image`) are kept once seen, so a tile shows its picture offline:
        // cache first, a picture rarely changes (a new picture is a new address), each cache capped in entries
        // and age and emptied first when storage runs short. A picture on another origin (a shop's CDN) comes back
        // opaque, which the browser counts as far larger than it is, hence its smaller cap. Nothing else is
        // cached at run time: /api/ always goes to the network.
        runtimeCaching: [
          {
            urlPattern: ({ request, sameOrigin, url }) => sameOrigin && request.destination === 'image' && !url.pathname.startsWith('/api/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'product-pictures',
              expiration: { maxEntries: 2000, maxAgeSeconds: 60 * 24 * 60 * 60, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            urlPattern: ({ request, sameOrigin, url }) => !sameOrigin && url.protocol === 'https:' && request.destination === 'image',
            handler: 'CacheFirst',
            options: {
              cacheName: 'product-pictures-cdn',
              expiration: { maxEntries: 300, maxAgeSeconds: 60 * 24 * 60 * 60, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [0, 200] },
            },
          },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: 'dist',
    // Two pages: the till (index.html) and the customer display it opens in a second window (display.html).
    rollupOptions: {
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), display: fileURLToPath(new URL('./display.html', import.meta.url)) },
    },
    // The size check (initial JS under 250 KB gzip) reads dist/.vite/manifest.json.
    manifest: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
  preview: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
});
