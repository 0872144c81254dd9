/*
 * One HTTP call to a shop platform or a shop's callback, as every outbound sender makes it (the pickup
 * notices in notice-senders.ts, the online refunds in refunds/refund-senders.ts): a time limit, the answer's
 * status and text, and a network failure turned into a failed send with its cause rather than a throw, so
 * the outbox records why and tries again later.
 */

/** The outcome of one send, as the outbox records it. */
export interface SendResult {
  ok: boolean;
  status: number | null;
  error?: string;
}

export interface HttpAnswer {
  status: number;
  text: string;
}

export async function platformRequest(url: string, init: RequestInit, timeoutMs: number): Promise<HttpAnswer | SendResult> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    return { ok: false, status: null, error: `${(error as Error).message}${cause ? ` (${cause.message})` : ''}` };
  }
}

export function isSendResult(value: unknown): value is SendResult {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';
}

/** A 2xx answer as a successful send, anything else as a failure quoting the start of the answer. */
export function answered(answer: HttpAnswer): SendResult {
  return answer.status >= 200 && answer.status < 300 ? { ok: true, status: answer.status } : { ok: false, status: answer.status, error: `HTTP ${answer.status}: ${answer.text.slice(0, 300)}` };
}

/** The failure in a call's outcome (no answer, or an answer outside 2xx), or undefined when it succeeded. */
export function failedCall(value: HttpAnswer | SendResult): SendResult | undefined {
  if (isSendResult(value)) return value;
  const result = answered(value);
  return result.ok ? undefined : result;
}
