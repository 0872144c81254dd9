/*
 * The till and its customer display talk over a BroadcastChannel: same browser, same origin, no network,
 * so the display works offline as the till does. The till publishes every new view
 * (src/domain/customer-display.ts); a display that opens later says hello and gets the current one. The
 * bank-transfer QR the pay panel is showing is kept here too, so the sale feature's view includes it.
 */
import type { CustomerDisplayView } from '../domain/customer-display.ts';

export const CUSTOMER_DISPLAY_CHANNEL = 'pos-customer-display';

type Message = { kind: 'view'; view: CustomerDisplayView } | { kind: 'hello' };

let channel: BroadcastChannel | null = null;
let current: CustomerDisplayView | null = null;

function tillChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  if (channel === null) {
    channel = new BroadcastChannel(CUSTOMER_DISPLAY_CHANNEL);
    channel.addEventListener('message', (event: MessageEvent<Message>) => {
      if (event.data?.kind === 'hello' && current !== null) channel?.postMessage({ kind: 'view', view: current } satisfies Message);
    });
  }
  return channel;
}

/** The till: sends the view to every open display (and keeps it for one that opens later). */
export function publishCustomerDisplay(view: CustomerDisplayView): void {
  current = view;
  tillChannel()?.postMessage({ kind: 'view', view } satisfies Message);
}

/** The display: every view the till publishes, starting with the current one. Returns the unsubscribe. */
export function watchCustomerDisplay(onView: (view: CustomerDisplayView) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const listening = new BroadcastChannel(CUSTOMER_DISPLAY_CHANNEL);
  listening.addEventListener('message', (event: MessageEvent<Message>) => {
    if (event.data?.kind === 'view') onView(event.data.view);
  });
  listening.postMessage({ kind: 'hello' } satisfies Message);
  return () => listening.close();
}

type QrListener = (qr: { payload: string; amount: number } | null) => void;
const qrListeners = new Set<QrListener>();
let shownQr: { payload: string; amount: number } | null = null;

/** The pay panel: the transfer QR it shows now (null when it closes). */
export function showQrToCustomer(qr: { payload: string; amount: number } | null): void {
  if (shownQr?.payload === qr?.payload && shownQr?.amount === qr?.amount) return;
  shownQr = qr;
  for (const listener of qrListeners) listener(qr);
}

export function currentCustomerQr(): { payload: string; amount: number } | null {
  return shownQr;
}

export function watchCustomerQr(listener: QrListener): () => void {
  qrListeners.add(listener);
  return () => qrListeners.delete(listener);
}

/**
 * Opens the customer display: on the second screen when the browser can place windows (Window Management
 * API, after the user allows it), otherwise as a window the cashier drags to the customer's screen.
 */
export async function openCustomerDisplay(url = '/display.html'): Promise<Window | null> {
  const features = await secondScreenFeatures().catch(() => '');
  return window.open(url, 'pos-customer-display', features || 'popup,width=1024,height=768');
}

interface ScreenDetailed {
  readonly isPrimary: boolean;
  readonly availLeft: number;
  readonly availTop: number;
  readonly availWidth: number;
  readonly availHeight: number;
}

async function secondScreenFeatures(): Promise<string> {
  const withScreens = window as Window & { getScreenDetails?: () => Promise<{ screens: readonly ScreenDetailed[] }> };
  if (typeof withScreens.getScreenDetails !== 'function') return '';
  const { screens } = await withScreens.getScreenDetails();
  const other = screens.find((each) => !each.isPrimary);
  if (other === undefined) return '';
  return `popup,left=${other.availLeft},top=${other.availTop},width=${other.availWidth},height=${other.availHeight}`;
}
