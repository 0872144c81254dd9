// Test helper: a stand-in server behind the global fetch for the calls made with a staff session (the back
// office's screens, a manager's PIN opening a session on the tablet: src/sync/staff-api.ts). Each call is
// answered with JSON by the test's `answer` and kept, so a test can say what the screen sent. The test undoes
// it with vi.unstubAllGlobals(). Not bundled: only tests import it.
import { vi } from 'vitest';

/** One call the stand-in was sent: the method, the whole URL, the headers tests look at and the JSON body. */
export interface StaffServerCall {
  method: string;
  url: string;
  language: string | null;
  authorization: string | null;
  body: unknown;
}

/** Puts the stand-in in place of fetch; returns the calls it is sent, in order, as they come. */
export function standInStaffServer(answer: (call: StaffServerCall) => { status: number; body: unknown }): StaffServerCall[] {
  const seen: StaffServerCall[] = [];
  vi.stubGlobal('fetch', async (url: string | URL, init: RequestInit) => {
    const headers = new Headers(init.headers);
    const call: StaffServerCall = {
      method: init.method ?? 'GET',
      url: String(url),
      language: headers.get('accept-language'),
      authorization: headers.get('authorization'),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    };
    seen.push(call);
    const { status, body } = answer(call);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}
