/*
 * Authentication of every /api/v1 route except health and enrolment, registered once for that subtree
 * (the autohooks way of fastify/demo): `Authorization: Bearer <token>` must name an enrolled, not revoked
 * device (request.device), or a staff session opened on one (request.device and request.staff).
 * A missing, unknown, revoked or expired token answers 401 and says which, so the tablet can tell
 * "enrol again" from "sign in again". Routes reserved to some staff add requirePermission(<name>) as a
 * preHandler: the store's CURRENT config permission table decides (the same table the tablets and the
 * push role check read), so moving 'device.revoke' to supervisors in config is all it takes, and a person
 * demoted or deactivated since signing in loses access at the next call.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { approverRoles, can } from '../../../src/domain/permissions.ts';
import { hashToken } from '../auth/tokens.ts';
import { findTokenOwner } from '../store/devices-repository.ts';
import { directoryFromConfig } from '../policies/role-check.ts';
import { HttpError } from '../http-error.ts';

export interface AuthenticatedDevice {
  id: string;
  storeId: string;
  name: string;
}

export interface StaffSession {
  staffId: string;
  role: string;
  expiresAt: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on every authenticated route. */
    device: AuthenticatedDevice;
    /** Set when the token is a staff session's. */
    staff: StaffSession | null;
  }
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i;

function unauthorized(reply: FastifyReply, message: string): HttpError {
  reply.header('www-authenticate', 'Bearer');
  return new HttpError(401, 'unauthorized', message);
}

export default fp(
  async function authenticate(app) {
    // null until the onRequest hook below sets it, which runs before every route of this subtree (so routes
    // read request.device as set). Fastify types a null start value through the overload that takes the
    // decorator's dependencies: it has none.
    app.decorateRequest('device', null, []);
    app.decorateRequest('staff', null);
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers.authorization;
      if (header === undefined || header.trim() === '') {
        throw unauthorized(reply, 'This call needs "Authorization: Bearer <device token>": enroll the device first (POST /api/v1/devices/enroll)');
      }
      const token = BEARER.exec(header)?.[1];
      if (token === undefined) throw unauthorized(reply, 'The Authorization header must be "Bearer <token>" with the token the server gave at enrolment');
      const owner = await findTokenOwner(app.store.db, hashToken(token));
      if (owner === undefined) throw unauthorized(reply, 'Unknown token: this device is not enrolled with this server (enroll it with the store\'s code)');
      if (owner === 'revoked') throw unauthorized(reply, 'This device was removed from its store by a manager: enroll it again with the store\'s code');
      request.device = { id: owner.device.id, storeId: owner.device.storeId, name: owner.device.name };
      if (owner.kind === 'staff') {
        if (owner.expiresAt <= new Date().toISOString()) {
          throw unauthorized(reply, `The staff session ended at ${owner.expiresAt}: sign in again with the PIN`);
        }
        request.staff = { staffId: owner.staffId, role: owner.role, expiresAt: owner.expiresAt };
      }
    });
  },
  { name: 'authenticate', fastify: '5.x', dependencies: ['store'] },
);

/**
 * preHandler of routes reserved to the holders of `permission` (e.g. 'device.revoke'): a staff token whose
 * person is active on the store's staff list in its current config and whose role holds the permission in
 * that config's table. `what` names the action in the 403 message ("Listing and revoking devices").
 */
export function requirePermission(permission: string, what: string): (request: FastifyRequest) => Promise<void> {
  return async function checkPermission(request: FastifyRequest): Promise<void> {
    const { storeId } = request.device;
    const config = await request.server.documents.get('config', storeId);
    const directory = directoryFromConfig(storeId, config?.body);
    const holders = approverRoles(permission, directory.table);
    const whoMay = holders.length === 0 ? 'no role at this store holds it' : `held by: ${holders.join(', ')}`;
    if (request.staff === null) {
      throw new HttpError(
        403,
        'forbidden',
        `${what} needs the permission "${permission}" (${whoMay}): sign in with the PIN (POST /api/v1/staff/sessions) and use the staff token, not the device token`,
      );
    }
    const { staffId } = request.staff;
    const member = directory.staff.get(staffId);
    if (member === undefined || !member.active) {
      throw new HttpError(403, 'forbidden', `${what} needs an active staff member of this store; "${staffId}" is no longer on its staff list`);
    }
    if (!can(member.role, permission, directory.table)) {
      throw new HttpError(
        403,
        'forbidden',
        `${what} needs the permission "${permission}" (${whoMay}); staff member "${staffId}" is a ${member.role}, and this store's permission table does not give it to that role`,
      );
    }
  };
}
