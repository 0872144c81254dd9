import { describe, expect, it } from 'vitest';
import { createSseParser, type ServerSentEvent } from './sse-parser.ts';

function parseChunks(chunks: string[]) {
  const events: ServerSentEvent[] = [];
  const comments: string[] = [];
  const parser = createSseParser(
    (event) => events.push(event),
    (comment) => comments.push(comment),
  );
  for (const chunk of chunks) parser.push(chunk);
  return { events, comments };
}

const change = JSON.stringify({ collection: 'customers', documents: [{ id: 'c-1', name: 'Lan' }], checkpoint: { id: 'c-1', seq: 7 } });

describe('the sync stream parser', () => {
  it('reads the ready event and a change event as the server sends them', () => {
    const { events } = parseChunks([`event: ready\ndata: {}\n\nevent: change\ndata: ${change}\n\n`]);
    expect(events).toEqual([
      { event: 'ready', data: '{}' },
      { event: 'change', data: change },
    ]);
    expect(JSON.parse(events[1]!.data).checkpoint.seq).toBe(7);
  });

  it('puts an event back together when the network splits it anywhere, even inside CRLF', () => {
    const whole = `event: change\r\ndata: ${change}\r\n\r\n`;
    for (let cut = 1; cut < whole.length; cut++) {
      const { events } = parseChunks([whole.slice(0, cut), whole.slice(cut)]);
      expect(events, `cut at ${cut}`).toEqual([{ event: 'change', data: change }]);
    }
  });

  it('splits a stream delivered one character at a time', () => {
    const { events } = parseChunks([...`data: a\n\ndata: b\n\n`]);
    expect(events.map((e) => e.data)).toEqual(['a', 'b']);
  });

  it('joins several data lines with a newline and names an unnamed event "message"', () => {
    const { events } = parseChunks(['data: first\ndata: second\n\n']);
    expect(events).toEqual([{ event: 'message', data: 'first\nsecond' }]);
  });

  it('treats keep-alive comments as comments, not events', () => {
    const { events, comments } = parseChunks([': keep-alive\n\n', ':ping\n']);
    expect(events).toEqual([]);
    expect(comments).toEqual(['keep-alive', 'ping']);
  });

  it('accepts lines ended by a lone CR, keeps the last id and reads retry', () => {
    const { events } = parseChunks(['id: 41\rretry: 3000\revent: change\rdata: x\r\rdata: y\r\r']);
    expect(events).toEqual([
      { event: 'change', data: 'x', id: '41', retry: 3000 },
      { event: 'message', data: 'y', id: '41' },
    ]);
  });

  it('dispatches a named event without data (ready), but not blank lines alone nor an unfinished event', () => {
    const { events } = parseChunks(['event: ready\n\n', '\n\n', 'data: half']);
    expect(events).toEqual([{ event: 'ready', data: '' }]);
  });

  it('keeps a value exactly, dropping only the one space after the colon', () => {
    const { events } = parseChunks(['data:  two spaces\ndata:none\nfield-without-colon\n\n']);
    expect(events).toEqual([{ event: 'message', data: ' two spaces\nnone' }]);
  });
});
