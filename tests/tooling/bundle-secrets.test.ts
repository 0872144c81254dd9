// No secret from the server's configuration may reach the browser bundle: the built app in dist/ is
// public (any visitor of the store's server can download it). This reads every built file and looks for
// what a mistake would leak: the demo store's PINs, its enrollment code and the PIN hashes' salts (from a
// seed run here, in memory), the values of the server's POS_* / TLS_* settings in this environment, private
// key blocks, the packing-slip signing key (made here the way the server makes it), the orders webhook's
// secret, and server-only code (the enrollment-code generator, Node's PBKDF2) that would carry them.
// `npm test` builds before the tests; run `npx vite build` first when running this file alone.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../sync-server/src/store/open-store.ts';
import { migrateToLatest } from '../../sync-server/src/store/migrations.ts';
import { seedDemoStore, type DemoSummary } from '../../sync-server/src/seed/demo-store.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import type { StaffMember } from '../../sync-server/src/seed/store-config.ts';
import { ORDER_SIGNING_META_KEY, loadOrderSigningKey } from '../../sync-server/src/auth/order-signing.ts';
import { readMeta } from '../../sync-server/src/store/meta-repository.ts';

const DIST = join(process.cwd(), 'dist');

// The enrollment code format (sync-server/src/seed/enrollment-code.ts): three groups of four from an
// alphabet without look-alikes. The only allowed occurrence is the format example shown to the user.
const ENROLLMENT_CODE_FORMAT = /\b[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}\b/g;
const DOCUMENTED_EXAMPLES = new Set(['K7QM-4XPD-92HT']);
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const SERVER_ONLY_MARKERS = ['ABCDEFGHJKMNPQRSTUVWXYZ23456789', 'pbkdf2Sync', 'timingSafeEqual', 'pos.sqlite', 'POS_WEBHOOK_SECRET', ORDER_SIGNING_META_KEY];
// A webhook secret as an operator would make one (`openssl rand -hex 32`), set for this run's server config.
const WEBHOOK_SECRET = process.env['POS_WEBHOOK_SECRET'] ?? 'c0ffee00'.repeat(8);

interface BuiltFile {
  path: string;
  text: string;
}

function listFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Where `needle` occurs, as "file" names; binary files are read as latin1 so every byte is compared. */
function filesContaining(files: BuiltFile[], needle: string): string[] {
  return files.filter((file) => file.text.includes(needle)).map((file) => file.path);
}

function secretValuesFromEnvironment(): Array<{ name: string; value: string }> {
  const values: Array<{ name: string; value: string }> = [];
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(POS_|TLS_|DATABASE_URL)/.test(name) || value === undefined || value.trim().length < 4) continue;
    // Paths and switches are not secrets; their files' contents (a TLS key) are checked below.
    if (/_(DIR|FILE|PROXY|PRODUCTS|MINUTES)$/.test(name) || /^(true|false|\d{1,3})$/.test(value.trim())) continue;
    values.push({ name, value: value.trim() });
    if (name === 'TLS_KEY' && existsSync(value)) values.push({ name: 'TLS_KEY contents', value: readFileSync(value, 'utf8').trim() });
  }
  return values;
}

