// A tablet without a handheld scanner: the cashier opens the camera, is told plainly when it is blocked,
// tries again, and a product held in front of it lands once. Real Chromium, real <video>, real reader;
// only the camera is stood in for, by a canvas stream showing a printed EAN-13 (a real MediaStream).
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n/i18n.ts';
import type { DetectedCode } from './barcode-reader.ts';
import { drawEan13 } from './barcode-test-images.ts';
import { CAMERA_CONSTRAINTS } from './camera-scanner.ts';
import { CameraScannerView } from './camera-scanner-view.tsx';

interface FakeCamera {
  readonly stream: MediaStream;
  stop(): void;
}

/** A camera pointed at a product: a canvas redrawn like a live picture, captured as a MediaStream. */
function cameraFilming(code: string): FakeCamera {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  let frame = 0;
  const paint = () => drawEan13(canvas, code, { rotate: (frame++ % 3) - 1 });
  paint();
  const timer = setInterval(paint, 50);
  const stream = canvas.captureStream(20);
  return {
    stream,
    stop: () => {
      clearInterval(timer);
      stream.getTracks().forEach((track) => track.stop());
    },
  };
}

let camera: FakeCamera | undefined;

afterEach(() => {
  cleanup();
  camera?.stop();
  camera = undefined;
  vi.restoreAllMocks();
  localStorage.clear();
});

function renderView(onScan: (code: DetectedCode) => void) {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <CameraScannerView onScan={onScan} preferPolyfill />
    </I18nextProvider>,
  );
}

describe('scanning with the tablet camera', () => {
  it('camera blocked: a Vietnamese message says how to allow it; after allowing, Try again scans a product once', async () => {
    camera = cameraFilming('8934588012228');
    const getUserMedia = vi
      .spyOn(navigator.mediaDevices, 'getUserMedia')
      .mockRejectedValueOnce(new DOMException('Permission denied', 'NotAllowedError'))
      .mockResolvedValueOnce(camera.stream);
    const scanned: DetectedCode[] = [];
    renderView((code) => scanned.push(code));

    const problem = await screen.findByTestId('camera-problem');
    expect(problem.dataset.kind).toBe('denied');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toContain('Cho phép camera');
    expect(getUserMedia).toHaveBeenCalledWith(CAMERA_CONSTRAINTS);

    act(() => fireEvent.click(screen.getByTestId('camera-retry')));
    await waitFor(() => expect(screen.getByTestId('camera-scanner').dataset.status).toBe('scanning'));
    await waitFor(() => expect(scanned).toEqual([{ rawValue: '8934588012228', format: 'ean_13' }]), { timeout: 10_000 });
    // The product stays in view for a while more: still one line.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(scanned).toHaveLength(1);
  });

  it('leaving the screen turns the camera off', async () => {
    camera = cameraFilming('8934588012228');
    vi.spyOn(navigator.mediaDevices, 'getUserMedia').mockResolvedValueOnce(camera.stream);
    const view = renderView(() => undefined);
    await waitFor(() => expect(screen.getByTestId('camera-scanner').dataset.status).toBe('scanning'));
    const [track] = camera.stream.getVideoTracks();
    expect(track?.readyState).toBe('live');
    view.unmount();
    expect(track?.readyState).toBe('ended');
  });

  it('no camera on the device: says so in English when English is chosen', async () => {
    localStorage.setItem('pos.language', 'en');
    vi.spyOn(navigator.mediaDevices, 'getUserMedia').mockRejectedValueOnce(new DOMException('Requested device not found', 'NotFoundError'));
    renderView(() => undefined);
    const problem = await screen.findByTestId('camera-problem');
    expect(problem.dataset.kind).toBe('missing');
    expect(problem.textContent).toContain('No camera was found');
  });
});
