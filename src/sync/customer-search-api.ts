/*
 * The chain-wide customer lookup (GET /api/v1/customers/search?q=<a whole phone number> with the device
 * token: sync-server/src/routes/customers-search.ts), for a customer of another store or of the online shop
 * who is not on this tablet. Online only; the server answers only to a whole Vietnamese number and shows
 * another store's customers by initials, given name and the number's last three digits. Nothing is stored:
 * a customer found here becomes this store's to see once a sale here names them.
 */
import { apiUrl } from './sync-api.ts';
import type { DeviceIdentity } from './sync-database.ts';

export interface ChainCustomer {
  readonly id: string;
  /** Home store; null for the online shop's customers. */
  readonly storeId: string | null;
  readonly ownStore: boolean;
  /** Initials and given name ("P. T. Hà"). */
  readonly name: string;
  readonly phoneLast3: string;
}

export type ChainCustomerSearch =
  | { readonly kind: 'found'; readonly customers: readonly ChainCustomer[] }
  /** The server refused the text (400: not a whole number) or the lookups of this device (429). */
  | { readonly kind: 'refused'; readonly status: number; readonly detail: string }
  | { readonly kind: 'unreachable'; readonly detail: string };

export const CHAIN_SEARCH_TIMEOUT_MS = 5_000;

function isChainCustomer(value: unknown): value is ChainCustomer {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c['id'] === 'string' && (typeof c['storeId'] === 'string' || c['storeId'] === null) && typeof c['ownStore'] === 'boolean' && typeof c['name'] === 'string' && typeof c['phoneLast3'] === 'string';
}

export async function searchChainCustomers(identity: Pick<DeviceIdentity, 'serverUrl' | 'token'>, phone: string, fetchImpl: typeof fetch = fetch): Promise<ChainCustomerSearch> {
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(identity.serverUrl, `/customers/search?q=${encodeURIComponent(phone)}`), {
      headers: { authorization: `Bearer ${identity.token}`, accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(CHAIN_SEARCH_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const customers = typeof body === 'object' && body !== null && 'customers' in body && Array.isArray(body.customers) ? (body.customers as unknown[]) : undefined;
  if (response.ok && customers !== undefined) return { kind: 'found', customers: customers.filter(isChainCustomer) };
  const message = typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : '';
  if (response.status === 400 || response.status === 429) return { kind: 'refused', status: response.status, detail: message };
  return { kind: 'unreachable', detail: `${response.status} ${message}`.trim() };
}
