/*
 * GET /api/v1/orders/:id/packing-slip (device token, the device's own store) -> 200 {orderId, summary,
 * signature, qr, publicKey}: the order summary signed with the server's packing-slip key
 * (auth/order-signing.ts), for the slip packed with an online order. A return at the counter later reads
 * the QR and checks it offline with the public key from the store's config. An order of another store,
 * or none, is 404 (a device learns nothing about other stores' orders).
 */
import type { FastifyPluginAsync } from 'fastify';
import { signPackingSlip } from '../auth/order-signing.ts';
import { HttpError } from '../http-error.ts';

const paramsSchema = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
  required: ['id'],
} as const;

const packingSlipRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>('/orders/:id/packing-slip', { schema: { params: paramsSchema } }, async (request, reply) => {
    const stored = await app.documents.get('orders', request.params.id);
    if (stored === undefined || stored.deleted || stored.storeId !== request.device.storeId) {
      throw new HttpError(404, 'not_found', `No order "${request.params.id}" at this store`);
    }
    const key = await app.orderSigningKey();
    const slip = signPackingSlip(key, stored.body);
    return reply.header('cache-control', 'no-store').send({ orderId: stored.id, ...slip, publicKey: key.publicKey });
  });
};

export default packingSlipRoutes;
