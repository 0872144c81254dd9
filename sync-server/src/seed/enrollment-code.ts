// The enrollment code generator lives in auth/ (the rotation route uses it); this path stays for
// tests/tooling/bundle-secrets.test.ts until that test imports from auth/enrollment-code.ts.
export { generateEnrollmentCode } from '../auth/enrollment-code.ts';
