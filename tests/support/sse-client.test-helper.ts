/*
 * A Server-Sent Events reader for Node tests and benchmarks: fetch with the device's bearer token
 * (EventSource cannot send one), events parsed per the SSE format (event:, data:, blank line).
 */

export interface SseEvent {
  event: string;
  data: string;
}

export interface SseConnection {
  /** Resolves when the server's `ready` event arrived. */
  ready: Promise<void>;
  close(): void;
}

export function openEventStream(url: string, token: string, onEvent: (event: SseEvent) => void): SseConnection {
  const controller = new AbortController();
  let markReady: () => void = () => {};
  let failReady: (error: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });

  void (async () => {
    try {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = '';
      let event = 'message';
      let data: string[] = [];
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (data.length > 0) {
              if (event === 'ready') markReady();
              onEvent({ event, data: data.join('\n') });
            }
            event = 'message';
            data = [];
          } else if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) failReady(error);
    }
  })();

  return { ready, close: () => controller.abort() };
}
