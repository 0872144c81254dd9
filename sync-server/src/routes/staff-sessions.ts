/*
 * POST /api/v1/staff/sessions {staffId, pin} (device token) -> 201 {token, staffId, role, expiresAt}:
 * a short-lived staff token for manager-only calls. The PIN is checked against the PBKDF2 hash in the
 * store's config document (the same hash the tablet checks offline), in constant time. The lock-out follows
 * the same settings as the tablet, from the config's `permissions` (pinMaxFailures wrong PINs in a row lock
 * the person out for pinLockoutMinutes; POS_PIN_LOCKOUT_MINUTES only when the config names no time):
 * 423 with Retry-After, counted in the database so every server instance agrees. On top of that, one
 * device may fail at most MAX_SIGN_IN_FAILURES_PER_MINUTE sign-ins a minute, whoever it tries (429 with
 * Retry-After): walking through the staff list five PINs each is as slow as guessing one person's.
 */
import type { FastifyPluginAsync } from 'fastify';
import { verifyPin } from '../auth/staff-pins.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { HttpError } from '../http-error.ts';
import { refuseWhenLimited } from '../plugins/rate-limit.ts';
import { lockoutSettingsFrom } from '../../../src/domain/pin-lockout.ts';
import type { LockoutSettings } from '../../../src/domain/pin-lockout.ts';
import { insertStaffSession } from '../store/devices-repository.ts';
import { clearPinFailures, lockedUntil, recordPinFailure } from '../store/pin-lockouts-repository.ts';

const sessionBodySchema = {
  type: 'object',
  properties: {
    staffId: { type: 'string', minLength: 1, maxLength: 64 },
    pin: { type: 'string', pattern: '^[0-9]{4,8}$' },
  },
  required: ['staffId', 'pin'],
  additionalProperties: false,
} as const;

export const MAX_SIGN_IN_FAILURES_PER_MINUTE = 20;

const staffSessionRoutes: FastifyPluginAsync<{ pinLockoutMs: number; staffSessionMs: number }> = async (app, options) => {
  const failures = app.failureLimit('staff-session', MAX_SIGN_IN_FAILURES_PER_MINUTE);
  app.post<{ Body: { staffId: string; pin: string } }>('/staff/sessions', { schema: { body: sessionBodySchema } }, async (request, reply) => {
    const { storeId } = request.device;
    const { staffId, pin } = request.body;
    await refuseWhenLimited(failures, request.device.id, reply, 'failed staff sign-ins on this device');
    const config = await app.documents.get('config', storeId);
    const staff = (config?.body.staff ?? []).find((s) => s.id === staffId && s.active);
    if (staff === undefined) {
      await failures.recordFailure(request.device.id);
      throw new HttpError(401, 'unknown_staff', `No active staff member "${staffId}" at this store`);
    }
    // The config's settings win; the server's POS_PIN_LOCKOUT_MINUTES fills in a config without a time.
    const lockout = lockoutSettingsFrom({ pinLockoutMinutes: options.pinLockoutMs / 60_000, ...config?.body.permissions });

    const now = new Date();
    const lockedTill = await lockedUntil(app.store.db, storeId, staffId, now.toISOString());
    if (lockedTill !== undefined) throw locked(reply, staff.name, lockedTill, now, lockout);
    if (!(await verifyPin(pin, staff))) {
      await failures.recordFailure(request.device.id);
      const lockUntil = new Date(now.getTime() + lockout.lockoutMs).toISOString();
      const outcome = await recordPinFailure(app.store.db, storeId, staffId, lockUntil, lockout.maxFailures);
      if ('lockedUntil' in outcome) throw locked(reply, staff.name, outcome.lockedUntil, now, lockout);
      throw new HttpError(
        401,
        'wrong_pin',
        `Wrong PIN for ${staff.name}: ${outcome.left} ${outcome.left === 1 ? 'try' : 'tries'} left before a ${Math.round(lockout.lockoutMs / 60_000)}-minute lock-out`,
      );
    }
    await clearPinFailures(app.store.db, storeId, staffId);
    const token = newToken();
    const expiresAt = new Date(now.getTime() + options.staffSessionMs).toISOString();
    await insertStaffSession(app.store.db, {
      tokenHash: hashToken(token),
      storeId,
      deviceId: request.device.id,
      staffId,
      role: staff.role,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return reply.code(201).send({ token, staffId, role: staff.role, expiresAt });
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
