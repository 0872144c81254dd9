import { describe, expect, it } from 'vitest';
import { describeDatabaseError } from './describe-database-error.ts';

describe('what the cashier is told when the device database cannot open', () => {
  it('a full disk asks to free space', () => {
    const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeDatabaseError(error)).toMatchObject({ problem: 'quota', code: 'QuotaExceededError' });
  });

  it('a plain-http LAN address (no crypto.subtle, RxDB UT8) asks for https or localhost', () => {
    const error = Object.assign(new Error('crypto.subtle missing'), { code: 'UT8' });
    expect(describeDatabaseError(error)).toMatchObject({ problem: 'insecure', code: 'UT8', messageKey: 'database.insecure' });
  });

  it('a browser without IndexedDB (private window) asks for a normal window', () => {
    const error = Object.assign(new Error('IndexedDB API missing'), { name: 'MissingAPIError' });
    expect(describeDatabaseError(error).problem).toBe('unavailable');
  });

  it('anything else keeps its code for the manager', () => {
    expect(describeDatabaseError('boom')).toMatchObject({ problem: 'unknown', code: 'UNKNOWN' });
  });
});
