import { useEffect, useEffectEvent } from 'react';
import { attachWedgeScanner } from './keyboard-wedge-listener.ts';
import type { WedgeScannerOptions } from './keyboard-wedge-listener.ts';
import { useScannerSettings } from './use-scanner-settings.ts';

export interface UseWedgeScannerOptions extends WedgeScannerOptions {
  /** false while another screen part owns the keyboard (e.g. a manager's PIN pad). Default true. */
  readonly enabled?: boolean;
}

/**
 * Listens for keyboard-wedge scans on the whole window while the calling screen is mounted. Options are
 * compared by value, so an inline object (or the store config read on each render) does not re-attach the
 * listener on every render; unmounting detaches it, which also drops a half-read burst (screen change).
 * The wait between two keys of a scan is this device's scanner setting (scanner-settings.ts: a wired 30 ms
 * until Settings learns or is told the scanner's pace) unless the caller names one.
 */
export function useWedgeScanner(onScan: (code: string) => void, options: UseWedgeScannerOptions = {}): void {
  const { enabled = true, ...callerOptions } = options;
  const { maxGapMs } = useScannerSettings();
  const detectorOptions: WedgeScannerOptions = { maxGapMs, ...callerOptions };
  const handleScan = useEffectEvent(onScan);
  const optionsKey = JSON.stringify(detectorOptions);
  useEffect(() => {
    if (!enabled) return undefined;
    return attachWedgeScanner(window, JSON.parse(optionsKey) as WedgeScannerOptions, (code) => handleScan(code));
  }, [enabled, optionsKey]);
}
