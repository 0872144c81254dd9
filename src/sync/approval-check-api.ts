/*
 * The online half of an approval: the approver's PIN, once it passed the tablet's short check, is sent to
 * the server (POST /api/v1/staff/approvals with the device token), which checks it against the full hash
 * and counts it towards the same lock-outs as a sign-in (sync-server/src/routes/staff-sessions.ts). Offline,
 * or when the server cannot be reached in APPROVAL_CHECK_TIMEOUT_MS, the tablet's check stands and the
 * server verifies the document's proof when it syncs (src/domain/approval-proof.ts).
 */
import { apiUrl } from './sync-api.ts';
import type { DeviceIdentity } from './sync-database.ts';

export type OnlineApproval =
  | { kind: 'accepted' }
  | { kind: 'wrong' }
  | { kind: 'locked'; retryAfterSeconds: number | undefined }
  /** The person does not hold the permission in the server's current table. */
  | { kind: 'refused' }
  | { kind: 'unreachable' };

export const APPROVAL_CHECK_TIMEOUT_MS = 5_000;

export async function checkApprovalOnline(
  identity: Pick<DeviceIdentity, 'serverUrl' | 'token'>,
  request: { staffId: string; pin: string; permission: string },
  fetchImpl: typeof fetch = fetch,
): Promise<OnlineApproval> {
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(identity.serverUrl, '/staff/approvals'), {
      method: 'POST',
      headers: { authorization: `Bearer ${identity.token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      cache: 'no-store',
      signal: AbortSignal.timeout(APPROVAL_CHECK_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const code = await response
    .json()
    .then((body: unknown) => (typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : ''))
    .catch(() => '');
  if (response.ok) return { kind: 'accepted' };
  // A 401 for the device itself (a revoked token) is not a wrong PIN: sync shows that one.
  if (response.status === 401 && (code === 'wrong_pin' || code === 'unknown_staff')) return { kind: 'wrong' };
  if (response.status === 403) return { kind: 'refused' };
  if (response.status === 423 || response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'locked', retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : undefined };
  }
  // An older server without the route (404) or one in trouble (5xx): the tablet's check stands.
  return { kind: 'unreachable' };
}
