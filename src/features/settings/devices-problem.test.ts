import { describe, expect, it } from 'vitest';
import { StaffApiError } from '../../sync/staff-api.ts';
import { devicesProblemOf } from './devices-problem.ts';

const refusal = (status: number, code: string, retryAfterSeconds?: number) => new StaffApiError(status, code, 'as the server said it', retryAfterSeconds);

describe('what the devices panel tells a manager when the server refuses', () => {
  it('at sign-in, a 401 is a wrong PIN, an unknown person or a tablet the server no longer accepts, by the server code', () => {
    expect(devicesProblemOf(refusal(401, 'wrong_pin'), 'signIn')).toEqual({ kind: 'wrongPin' });
    expect(devicesProblemOf(refusal(401, 'unknown_staff'), 'signIn')).toEqual({ kind: 'unknownStaff' });
    expect(devicesProblemOf(refusal(401, 'unauthorized'), 'signIn')).toEqual({ kind: 'deviceRefused' });
    expect(devicesProblemOf(refusal(400, 'bad_request'), 'signIn')).toEqual({ kind: 'invalidPin' });
  });

  it('after sign-in, a 401 means the staff session ended and a 403 that the person lacks the permission', () => {
    expect(devicesProblemOf(refusal(401, 'unauthorized'), 'list')).toEqual({ kind: 'sessionEnded' });
    expect(devicesProblemOf(refusal(401, 'unauthorized'), 'revoke')).toEqual({ kind: 'sessionEnded' });
    expect(devicesProblemOf(refusal(403, 'forbidden'), 'list')).toEqual({ kind: 'notAllowed' });
    expect(devicesProblemOf(refusal(404, 'not_found'), 'revoke')).toEqual({ kind: 'notFound' });
  });

  it('a lock-out (423) and too many tries (429) say how many whole minutes to wait, from Retry-After', () => {
    expect(devicesProblemOf(refusal(423, 'locked', 840), 'signIn')).toEqual({ kind: 'locked', minutes: 14 });
    expect(devicesProblemOf(refusal(423, 'locked', 61), 'signIn')).toEqual({ kind: 'locked', minutes: 2 });
    expect(devicesProblemOf(refusal(429, 'too_many_requests', 5), 'signIn')).toEqual({ kind: 'tooManyTries', minutes: 1 });
    expect(devicesProblemOf(refusal(429, 'too_many_requests'), 'signIn')).toEqual({ kind: 'tooManyTries', minutes: 1 });
  });

  it('an unreachable server, a 5xx and anything unexpected are told apart from refusals', () => {
    expect(devicesProblemOf(refusal(0, 'unreachable'), 'list')).toEqual({ kind: 'unreachable' });
    expect(devicesProblemOf(refusal(503, 'unavailable'), 'revoke')).toEqual({ kind: 'serverError' });
    expect(devicesProblemOf(new TypeError('boom'), 'signIn')).toEqual({ kind: 'serverError' });
  });
});
