/*
 * The error a route, a push policy or a repository caller throws on purpose, and the shape of every error
 * answer. Kept apart from the Fastify plugin that turns errors into answers (plugins/errors.ts) so that
 * the lower floors (policies, live, store, integrations) can say no without importing a plugin.
 */

/** An error thrown on purpose: its status, code and message go to the client as they are. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

/** Every error answer: a stable code a client can branch on, and what exactly was wrong. */
export interface ErrorBody {
  error: string;
  message: string;
}

/** JSON schema of an error answer, for route response schemas. */
export const errorBodySchema = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
  required: ['error', 'message'],
} as const;
