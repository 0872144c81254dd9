/*
 * POST /api/v1/stores/enrollment-code (holders of 'enrollment.rotate', managers by default)
 *   -> 200 {enrollmentCode}: a new code for the signed-in person's store; the old one stops working at once.
 * Devices already enrolled keep their tokens.
 */
import type { FastifyPluginAsync } from 'fastify';
import { generateEnrollmentCode } from '../auth/enrollment-code.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { setEnrollmentCode } from '../store/stores-repository.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';

const enrollmentCodeRoutes: FastifyPluginAsync = async (app) => {
  app.post('/stores/enrollment-code', { preHandler: requirePermission(PERMISSIONS.rotateEnrollmentCode, 'Rotating the enrollment code') }, async (request) => {
    const enrollmentCode = generateEnrollmentCode();
    await setEnrollmentCode(app.store.db, request.device.storeId, enrollmentCode);
    request.log.info({ storeId: request.device.storeId, by: request.staff?.staffId }, 'enrollment code rotated');
    return { enrollmentCode };
  });
};

export default enrollmentCodeRoutes;
