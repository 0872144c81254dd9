import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from '../../sync-server/src/app.ts';
import { HttpError } from '../../sync-server/src/http-error.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';

// Routes that exist only in these stories: one that takes a JSON body described by a schema, as the sync
// routes will, one that refuses on purpose and one that breaks unexpectedly.
const newCustomerSchema = {
  body: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      phone: { type: 'string', pattern: '^0\\d{9}$' },
      points: { type: 'integer', minimum: 0 },
    },
    required: ['name', 'phone'],
    additionalProperties: false,
  },
} as const;

async function addStoryRoutes(server: TestApp): Promise<void> {
  server.app.post('/api/v1/test/customers', { schema: newCustomerSchema }, async (request, reply) => reply.code(201).send(request.body));
  server.app.post('/api/v1/test/refuse', async () => {
    throw new HttpError(403, 'forbidden', 'This device belongs to another store');
  });
  server.app.get(
    '/api/v1/test/page',
    { schema: { querystring: { type: 'object', properties: { seq: { type: 'integer', minimum: 0 } }, required: ['seq'] } } },
    async (request) => ({ seq: (request.query as { seq: number }).seq }),
  );
  server.app.get('/api/v1/test/boom', async () => {
    throw new Error('connection to db.internal:5432 failed for user pos_admin');
  });
  await server.app.ready();
}

function expectErrorBody(body: unknown, error: string, message: RegExp | string): void {
  expect(Object.keys(body as object).sort()).toEqual(['error', 'message']);
  expect(body).toMatchObject({ error });
  expect((body as { message: string }).message).toMatch(message);
}

describe.each(DATABASE_KINDS)('the API says exactly what was wrong (%s)', (kind) => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp(kind, 'errors', { captureLogs: true });
    await addStoryRoutes(server);
  });

  afterAll(async () => {
    await server?.close();
  });

  const postCustomer = (payload: string | Buffer, contentType?: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/test/customers',
      payload,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
    });

  it('accepts a well-formed new customer', async () => {
    const response = await postCustomer(JSON.stringify({ name: 'Nguyễn Thị Lan', phone: '0901234567' }), 'application/json; charset=utf-8');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ name: 'Nguyễn Thị Lan', phone: '0901234567' });
  });

  it('answers 400 to broken JSON and says where it broke', async () => {
    const response = await postCustomer('{"name": "Lan", "phone": ', 'application/json');
    expect(response.statusCode).toBe(400);
    expectErrorBody(response.json(), 'invalid_json', /^The request body is not valid JSON: .+/);
  });

  it('answers 400 to an empty JSON body', async () => {
    const response = await postCustomer('', 'application/json');
    expect(response.statusCode).toBe(400);
    expectErrorBody(response.json(), 'invalid_json', 'The request body is empty but its Content-Type is application/json');
  });

  it('refuses JSON that tries to smuggle in a prototype', async () => {
    const response = await postCustomer('{"name":"Lan","phone":"0901234567","__proto__":{"isManager":true}}', 'application/json');
    expect(response.statusCode).toBe(400);
    expectErrorBody(response.json(), 'invalid_json', /forbidden prototype property/);
  });

  it('answers 415 to a body that is not JSON and names the content type', async () => {
    const response = await postCustomer('name=Lan&phone=0901234567', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expectErrorBody(
      response.json(),
      'unsupported_media_type',
      'Content-Type "application/x-www-form-urlencoded" is not accepted: send the body as application/json',
    );
    const plain = await postCustomer('hello', 'text/plain');
    expect(plain.statusCode).toBe(415);
    expectErrorBody(plain.json(), 'unsupported_media_type', /"text\/plain"/);
  });

  it('answers 415 to a body sent without any content type', async () => {
    const response = await postCustomer('{"name":"Lan","phone":"0901234567"}');
    expect(response.statusCode).toBe(415);
    expectErrorBody(response.json(), 'unsupported_media_type', /^A body without a Content-Type is not accepted/);
  });

  it('reads numbers from the query string, and names the parameter when it is not one', async () => {
    const ok = await server.app.inject({ method: 'GET', url: '/api/v1/test/page?seq=42' });
    expect(ok.json()).toEqual({ seq: 42 });
    const bad = await server.app.inject({ method: 'GET', url: '/api/v1/test/page?seq=latest' });
    expect(bad.statusCode).toBe(400);
    expectErrorBody(bad.json(), 'invalid_request', 'querystring/seq must be integer');
  });

  it('answers 413 to a body over the limit and says the limit', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(DEFAULT_BODY_LIMIT), phone: '0901234567' });
    const response = await postCustomer(huge, 'application/json');
    expect(response.statusCode).toBe(413);
    expectErrorBody(response.json(), 'payload_too_large', `The request body is larger than the limit of ${DEFAULT_BODY_LIMIT} bytes`);
  });

  it.each([
    [{ name: 'Lan' }, "body must have required property 'phone'"],
    [{ name: 42, phone: '0901234567' }, 'body/name must be string'],
    [{ name: 'Lan', phone: '090-123' }, 'body/phone must match pattern "^0\\d{9}$"'],
    [{ name: 'Lan', phone: '0901234567', points: -5 }, 'body/points must be >= 0'],
    [{ name: 'Lan', phone: '0901234567', isManager: true }, 'body has unknown field "isManager"'],
  ])('answers 400 naming the field when a customer is malformed: %j', async (payload, message) => {
    const response = await postCustomer(JSON.stringify(payload), 'application/json');
    expect(response.statusCode).toBe(400);
    expectErrorBody(response.json(), 'invalid_request', message);
  });

  it('passes a deliberate refusal through with its own code and message', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/test/refuse' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: 'forbidden', message: 'This device belongs to another store' });
  });

  it('answers 404 in JSON for an API route that does not exist', async () => {
    for (const [method, url] of [['GET', '/api/v1/nothing-here'], ['POST', '/api/v2/sync/sales/push'], ['DELETE', '/api/v1/health']] as const) {
      const response = await server.app.inject({ method, url, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expectErrorBody(response.json(), 'not_found', `No API route ${method} ${url}`);
    }
  });

  it('hides an unexpected failure behind a generic 500 and keeps the details in the log', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'internal', message: 'Internal server error' });
    expect(response.body).not.toContain('pos_admin');
    const logged = server.logs.find((line) => line['msg'] === 'request failed');
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('connection to db.internal:5432 failed for user pos_admin');
    expect(logged?.['reqId']).toBeDefined();
  });
});
