/*
 * The back office's store settings (holders of 'settings.edit', managers by default; a staff token), for the
 * store the session was opened at (backoffice/store-settings.ts says which config fields they are):
 *   GET /api/v1/backoffice/settings -> 200 {settings, updatedAt}
 *   PUT /api/v1/backoffice/settings {settings, expectedUpdatedAt?} -> 200 {settings, updatedAt, changed}
 *   400 a form of the wrong shape, 422 {errors: [{field, message}]} every field whose value is wrong (in
 *   Vietnamese when Accept-Language ranks vi first), 409 a form read before the config last changed.
 * A change is the config document with a new seq, announced to the store's tablets (the next receipt prints
 * the new footer), and an audit entry naming the parts changed.
 */
import type { FastifyPluginAsync } from 'fastify';
import { importLanguage } from '../../../src/domain/catalog-import-messages.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { REFUND_METHODS } from '../../../src/domain/return-policy.ts';
import { CARD_TERMINALS_MAX, changedSections, configWithSettings, RECEIPT_MAX_LINES, settingsOf, settingsProblems } from '../backoffice/store-settings.ts';
import type { SettingsError, StoreSettings } from '../backoffice/store-settings.ts';
import { writeStoreConfig } from '../backoffice/store-config-write.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const count = { type: 'integer' } as const;
const countOrNull = { anyOf: [{ type: 'integer' }, { type: 'null' }] } as const;
const lines = { type: 'array', maxItems: RECEIPT_MAX_LINES * 4, items: text(1000) } as const;
const categories = { type: 'array', maxItems: 200, items: text(100) } as const;

const settingsSchema = {
  type: 'object',
  properties: {
    receiptHeader: lines,
    receiptFooter: lines,
    taxCode: text(40),
    bank: {
      anyOf: [
        { type: 'object', properties: { bin: text(40), accountNumber: text(60), accountName: text(200) }, required: ['bin', 'accountNumber'], additionalProperties: false },
        { type: 'null' },
      ],
    },
    loyalty: {
      type: 'object',
      properties: {
        enabled: { type: 'boolean' },
        earnAmountPerPoint: count,
        pointValue: count,
        minRedeemPoints: count,
        maxRedeemBasisPoints: count,
        offlineRedeemCapPoints: count,
        offlineRedeemCapAmount: countOrNull,
        nonEarningCategories: categories,
      },
      required: ['enabled', 'earnAmountPerPoint', 'pointValue', 'minRedeemPoints', 'maxRedeemBasisPoints', 'offlineRedeemCapPoints', 'offlineRedeemCapAmount', 'nonEarningCategories'],
      additionalProperties: false,
    },
    returns: {
      type: 'object',
      properties: {
        windowDays: countOrNull,
        refundMethods: { type: 'array', maxItems: 4, uniqueItems: true, items: { type: 'string', enum: [...REFUND_METHODS] } },
        managerApprovalAbove: countOrNull,
        nonReturnableCategories: categories,
      },
      required: ['windowDays', 'refundMethods', 'managerApprovalAbove', 'nonReturnableCategories'],
      additionalProperties: false,
    },
    timeZone: text(64),
    businessDayCutoff: text(10),
    pickupAllowUnpaidHandover: { type: 'boolean' },
    cardTerminals: {
      type: 'array',
      maxItems: CARD_TERMINALS_MAX * 2,
      items: { type: 'object', properties: { id: text(200), name: text(400) }, required: ['id', 'name'], additionalProperties: false },
    },
  },
  required: ['receiptHeader', 'receiptFooter', 'taxCode', 'bank', 'loyalty', 'returns', 'timeZone', 'businessDayCutoff'],
  additionalProperties: false,
} as const;

const putSchema = {
  type: 'object',
  properties: { settings: settingsSchema, expectedUpdatedAt: text(40) },
  required: ['settings'],
  additionalProperties: false,
} as const;

const backOfficeSettingsRoutes: FastifyPluginAsync = async (app) => {
  const mayManage = requirePermission(PERMISSIONS.manageSettings, "Changing the store's settings");

  app.get('/backoffice/settings', { preHandler: mayManage }, async (request) => {
    const config = await app.documents.get('config', request.device.storeId);
    if (config === undefined) throw new HttpError(409, 'conflict', `The store ${request.device.storeId} has no configuration yet: create it with the admin command`);
    return { settings: settingsOf(config.body), updatedAt: config.body.updatedAt };
  });

  app.put<{ Body: { settings: StoreSettings; expectedUpdatedAt?: string } }>('/backoffice/settings', { schema: { body: putSchema }, preHandler: mayManage }, async (request, reply) => {
    const { storeId } = request.device;
    const { settings, expectedUpdatedAt } = request.body;
    const errors: SettingsError[] = settingsProblems(settings, importLanguage(request.headers['accept-language']));
    if (errors.length > 0) {
      return reply.code(422).send({ error: 'invalid_settings', message: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors });
    }
    const now = new Date();
    const outcome = await app.store.db.transaction().execute(async (trx) => {
      await lockSequenceCounter(trx);
      const current = (await app.documents.getMany(trx, 'config', [storeId])).get(storeId)?.body;
      if (current === undefined) throw new HttpError(409, 'conflict', `The store ${storeId} has no configuration yet: create it with the admin command`);
      if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== current.updatedAt) {
        throw new HttpError(409, 'conflict', `The settings were changed at ${current.updatedAt} since this form was read (${expectedUpdatedAt}): open them again`);
      }
      const before = settingsOf(current);
      const next = configWithSettings(current, settings, now.toISOString());
      const sections = changedSections(before, settingsOf(next));
      if (sections.length === 0) return { config: current, changed: false };
      await writeStoreConfig(trx, app, storeId, next, { deviceId: request.device.id, staffId: request.staff?.staffId ?? '', action: 'settings.edit', details: { sections } }, now);
      request.log.info({ storeId, by: request.staff?.staffId, sections }, 'store settings changed');
      return { config: next, changed: true };
    });
    return { settings: settingsOf(outcome.config), updatedAt: outcome.config.updatedAt, changed: outcome.changed };
  });
};

export default backOfficeSettingsRoutes;
