/*
 * POST /api/v1/staff/sessions {staffId, pin} (device token) -> 201 {token, staffId, role, expiresAt}:
 * a short-lived staff token for manager-only calls. POST /api/v1/staff/approvals {staffId, pin, permission}
 * -> 200: the online check of an approver's PIN (below). The PIN is checked against the full PBKDF2 hash only
 * the server keeps (staff_credentials; tablets hold a 12-bit check of it), in constant time. The lock-out follows
 * the same settings as the tablet, from the config's `permissions` (pinMaxFailures wrong PINs in a row lock
 * the person out for pinLockoutMinutes; POS_PIN_LOCKOUT_MINUTES only when the config names no time):
 * 423 with Retry-After, counted in the database so every server instance agrees. On top of that, one
 * device may fail at most 20 sign-ins a minute and one address 40, whoever they try (429 with Retry-After):
 * walking through the staff list five PINs each is as slow as guessing one person's, and enrolling a fresh
 * tablet from the same address does not start the count again.
 * Every guess is counted before its PIN is checked, per device, per address and per person, so guesses
 * sent all at once cannot slip between a check of the count and its update: with N concurrent guesses at
 * most pinMaxFailures PINs are checked. A right PIN hands its counts back.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { StoreConfigDocument } from '../../../src/data/schemas/types.ts';
import { can, parsePermissionTable } from '../../../src/domain/permissions.ts';
import { getStaffCredentials } from '../store/staff-credentials-repository.ts';
import { verifyPin } from '../auth/staff-pins.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { HttpError } from '../http-error.ts';
import { countTry } from '../plugins/rate-limit.ts';
import type { TryLimit } from '../plugins/rate-limit.ts';
import { lockoutSettingsFrom } from '../../../src/domain/pin-lockout.ts';
import type { LockoutSettings } from '../../../src/domain/pin-lockout.ts';
import { insertStaffSession } from '../store/devices-repository.ts';
import { clearPinFailures, lockedUntil, reservePinAttempt } from '../store/pin-lockouts-repository.ts';

const sessionBodySchema = {
  type: 'object',
  properties: {
    staffId: { type: 'string', minLength: 1, maxLength: 64 },
    pin: { type: 'string', pattern: '^[0-9]{4,8}$' },
  },
  required: ['staffId', 'pin'],
  additionalProperties: false,
} as const;

const approvalBodySchema = {
  type: 'object',
  properties: { ...sessionBodySchema.properties, permission: { type: 'string', minLength: 1, maxLength: 64 } },
  required: ['staffId', 'pin', 'permission'],
  additionalProperties: false,
} as const;

type StaffMember = StoreConfigDocument['staff'][number];

export const MAX_SIGN_IN_FAILURES_PER_MINUTE = 20;
/** Twice a device's: a store's tablets often share one address, and one stolen tablet must not stop them all. */
export const MAX_SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE = 40;

const PER_DEVICE: TryLimit = { scope: 'staff-session', maxTries: MAX_SIGN_IN_FAILURES_PER_MINUTE, windowMinutes: 2 };
const PER_ADDRESS: TryLimit = { scope: 'staff-session-address', maxTries: MAX_SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE, windowMinutes: 2 };

/** The staff member a PIN was checked for, with the store's config it was read from. */
interface CheckedStaff {
  staff: StaffMember;
  config: StoreConfigDocument | undefined;
}

/**
 * One counted PIN check at the server, for a sign-in and for an online approval alike: the lock-outs per
 * person, device and address, then the PIN against the full hash only the server keeps (staff_credentials).
 */
