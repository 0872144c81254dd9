/*
 * GET /api/v1/health — for load balancers, the E2E harness and a curious manager: answers 200 with the
 * database kind and schema version after a real round trip to the database, 503 when it cannot reach it
 * (within 3 seconds, so a hung connection does not hang the probe).
 */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError, errorBodySchema } from '../http-error.ts';
import { readSchemaVersion } from '../store/migrations.ts';

const DATABASE_TIMEOUT_MS = 3000;

export const healthResponseSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok'] },
    database: { type: 'string', enum: ['sqlite', 'postgres'] },
    schemaVersion: { type: 'integer' },
    version: { type: 'string' },
  },
  required: ['status', 'database', 'schemaVersion', 'version'],
  additionalProperties: false,
} as const;

export interface HealthResponse {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  schemaVersion: number;
  version: string;
}

const healthRoutes: FastifyPluginAsync<{ version: string }> = async (app, options) => {
  app.get(
    '/health',
    { schema: { response: { 200: healthResponseSchema, 503: errorBodySchema } } },
    async (): Promise<HealthResponse> => {
      let schemaVersion: number;
      try {
        schemaVersion = await withTimeout(readSchemaVersion(app.store.db), DATABASE_TIMEOUT_MS);
      } catch (error) {
        throw new HttpError(503, 'database_unavailable', `The ${app.store.kind} database is not reachable`, {
          cause: error,
        });
      }
      return { status: 'ok', database: app.store.kind, schemaVersion, version: options.version };
    },
  );
};

export default healthRoutes;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
