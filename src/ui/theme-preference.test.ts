// This device's light/dark choice: stored, put on <html data-theme>, and 'system' leaves the device to decide.
import { afterEach, describe, expect, it } from 'vitest';
import { applyThemePreference, followThemePreference, readThemePreference, saveThemePreference, THEME_STORAGE_KEY } from './theme-preference.ts';

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('the theme choice', () => {
  it('follows the device until someone chooses, then keeps the choice on <html>', () => {
    expect(readThemePreference()).toBe('system');
    applyThemePreference();
    expect(document.documentElement.dataset.theme).toBeUndefined();

    saveThemePreference('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');

    saveThemePreference('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('reads an unknown stored value as the device’s own choice', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(readThemePreference()).toBe('system');
  });

  it('follows a choice made in another window of the app (the customer display beside the till)', () => {
    const stop = followThemePreference();
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'light' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    stop();
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'dark' }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
