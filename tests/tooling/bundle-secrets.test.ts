// No secret from the server's configuration may reach the browser bundle: the built app is public (any
// visitor of the store's server can download it). A build can only leak what it can see: the environment it
// runs in (a `define`, an `envPrefix` or a plugin that copies settings in), source it imports (server or
// test code with fixed PINs and keys) and files beside it. So this test builds the app itself, into a
// scratch folder, with the server's settings planted in the build's environment (a fresh enrollment code,
// PINs, webhook secret, database password and TLS key for this run), and reads every built file for them,
// for the fixed PINs the test servers use, for private key blocks and enrollment-code-shaped strings, and for
// server-only code (the enrollment-code generator, Node's PBKDF2) that would carry them. The shipped dist/
// (built by `npm test` before the tests) is read too, for the settings of this environment.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEnrollmentCode } from '../../sync-server/src/auth/enrollment-code.ts';
import { randomPin } from '../../sync-server/src/seed/staff-pins.ts';
import { ORDER_SIGNING_META_KEY } from '../../sync-server/src/auth/order-signing.ts';
import { DEMO_PINS } from '../e2e/support/pos-server.test-helper.ts';

const DIST = join(process.cwd(), 'dist');

// The enrollment code format (sync-server/src/auth/enrollment-code.ts): three groups of four from an
// alphabet without look-alikes. The only allowed occurrence is the format example shown to the user.
const ENROLLMENT_CODE_FORMAT = /\b[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}\b/g;
const DOCUMENTED_EXAMPLES = new Set(['K7QM-4XPD-92HT']);
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const SERVER_ONLY_MARKERS = ['ABCDEFGHJKMNPQRSTUVWXYZ23456789', 'pbkdf2Sync', 'timingSafeEqual', 'pos.sqlite', 'POS_WEBHOOK_SECRET', ORDER_SIGNING_META_KEY];

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

/** Server settings as an operator would set them, fresh for this run: none can be in any build made before it. */
function plantedSettings(keyFile: string): Record<string, string> {
  const pins = new Set<string>();
  for (const _ of [1, 2, 3]) pins.add(randomPin(6, pins));
  const [cashier = '', supervisor = '', manager = ''] = [...pins];
  return {
    POS_ENROLLMENT_CODE: generateEnrollmentCode(),
    POS_DEMO_CASHIER_PIN: cashier,
    POS_DEMO_SUPERVISOR_PIN: supervisor,
    POS_DEMO_MANAGER_PIN: manager,
    POS_WEBHOOK_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: `postgres://pos:${randomBytes(12).toString('hex')}@db.internal:5432/pos`,
    TLS_KEY: keyFile,
  };
}

