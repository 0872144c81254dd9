/*
 * A tiny router on the History API: the current path as React state and a navigate function.
 * No router library: the shell has a handful of screens and every kilobyte delays the first paint.
 */
import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'pos:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function readPath(): string {
  return window.location.pathname;
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, readPath, () => '/');
}
