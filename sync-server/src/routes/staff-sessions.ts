/*
 * POST /api/v1/staff/sessions {staffId, pin} (device token) -> 201 {token, staffId, role, expiresAt}:
 * a short-lived staff token for manager-only calls. The PIN is checked against the PBKDF2 hash in the
 * store's config document (the same hash the tablet checks offline), in constant time. The lock-out follows
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
import type { FastifyPluginAsync } from 'fastify';
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

export const MAX_SIGN_IN_FAILURES_PER_MINUTE = 20;
/** Twice a device's: a store's tablets often share one address, and one stolen tablet must not stop them all. */
export const MAX_SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE = 40;

const PER_DEVICE: TryLimit = { scope: 'staff-session', maxTries: MAX_SIGN_IN_FAILURES_PER_MINUTE, windowMinutes: 2 };
const PER_ADDRESS: TryLimit = { scope: 'staff-session-address', maxTries: MAX_SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE, windowMinutes: 2 };

const staffSessionRoutes: FastifyPluginAsync<{ pinLockoutMs: number; staffSessionMs: number }> = async (app, options) => {
  app.post<{ Body: { staffId: string; pin: string } }>('/staff/sessions', { schema: { body: sessionBodySchema } }, async (request, reply) => {
    const { storeId } = request.device;
    const { staffId, pin } = request.body;
    const config = await app.documents.get('config', storeId);
    const staff = (config?.body.staff ?? []).find((s) => s.id === staffId && s.active);
    // The config's settings win; the server's POS_PIN_LOCKOUT_MINUTES fills in a config without a time.
    const lockout = lockoutSettingsFrom({ pinLockoutMinutes: options.pinLockoutMs / 60_000, ...config?.body.permissions });
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
    if (!(await verifyPin(pin, staff))) {
      if (attempt.attempt >= lockout.maxFailures) throw locked(reply, staff.name, attempt.lockedUntil, now, lockout);
      const left = lockout.maxFailures - attempt.attempt;
      throw new HttpError(401, 'wrong_pin', `Wrong PIN for ${staff.name}: ${left} ${left === 1 ? 'try' : 'tries'} left before a ${Math.round(lockout.lockoutMs / 60_000)}-minute lock-out`);
    }
    await clearPinFailures(app.store.db, storeId, staffId);
    await handBack();
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
