// What the manager is told when a back-office call fails, and which file types the import sends as what.
import { describe, expect, it } from 'vitest';
import { StaffApiError } from '../../sync/staff-api.ts';
import { catalogFileType, CSV_TYPE, XLSX_TYPE } from './back-office-api.ts';
import { backOfficeProblemOf } from './back-office-problem.ts';

const refused = (status: number, code = `http_${status}`, retryAfter?: number) => new StaffApiError(status, code, 'server words', retryAfter);

describe('back-office problems', () => {
  it('tells a wrong PIN at sign-in from a session that ended during the import', () => {
    expect(backOfficeProblemOf(refused(401, 'wrong_pin'), 'signIn')).toEqual({ kind: 'wrongPin' });
    expect(backOfficeProblemOf(refused(401, 'unknown_staff'), 'signIn')).toEqual({ kind: 'unknownStaff' });
    expect(backOfficeProblemOf(refused(401, 'unauthorized'), 'signIn')).toEqual({ kind: 'deviceRefused' });
    expect(backOfficeProblemOf(refused(401, 'unauthorized'), 'import')).toEqual({ kind: 'sessionEnded' });
  });

  it('names what the manager can act on for the import', () => {
    expect(backOfficeProblemOf(refused(403), 'import')).toEqual({ kind: 'notAllowed' });
    expect(backOfficeProblemOf(refused(413), 'import')).toEqual({ kind: 'tooLarge' });
    expect(backOfficeProblemOf(refused(415), 'import')).toEqual({ kind: 'notCatalogFile' });
    expect(backOfficeProblemOf(refused(400), 'import')).toEqual({ kind: 'emptyFile' });
    expect(backOfficeProblemOf(refused(0, 'unreachable'), 'import')).toEqual({ kind: 'unreachable' });
    expect(backOfficeProblemOf(refused(500), 'import')).toEqual({ kind: 'serverError' });
    expect(backOfficeProblemOf(new TypeError('boom'), 'import')).toEqual({ kind: 'serverError' });
  });

  it('says how long a lock-out lasts, in whole minutes rounded up', () => {
    expect(backOfficeProblemOf(refused(423, 'locked', 61), 'signIn')).toEqual({ kind: 'locked', minutes: 2 });
    expect(backOfficeProblemOf(refused(429, 'too_many', undefined), 'signIn')).toEqual({ kind: 'tooManyTries', minutes: 1 });
  });
});

describe('the catalog file type', () => {
  it('goes by the file name first, since Windows calls a CSV an Excel file', () => {
    expect(catalogFileType({ name: 'Danh mục.CSV', type: 'application/vnd.ms-excel' })).toBe(CSV_TYPE);
    expect(catalogFileType({ name: 'catalog.xlsx', type: '' })).toBe(XLSX_TYPE);
    expect(catalogFileType({ name: 'export', type: XLSX_TYPE })).toBe(XLSX_TYPE);
    expect(catalogFileType({ name: 'export', type: 'text/csv' })).toBe(CSV_TYPE);
  });

  it('refuses an old .xls workbook and anything else', () => {
    expect(catalogFileType({ name: 'old.xls', type: 'application/vnd.ms-excel' })).toBeUndefined();
    expect(catalogFileType({ name: 'photo.png', type: 'image/png' })).toBeUndefined();
  });
});
