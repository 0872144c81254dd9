/*
 * Push bodies may come gzip-compressed (`Content-Encoding: gzip`): a day of sales queued offline is a few
 * megabytes of JSON that compresses about tenfold, which matters on a shop's uplink (the app compresses only
 * for a server on another machine, src/sync/sync-api.ts says why). The route's body limit applies to the
 * decompressed JSON, so a small "zip bomb" is refused with 413 like any oversized body; a body that is not
 * valid gzip gets 400, an encoding other than gzip or identity 415, and nothing is written in either case.
 */
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.ts';

type DecodedPayload = PassThrough & { receivedEncodedLength: number };

/** A preParsing hook: the body as the parser should read it (decompressed when it was gzip). */
export async function decodeRequestBody(request: FastifyRequest, _reply: FastifyReply, payload: Readable): Promise<Readable> {
  const encoding = String(request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return payload;
  if (encoding !== 'gzip') {
    throw new HttpError(415, 'unsupported_media_type', `Content-Encoding "${encoding}" is not accepted: send the body as it is or gzip-compressed`);
  }
  const decoded = new PassThrough() as DecodedPayload;
  // Fastify compares the bytes that came over the wire with Content-Length, and the decoded ones with the limit.
  decoded.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => (decoded.receivedEncodedLength += chunk.length));
  const gunzip = createGunzip();
  gunzip.on('error', (error) => decoded.destroy(new HttpError(400, 'invalid_body', `The request body is not valid gzip: ${error.message}`)));
  payload.on('error', (error) => decoded.destroy(error));
  payload.pipe(gunzip).pipe(decoded);
  return decoded;
}
