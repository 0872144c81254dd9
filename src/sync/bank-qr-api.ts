/*
 * The bank-QR payment a tablet waits for (POST/DELETE /api/v1/payments/bank-qr with the device token:
 * sync-server/src/routes/payments.ts). Registering it tells the server which transfer note and amount to
 * match a bank's notice to; the confirmation then comes back through the synced `payments` collection, not
 * through this call. Nothing is stored here; offline, or when the server does not answer in
 * BANK_QR_TIMEOUT_MS, the cashier confirms the transfer by hand as before.
 */
import { apiUrl } from './sync-api.ts';
import type { DeviceIdentity } from './sync-database.ts';

export const BANK_QR_TIMEOUT_MS = 5_000;

export interface BankQrRequest {
  readonly id: string;
  /** The transfer note the QR asks for: the sale's expected number. */
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
}

export type BankQrRegistration = { readonly kind: 'registered'; readonly status: string } | { readonly kind: 'refused' | 'unreachable'; readonly detail: string };

export async function registerBankQrPayment(identity: Pick<DeviceIdentity, 'serverUrl' | 'token'>, request: BankQrRequest, fetchImpl: typeof fetch = fetch): Promise<BankQrRegistration> {
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(identity.serverUrl, '/payments/bank-qr'), {
      method: 'POST',
      headers: { authorization: `Bearer ${identity.token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      cache: 'no-store',
      signal: AbortSignal.timeout(BANK_QR_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : `HTTP ${response.status}`;
    return { kind: response.status >= 500 ? 'unreachable' : 'refused', detail: message };
  }
  const payment = typeof body === 'object' && body !== null && 'payment' in body ? body.payment : null;
  const status = typeof payment === 'object' && payment !== null && 'status' in payment ? String(payment.status) : 'waiting';
  return { kind: 'registered', status };
}

/** Withdraws a payment the customer did not make by transfer; best effort (the server expires nothing it keeps). */
export async function cancelBankQrPayment(identity: Pick<DeviceIdentity, 'serverUrl' | 'token'>, id: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  try {
    await fetchImpl(apiUrl(identity.serverUrl, `/payments/bank-qr/${encodeURIComponent(id)}`), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${identity.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(BANK_QR_TIMEOUT_MS),
    });
  } catch (error) {
    console.warn('Withdrawing a bank-QR payment failed; the server keeps it waiting', { id, error });
  }
}
