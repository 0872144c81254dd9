// The "waiting" figure drops the moment the server answers, even while RxDB's own bookkeeping (the exact
// recount) still lists the acknowledged sales.
import { describe, expect, it } from 'vitest';
import { createPendingTracker } from './pending-tracker.ts';

function setup(listed: () => Set<string>) {
  const published: number[] = [];
  const tracker = createPendingTracker({
    listPending: () => Promise.resolve(listed()),
    publish: (count) => published.push(count),
    onCountFailed: (error) => {
      throw error;
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { tracker, published, settle };
}

describe('the documents-waiting figure', () => {
  it('drops acknowledged sales at once and keeps them out while RxDB has not recorded the push', async () => {
    let inRxdb = new Set(['s1', 's2', 's3']);
    const { tracker, published, settle } = setup(() => new Set(inRxdb));
    tracker.recount();
    await settle();
    expect(published.at(-1)).toBe(3);

    tracker.settled(['s1', 's2']);
    expect(published.at(-1)).toBe(1);

    tracker.recount();
    await settle();
    expect(published.at(-1)).toBe(1);

    inRxdb = new Set(['s3']);
    tracker.recount();
    await settle();
    expect(published.at(-1)).toBe(1);
  });

  it('counts a document again when it is written after its push was answered', async () => {
    const inRxdb = new Set(['c1']);
    const { tracker, published, settle } = setup(() => new Set(inRxdb));
    tracker.recount();
    await settle();
    tracker.settled(['c1']);
    expect(published.at(-1)).toBe(0);

    tracker.written(['c1']);
    tracker.recount();
    await settle();
    expect(published.at(-1)).toBe(1);
  });
});
