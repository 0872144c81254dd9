// @vitest-environment node
// The committed document types must match the JSON schemas they are generated from.
import { describe, expect, it } from 'vitest';
import { readTypesFile, renderSchemaTypes } from '../../scripts/generate-schema-types.mjs';
import { collectionNames } from './schemas/index.ts';

describe('generated document types', () => {
  it('are up to date with the collection schemas (run `node scripts/generate-schema-types.mjs` if not)', async () => {
    const expected = await renderSchemaTypes();
    const committed = await readTypesFile();
    expect(committed).toBe(expected);
  });

  it('name a document type for every collection', async () => {
    const source = await renderSchemaTypes();
    for (const name of collectionNames) expect(source).toMatch(new RegExp(`^  ${name}: \\w+Document;$`, 'm'));
  });
});
