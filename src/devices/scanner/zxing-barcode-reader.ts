/*
 * The ZXing WebAssembly barcode reader (`barcode-detector` ponyfill), for browsers without a native
 * BarcodeDetector. Loaded only by dynamic import (barcode-reader.ts), so neither this code nor its
 * 1 MB wasm weighs on the app's first screen.
 *
 * Offline: by default zxing-wasm fetches its .wasm from a public CDN, which a counter without network
 * cannot reach. Here the wasm is imported as a Vite asset URL: the build copies it into dist/assets under a
 * content hash, the service worker precaches it with the rest of the app, and locateFile points the
 * module at it, so the reader loads from our own origin, online or not. zxing-wasm is a direct dependency
 * pinned to the version barcode-detector uses: the wasm must match the JavaScript glue that loads it
 * (the browser test compares its SHA-256 with the one the glue was built for).
 */
import { BarcodeDetector, prepareZXingModule, purgeZXingModule } from 'barcode-detector/ponyfill';
import type { BarcodeFormat } from 'barcode-detector/ponyfill';
import zxingReaderWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export { zxingReaderWasmUrl };

const overrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingReaderWasmUrl : prefix + path),
};

/**
 * Compiles the reader (once per page) and returns a detector for `formats`. Rejects when the wasm cannot
 * be loaded or compiled, so the camera screen can say so instead of scanning nothing.
 */
export async function createZxingBarcodeDetector(formats: readonly BarcodeFormat[]): Promise<BarcodeDetector> {
  try {
    await prepareZXingModule({ overrides, fireImmediately: true });
  } catch (error) {
    // The failed module stays cached with its overrides; forget it so a retry loads the wasm again.
    purgeZXingModule();
    throw error;
  }
  return new BarcodeDetector({ formats: [...formats] });
}
