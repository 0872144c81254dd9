/*
 * The server's own figure for a gift card (GET /api/v1/gift-cards/:number/balance with the device token:
 * sync-server/src/routes/gift-cards.ts), shown on the gift-card screen beside what the tablet counts. Read
 * only; nothing is stored. Offline, or when the server does not answer in GIFT_CARD_LOOKUP_TIMEOUT_MS, the
 * tablet's own figure is all there is.
 */
import { apiUrl } from './sync-api.ts';
import type { DeviceIdentity } from './sync-database.ts';

export type ServerGiftCardBalance =
  | { readonly kind: 'known'; readonly balance: number; readonly updatedAt: string }
  /** The server holds no money on this card at this store (never loaded, or the load not paid). */
  | { readonly kind: 'none' }
  | { readonly kind: 'unreachable'; readonly detail: string };

export const GIFT_CARD_LOOKUP_TIMEOUT_MS = 5_000;

function isBalance(body: unknown): body is { balance: number; updatedAt: string } {
  return typeof body === 'object' && body !== null && 'balance' in body && Number.isSafeInteger(body.balance) && 'updatedAt' in body && typeof body.updatedAt === 'string';
}

export async function fetchGiftCardBalance(identity: Pick<DeviceIdentity, 'serverUrl' | 'token'>, number: string, fetchImpl: typeof fetch = fetch): Promise<ServerGiftCardBalance> {
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(identity.serverUrl, `/gift-cards/${encodeURIComponent(number)}/balance`), {
      headers: { authorization: `Bearer ${identity.token}`, accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(GIFT_CARD_LOOKUP_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 404) return { kind: 'none' };
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && isBalance(body)) return { kind: 'known', balance: body.balance, updatedAt: body.updatedAt };
  const message = typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : '';
  return { kind: 'unreachable', detail: `${response.status} ${message}`.trim() };
}
