import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanCue } from './scan-feedback.ts';

export interface ScanFlash {
  /** The cue being shown, or null. Put it on the screen as e.g. data-scan-cue for the CSS flash. */
  readonly cue: ScanCue | null;
  /** Increments on every flash, so a `key` can restart a CSS animation for the same cue twice in a row. */
  readonly count: number;
  flash(cue: ScanCue): void;
}

/** The visual half of a scan cue: shown for `durationMs`, restarted by each new scan. */
export function useScanFlash(durationMs = 600): ScanFlash {
  const [shown, setShown] = useState<{ cue: ScanCue | null; count: number }>({ cue: null, count: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const flash = useCallback(
    (cue: ScanCue) => {
      clearTimeout(timer.current);
      setShown((previous) => ({ cue, count: previous.count + 1 }));
      timer.current = setTimeout(() => setShown((previous) => ({ ...previous, cue: null })), durationMs);
    },
    [durationMs],
  );
  return { cue: shown.cue, count: shown.count, flash };
}
