/*
 * Device administration of the signed-in person's own store, for holders of 'device.revoke' (managers in
 * the default permission table; the store's config decides):
 *   GET    /api/v1/devices       -> 200 {devices: [{id, name, createdAt, revokedAt}]}
 *   DELETE /api/v1/devices/:id   -> 200 {id, revokedAt}; 404 for an unknown device or another store's.
 * Revoking ends the device's token and its staff sessions at once (every instance reads the devices
 * table on each call) and closes its live event streams.
 */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../http-error.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { listDevices, revokeDevice } from '../store/devices-repository.ts';

const deviceParamsSchema = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
  required: ['id'],
} as const;

const devicesRoutes: FastifyPluginAsync = async (app) => {
  const mayManageDevices = requirePermission(PERMISSIONS.revokeDevice, 'Listing and revoking devices');
  app.get('/devices', { preHandler: mayManageDevices }, async (request) => {
    const devices = await listDevices(app.store.db, request.device.storeId);
    return { devices: devices.map(({ id, name, createdAt, revokedAt }) => ({ id, name, createdAt, revokedAt })) };
  });

  app.delete<{ Params: { id: string } }>('/devices/:id', { preHandler: mayManageDevices, schema: { params: deviceParamsSchema } }, async (request) => {
    const revoked = await revokeDevice(app.store.db, request.device.storeId, request.params.id, new Date().toISOString());
    if (revoked === undefined) throw new HttpError(404, 'not_found', `This store has no device "${request.params.id}"`);
    await app.changeBus.announceRevocation(revoked.id);
    request.log.info({ deviceId: revoked.id, by: request.staff?.staffId }, 'device revoked');
    return { id: revoked.id, revokedAt: revoked.revokedAt };
  });
};

export default devicesRoutes;
