/*
 * Scanning with a tablet's camera, for counters without a handheld scanner: opens the camera (the rear
 * one when there is one), shows it in the given <video>, reads a few frames a second with a BarcodeReader
 * and reports each code once (repeat-guard.ts). Failures to start are thrown as they come
 * (getUserMedia's DOMExceptions, CameraUnavailableError); cameraProblemOf turns them into a message.
 */
import { createBarcodeReader } from './barcode-reader.ts';
import type { BarcodeReader, CounterBarcodeFormat, DetectedCode } from './barcode-reader.ts';
import { cameraProblemOf, CameraUnavailableError } from './camera-problem.ts';
import type { CameraProblem } from './camera-problem.ts';
import { CAMERA_REPEAT_QUIET_MS, createRepeatGuard } from './repeat-guard.ts';

export interface CameraScannerOptions {
  readonly onScan: (code: DetectedCode) => void;
  /** The camera stopped after it had started (unplugged, taken by another app) or the reader keeps failing. */
  readonly onProblem?: (problem: CameraProblem) => void;
  readonly formats?: readonly CounterBarcodeFormat[];
  /** A code is reported again only after this long out of sight. */
  readonly quietMs?: number;
  /** Pause between two reads: reading every frame would keep a tablet's CPU busy for nothing. */
  readonly intervalMs?: number;
  readonly preferPolyfill?: boolean;
  /** Aborting stops the camera, also while the permission prompt is still open. */
  readonly signal?: AbortSignal;
}

export interface CameraScanner {
  stop(): void;
}

/** Rear camera preferred, not required: a laptop's front camera still works. 720p is plenty for EAN-13. */
export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

const DEFAULT_INTERVAL_MS = 120;
/**
 * Linear codes count after two agreeing reads (see repeat-guard.ts); 2D codes carry error correction,
 * so one read is enough.
 */
const SINGLE_READ_FORMATS = new Set(['qr_code', 'data_matrix']);
/** Consecutive failed reads after which the reader is considered broken rather than unlucky. */
const MAX_FAILED_READS = 10;

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function abortError(): DOMException {
  return new DOMException('Camera scanning was cancelled', 'AbortError');
}

/** Asks for the camera and loads the reader at the same time: the wasm compiles while the prompt is open. */
async function openCameraAndReader(options: CameraScannerOptions): Promise<{ stream: MediaStream; reader: BarcodeReader }> {
  if (globalThis.isSecureContext === false) throw new CameraUnavailableError('insecure');
  const mediaDevices = globalThis.navigator?.mediaDevices as MediaDevices | undefined;
  if (mediaDevices?.getUserMedia === undefined) throw new CameraUnavailableError('unsupported');
  const [stream, reader] = await Promise.allSettled([
    mediaDevices.getUserMedia(CAMERA_CONSTRAINTS),
    createBarcodeReader({ formats: options.formats, preferPolyfill: options.preferPolyfill }),
  ]);
  if (stream.status === 'fulfilled' && (reader.status === 'rejected' || options.signal?.aborted === true)) stopStream(stream.value);
  // The camera's own problem first: it is the one the cashier can do something about.
  if (stream.status === 'rejected') throw stream.reason;
  if (reader.status === 'rejected') throw reader.reason;
  if (options.signal?.aborted === true) throw abortError();
  return { stream: stream.value, reader: reader.value };
}

export async function startCameraScanner(video: HTMLVideoElement, options: CameraScannerOptions): Promise<CameraScanner> {
  if (options.signal?.aborted === true) throw abortError();
  const { stream, reader } = await openCameraAndReader(options);
  const guard = createRepeatGuard(options.quietMs ?? CAMERA_REPEAT_QUIET_MS);
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failedReads = 0;

  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
    stopStream(stream);
    video.srcObject = null;
  }

  function fail(problem: CameraProblem): void {
    stop();
    options.onProblem?.(problem);
  }

  async function readFrame(): Promise<void> {
    // HAVE_CURRENT_DATA: there is a frame to read.
    if (video.readyState < 2) return;
    try {
      const codes = await reader.detect(video);
      failedReads = 0;
      const now = performance.now();
      for (const { rawValue, format } of codes) {
        const needed = SINGLE_READ_FORMATS.has(format) ? 1 : 2;
        if (!stopped && rawValue !== '' && guard.accept(rawValue, now, needed)) options.onScan({ rawValue, format });
      }
    } catch (error) {
      failedReads += 1;
      if (failedReads === 1) console.warn('Reading a camera frame failed', error);
      if (failedReads >= MAX_FAILED_READS) fail(cameraProblemOf(new CameraUnavailableError('reader', { cause: error })));
    }
  }

  async function loop(): Promise<void> {
    if (stopped) return;
    await readFrame();
    if (!stopped) timer = setTimeout(() => void loop(), intervalMs);
  }

  for (const track of stream.getVideoTracks()) {
    track.addEventListener('ended', () => {
      if (!stopped) fail(cameraProblemOf(new DOMException('The camera stopped', 'NotReadableError')));
    });
  }
  options.signal?.addEventListener('abort', stop);

  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
  } catch (error) {
    stop();
    throw error;
  }
  void loop();
  return { stop };
}
