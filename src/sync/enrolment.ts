/*
 * Device identity: enrolling a tablet with its store, and keeping that enrolment on the device.
 *
 * `POST /api/v1/devices/enroll {enrollmentCode, deviceName}` -> `201 {deviceId, storeId, storeName, token}`.
 * The answer, with the server URL and the device name, is stored in the sync database's `device` table
 * (IndexedDB, see sync-database.ts) and loaded at every start. A 401 from any later sync call means the
 * device was revoked: markDeviceRevoked records it so that the device keeps saying so after a reload.
 */
import { apiUrl } from './sync-api.ts';
import { readErrorAnswer, SyncHttpError } from './sync-errors.ts';
import type { DeviceIdentity, SyncDatabase } from './sync-database.ts';

export interface EnrolmentRequest {
  serverUrl: string;
  enrollmentCode: string;
  deviceName: string;
}

/** Why enrolment failed, as the enrolment screen explains it (i18n key `enrolment.errors.<reason>`). */
export type EnrolmentFailureReason = 'wrongCode' | 'tooManyTries' | 'unreachable' | 'invalid' | 'serverError';

export class EnrolmentError extends Error {
  constructor(
    readonly reason: EnrolmentFailureReason,
    readonly detail: string,
  ) {
    super(`Enrolment failed (${reason}): ${detail}`);
    this.name = 'EnrolmentError';
  }
}

interface EnrolAnswer {
  deviceId: string;
  storeId: string;
  storeName?: string;
  token: string;
}

const ENROL_TIMEOUT_MS = 20_000;

export function normaliseServerUrl(input: string): string {
  const url = new URL(input.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EnrolmentError('invalid', `not an http(s) address: ${input}`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Enrols this device with the store the code names. Rejects with EnrolmentError. */
export async function enrolDevice(
  { serverUrl, enrollmentCode, deviceName }: EnrolmentRequest,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  now: () => Date = () => new Date(),
): Promise<DeviceIdentity> {
  let base: string;
  try {
    base = normaliseServerUrl(serverUrl);
  } catch (error) {
    throw error instanceof EnrolmentError ? error : new EnrolmentError('invalid', `not a valid address: ${serverUrl}`);
  }
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(base, '/devices/enroll'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ enrollmentCode: enrollmentCode.trim(), deviceName: deviceName.trim() }),
      cache: 'no-store',
      signal: AbortSignal.timeout(ENROL_TIMEOUT_MS),
    });
  } catch (error) {
    throw new EnrolmentError('unreachable', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw enrolmentErrorOf(await readErrorAnswer(response, 'POST /devices/enroll'));
  const answer = (await response.json()) as EnrolAnswer;
  return {
    deviceId: answer.deviceId,
    storeId: answer.storeId,
    storeName: answer.storeName ?? answer.storeId,
    deviceName: deviceName.trim(),
    serverUrl: base,
    token: answer.token,
    enrolledAt: now().toISOString(),
  };
}

function enrolmentErrorOf(error: SyncHttpError): EnrolmentError {
  if (error.status === 401) return new EnrolmentError('wrongCode', error.serverMessage);
  if (error.status === 429) return new EnrolmentError('tooManyTries', error.serverMessage);
  if (error.status === 400) return new EnrolmentError('invalid', error.serverMessage);
  if (error.status === 404) return new EnrolmentError('unreachable', `no POS server at this address (${error.message})`);
  return new EnrolmentError('serverError', error.message);
}

export async function saveDeviceIdentity(database: SyncDatabase, identity: DeviceIdentity): Promise<void> {
  await database.device.put({ ...identity, key: 'this-device' });
}

export async function loadDeviceIdentity(database: SyncDatabase): Promise<DeviceIdentity | undefined> {
  const row = await database.device.get('this-device');
  if (!row) return undefined;
  const { key: _key, ...identity } = row;
  return identity;
}

export async function markDeviceRevoked(database: SyncDatabase, at: Date = new Date()): Promise<void> {
  await database.device.update('this-device', { revokedAt: at.toISOString() });
}
