/*
 * One way to read barcodes from camera frames, whatever the browser: the native BarcodeDetector where it
 * reads every format the counter needs (Chrome on Android and ChromeOS, Safari on recent Apple devices),
 * otherwise the ZXing wasm polyfill, fetched by dynamic import only when the camera is first opened.
 */
import { CameraUnavailableError } from './camera-problem.ts';

/** What the counter reads: retail codes, GS1-128 and GS1 DataMatrix labels, and QR codes (receipts, orders). */
export const COUNTER_BARCODE_FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'qr_code', 'data_matrix'] as const;
export type CounterBarcodeFormat = (typeof COUNTER_BARCODE_FORMATS)[number];

export interface DetectedCode {
  readonly rawValue: string;
  readonly format: string;
}

/** The part of the Barcode Detection API we use (the native class and the polyfill share it). */
export interface BarcodeReader {
  detect(source: HTMLVideoElement | HTMLCanvasElement | ImageBitmap | ImageData | Blob): Promise<readonly DetectedCode[]>;
}

interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeReader;
  getSupportedFormats(): Promise<string[]>;
}

/** The browser's own BarcodeDetector, when it has one that reads every format asked for. */
async function nativeReader(formats: readonly string[]): Promise<BarcodeReader | null> {
  const Native = (globalThis as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector;
  if (Native === undefined) return null;
  try {
    const supported = await Native.getSupportedFormats();
    return formats.every((format) => supported.includes(format)) ? new Native({ formats: [...formats] }) : null;
  } catch (error) {
    console.warn('The native BarcodeDetector failed; using the built-in reader instead', error);
    return null;
  }
}

export interface BarcodeReaderOptions {
  readonly formats?: readonly CounterBarcodeFormat[];
  /** Skip the native detector (tests of the polyfill; a device whose native one misreads). */
  readonly preferPolyfill?: boolean;
}

export async function createBarcodeReader(options: BarcodeReaderOptions = {}): Promise<BarcodeReader> {
  const formats = options.formats ?? COUNTER_BARCODE_FORMATS;
  const native = options.preferPolyfill === true ? null : await nativeReader(formats);
  if (native !== null) return native;
  try {
    const { createZxingBarcodeDetector } = await import('./zxing-barcode-reader.ts');
    return await createZxingBarcodeDetector(formats);
  } catch (error) {
    throw new CameraUnavailableError('reader', { cause: error });
  }
}
