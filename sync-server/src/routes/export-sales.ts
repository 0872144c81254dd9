/*
 * GET /api/v1/export/sales?from=&to=&format=jsonl|csv (holders of 'report.view', managers by default): the
 * store's synced sales created in [from, to) (ISO dates or date-times; a date is midnight UTC), streamed
 * in the order the server received them, read from the database 1,000 at a time so a year of sales never
 * sits in memory.
 *   jsonl: one sale document per line, as stored (application/x-ndjson)
 *   csv:   one row per sale line (export/sales-csv.ts), with a header row (text/csv)
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { SaleDocument } from '../../../src/data/schemas/types.ts';
import { SALES_CSV_HEADER, csvRow, saleCsvRows } from '../export/sales-csv.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { HttpError } from '../http-error.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';

const PAGE = 1000;

const exportQuerySchema = {
  type: 'object',
  properties: {
    from: { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] },
    to: { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] },
    format: { type: 'string', enum: ['jsonl', 'csv'], default: 'jsonl' },
  },
  required: ['from', 'to'],
  additionalProperties: false,
} as const;

interface ExportQuery {
  from: string;
  to: string;
  format: 'jsonl' | 'csv';
}

const exportRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ExportQuery }>('/export/sales', { preHandler: requirePermission(PERMISSIONS.viewReports, 'Exporting sales'), schema: { querystring: exportQuerySchema } }, async (request, reply) => {
    const from = Date.parse(request.query.from);
    const to = Date.parse(request.query.to);
    if (!(from < to)) throw new HttpError(400, 'bad_request', `querystring/from (${request.query.from}) must be before querystring/to (${request.query.to})`);
    const { storeId } = request.device;
    const config = await app.documents.get('config', storeId);
    const staffNames = new Map((config?.body.staff ?? []).map((s) => [s.id, s.name]));
    const csv = request.query.format === 'csv';
    const db = app.store.db;

    async function* lines(): AsyncGenerator<string> {
      if (csv) yield csvRow([...SALES_CSV_HEADER]);
      let afterSeq = 0;
      for (;;) {
        const rows = await db
          .selectFrom('documents')
          .select(['seq', 'body'])
          .where('collection', '=', 'sales')
          .where('store_id', '=', storeId)
          .where('seq', '>', afterSeq)
          .orderBy('seq')
          .limit(PAGE)
          .execute();
        let chunk = '';
        for (const row of rows) {
          const sale = JSON.parse(row.body) as SaleDocument;
          const at = Date.parse(sale.createdAt);
          if (!(at >= from && at < to)) continue;
          chunk += csv ? saleCsvRows(sale, staffNames) : `${JSON.stringify(sale)}\n`;
        }
        if (chunk !== '') yield chunk;
        if (rows.length < PAGE) return;
        afterSeq = Number(rows[rows.length - 1]!.seq);
      }
    }

    const name = `sales-${request.query.from.slice(0, 10)}-${request.query.to.slice(0, 10)}.${csv ? 'csv' : 'jsonl'}`;
    return reply
      .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  });
};

export default exportRoutes;
