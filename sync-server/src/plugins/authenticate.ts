/*
 * Authentication of every /api/v1 route except health and enrolment, registered once for that subtree
 * (the autohooks way of fastify/demo): `Authorization: Bearer <token>` must name an enrolled, not revoked
 * device (request.device), or a staff session opened on one (request.device and request.staff).
 * A missing, unknown, revoked or expired token answers 401 and says which, so the tablet can tell
 * "enrol again" from "sign in again". Manager-only routes add requireManager as a preHandler.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hashToken } from '../auth/tokens.ts';
import { findTokenOwner } from '../store/devices-repository.ts';
import { HttpError } from './errors.ts';

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
    app.decorateRequest('device', null as unknown as AuthenticatedDevice);
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

/** preHandler of manager-only routes: a manager's staff token, not a device token or another role's. */
export async function requireManager(request: FastifyRequest): Promise<void> {
  if (request.staff === null) {
    throw new HttpError(403, 'forbidden', 'Only a manager may do this: sign in as a manager (POST /api/v1/staff/sessions) and use the staff token, not the device token');
  }
  if (request.staff.role !== 'manager') {
    throw new HttpError(403, 'forbidden', `Only a manager may do this; staff member "${request.staff.staffId}" is a ${request.staff.role}`);
  }
}
