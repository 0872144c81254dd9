import { StaffApiError } from '../../sync/staff-api.ts';

/**
 * What went wrong with a stock call, in the shop's terms (`stock.problem.<kind>` in the tablet's language);
 * `step` tells a PIN refused at sign-in (401 there is a wrong PIN) from a session that ended later.
 */
export type StockProblem = { kind: 'unreachable' | 'wrongPin' | 'deviceRefused' | 'sessionEnded' | 'notAllowed' | 'idUsed' | 'notFound' | 'serverError' } | { kind: 'locked'; minutes: number };

export function stockProblemOf(error: unknown, step: 'signIn' | 'call'): StockProblem {
  if (!(error instanceof StaffApiError)) return { kind: 'serverError' };
  switch (error.status) {
    case 0:
      return { kind: 'unreachable' };
    case 401:
      if (step !== 'signIn') return { kind: 'sessionEnded' };
      return error.code === 'wrong_pin' ? { kind: 'wrongPin' } : { kind: 'deviceRefused' };
    case 403:
      return { kind: 'notAllowed' };
    case 404:
      return { kind: 'notFound' };
    case 409:
      return { kind: 'idUsed' };
    case 423:
    case 429:
      return { kind: 'locked', minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) };
    default:
      return { kind: 'serverError' };
  }
}
