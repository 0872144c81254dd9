/*
 * The back office's staff (holders of 'staff.edit', managers by default; a staff token), for the store the
 * session was opened at or, with ?storeId=, another store where the same person holds 'staff.edit' by that
 * store's own config (a manager of several stores, an owner: policies/stores-held.ts; 403 elsewhere, saying
 * where they hold it):
 *   GET   /api/v1/backoffice/staff/stores               -> 200 {stores: [{id, name}]}: the stores to choose from,
 *         the session's own first;
 *   GET   /api/v1/backoffice/staff                      -> 200 {staff: [{id, name, role, active, pinSetRequired}]}
 *   POST  /api/v1/backoffice/staff {name, role, pin?}   -> 201 {member}: without a PIN the person chooses one
 *         at their first sign-in on a tablet;
 *   PATCH /api/v1/backoffice/staff/:id {name?, role?, active?} -> 200 {member}: a deactivated person cannot
 *         sign in on any tablet once it has the config; a cashier made an approver chooses a longer PIN;
 *   POST  /api/v1/backoffice/staff/:id/pin-reset       -> 200 {member}: the PIN is forgotten, the person
 *         chooses a new one on a tablet at their next sign-in.
 * And with the device token, for that sign-in:
 *   POST  /api/v1/staff/pin {staffId, pin}             -> 200 {member}: only for a person whose PIN was reset
 *         (409 otherwise); an approver's PIN has at least 6 digits (422).
 * 404 an unknown person, 422 what is wrong with the request (a name taken, demoting oneself, the last manager).
 * Every change is a new config seq announced to the store's tablets, with an audit entry (backoffice/staff-edits.ts).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import type { Role } from '../../../src/domain/permissions.ts';
import { addStaff, chooseOwnPin, editStaff, MAX_STAFF_NAME, resetStaffPin, StaffEditRefused, staffView } from '../backoffice/staff-edits.ts';
import type { StaffEditor } from '../backoffice/staff-edits.ts';
import { storesWhereHeld } from '../policies/stores-held.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';

const ROLE = { type: 'string', enum: ['cashier', 'supervisor', 'manager'] } as const;
const PIN = { type: 'string', pattern: '^[0-9]{4,8}$' } as const;
const NAME = { type: 'string', maxLength: MAX_STAFF_NAME * 2 } as const;

const addSchema = { type: 'object', properties: { name: NAME, role: ROLE, pin: PIN }, required: ['name', 'role'], additionalProperties: false } as const;
const editSchema = { type: 'object', properties: { name: NAME, role: ROLE, active: { type: 'boolean' } }, minProperties: 1, additionalProperties: false } as const;
const chooseSchema = { type: 'object', properties: { staffId: { type: 'string', minLength: 1, maxLength: 64 }, pin: PIN }, required: ['staffId', 'pin'], additionalProperties: false } as const;

const storeQuerySchema = { type: 'object', properties: { storeId: { type: 'string', minLength: 1, maxLength: 64 } }, additionalProperties: false } as const;
type StoreQuery = { Querystring: { storeId?: string } };

/** Who changes the staff, and of which store: the session's, or the one asked for where the person holds staff.edit. */
async function editorOf(request: FastifyRequest<StoreQuery>): Promise<StaffEditor> {
  // requirePermission refused any request without a staff session.
  const staffId = request.staff?.staffId ?? '';
  const own = request.device.storeId;
  const wanted = request.query.storeId;
  if (wanted === undefined || wanted === own) return { storeId: own, deviceId: request.device.id, staffId };
  const held = (await storesWhereHeld(request.server.store, request.server.documents, { staffId, storeId: own }, PERMISSIONS.manageStaff)).stores;
  if (!held.some((store) => store.id === wanted)) {
    const where = held.map((store) => `"${store.name}" (${store.id})`).join(', ');
    throw new HttpError(403, 'forbidden', `Managing the staff of store "${wanted}" needs the permission "staff.edit" there; staff member "${staffId}" holds it at ${where} only`);
  }
  return { storeId: wanted, deviceId: request.device.id, staffId };
}

async function refusedAsHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StaffEditRefused) {
      const code = error.statusCode === 404 ? 'not_found' : error.statusCode === 409 ? 'conflict' : 'invalid_staff';
      throw new HttpError(error.statusCode, code, error.message);
    }
    throw error;
  }
}

const backOfficeStaffRoutes: FastifyPluginAsync = async (app) => {
  const mayManage = requirePermission(PERMISSIONS.manageStaff, 'Managing staff');

  app.get('/backoffice/staff/stores', { preHandler: mayManage }, async (request) => ({
    stores: (await storesWhereHeld(app.store, app.documents, { staffId: request.staff?.staffId ?? '', storeId: request.device.storeId }, PERMISSIONS.manageStaff)).stores,
  }));

  app.get<StoreQuery>('/backoffice/staff', { schema: { querystring: storeQuerySchema }, preHandler: mayManage }, async (request) => {
    const { storeId } = await editorOf(request);
    const config = await app.documents.get('config', storeId);
    return { staff: (config?.body.staff ?? []).map(staffView) };
  });

  app.post<StoreQuery & { Body: { name: string; role: Role; pin?: string } }>('/backoffice/staff', { schema: { body: addSchema, querystring: storeQuerySchema }, preHandler: mayManage }, async (request, reply) => {
    const editor = await editorOf(request);
    const member = await refusedAsHttp(() => addStaff(app.store, app.documents, app.changeBus, editor, request.body));
    request.log.info({ staffId: member.id, role: member.role, storeId: editor.storeId, by: request.staff?.staffId }, 'staff member added');
    return reply.code(201).send({ member });
  });

  app.patch<StoreQuery & { Params: { id: string }; Body: { name?: string; role?: Role; active?: boolean } }>(
    '/backoffice/staff/:id',
    { schema: { body: editSchema, querystring: storeQuerySchema }, preHandler: mayManage },
    async (request) => {
      const editor = await editorOf(request);
      return { member: await refusedAsHttp(() => editStaff(app.store, app.documents, app.changeBus, editor, request.params.id, request.body)) };
    },
  );

  app.post<StoreQuery & { Params: { id: string } }>('/backoffice/staff/:id/pin-reset', { schema: { querystring: storeQuerySchema }, preHandler: mayManage }, async (request) => {
    const editor = await editorOf(request);
    return { member: await refusedAsHttp(() => resetStaffPin(app.store, app.documents, app.changeBus, editor, request.params.id)) };
  });

  app.post<{ Body: { staffId: string; pin: string } }>('/staff/pin', { schema: { body: chooseSchema } }, async (request) => {
    const device = { storeId: request.device.storeId, deviceId: request.device.id };
    const member = await refusedAsHttp(() => chooseOwnPin(app.store, app.documents, app.changeBus, device, request.body.staffId, request.body.pin));
    request.log.info({ staffId: member.id }, 'staff member chose a new PIN');
    return { member };
  });
};

export default backOfficeStaffRoutes;
