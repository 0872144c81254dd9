import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectedCode } from './barcode-reader.ts';
import { cameraProblemOf } from './camera-problem.ts';
import type { CameraProblem } from './camera-problem.ts';
import { startCameraScanner } from './camera-scanner.ts';

type ViewState = { readonly status: 'starting' } | { readonly status: 'scanning' } | { readonly status: 'problem'; readonly problem: CameraProblem };

export interface CameraScannerViewProps {
  readonly onScan: (code: DetectedCode) => void;
  readonly preferPolyfill?: boolean;
}

/**
 * The camera preview while it scans, or what stops it and what to do about it, with a retry. Mount it only
 * while the cashier wants the camera: mounting opens the camera, unmounting closes it.
 */
export function CameraScannerView({ onScan, preferPolyfill = false }: CameraScannerViewProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ViewState>({ status: 'starting' });
  const handleScan = useEffectEvent(onScan);

  useEffect(() => {
    const video = videoRef.current;
    if (video === null) return undefined;
    const controller = new AbortController();
    const showProblem = (problem: CameraProblem) => setState({ status: 'problem', problem });
    startCameraScanner(video, { onScan: (code) => handleScan(code), onProblem: showProblem, preferPolyfill, signal: controller.signal }).then(
      () => setState({ status: 'scanning' }),
      (error: unknown) => {
        // Unmounted while starting: the camera was closed on purpose, there is nothing to show.
        if (controller.signal.aborted) return;
        console.warn('Camera scanning could not start', error);
        showProblem(cameraProblemOf(error));
      },
    );
    return () => controller.abort();
  }, [attempt, preferPolyfill]);

  const retry = () => {
    setState({ status: 'starting' });
    setAttempt((n) => n + 1);
  };

  return (
    <section className="camera-scanner" data-testid="camera-scanner" data-status={state.status}>
      <video
        ref={videoRef}
        aria-label={t('scanner.camera.videoLabel')}
        muted
        playsInline
        hidden={state.status === 'problem'}
        style={{ width: '100%', maxHeight: '60vh', objectFit: 'cover', background: '#000' }}
      />
      {state.status === 'starting' && <p role="status">{t('scanner.camera.starting')}</p>}
      {state.status === 'scanning' && <p className="hint">{t('scanner.camera.hint')}</p>}
      {state.status === 'problem' && (
        <div role="alert" className="notice" data-testid="camera-problem" data-kind={state.problem.kind}>
          <p>{t(state.problem.messageKey)}</p>
          {state.problem.canRetry && (
            <button type="button" onClick={retry} data-testid="camera-retry">
              {t('scanner.camera.retry')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
