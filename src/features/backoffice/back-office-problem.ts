import { StaffApiError } from '../../sync/staff-api.ts';

/**
 * What went wrong with a back-office call, in the shop's terms; the screen shows
 * `backOffice.problem.<kind>` in the tablet's language. `step` tells a PIN refused at sign-in (401 there
 * is a wrong PIN) from a session that ended later (401 on the import).
 */
export type BackOfficeProblem =
  | { kind: 'unreachable' | 'wrongPin' | 'unknownStaff' | 'deviceRefused' | 'sessionEnded' | 'notAllowed' | 'invalidPin' | 'tooLarge' | 'notCatalogFile' | 'emptyFile' | 'noStoreConfig' | 'serverError' }
  | { kind: 'locked' | 'tooManyTries'; minutes: number };

export function backOfficeProblemOf(error: unknown, step: 'signIn' | 'import'): BackOfficeProblem {
  if (!(error instanceof StaffApiError)) return { kind: 'serverError' };
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  switch (error.status) {
    case 0:
      return { kind: 'unreachable' };
    case 400:
      return step === 'signIn' ? { kind: 'invalidPin' } : { kind: 'emptyFile' };
    case 401:
      if (step !== 'signIn') return { kind: 'sessionEnded' };
      if (error.code === 'wrong_pin') return { kind: 'wrongPin' };
      if (error.code === 'unknown_staff') return { kind: 'unknownStaff' };
      return { kind: 'deviceRefused' };
    case 403:
      return { kind: 'notAllowed' };
    case 409:
      return { kind: 'noStoreConfig' };
    case 413:
      return { kind: 'tooLarge' };
    case 415:
      return { kind: 'notCatalogFile' };
    case 423:
      return { kind: 'locked', minutes };
    case 429:
      return { kind: 'tooManyTries', minutes };
    default:
      return { kind: 'serverError' };
  }
}
