// The audit trail on a real IndexedDB: what a manager later reads back is exactly what was recorded.
import { afterEach, describe, expect, it } from 'vitest';
import { createPosDatabase, type PosDatabase } from './database.ts';
import { recordAudit } from './audit-log.ts';

const opened: PosDatabase[] = [];
const identity = { storeId: 'store-q1', deviceId: 'device-counter-1' };

async function openFreshDatabase(): Promise<PosDatabase> {
  const database = await createPosDatabase({ name: `audit-test-${crypto.randomUUID()}`, devMode: true });
  opened.push(database);
  return database;
}

afterEach(async () => {
  for (const database of opened.splice(0)) await database.remove();
});

describe('the audit trail', () => {
  it('records a no-sale drawer opening with the cashier and the supervisor who approved it', async () => {
    const database = await openFreshDatabase();
    const at = new Date('2025-03-01T08:30:00.000Z');
    const entry = await recordAudit(database, identity, { action: 'drawer.open', staffId: 'lan', approverId: 'tuan', details: { reason: 'change' } }, at);

    const stored = await database.audit.findOne(entry.id).exec();
    expect(stored?.toJSON()).toEqual({
      id: entry.id,
      storeId: 'store-q1',
      deviceId: 'device-counter-1',
      action: 'drawer.open',
      staffId: 'lan',
      approverId: 'tuan',
      details: { reason: 'change' },
      createdAt: '2025-03-01T08:30:00.000Z',
    });
    // UUIDv7: the id carries the time, so ids sort in the order things happened.
    expect(entry.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
  });

  it('gives entries written in order ids in the same order', async () => {
    const database = await openFreshDatabase();
    const first = await recordAudit(database, identity, { action: 'staff.sign_in', staffId: 'lan' }, new Date(1_000));
    const second = await recordAudit(database, identity, { action: 'staff.sign_out', staffId: 'lan' }, new Date(2_000));
    expect(first.id < second.id).toBe(true);
    expect('approverId' in first).toBe(false);
  });

  it('keeps entries written in the same millisecond in the order they were written', async () => {
    const database = await openFreshDatabase();
    const at = new Date('2025-03-01T08:30:00.000Z');
    const written = [];
    for (let i = 0; i < 20; i++) written.push(await recordAudit(database, identity, { action: 'staff.pin_failed', staffId: 'lan', details: { try: i } }, at));
    const stored = await database.audit.find({ sort: [{ id: 'asc' }] }).exec();
    expect(stored.map((entry) => entry.details?.['try'])).toEqual(written.map((_, i) => i));
  });
});
