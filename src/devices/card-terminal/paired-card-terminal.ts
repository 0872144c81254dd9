/*
 * Which of the store's card terminals (config store.cardTerminals, src/domain/card-terminals.ts) stands beside
 * this tablet: chosen in Settings, kept in localStorage under `pos.cardTerminal`, on this device only (like
 * the paired printer), and read by the counter's card form as the terminal a card tender starts at. Only the
 * terminal's id is kept: its name comes from the config, so a renamed terminal stays paired. Unreadable or
 * absent: none (the form starts at the store's first terminal).
 */
import { useSyncExternalStore } from 'react';

export const CARD_TERMINAL_STORAGE_KEY = 'pos.cardTerminal';

const listeners = new Set<() => void>();

/** The paired terminal's id, or undefined when this tablet is paired with none. */
export function readPairedCardTerminal(): string | undefined {
  try {
    const stored = localStorage.getItem(CARD_TERMINAL_STORAGE_KEY);
    return stored === null || stored === '' ? undefined : stored;
  } catch (error) {
    console.warn('Could not read the paired card terminal (storage blocked); card payments start at the store’s first terminal', error);
    return undefined;
  }
}

/** Pairs this tablet with the terminal `id`, or with none (undefined). */
export function savePairedCardTerminal(id: string | undefined): void {
  if (id === undefined) localStorage.removeItem(CARD_TERMINAL_STORAGE_KEY);
  else localStorage.setItem(CARD_TERMINAL_STORAGE_KEY, id);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === CARD_TERMINAL_STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The paired terminal's id, live (Settings and the counter's card form). */
export function usePairedCardTerminal(): string | undefined {
  return useSyncExternalStore(subscribe, readPairedCardTerminal, () => undefined);
}
