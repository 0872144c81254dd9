/*
 * POST /api/v1/devices/enroll {enrollmentCode, deviceName} -> 201 {deviceId, storeId, storeName, token}.
 * The code names the store (stores.enrollment_code); the token (256 random bits) is shown once and kept
 * only as its SHA-256 in devices. A wrong code is 401; more than 10 wrong codes within a minute from one
 * address is 429 with Retry-After (the address is the proxy's client address when POS_TRUST_PROXY is set).
 * Successful enrolments are limited too, 20 an hour per address and 50 an hour per store (429 with
 * Retry-After): a fresh tablet brings fresh per-device limits (failed PIN sign-ins), so enrolling must not be
 * a way to start counting again, and a leaked code must not mint tablets without end.
 * Every count lives in the database, so every server instance on one database shares it, and each try is
 * counted before the code is looked up: codes sent all at once cannot slip past the limit.
 */
import type { FastifyPluginAsync } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { hashToken, newToken } from '../auth/tokens.ts';
import { HttpError } from '../http-error.ts';
import { countTry } from '../plugins/rate-limit.ts';
import type { TryLimit } from '../plugins/rate-limit.ts';
import { insertDevice } from '../store/devices-repository.ts';
import { findStoreByEnrollmentCode } from '../store/stores-repository.ts';

export const MAX_ENROLL_FAILURES_PER_MINUTE = 10;
/** A new store's tablets come a handful at a time; a guesser's fresh tablets by the hundred. */
export const MAX_ENROLLMENTS_PER_ADDRESS_PER_HOUR = 20;
export const MAX_ENROLLMENTS_PER_STORE_PER_HOUR = 50;

const WRONG_CODES: TryLimit = { scope: 'enroll', maxTries: MAX_ENROLL_FAILURES_PER_MINUTE, windowMinutes: 2 };
const PER_ADDRESS: TryLimit = { scope: 'enrolled-address', maxTries: MAX_ENROLLMENTS_PER_ADDRESS_PER_HOUR, windowMinutes: 60 };
const PER_STORE: TryLimit = { scope: 'enrolled-store', maxTries: MAX_ENROLLMENTS_PER_STORE_PER_HOUR, windowMinutes: 60 };

const enrollBodySchema = {
  type: 'object',
  properties: {
    enrollmentCode: { type: 'string', minLength: 1, maxLength: 100 },
    deviceName: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
  },
  required: ['enrollmentCode', 'deviceName'],
  additionalProperties: false,
} as const;

interface EnrollBody {
  enrollmentCode: string;
  deviceName: string;
}

const enrollRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: EnrollBody }>('/devices/enroll', { schema: { body: enrollBodySchema } }, async (request, reply) => {
    // Counted as a wrong code now, handed back once the code names a store.
    const wrongCode = await countTry(app, WRONG_CODES, request.ip, reply, 'wrong enrollment codes from this address');
    const code = request.body.enrollmentCode.trim();
    const store = (await findStoreByEnrollmentCode(app.store.db, code)) ?? (await findStoreByEnrollmentCode(app.store.db, code.toUpperCase()));
    if (store === undefined) {
      throw new HttpError(401, 'wrong_enrollment_code', 'No store has this enrollment code: check it with the store manager (it is shown in the manager\'s settings)');
    }
    await wrongCode.release();
    const byAddress = await countTry(app, PER_ADDRESS, request.ip, reply, 'enrolments from this address', 'minutes');
    await countTry(app, PER_STORE, store.id, reply, `tablets enrolled in ${store.name} this hour`, 'minutes').catch(async (error: unknown) => {
      await byAddress.release();
      throw error;
    });
    const token = newToken();
    const deviceId = uuidv7();
    await insertDevice(app.store.db, {
      id: deviceId,
      storeId: store.id,
      name: request.body.deviceName.trim(),
      tokenHash: hashToken(token),
      createdAt: new Date().toISOString(),
    });
    request.log.info({ deviceId, storeId: store.id }, 'device enrolled');
    return reply.code(201).send({ deviceId, storeId: store.id, storeName: store.name, token });
  });
};

export default enrollRoutes;
