import { useSyncExternalStore } from 'react';
import { readScannerSettings, subscribeScannerSettings, type ScannerSettings } from './scanner-settings.ts';

/** This device's scanner settings, live (scanner-settings.ts says where they are kept). */
export function useScannerSettings(): ScannerSettings {
  return useSyncExternalStore(subscribeScannerSettings, readScannerSettings);
}
