/*
 * How the API says no. Every 4xx answer is `{error, message}` where error is a stable code a client can
 * branch on and message says exactly what was wrong (which field, which content type, which limit).
 * Every 5xx answer is the same generic body: details go to the log with the request id, never to the
 * client. Bodies are accepted as JSON only (anything else is 415); JSON is parsed with secure-json-parse so
 * "__proto__" and "constructor.prototype" keys are refused, as Fastify's own parser does, but the answer
 * says where the JSON broke.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import secureJsonParse from 'secure-json-parse';
import { describeValidationErrors } from '../schemas.ts';
import type { ValidationProblem } from '../schemas.ts';
import { HttpError } from '../http-error.ts';
import type { ErrorBody } from '../http-error.ts';

export const INTERNAL_ERROR_BODY: ErrorBody = { error: 'internal', message: 'Internal server error' };

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  431: 'headers_too_large',
};

/** Fastify's schemaErrorFormatter: "body/lines/0/qty must be integer", "body has unknown field \"x\"". */
export function formatSchemaErrors(errors: readonly ValidationProblem[], dataVar: string): Error {
  return new Error(describeValidationErrors(errors, dataVar));
}

function sendError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error, message } satisfies ErrorBody);
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * False when the JSON body cannot contain U+0000: JSON can only write it as the escape \u0000, so a
     * body without that text has none, and checking the parsed documents string by string can be skipped.
     */
    bodyMayContainNul?: boolean;
  }
}

function parseJsonBody(request: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void): void {
  request.bodyMayContainNul = body.includes('\\u0000');
  if (body.length === 0) {
    done(new HttpError(400, 'invalid_json', 'The request body is empty but its Content-Type is application/json'));
    return;
  }
  try {
    done(null, secureJsonParse.parse(body, undefined, { protoAction: 'error', constructorAction: 'error' }));
  } catch (error) {
    done(new HttpError(400, 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`));
  }
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError && error.statusCode < 500) {
    return sendError(reply, error.statusCode, error.code, error.message);
  }
  if (error.validation) {
    return sendError(reply, 400, 'invalid_request', error.message);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = request.headers['content-type'];
      return sendError(
        reply,
        415,
        'unsupported_media_type',
        `${type ? `Content-Type "${type}" is` : 'A body without a Content-Type is'} not accepted: send the body as application/json`,
      );
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request.routeOptions.bodyLimit;
      return sendError(reply, 413, 'payload_too_large', `The request body is larger than the limit of ${limit} bytes`);
    }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(reply, 400, 'invalid_json', 'The request body is empty but its Content-Type is application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendError(reply, 400, 'bad_request', 'The request body does not match its Content-Length header');
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendError(reply, status, CODE_BY_STATUS[status] ?? 'bad_request', error.message);
  }
  if (error instanceof HttpError) {
    // A deliberate 5xx (e.g. 503 database unavailable): its code and message were written for clients.
    request.log.error({ err: error.cause ?? error }, error.message);
    return sendError(reply, error.statusCode, error.code, error.message);
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).type('application/json; charset=utf-8').send(INTERNAL_ERROR_BODY);
}

function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0] ?? request.url;
  const what = path.startsWith('/api/') ? 'API route' : 'route or file';
  return sendError(reply, 404, 'not_found', `No ${what} ${request.method} ${path}`);
}

export default fp(
  async function errors(app) {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonBody);
    app.setErrorHandler(handleError);
    app.setNotFoundHandler(handleNotFound);
  },
  { name: 'errors', fastify: '5.x' },
);
