/*
 * GET /api/v1/sync/stream: Server-Sent Events for one device. `event: ready` once at the start (then the
 * device pulls from its checkpoints: RxDB's RESYNC), `event: change` with {collection, documents,
 * checkpoint} for every committed write the device may see (stream-hub.ts), and a comment line every
 * 15 s so proxies keep the connection open. A revoked device's stream is closed.
 */
import type { FastifyPluginAsync } from 'fastify';

const streamRoutes: FastifyPluginAsync = async (app) => {
  app.get('/sync/stream', async (request, reply) => {
    const { id: deviceId, storeId } = request.device;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      connection: 'keep-alive',
      // nginx and similar proxies buffer responses unless told not to.
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ deviceId, storeId })}\n\n`);
    const remove = app.streamHub.add({
      deviceId,
      storeId,
      send(text) {
        if (!res.writableEnded) res.write(text);
        return res.writableLength;
      },
      close() {
        if (!res.writableEnded) res.end();
      },
    });
    res.on('close', remove);
  });
};

export default streamRoutes;
