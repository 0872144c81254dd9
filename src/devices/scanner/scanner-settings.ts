/*
 * This device's keyboard-wedge scanner: how long the counter waits between two keys of one scan. Kept in
 * localStorage under `pos.scanner`, on this device only, because the scanner is plugged into (or paired
 * with) this tablet, not the store: the counter next to it may have a wired one. Written by Settings (a
 * choice, or the pace learnt from a test scan, scanner-pace.ts), read by every screen that listens for
 * scans (use-wedge-scanner.ts), live: a change in Settings, in this tab or another, reaches the counter.
 * Unreadable or absent: the wired scanner's 30 ms, as before this setting existed.
 */
import { LONGEST_SCANNER_GAP_MS, WIRED_SCANNER_GAP_MS } from './scanner-pace.ts';

export const SCANNER_STORAGE_KEY = 'pos.scanner';

export interface ScannerSettings {
  /** Longest pause between two keys of one scan, in ms. */
  readonly maxGapMs: number;
  /** How it was set: never (the default), chosen from the list, or learnt from a test scan. */
  readonly source: 'default' | 'chosen' | 'measured';
  /** The slowest pause the test scan showed, when learnt. */
  readonly slowestGapMs?: number;
}

export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = { maxGapMs: WIRED_SCANNER_GAP_MS, source: 'default' };

/** The waits offered in Settings: wired, Bluetooth, slow wireless, very slow. */
export const SCANNER_GAP_CHOICES: readonly number[] = [WIRED_SCANNER_GAP_MS, 50, 80, 120];

const listeners = new Set<() => void>();
let cached: { raw: string | null; settings: ScannerSettings } | undefined;

function parse(raw: string | null): ScannerSettings {
  if (raw === null) return DEFAULT_SCANNER_SETTINGS;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return DEFAULT_SCANNER_SETTINGS;
    const { maxGapMs, source, slowestGapMs } = value as Record<string, unknown>;
    if (typeof maxGapMs !== 'number' || !Number.isFinite(maxGapMs)) return DEFAULT_SCANNER_SETTINGS;
    return {
      maxGapMs: Math.min(LONGEST_SCANNER_GAP_MS, Math.max(WIRED_SCANNER_GAP_MS, Math.round(maxGapMs))),
      source: source === 'measured' ? 'measured' : 'chosen',
      ...(source === 'measured' && typeof slowestGapMs === 'number' ? { slowestGapMs } : {}),
    };
  } catch (error) {
    console.warn('The stored scanner settings are not readable; using a wired scanner\'s', { raw, error });
    return DEFAULT_SCANNER_SETTINGS;
  }
}

function readRaw(): string | null {
  try {
    return localStorage.getItem(SCANNER_STORAGE_KEY);
  } catch (error) {
    console.warn('Could not read the scanner settings (storage blocked); using a wired scanner\'s', error);
    return null;
  }
}

/** This device's scanner settings; the same object until they change (a snapshot for useSyncExternalStore). */
export function readScannerSettings(): ScannerSettings {
  const raw = readRaw();
  if (cached?.raw !== raw) cached = { raw, settings: parse(raw) };
  return cached.settings;
}

/** Stores this device's scanner settings and tells every listener in this tab (other tabs hear the storage event). */
export function saveScannerSettings(settings: Omit<ScannerSettings, 'source'> & { source: 'chosen' | 'measured' }): void {
  localStorage.setItem(SCANNER_STORAGE_KEY, JSON.stringify(settings));
  for (const listener of listeners) listener();
}

/** Calls `listener` when the settings change here or in another tab; returns the unsubscribe. */
export function subscribeScannerSettings(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SCANNER_STORAGE_KEY || event.key === null) listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
