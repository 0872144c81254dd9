/*
 * Key presses on the counter run what its buttons run. A component showing a button for an action
 * registers the button's own function here while it is mounted (useCounterKeyAction); one window listener
 * (useCounterKeyboard) turns each key press into its action through the map in counter-keys.ts and runs the
 * function registered for it. Where two parts offer one action, the higher priority wins (the pay panel's
 * F9 completes the sale while it is open; otherwise the cart's F9 opens it), then the later registration.
 */
import { useEffect, useEffectEvent, type RefObject } from 'react';
import { counterActionOf, type CounterAction } from './counter-keys.ts';

interface Registration {
  readonly priority: number;
  readonly run: () => void;
}

const registered = new Map<CounterAction, Registration[]>();

function handlerFor(action: CounterAction): (() => void) | undefined {
  const candidates = registered.get(action) ?? [];
  let best: Registration | undefined;
  for (const candidate of candidates) if (best === undefined || candidate.priority >= best.priority) best = candidate;
  return best?.run;
}

/** While mounted and `enabled`, the action's key runs `handler` (the same function as the button's onClick). */
export function useCounterKeyAction(action: CounterAction, handler: () => void, { enabled = true, priority = 0 }: { enabled?: boolean; priority?: number } = {}): void {
  const run = useEffectEvent(handler);
  useEffect(() => {
    if (!enabled) return undefined;
    const registration: Registration = { priority, run: () => run() };
    registered.set(action, [...(registered.get(action) ?? []), registration]);
    return () => {
      registered.set(action, (registered.get(action) ?? []).filter((each) => each !== registration));
    };
  }, [action, enabled, priority]);
}

const NOT_TYPED_INTO = new Set(['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file', 'image']);

/** Focus is where the cashier types: a text field, a list box, an editable area. */
export function isTypingTarget(element: Element | null): boolean {
  if (element === null) return false;
  if (element instanceof HTMLInputElement) return !NOT_TYPED_INTO.has(element.type);
  return element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element instanceof HTMLElement && element.isContentEditable);
}

/**
 * Listens for the counter's keys on the whole window while the counter is mounted and `enabled` (false while
 * a manager types a PIN). A counter locked behind the sign-in panel (an inert ancestor) ignores keys as it
 * ignores taps. Runs in the bubble phase, after the scanner's capture listener has held back a scan's keys.
 */
export function useCounterKeyboard(counter: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const action = counterActionOf(event, isTypingTarget(document.activeElement));
      if (action === null || counter.current === null || counter.current.closest('[inert]') !== null) return;
      const run = handlerFor(action);
      if (run === undefined) return;
      // F1 (help), F3 (find), F6 (address bar) would otherwise also do what the browser does with them.
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [counter, enabled]);
}
