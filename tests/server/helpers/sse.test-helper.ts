/*
 * A minimal Server-Sent Events reader over fetch, for the stream stories: collects events as they come
 * and lets a story wait for the one it expects.
 */
export interface SseEvent {
  event: string;
  data: string;
}

export interface SseClient {
  events: SseEvent[];
  comments: number;
  status: number;
  /** Waits until an event matches (or fails after timeoutMs). */
  waitFor(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, token: string): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
  const client: SseClient = {
    events: [],
    comments: 0,
    status: response.status,
    waitFor: async () => {
      throw new Error(`stream answered ${response.status}`);
    },
    ended: Promise.resolve(),
    close: () => controller.abort(),
  };
  if (!response.ok || response.body === null) return client;
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  client.ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) client.comments += 1;
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) client.events.push({ event, data: data.join('\n') });
          for (const wake of [...waiters]) wake();
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    } finally {
      for (const wake of [...waiters]) wake();
    }
  })();
  let finished = false;
  void client.ended.finally(() => (finished = true));
  client.waitFor = (match, timeoutMs = 5000) =>
    new Promise<SseEvent>((resolve, reject) => {
      const check = (): void => {
        const found = client.events.find(match);
        if (found) {
          cleanup();
          resolve(found);
        } else if (finished) {
          cleanup();
          reject(new Error(`stream ended without the expected event; got ${client.events.map((e) => e.event).join(', ')}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching event within ${timeoutMs} ms; got ${client.events.map((e) => `${e.event} ${e.data.slice(0, 120)}`).join(' | ')}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return client;
}
