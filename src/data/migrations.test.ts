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

describe('config v1: a tablet keeps a check of each PIN, not its hash', () => {
  it('replaces each staff entry’s pinHash by its 12-bit check and keeps everything else', async () => {
    const old = {
      id: 'store-q1',
      storeId: 'store-q1',
      staff: [{ id: 'lan', name: 'Lan', role: 'cashier', pinHash: 'we6rVCj08GBfyRicSe+VTCVTsZ4UAzgnPccSNwg9x/o=', pinSalt: 'c2FsdC1mb3ItbGFuLTAwMQ==', pinIterations: 1000, active: true }],
    };
    const migrate = migrationStrategies.config[1];
    expect(migrate).toBeDefined();
    const migrated = (await migrate?.(old, undefined as never)) as typeof old;
    expect(migrated.staff).toEqual([{ id: 'lan', name: 'Lan', role: 'cashier', pinCheck: 3102, pinSalt: 'c2FsdC1mb3ItbGFuLTAwMQ==', pinIterations: 1000, active: true }]);
    expect(JSON.stringify(migrated)).not.toContain('we6rVCj08');
  });
});
