// A schema version bump without its migration strategy would strand the data of every device in the field.
import { describe, expect, it } from 'vitest';
import { migrationStrategies } from './migrations.ts';
import { collectionNames, collectionSchemas } from './schemas/index.ts';

describe('migration strategies', () => {
  it.each(collectionNames)('cover every schema version of %s, and nothing beyond it', (name) => {
    const version = collectionSchemas[name].version;
    const expected = Array.from({ length: version }, (_, index) => String(index + 1));
    expect(Object.keys(migrationStrategies[name]).sort()).toEqual(expected);
  });
});
