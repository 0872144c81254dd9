/*
 * POST /api/v1/devices/enroll {enrollmentCode, deviceName} -> 201 {deviceId, storeId, storeName, token}.
 * The code names the store (stores.enrollment_code); the token (256 random bits) is shown once and kept
 * only as its SHA-256 in devices. A wrong code is 401; more than 10 wrong codes within a minute from one
 * address is 429 with Retry-After (the address is the proxy's client address when POS_TRUST_PROXY is set),
 * counted in the database so that every server instance on one database shares the count.
 */
import type { FastifyPluginAsync } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { hashToken, newToken } from '../auth/tokens.ts';
import { HttpError } from '../http-error.ts';
import { refuseWhenLimited } from '../plugins/rate-limit.ts';
import { insertDevice } from '../store/devices-repository.ts';
import { findStoreByEnrollmentCode } from '../store/stores-repository.ts';

export const MAX_ENROLL_FAILURES_PER_MINUTE = 10;

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
  const failures = app.failureLimit('enroll', MAX_ENROLL_FAILURES_PER_MINUTE);

  app.post<{ Body: EnrollBody }>('/devices/enroll', { schema: { body: enrollBodySchema } }, async (request, reply) => {
    await refuseWhenLimited(failures, request.ip, reply, 'wrong enrollment codes from this address');
    const code = request.body.enrollmentCode.trim();
    const store = (await findStoreByEnrollmentCode(app.store.db, code)) ?? (await findStoreByEnrollmentCode(app.store.db, code.toUpperCase()));
    if (store === undefined) {
      await failures.recordFailure(request.ip);
      throw new HttpError(401, 'wrong_enrollment_code', 'No store has this enrollment code: check it with the store manager (it is shown in the manager\'s settings)');
    }
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