async function checkPin(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, staffId: string, pin: string, pinLockoutMs: number): Promise<CheckedStaff> {
  const { storeId } = request.device;
  const config = (await app.documents.get('config', storeId))?.body;
  const staff = (config?.staff ?? []).find((s) => s.id === staffId && s.active);
  // The config's settings win; the server's POS_PIN_LOCKOUT_MINUTES fills in a config without a time.
  const lockout = lockoutSettingsFrom({ pinLockoutMinutes: pinLockoutMs / 60_000, ...config?.permissions });
  const now = new Date();
  // A plain read turns away a burst at someone already locked out cheaply; it only ever refuses.
  const alreadyLocked = staff === undefined ? undefined : await lockedUntil(app.store.db, storeId, staffId, now.toISOString(), lockout.maxFailures);
  if (staff !== undefined && alreadyLocked !== undefined) throw locked(reply, staff.name, alreadyLocked, now, lockout);

  // Counted as failures now; handed back below if the person turns out locked or the PIN right.
  const byDevice = await countTry(app, PER_DEVICE, request.device.id, reply, 'failed staff sign-ins on this device');
  const byAddress = await countTry(app, PER_ADDRESS, request.ip, reply, 'failed staff sign-ins from this address').catch(async (error: unknown) => {
    await byDevice.release();
    throw error;
  });
  const handBack = () => Promise.all([byDevice.release(), byAddress.release()]);
  if (staff === undefined) throw new HttpError(401, 'unknown_staff', `No active staff member "${staffId}" at this store`);

  const lockUntil = new Date(now.getTime() + lockout.lockoutMs).toISOString();
  const attempt = await reservePinAttempt(app.store.db, storeId, staffId, now.toISOString(), lockUntil, lockout.maxFailures);
  if ('refusedUntil' in attempt) {
    // Refused unchecked: not a failed sign-in of this device.
    await handBack();
    throw locked(reply, staff.name, attempt.refusedUntil, now, lockout);
  }
  const credential = (await getStaffCredentials(app.store.db, storeId, [staffId])).get(staffId);
  if (credential === undefined || (await verifyPin(pin, credential)) === undefined) {
    if (attempt.attempt >= lockout.maxFailures) throw locked(reply, staff.name, attempt.lockedUntil, now, lockout);
    const left = lockout.maxFailures - attempt.attempt;
    throw new HttpError(401, 'wrong_pin', `Wrong PIN for ${staff.name}: ${left} ${left === 1 ? 'try' : 'tries'} left before a ${Math.round(lockout.lockoutMs / 60_000)}-minute lock-out`);
  }
  await clearPinFailures(app.store.db, storeId, staffId);
  await handBack();
  return { staff, config };
}

const staffSessionRoutes: FastifyPluginAsync<{ pinLockoutMs: number; staffSessionMs: number }> = async (app, options) => {
  app.post<{ Body: { staffId: string; pin: string } }>('/staff/sessions', { schema: { body: sessionBodySchema } }, async (request, reply) => {
    const { staffId, pin } = request.body;
    const { staff } = await checkPin(app, request, reply, staffId, pin, options.pinLockoutMs);
    const now = new Date();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + options.staffSessionMs).toISOString();
    await insertStaffSession(app.store.db, {
      tokenHash: hashToken(token),
      storeId: request.device.storeId,
      deviceId: request.device.id,
      staffId,
      role: staff.role,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return reply.code(201).send({ token, staffId, role: staff.role, expiresAt });
  });

  /*
   * An approval asked online: the tablet sends the approver's PIN here before it signs the document itself
   * (src/domain/approval-proof.ts), so a PIN that passes the tablet's short check by chance is caught, and
   * every guess counts towards the same lock-outs as a sign-in. 200 when the PIN is right and the person
   * holds the permission in the store's current table, 403 when they do not.
   */
  app.post<{ Body: { staffId: string; pin: string; permission: string } }>('/staff/approvals', { schema: { body: approvalBodySchema } }, async (request, reply) => {
    const { staffId, pin, permission } = request.body;
    const { staff, config } = await checkPin(app, request, reply, staffId, pin, options.pinLockoutMs);
    if (!can(staff.role, permission, parsePermissionTable(config?.permissions))) {
      throw new HttpError(403, 'permission_missing', `${staff.name} is a ${staff.role}, who does not hold the permission "${permission}" at this store`);
    }
    return reply.code(200).send({ staffId, role: staff.role, permission });
  });
};

function locked(reply: { header(name: string, value: string): unknown }, name: string, until: string, now: Date, lockout: LockoutSettings): HttpError {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
  reply.header('retry-after', String(seconds));
  return new HttpError(
    423,
    'locked',
    `${name} is locked out after ${lockout.maxFailures} wrong PINs in a row: try again in ${Math.ceil(seconds / 60)} minute(s) (at ${until}) or ask a manager`,
  );
}

export default staffSessionRoutes;
