/*
 * The counter's keyboard map for counter PCs. Function keys as Vietnamese cashiers know them from KiotViet,
 * Sapo and Nhanh.vn (Nhanh's documented map: F1 new invoice, F3 find product, F4 customer, F6 discount on
 * the whole invoice, F8 cash, F9 save/pay, F10 save and print): here F1 parks this cart and starts the next
 * customer's, F3 opens the product search, F4 the customer field, F6 the cart discount, F8 takes exactly
 * what is due in cash, F9 opens payment and, on the pay panel, completes the sale; Escape closes a panel
 * and goes back to the cart. Each button shows its key (ShortcutHint) and a key press runs what the button
 * runs (use-counter-keys.ts).
 *
 * What a key never does:
 *   - fire while the cashier types in a field, except the function keys (F4 from the search box works);
 *   - take a key a wedge scanner sends: scanners type characters (digits, letters, Enter, Tab) and this
 *     map holds none of those, and a key the scanner's listener held back as part of a scan
 *     (src/devices/scanner/keyboard-wedge-listener.ts, capture phase, defaultPrevented) is ignored;
 *   - act on a held key's repeats (a held F9 must not complete a sale it just opened) or with Ctrl, Alt or
 *     Meta (Alt+F4, Ctrl+F4 belong to the system and the browser).
 */

export const COUNTER_ACTIONS = ['park', 'search', 'customer', 'cartDiscount', 'cashExact', 'pay', 'back'] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/** The key (KeyboardEvent.key) of each action. */
export const COUNTER_KEYS: Readonly<Record<CounterAction, string>> = {
  park: 'F1',
  search: 'F3',
  customer: 'F4',
  cartDiscount: 'F6',
  cashExact: 'F8',
  pay: 'F9',
  back: 'Escape',
};

const ACTION_OF_KEY: ReadonlyMap<string, CounterAction> = new Map(COUNTER_ACTIONS.map((action) => [COUNTER_KEYS[action], action]));

/** The fields of a KeyboardEvent the map reads. */
export interface CounterKeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly repeat: boolean;
  /** Held back by the scanner's listener, or handled by someone else already. */
  readonly defaultPrevented: boolean;
  /** An input method is composing (Vietnamese Telex/VNI): its keys are its own. */
  readonly isComposing?: boolean;
}

export function isFunctionKey(key: string): boolean {
  return /^F([1-9]|1[0-2])$/.test(key);
}

/** What a key press asks the counter to do, or null; `typing`: focus is in a text field. */
export function counterActionOf(press: CounterKeyPress, typing: boolean): CounterAction | null {
  if (press.defaultPrevented || press.repeat || press.isComposing === true) return null;
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  const action = ACTION_OF_KEY.get(press.key);
  if (action === undefined) return null;
  if (typing && !isFunctionKey(press.key)) return null;
  return action;
}
