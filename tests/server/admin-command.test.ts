// A chain that is not the demo: the admin command creates a store and its first manager on the server's
// database, a tablet enrols with the printed code, the manager signs in with the PIN and may import the
// catalog; renaming the store reaches the tablet through sync. On SQLite and PostgreSQL, with the server
// running (a test app on the same database) while the command writes.
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_USAGE } from '../../sync-server/src/admin/admin-args.ts';
import { runAdmin } from '../../sync-server/src/admin/run-admin.ts';
import { repoRoot } from '../../sync-server/src/config.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, enroll, pull, signIn } from './helpers/shop.test-helper.ts';
import { openSse } from './helpers/sse.test-helper.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

const CLI = path.join(repoRoot, 'sync-server', 'src', 'admin-cli.ts');

describe.each(DATABASE_KINDS)('the chain sets up a real store with the admin command (%s)', (kind) => {
  let t: TestApp;
  let storeId: string;
  let code: string;
  let managerId: string;

  beforeAll(async () => {
    t = await startTestApp(kind, 'admin-command');
  });
  afterAll(async () => t?.close());

  const admin = async (args: string[], pin = ''): Promise<Run> => {
    const out: string[] = [];
    const err: string[] = [];
    const exit = await runAdmin(args, {
      env: { ...t.database.env, LOG_LEVEL: 'silent' },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      readPin: async () => pin,
    });
    return { code: exit, out: out.join('\n'), err: err.join('\n') };
  };

  it('wrong arguments exit 2 with what is wrong and the usage; nothing is written', async () => {
    const seq = await new DocumentsRepository(t.store).lastSeq();
    for (const [args, message] of [
      [['open-store'], /^Unknown verb "open-store"/],
      [['create-store'], /^create-store needs --name/],
      [['create-store', '--name', 'Q1', '--currency', 'XYZ'], /--currency "XYZ" is not a currency the POS knows/],
      [['create-store', '--name', 'Q1', '--time-zone', 'Asia/Sai_Gon'], /--time-zone "Asia\/Sai_Gon" is not a time zone/],
      [['create-store', '--name', 'Q1', '--colour', 'red'], /create-store: Unknown option '--colour'/],
      [['edit-store', '--store', 'Q1'], /edit-store needs at least one of --name/],
      [['enrollment-code'], /enrollment-code needs --store/],
      [['add-manager', '--store', 'Q1'], /add-manager needs --name/],
      [['add-manager', '--name', 'Lan'], /add-manager needs --store/],
    ] as const) {
      const run = await admin([...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err).toMatch(message);
      expect(run.err).toContain(ADMIN_USAGE);
    }
    expect((await admin(['list-stores'])).out).toBe('No store yet: npm run admin -- create-store --name "<name>"');
    expect(await new DocumentsRepository(t.store).lastSeq()).toBe(seq);
  });

  it('create-store prints the id and enrollment code; a tablet enrols with it and pulls the store\'s config', async () => {
    const run = await admin(['create-store', '--name', 'Cửa hàng Lê Lợi', '--address', '12 Lê Lợi, Quận 1, TP. HCM', '--tax-code', '0312345678-001', '--phone', '028 3822 0000']);
    expect(run).toMatchObject({ code: 0, err: '' });
    storeId = /id: +(\S+)/.exec(run.out)?.[1] ?? '';
    code = /enrollment code: +(\S+)/.exec(run.out)?.[1] ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const tablet = await enroll(t.app, code, 'Quầy 1');
    expect(tablet.storeId).toBe(storeId);
    const config = (await pull(t.app, tablet.token, 'config')).documents[0];
    expect(config).toMatchObject({
      id: storeId,
      store: { name: 'Cửa hàng Lê Lợi', address: '12 Lê Lợi, Quận 1, TP. HCM', taxCode: '0312345678-001', phone: '028 3822 0000', currency: 'VND', locale: 'vi-VN', timeZone: 'Asia/Ho_Chi_Minh' },
      staff: [],
      receipt: { header: ['CỬA HÀNG LÊ LỢI', '12 Lê Lợi, Quận 1, TP. HCM', 'MST: 0312345678-001 · ĐT: 028 3822 0000'] },
    });
    expect((config?.['taxClasses'] as Array<{ id: string }>).map((c) => c.id)).toEqual(['vat10', 'vat8', 'vat5', 'vat0', 'exempt']);
    expect((config?.['permissions'] as Record<string, string[]>)['manager']).toContain('catalog.manage');
    expect((config?.['store'] as Record<string, string>)['orderSigningPublicKey']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await admin(['list-stores'])).out).toMatch(new RegExp(`^${storeId}  Cửa hàng Lê Lợi`));
    expect(await admin(['create-store', '--name', 'cửa hàng lê lợi '])).toMatchObject({ code: 2, err: expect.stringMatching(/is already named "Cửa hàng Lê Lợi"/) });
  });

  it('add-manager refuses a PIN under 6 digits, then adds the manager, who signs in and may import the catalog', async () => {
    const documents = new DocumentsRepository(t.store);
    const seq = await documents.lastSeq();
    expect(await admin(['add-manager', '--store', storeId, '--name', 'Lê Hoàng Nam'], '12345')).toMatchObject({
      code: 2,
      err: "The PIN was refused: a manager's PIN needs at least 6 digits",
    });
    expect(await documents.lastSeq()).toBe(seq);

    // By name instead of id; the PIN as typed at the prompt.
    const run = await admin(['add-manager', '--store', 'Cửa hàng Lê Lợi', '--name', 'Lê Hoàng Nam'], '482915');
    expect(run.code).toBe(0);
    managerId = /staff id (\S+)\)/.exec(run.out)?.[1] ?? '';
    const tablet = await enroll(t.app, code, 'Quầy 2');
    const staff = (await pull(t.app, tablet.token, 'config')).documents[0]?.['staff'] as Array<Record<string, unknown>>;
    expect(staff).toEqual([expect.objectContaining({ id: managerId, name: 'Lê Hoàng Nam', role: 'manager', active: true, pinCheck: expect.any(Number) })]);
    expect(staff[0]).not.toHaveProperty('pinHash');

    const session = await signIn(t.app, tablet, managerId, '482915');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/import',
      headers: { ...bearer(session), 'content-type': 'text/csv' },
      payload: 'Mã hàng,Tên hàng,Giá bán,Thuế\nMUOI,Muối i-ốt 500g,6000,vat5',
    });
    expect(imported.statusCode).toBe(200);
    expect(await admin(['add-manager', '--store', storeId, '--name', 'lê hoàng nam', '--pin', '777777'])).toMatchObject({ code: 2, err: expect.stringMatching(/already has an active manager named "Lê Hoàng Nam"/) });
  });

  it('renaming the store reaches the tablet live (PostgreSQL: NOTIFY; SQLite: the server finds the write on the sequence counter) and as a delta', async () => {
    const tablet = await enroll(t.app, code, 'Quầy 3');
    const { checkpoint } = await pull(t.app, tablet.token, 'config');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/sync/stream`, tablet.token);
    try {
      await stream.waitFor((e) => e.event === 'ready');
      const run = await admin(['edit-store', '--store', storeId, '--name', 'Cửa hàng Nguyễn Huệ', '--time-zone', 'Asia/Bangkok']);
      expect(run.code).toBe(0);
      const renamed = { name: 'Cửa hàng Nguyễn Huệ', timeZone: 'Asia/Bangkok', address: '12 Lê Lợi, Quận 1, TP. HCM' };
      expect(run.out).toContain(kind === 'postgres' ? 'through their live connection' : 'finds it within a second');
      const change = await stream.waitFor((e) => e.event === 'change' && JSON.parse(e.data).collection === 'config');
      expect(JSON.parse(change.data).documents[0].store).toMatchObject(renamed);
      const delta = await pull(t.app, tablet.token, 'config', checkpoint);
      expect(delta.documents).toHaveLength(1);
      expect(delta.documents[0]?.['store']).toMatchObject(renamed);
      expect(delta.documents[0]?.['receipt']).toMatchObject({ header: ['CỬA HÀNG NGUYỄN HUỆ', '12 Lê Lợi, Quận 1, TP. HCM', 'MST: 0312345678-001 · ĐT: 028 3822 0000'] });
      expect((await admin(['list-stores'])).out).toContain('Cửa hàng Nguyễn Huệ');
    } finally {
      stream.close();
    }
  });

  it('rotating the enrollment code: the old code no longer enrols, the new one does', async () => {
    expect((await admin(['enrollment-code', '--store', storeId])).out).toBe(`Enrollment code of "Cửa hàng Nguyễn Huệ": ${code}`);
    const run = await admin(['enrollment-code', '--store', 'Cửa hàng Nguyễn Huệ', '--rotate']);
    const rotated = /: (\S+)$/m.exec(run.out)?.[1] ?? '';
    expect(rotated).not.toBe(code);
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { enrollmentCode: code, deviceName: 'Quầy 4' } });
    expect(old.statusCode).toBe(401);
    expect((await enroll(t.app, rotated, 'Quầy 4')).storeId).toBe(storeId);
    expect(await admin(['enrollment-code', '--store', 'Quận 9'])).toMatchObject({ code: 2, err: expect.stringMatching(/^No store has the id or name "Quận 9": the stores are: Cửa hàng Nguyễn Huệ/) });
  });

  it('as a command: exit codes, the usage on stderr, and the PIN read from standard input', () => {
    const env = { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'silent', ...t.database.env };
    const wrong = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'add-manager'], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('add-manager needs --store');
    expect(wrong.stderr).toContain('Usage: npm run admin -- <verb> [options]');
    const added = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'add-manager', '--store', storeId, '--name', 'Trần Thu Hà'], { cwd: repoRoot, env, input: '90817263\n', encoding: 'utf8' });
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^Trần Thu Hà is a manager of "Cửa hàng Nguyễn Huệ"/);
  });
});
