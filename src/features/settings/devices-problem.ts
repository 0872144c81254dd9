import { StaffApiError } from '../../sync/staff-api.ts';

/**
 * What went wrong with a device administration call, in the shop's terms; the panel shows
 * `settings.devices.problem.<kind>` in the tablet's language. `step` tells a PIN refused at sign-in
 * (401 there is a wrong PIN) from a session that ended later (401 on the list or a revocation).
 */
export type DevicesProblem =
  | { kind: 'unreachable' | 'wrongPin' | 'unknownStaff' | 'deviceRefused' | 'sessionEnded' | 'notAllowed' | 'notFound' | 'invalidPin' | 'serverError' }
  | { kind: 'locked' | 'tooManyTries'; minutes: number };

export function devicesProblemOf(error: unknown, step: 'signIn' | 'list' | 'revoke'): DevicesProblem {
  if (!(error instanceof StaffApiError)) return { kind: 'serverError' };
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  switch (error.status) {
    case 0:
      return { kind: 'unreachable' };
    case 400:
      return step === 'signIn' ? { kind: 'invalidPin' } : { kind: 'serverError' };
    case 401:
      if (step !== 'signIn') return { kind: 'sessionEnded' };
      if (error.code === 'wrong_pin') return { kind: 'wrongPin' };
      if (error.code === 'unknown_staff') return { kind: 'unknownStaff' };
      return { kind: 'deviceRefused' };
    case 403:
      return { kind: 'notAllowed' };
    case 404:
      return { kind: 'notFound' };
    case 423:
      return { kind: 'locked', minutes };
    case 429:
      return { kind: 'tooManyTries', minutes };
    default:
      return { kind: 'serverError' };
  }
}
