// The event stream client against a scripted server: reconnects, RESYNC after each connection, revocation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackoff } from './backoff.ts';
import { startEventStream, type EventStream, type EventStreamHandlers, type StreamChange } from './event-stream.ts';
import { SyncHttpError } from './sync-errors.ts';

let stream: EventStream | undefined;
afterEach(() => stream?.stop());

function sseResponse(chunks: string[], keepOpen = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (!keepOpen) controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

function recordingHandlers() {
  const log: string[] = [];
  const changes: StreamChange[] = [];
  const handlers: EventStreamHandlers = {
    onReady: () => log.push('ready'),
    onChange: (change) => changes.push(change),
    onConnectionChange: (connected) => log.push(connected ? 'connected' : 'disconnected'),
    onRevoked: () => log.push('revoked'),
    onError: () => log.push('error'),
  };
  return { log, changes, handlers };
}

const fastBackoff = () => createBackoff({ baseMs: 2, maxMs: 4 });

describe('the live sync stream of a tablet', () => {
  it('delivers changes and re-syncs after every reconnection, including after a failed attempt', async () => {
    const change = { collection: 'customers', documents: [{ id: 'c-1' }], checkpoint: { id: 'c-1', seq: 3 } };
    const answers = [
      () => sseResponse([`event: ready\ndata: {}\n\n`, `event: change\ndata: ${JSON.stringify(change)}\n\n`]),
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => sseResponse([': keep-alive\n\nevent: ready\ndata: {}\n\n'], true),
    ];
    const openStream = vi.fn(async () => (answers.shift() ?? (() => sseResponse([], true)))());
    const { log, changes, handlers } = recordingHandlers();
    stream = startEventStream({ api: { openStream }, handlers, backoff: fastBackoff() });

    await vi.waitFor(() => expect(log.filter((entry) => entry === 'ready')).toHaveLength(2));
    expect(changes).toEqual([change]);
    expect(log).toEqual(['connected', 'ready', 'disconnected', 'error', 'connected', 'ready']);
  });

  it('stops for good and says revoked when the server answers 401', async () => {
    const openStream = vi.fn(async () => {
      throw new SyncHttpError(401, 'unauthorized', 'The device token was revoked', 'GET /sync/stream');
    });
    const { log, handlers } = recordingHandlers();
    stream = startEventStream({ api: { openStream }, handlers, backoff: fastBackoff() });
    await vi.waitFor(() => expect(log).toEqual(['revoked']));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(openStream).toHaveBeenCalledOnce();
  });

  it('drops a connection that went silent and opens a new one', async () => {
    const openStream = vi.fn(async () => sseResponse(['event: ready\ndata: {}\n\n'], true));
    const { log, handlers } = recordingHandlers();
    stream = startEventStream({ api: { openStream }, handlers, backoff: fastBackoff(), idleTimeoutMs: 20 });
    await vi.waitFor(() => expect(openStream.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect(log.slice(0, 3)).toEqual(['connected', 'ready', 'disconnected']);
  });

  it('skips a change that is not JSON and keeps reading', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = { collection: 'audit', documents: [], checkpoint: null };
    const openStream = vi.fn(async () => sseResponse([`event: change\ndata: {broken\n\nevent: change\ndata: ${JSON.stringify(good)}\n\n`], true));
    const { changes, handlers } = recordingHandlers();
    stream = startEventStream({ api: { openStream }, handlers, backoff: fastBackoff() });
    await vi.waitFor(() => expect(changes).toEqual([good]));
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});
