import { describe, expect, it } from 'vitest';
import { pushSplittingRefused, type RefusalOf } from './push-splitting-refused.ts';

class Refused extends Error {
  constructor(readonly status: number) {
    super(`refused ${status}`);
  }
}
const refusalOf: RefusalOf = (error) =>
  error instanceof Refused ? { status: error.status, error: 'invalid_document', message: 'lines[0].qty must be an integer' } : undefined;

/** A server that takes a batch all or nothing, refusing any batch with a poison id in it. */
function allOrNothingServer(poison: Set<number>, conflictIds: Set<number> = new Set()) {
  const stored: number[] = [];
  const batches: number[][] = [];
  const push = async (rows: readonly number[]) => {
    batches.push([...rows]);
    if (rows.some((row) => poison.has(row))) throw new Refused(400);
    stored.push(...rows);
    return rows.filter((row) => conflictIds.has(row)).map((row) => ({ id: row, master: true }));
  };
  return { push, stored, batches };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('pushing a batch with a poison document in it', () => {
  it('sets aside only the poison sale and lets every other sale through', async () => {
    const server = allOrNothingServer(new Set([137]));
    const result = await pushSplittingRefused(ids(500), server.push, refusalOf);
    expect(result.refused).toEqual([{ row: 137, status: 400, error: 'invalid_document', message: 'lines[0].qty must be an integer' }]);
    expect([...server.stored].sort((a, b) => a - b)).toEqual(ids(500).filter((id) => id !== 137));
    expect(result.accepted).toHaveLength(499);
    expect(result.requests).toBeLessThanOrEqual(20);
  });

  it('finds several poison documents, keeping the order of the others', async () => {
    const server = allOrNothingServer(new Set([1, 2, 9, 10]));
    const result = await pushSplittingRefused(ids(10), server.push, refusalOf);
    expect(result.refused.map((r) => r.row)).toEqual([1, 2, 9, 10]);
    expect(server.stored).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('makes one request when nothing is poison and hands back the server conflicts', async () => {
    const server = allOrNothingServer(new Set(), new Set([4]));
    const result = await pushSplittingRefused(ids(8), server.push, refusalOf);
    expect(result.requests).toBe(1);
    expect(result.conflicts).toEqual([{ id: 4, master: true }]);
    expect(result.refused).toEqual([]);
  });

  it('refuses a single poison document without splitting further', async () => {
    const server = allOrNothingServer(new Set([1]));
    const result = await pushSplittingRefused([1], server.push, refusalOf);
    expect(result.requests).toBe(1);
    expect(result.refused.map((r) => r.row)).toEqual([1]);
  });

  it('lets a temporary failure through untouched so the whole batch is retried later', async () => {
    const outage = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(pushSplittingRefused(ids(4), outage, refusalOf)).rejects.toThrow('Failed to fetch');
  });

  it('does nothing for an empty batch', async () => {
    const server = allOrNothingServer(new Set());
    expect((await pushSplittingRefused([], server.push, refusalOf)).requests).toBe(0);
  });
});
