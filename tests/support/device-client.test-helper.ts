/*
 * A store device as the server sees it, over real HTTP: enrol with the store's code, then pull, push and
 * stream through the sync protocol (README "Sync protocol (v1)"). Used by process-level tests and benchmarks.
 */

export interface Enrolment {
  deviceId: string;
  storeId: string;
  token: string;
}

export interface Checkpoint {
  id: string;
  seq: number;
}

export interface PullResult<T = Record<string, unknown>> {
  documents: T[];
  checkpoint: Checkpoint | null;
}

export class DeviceClient {
  constructor(
    readonly baseUrl: string,
    readonly enrolment: Enrolment,
  ) {}

  static async enrol(baseUrl: string, enrollmentCode: string, deviceName: string): Promise<DeviceClient> {
    const response = await fetch(`${baseUrl}/api/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enrollmentCode, deviceName }),
    });
    if (response.status !== 201) throw new Error(`Enrolment failed: ${response.status} ${await response.text()}`);
    return new DeviceClient(baseUrl, (await response.json()) as Enrolment);
  }

  get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.enrolment.token}` };
  }

  async pull<T = Record<string, unknown>>(collection: string, checkpoint: Checkpoint | null, limit = 1000): Promise<PullResult<T>> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (checkpoint) {
      query.set('id', checkpoint.id);
      query.set('seq', String(checkpoint.seq));
    }
    const response = await fetch(`${this.baseUrl}/api/v1/sync/${collection}/pull?${query}`, { headers: this.headers });
    if (!response.ok) throw new Error(`Pull of ${collection} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as PullResult<T>;
  }

  async pullAll<T = Record<string, unknown>>(collection: string, limit = 10_000): Promise<T[]> {
    const all: T[] = [];
    let checkpoint: Checkpoint | null = null;
    for (;;) {
      const page: PullResult<T> = await this.pull<T>(collection, checkpoint, limit);
      all.push(...page.documents);
      if (page.documents.length < limit) return all;
      checkpoint = page.checkpoint;
    }
  }

  /** Pushes new documents (no assumed master). Returns the HTTP status and the conflicts. */
  async push(collection: string, documents: readonly object[]): Promise<{ status: number; body: unknown; serverTiming: string | null }> {
    return this.pushText(collection, DeviceClient.pushBody(documents));
  }

  /** The push body for new documents, serialised (a bench times the request apart from building it). */
  static pushBody(documents: readonly object[]): string {
    return JSON.stringify(documents.map((newDocumentState) => ({ assumedMasterState: null, newDocumentState })));
  }

  /** Sends a push body made by pushBody; also returns the server's Server-Timing header. */
  async pushText(collection: string, body: string): Promise<{ status: number; body: unknown; serverTiming: string | null }> {
    const response = await fetch(`${this.baseUrl}/api/v1/sync/${collection}/push`, {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, serverTiming: response.headers.get('server-timing') };
  }

  /** A manager's (or anyone's) staff token, from their PIN, for the staff-only routes. */
  async staffToken(staffId: string, pin: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/api/v1/staff/sessions`, {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ staffId, pin }),
    });
    if (response.status !== 201) throw new Error(`Staff sign-in of ${staffId} failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  }

  /** The store's incidents of one kind, as a manager reads them. */
  async incidents(staffToken: string, kind: string): Promise<Array<{ documentId: string; detail: Record<string, unknown> }>> {
    const response = await fetch(`${this.baseUrl}/api/v1/incidents?kind=${encodeURIComponent(kind)}`, { headers: { authorization: `Bearer ${staffToken}` } });
    if (!response.ok) throw new Error(`Reading incidents failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { incidents: Array<{ documentId: string; detail: Record<string, unknown> }> }).incidents;
  }
}
