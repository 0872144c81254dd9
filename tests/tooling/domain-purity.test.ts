import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The domain runs unchanged in the browser and on the server, so the lint rule that keeps it pure is
// part of the architecture; this checks the rule really bites.
async function lintDomainFile(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: 'src/domain/probe.ts' });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the domain stays pure', () => {
  it.each([
    ["import { useState } from 'react';\nexport const x = useState;\n", /no React/],
    ["import { createRxDatabase } from 'rxdb';\nexport const x = createRxDatabase;\n", /no database/],
    ["import Dexie from 'dexie';\nexport const x = Dexie;\n", /no database/],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", /no I\/O/],
    ["import { x } from '../data/database.ts';\nexport const y = x;\n", /only from src\/domain/],
    ['export const load = () => fetch("/api/v1/health");\n', /fetch/],
    ['export const title = () => document.title;\n', /document/],
  ])('refuses %s', async (code, reason) => {
    const messages = await lintDomainFile(code);
    expect(messages.join('\n')).toMatch(reason);
  });

  it('accepts imports between domain files', async () => {
    expect(await lintDomainFile("import { makeEan13 } from './gtin.ts';\nexport const x = makeEan13;\n")).toEqual([]);
  });
});