describe('the built bundle carries no server secret', () => {
  let files: BuiltFile[];
  let store: Store;
  let demo: DemoSummary;
  let staff: StaffMember[];
  /** The packing-slip private key in both forms it exists in: the stored PKCS#8 (base64) and the raw scalar (base64url). */
  let signingSecrets: string[];

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      throw new Error('dist/ has no build: run `npx vite build` (npm test builds before the tests) and run this test again');
    }
    files = listFiles(DIST).map((path) => ({ path: path.slice(DIST.length + 1), text: readFileSync(path, 'latin1') }));
    // The seed as the server runs it, in an in-memory SQLite database: fresh random PINs and code.
    store = await openStore({ database: { kind: 'sqlite', file: ':memory:' } });
    await migrateToLatest(store);
    demo = await seedDemoStore(store, { products: 5, customers: 3, pickupOrders: 1 });
    const config = await new DocumentsRepository(store).get('config', demo.storeId);
    staff = (config?.body['staff'] as StaffMember[] | undefined) ?? [];
    const key = await loadOrderSigningKey(store.db);
    const stored = await readMeta<{ privateKey: string }>(store.db, ORDER_SIGNING_META_KEY);
    signingSecrets = [stored?.privateKey ?? '', String(key.privateKey.export({ format: 'jwk' }).d)];
  });

  afterAll(async () => {
    await store?.close();
  });

  it('reads a real build (the check would be empty otherwise)', () => {
    expect(files.some((file) => file.path.endsWith('.js'))).toBe(true);
    expect(staff).toHaveLength(3);
  });

  it("has none of the demo store's PINs, enrollment code or PIN salts and hashes", () => {
    const leaks: string[] = [];
    for (const member of demo.staff) {
      // A PIN is six digits: only a quoted literal or "PIN 123456" would be a leak, not any number in the code.
      for (const form of [`"${member.pin}"`, `'${member.pin}'`, `\`${member.pin}\``, `PIN ${member.pin}`]) {
        for (const path of filesContaining(files, form)) leaks.push(`${member.role} PIN in ${path}`);
      }
    }
    for (const path of filesContaining(files, demo.enrollmentCode)) leaks.push(`enrollment code in ${path}`);
    for (const member of staff) {
      for (const path of filesContaining(files, member.pinSalt)) leaks.push(`${member.role} PIN salt in ${path}`);
      for (const path of filesContaining(files, member.pinHash)) leaks.push(`${member.role} PIN hash in ${path}`);
    }
    expect(leaks).toEqual([]);
  });

  it('has no value of the server settings in this environment (POS_*, TLS_*, DATABASE_URL)', () => {
    const leaks = secretValuesFromEnvironment().flatMap(({ name, value }) => filesContaining(files, value).map((path) => `${name} in ${path}`));
    expect(leaks).toEqual([]);
  });

  it('has no private key and no enrollment-code-shaped string except the documented example', () => {
    const leaks: string[] = [];
    for (const file of files) {
      if (PRIVATE_KEY.test(file.text)) leaks.push(`private key block in ${file.path}`);
      for (const match of file.text.matchAll(ENROLLMENT_CODE_FORMAT)) {
        if (!DOCUMENTED_EXAMPLES.has(match[0])) leaks.push(`enrollment-code-shaped "${match[0]}" in ${file.path}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('has neither the packing-slip signing key nor the orders webhook secret', () => {
    expect(signingSecrets.every((secret) => secret.length >= 40)).toBe(true);
    const leaks = [
      ...signingSecrets.flatMap((secret) => filesContaining(files, secret).map((path) => `packing-slip private key in ${path}`)),
      ...filesContaining(files, WEBHOOK_SECRET).map((path) => `webhook secret in ${path}`),
    ];
    expect(leaks).toEqual([]);
  });

  it('has no server-only code that would carry secrets (code generator, Node PBKDF2, database file name)', () => {
    const leaks = SERVER_ONLY_MARKERS.flatMap((marker) => filesContaining(files, marker).map((path) => `"${marker}" in ${path}`));
    expect(leaks).toEqual([]);
  });

  it('would notice a leak: the scan finds a planted PIN, salt and key in a scratch copy', () => {
    const member = demo.staff[0];
    const salted = staff[0];
    if (!member || !salted) throw new Error('the seed made no staff');
    const scratch: BuiltFile[] = [
      { path: 'scratch.js', text: `const pin="${member.pin}";const salt="${salted.pinSalt}";const code="${demo.enrollmentCode}";` },
      { path: 'scratch.pem', text: '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----' },
      { path: 'scratch-keys.js', text: `const k="${signingSecrets[1] ?? ''}";const s=${JSON.stringify(WEBHOOK_SECRET)};` },
    ];
    expect(filesContaining(scratch, signingSecrets[1] ?? 'missing')).toEqual(['scratch-keys.js']);
    expect(filesContaining(scratch, WEBHOOK_SECRET)).toEqual(['scratch-keys.js']);
    expect(filesContaining(scratch, `"${member.pin}"`)).toEqual(['scratch.js']);
    expect(filesContaining(scratch, salted.pinSalt)).toEqual(['scratch.js']);
    expect(filesContaining(scratch, demo.enrollmentCode)).toEqual(['scratch.js']);
    expect(PRIVATE_KEY.test(scratch[1]?.text ?? '')).toBe(true);
    expect([...(scratch[0]?.text ?? '').matchAll(ENROLLMENT_CODE_FORMAT)].map((m) => m[0])).toEqual([demo.enrollmentCode]);
  });
});
