/*
 * Light or dark, as this device's person chose it in Settings, or as the device prefers ('system').
 * Kept in localStorage under `pos.theme`, on this device only (the shop's counter PC may face a window,
 * the tablet beside it may not), and put on <html data-theme> where src/ui/theme.css reads it. The till and
 * the customer display (same origin) read the same choice; a change in one window reaches the other
 * through the storage event. Unreadable or absent: 'system'.
 */
import { useSyncExternalStore } from 'react';

export const THEME_STORAGE_KEY = 'pos.theme';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_CHOICES)[number];

function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

export function readThemePreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return isThemePreference(stored) ? stored : 'system';
  } catch (error) {
    console.warn('Could not read the theme choice (storage blocked); following the device', error);
    return 'system';
  }
}

/** Puts the choice on <html>: no attribute for 'system', so the media query decides. */
export function applyThemePreference(preference: ThemePreference = readThemePreference(), root: HTMLElement = document.documentElement): void {
  if (preference === 'system') delete root.dataset.theme;
  else root.dataset.theme = preference;
}

const listeners = new Set<() => void>();

export function saveThemePreference(preference: ThemePreference): void {
  localStorage.setItem(THEME_STORAGE_KEY, preference);
  applyThemePreference(preference);
  for (const listener of listeners) listener();
}

/** Applies the stored choice now and whenever another window of this app changes it; returns the stop. */
export function followThemePreference(): () => void {
  applyThemePreference();
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    applyThemePreference();
    for (const listener of listeners) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The stored choice, live (for the Settings control). */
export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, readThemePreference, () => 'system');
}
