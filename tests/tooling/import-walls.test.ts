import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The walls of CONVENTIONS.md are lint rules (eslint.config.js): a feature imports no other feature, a lower
// floor imports no higher one, nothing imports in a circle, and the server's rooms below plugins/ stay below
// them. These probes check that each rule really bites. Walls are probed with virtual files (nothing is
// written into the tree others are working in); a cycle needs two real files, so it is built in a temp folder
// linted with this repository's config.

const repository = process.cwd();
const eslint = new ESLint({ cwd: repository });

async function lintProbe(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

/** An import of some real file in a folder (any will do: the wall is about the folder). */
function importOfAFileIn(folder: string, from: string): string {
  const file = readdirSync(join(repository, folder)).find((name) => name.endsWith('.ts') && !name.includes('.test'));
  if (!file) throw new Error(`No .ts file in ${folder} to import`);
  const depth = dirname(from).split('/').length;
  return `import * as probe from '${'../'.repeat(depth)}${folder}/${file}';\nexport const used = probe;\n`;
}

describe('a feature stays behind its wall', () => {
  it('refuses a feature importing another feature', async () => {
    const messages = await lintProbe('src/features/settings/wall-probe.ts', "import { routes } from '../sale/routes.ts';\nexport const x = routes;\n");
    expect(messages.join('\n')).toMatch(/import-x\/no-restricted-paths: .*src\/features\/settings may not reach into another feature/);
  });

  it('refuses it from a subfolder of a feature too (walls are judged on resolved paths, not on how the import is spelled)', async () => {
    const messages = await lintProbe('src/features/settings/deeper/wall-probe.ts', "import { routes } from '../../audit/routes.ts';\nexport const x = routes;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-paths/);
  });

  it('accepts a feature importing its own files and the floors below', async () => {
    const code = [
      "import { PinPad } from '../../ui/pin-pad.tsx';",
      "import { useStaffSessionStore } from '../../session/staff-session-store.ts';",
      "import { routes } from './routes.ts';",
      'export const x = [PinPad, useStaffSessionStore, routes];',
      '',
    ].join('\n');
    expect(await lintProbe('src/features/settings/wall-probe.ts', code)).toEqual([]);
  });

  it('lets a test put two features together, as the app does', async () => {
    const messages = await lintProbe('src/features/settings/wall-probe.test.ts', "import { routes } from '../sale/routes.ts';\nexport const x = routes;\n");
    expect(messages).toEqual([]);
  });
});

describe('a lower floor imports no higher one', () => {
  it.each([
    ['src/data/wall-probe.ts', 'src/features/sale'],
    ['src/catalog/wall-probe.ts', 'src/features/sale'],
    ['src/devices/printer/wall-probe.ts', 'src/features/sale'],
    ['src/ui/wall-probe.ts', 'src/features/sale'],
    ['src/session/wall-probe.ts', 'src/features/sale'],
    ['src/sync/wall-probe.ts', 'src/features/sale'],
    ['src/features/sale/wall-probe.ts', 'src/app'],
    ['src/data/wall-probe.ts', 'src/sync'],
    ['src/session/wall-probe.ts', 'src/sync'],
    ['src/data/wall-probe.ts', 'src/session'],
    ['src/ui/wall-probe.ts', 'src/data'],
  ])('refuses %s importing from %s', async (probe, folder) => {
    const messages = await lintProbe(probe, importOfAFileIn(folder, probe));
    expect(messages.join('\n')).toMatch(/import-x\/no-restricted-paths: .*sits below/);
  });
});

describe("the domain's one door to the stored documents' shapes", () => {
  it('lets src/domain/documents.ts take types from the generated schema types', async () => {
    const code = "import type { SaleDocument } from '../data/schemas/types.ts';\nexport type Sale = SaleDocument;\n";
    expect(await lintProbe('src/domain/documents.ts', code)).toEqual([]);
  });

  it.each([
    ['src/domain/documents.ts', "import { SaleDocument } from '../data/schemas/types.ts';\nexport const x = SaleDocument;\n", /only types/],
    ['src/domain/documents.ts', "import type { PosDatabase } from '../data/database.ts';\nexport type X = PosDatabase;\n", /imports only from src\/domain/],
    ['src/domain/cart-probe.ts', "import type { SaleDocument } from '../data/schemas/types.ts';\nexport type Sale = SaleDocument;\n", /imports only from src\/domain/],
  ])('refuses in %s: %s', async (probe, code, reason) => {
    expect((await lintProbe(probe, code)).join('\n')).toMatch(reason);
  });
});

describe('the server keeps its floors', () => {
  it.each([
    ['sync-server/src/store/wall-probe.ts', 'sync-server/src/plugins', /sits below plugins/],
    ['sync-server/src/policies/wall-probe.ts', 'sync-server/src/plugins', /sits below plugins/],
    ['sync-server/src/routes/wall-probe.ts', 'sync-server/src/seed', /seed\/ is demo data/],
    ['sync-server/src/plugins/wall-probe.ts', 'sync-server/src/seed', /seed\/ is demo data/],
    ['sync-server/src/store/wall-probe.ts', 'sync-server/src/routes', /top of the server/],
    ['sync-server/src/routes/wall-probe.ts', 'src/features/sale', /only src\/domain and src\/data/],
  ])('refuses %s importing from %s', async (probe, folder, reason) => {
    const messages = await lintProbe(probe, importOfAFileIn(folder, probe));
    expect(messages.join('\n')).toMatch(reason);
  });
});

describe('nothing imports in a circle', () => {
  let folder = '';
  let tempEslint: ESLint;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'import-walls-'));
    tempEslint = new ESLint({ cwd: folder, overrideConfigFile: join(repository, 'eslint.config.js') });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function lintFiles(files: Record<string, string>, target: string): Promise<string[]> {
    for (const [path, code] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), code);
    }
    const [result] = await tempEslint.lintFiles([target]);
    return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
  }

  it('refuses two app files that import each other', async () => {
    const messages = await lintFiles(
      {
        'src/devices/probe/receipt-a.ts': "import { b } from './receipt-b.ts';\nexport const a = (): number => b() + 1;\n",
        'src/devices/probe/receipt-b.ts': "import { a } from './receipt-a.ts';\nexport const b = (): number => (a.length > 0 ? 1 : 0);\n",
      },
      'src/devices/probe/receipt-a.ts',
    );
    expect(messages.join('\n')).toMatch(/import-x\/no-cycle/);
  });

  it('refuses a longer circle through a lazy import on the server', async () => {
    const messages = await lintFiles(
      {
        'sync-server/src/store/probe-one.ts': "import { two } from './probe-two.ts';\nexport const one = (): number => two();\n",
        'sync-server/src/store/probe-two.ts': "import { three } from './probe-three.ts';\nexport const two = (): number => three();\n",
        'sync-server/src/store/probe-three.ts': "export const three = (): number => 3;\nexport const later = () => import('./probe-one.ts');\n",
      },
      'sync-server/src/store/probe-one.ts',
    );
    expect(messages.join('\n')).toMatch(/import-x\/no-cycle/);
  });

  it('accepts a type-only import back (it is gone at run time)', async () => {
    const messages = await lintFiles(
      {
        'src/ui/probe/line-a.ts': "import { b } from './line-b.ts';\nexport interface Line { b: number }\nexport const a = (): number => b();\n",
        'src/ui/probe/line-b.ts': "import type { Line } from './line-a.ts';\nexport const b = (line?: Line): number => line?.b ?? 0;\n",
      },
      'src/ui/probe/line-a.ts',
    );
    expect(messages).toEqual([]);
  });
});
