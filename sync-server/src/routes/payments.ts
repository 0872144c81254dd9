/*
 * Bank-QR payments a tablet waits for (device token, its own store):
 *   POST   /api/v1/payments/bank-qr {id, reference, amount, currency: "VND"}
 *          -> 201 {payment} (status waiting; or confirmed at once when the transfer already arrived),
 *             200 {payment} for the same request again, 409 when the id holds another payment
 *   DELETE /api/v1/payments/bank-qr/:id -> 200 {payment} (status cancelled: the customer paid another way),
 *          409 when the bank already confirmed it (the money is there: reconcile), 404 for no such payment
 * The payment is a `payments` document: it streams to the store's tablets, where the pay panel watches its
 * status turn confirmed when the bank's notice arrives (integrations/bank-notices.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../http-error.ts';
import { cancelBankQrPayment, registerBankQrPayment } from '../integrations/bank-notices.ts';

const registerSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 8, maxLength: 64, pattern: '^[0-9A-Za-z-]+$' },
    reference: { type: 'string', minLength: 4, maxLength: 25 },
    amount: { type: 'integer', minimum: 1, maximum: 100_000_000_000 },
    currency: { type: 'string', enum: ['VND'] },
  },
  required: ['id', 'reference', 'amount', 'currency'],
  additionalProperties: false,
} as const;

const paymentsRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { id: string; reference: string; amount: number; currency: string } }>('/payments/bank-qr', { schema: { body: registerSchema } }, async (request, reply) => {
    if (!/[0-9A-Za-z].*[0-9A-Za-z].*[0-9A-Za-z].*[0-9A-Za-z]/.test(request.body.reference)) {
      throw new HttpError(400, 'invalid_request', 'body/reference needs at least 4 letters or digits: it is found in the bank transfer note by them');
    }
    const outcome = await registerBankQrPayment(app.store, app.documents, app.changeBus, { ...request.body, storeId: request.device.storeId, deviceId: request.device.id }, new Date());
    if (outcome.result === 'conflict') throw new HttpError(409, 'conflict', `Payment "${request.body.id}" is already registered with another reference, amount or store`);
    return reply.code(outcome.result === 'created' ? 201 : 200).send({ payment: outcome.payment });
  });

  app.delete<{ Params: { id: string } }>('/payments/bank-qr/:id', async (request) => {
    const outcome = await cancelBankQrPayment(app.store, app.documents, app.changeBus, request.device.storeId, request.params.id, new Date());
    if (outcome.result === 'not-found') throw new HttpError(404, 'not_found', `No bank-QR payment "${request.params.id}" at this store`);
    if (outcome.result === 'confirmed') throw new HttpError(409, 'conflict', `Payment "${request.params.id}" was already confirmed by the bank: the money arrived, take it as paid or refund it`);
    return { payment: outcome.payment };
  });
};

export default paymentsRoutes;
