/*
 * A Server-Sent Events parser for the sync stream, fed with decoded text chunks as they arrive from a
 * fetch() body. EventSource cannot send an Authorization header, so the stream is read with fetch and parsed
 * here, following the WHATWG "event stream interpretation": lines end in CRLF, LF or CR; `event:`, `data:`
 * (several joined by "\n"), `id:` and `retry:` fields; a line starting with ":" is a comment (keep-alive);
 * a blank line dispatches the event. A chunk may end anywhere, even between CR and LF.
 * One deliberate leniency: a NAMED event without data lines is dispatched with data "" (the standard drops
 * it), so `event: ready` followed by a blank line still tells us the stream is ready.
 */
export interface ServerSentEvent {
  /** "message" when the server named none. */
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

export interface SseParser {
  /** Feeds the next decoded chunk; calls onEvent for every event it completes. */
  push: (chunk: string) => void;
}

export function createSseParser(onEvent: (event: ServerSentEvent) => void, onComment?: (text: string) => void): SseParser {
  let buffer = '';
  let eventName = '';
  let dataLines: string[] = [];
  let lastId: string | undefined;
  let retry: number | undefined;
  /** The previous chunk ended in CR: a LF starting this chunk belongs to that line end. */
  let skipLeadingLf = false;

  function dispatch(): void {
    if (dataLines.length > 0 || eventName !== '') {
      const event: ServerSentEvent = { event: eventName || 'message', data: dataLines.join('\n') };
      if (lastId !== undefined) event.id = lastId;
      if (retry !== undefined) event.retry = retry;
      onEvent(event);
    }
    eventName = '';
    dataLines = [];
    retry = undefined;
  }

  function processLine(line: string): void {
    if (line === '') return dispatch();
    if (line.startsWith(':')) {
      onComment?.(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') dataLines.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
    // Unknown fields are ignored, as the standard says.
  }

  return {
    push(chunk: string) {
      let text = chunk;
      if (skipLeadingLf && text.startsWith('\n')) text = text.slice(1);
      skipLeadingLf = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const char = buffer[i];
        if (char !== '\n' && char !== '\r') continue;
        processLine(buffer.slice(start, i));
        if (char === '\r') {
          if (i + 1 < buffer.length) {
            if (buffer[i + 1] === '\n') i += 1;
          } else {
            skipLeadingLf = true;
          }
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}