function buildApp(outDir: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}: ${stderr}`))));
  });
}

function readBuild(directory: string): BuiltFile[] {
  return listFiles(directory).map((path) => ({ path: path.slice(directory.length + 1), text: readFileSync(path, 'latin1') }));
}

describe('the built bundle carries no server secret', () => {
  let scratch: string;
  let files: BuiltFile[];
  let shipped: BuiltFile[];
  let planted: Record<string, string>;
  let privateKey: string;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      throw new Error('dist/ has no build: run `npx vite build` (npm test builds before the tests) and run this test again');
    }
    shipped = readBuild(DIST);
    scratch = mkdtempSync(join(tmpdir(), 'pos-bundle-secrets-'));
    const keyFile = join(scratch, 'key.pem');
    privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(keyFile, privateKey);
    planted = plantedSettings(keyFile);
    await buildApp(join(scratch, 'dist'), planted);
    files = readBuild(join(scratch, 'dist'));
  }, 120_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('reads real builds (the check would be empty otherwise)', () => {
    expect(files.some((file) => file.path.endsWith('.js'))).toBe(true);
    expect(files.some((file) => file.path === 'index.html')).toBe(true);
    expect(shipped.some((file) => file.path.endsWith('.js'))).toBe(true);
  });

  it('has none of the server settings the build ran with: enrollment code, PINs, webhook secret, database password, TLS key', () => {
    const leaks: string[] = [];
    for (const [name, value] of Object.entries(planted)) {
      // A PIN is six digits: only a quoted literal or "PIN 123456" would be a leak, not any number in the code.
      const forms = /_PIN$/.test(name) ? [`"${value}"`, `'${value}'`, `\`${value}\``, `PIN ${value}`] : [value];
      for (const form of forms) for (const path of filesContaining(files, form)) leaks.push(`${name} in ${path}`);
    }
    const keyBody = privateKey.split('\n').filter((line) => line !== '' && !line.startsWith('-----')).join('');
    for (const path of filesContaining(files, keyBody.slice(0, 40))) leaks.push(`TLS key contents in ${path}`);
    expect(leaks).toEqual([]);
  });

  it('has none of the fixed PINs the test servers sign staff in with (test code pulled into the app would carry them)', () => {
    const leaks = Object.entries(DEMO_PINS).flatMap(([role, pin]) =>
      [`"${pin}"`, `'${pin}'`, `\`${pin}\``].flatMap((form) => [...filesContaining(files, form), ...filesContaining(shipped, form)].map((path) => `${role} test PIN in ${path}`)),
    );
    expect(leaks).toEqual([]);
  });

  it('has no value of the server settings in this environment (POS_*, TLS_*, DATABASE_URL) in the shipped build', () => {
    const leaks = secretValuesFromEnvironment().flatMap(({ name, value }) => filesContaining(shipped, value).map((path) => `${name} in ${path}`));
    expect(leaks).toEqual([]);
  });

  it('has no private key and no enrollment-code-shaped string except the documented example', () => {
    const leaks: string[] = [];
    for (const file of [...files, ...shipped]) {
      if (PRIVATE_KEY.test(file.text)) leaks.push(`private key block in ${file.path}`);
      for (const match of file.text.matchAll(ENROLLMENT_CODE_FORMAT)) {
        if (!DOCUMENTED_EXAMPLES.has(match[0])) leaks.push(`enrollment-code-shaped "${match[0]}" in ${file.path}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('has no server-only code that would carry secrets (code generator, Node PBKDF2, database file name)', () => {
    const leaks = SERVER_ONLY_MARKERS.flatMap((marker) => filesContaining([...files, ...shipped], marker).map((path) => `"${marker}" in ${path}`));
    expect(leaks).toEqual([]);
  });

  it('would notice a leak: the scan finds planted settings, a test PIN and a key in a scratch copy', () => {
    const scratchFiles: BuiltFile[] = [
      { path: 'scratch.js', text: `const pin="${planted['POS_DEMO_MANAGER_PIN'] ?? ''}";const code="${planted['POS_ENROLLMENT_CODE'] ?? ''}";const t='${DEMO_PINS.cashier}';` },
      { path: 'scratch.pem', text: privateKey },
      { path: 'scratch-keys.js', text: `const s=${JSON.stringify(planted['POS_WEBHOOK_SECRET'])};const u=${JSON.stringify(planted['DATABASE_URL'])};` },
    ];
    expect(filesContaining(scratchFiles, `"${planted['POS_DEMO_MANAGER_PIN'] ?? 'missing'}"`)).toEqual(['scratch.js']);
    expect(filesContaining(scratchFiles, planted['POS_ENROLLMENT_CODE'] ?? 'missing')).toEqual(['scratch.js']);
    expect(filesContaining(scratchFiles, `'${DEMO_PINS.cashier}'`)).toEqual(['scratch.js']);
    expect(filesContaining(scratchFiles, planted['POS_WEBHOOK_SECRET'] ?? 'missing')).toEqual(['scratch-keys.js']);
    expect(filesContaining(scratchFiles, planted['DATABASE_URL'] ?? 'missing')).toEqual(['scratch-keys.js']);
    expect(PRIVATE_KEY.test(scratchFiles[1]?.text ?? '')).toBe(true);
    expect([...(scratchFiles[0]?.text ?? '').matchAll(ENROLLMENT_CODE_FORMAT)].map((m) => m[0])).toEqual([planted['POS_ENROLLMENT_CODE']]);
  });
});
