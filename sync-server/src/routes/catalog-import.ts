/*
 * POST /api/v1/catalog/import (holders of 'catalog.manage', managers by default): the body is the file
 * itself, `text/csv` (UTF-8) or an Excel workbook
 * (`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`), columns found by heading
 * (sku, name, barcodes, price, taxClass, unit, weighed, category, stock, image, or their Vietnamese headings).
 *   200 {created, updated, unchanged, openingStock: {set, kept}, ignoredColumns}: every row was good and
 *       the catalog now holds it (a row equal to its product writes nothing);
 *   422 {errors: [{line, column, message}]}: nothing was written; line counts the heading row as 1, column
 *       is the heading as the file writes it; at most 1,000 errors are listed (`errorCount` says how many);
 *   413 over 32 MB, 415 another content type.
 * A 200 carries Server-Timing: read (the file into cells), check (every row), write (planned against the
 * stored catalog and committed).
 * Messages are in Vietnamese when Accept-Language ranks vi first, English otherwise.
 * Reading and checking the file happen before the write transaction, so the sequence counter's lock is held
 * only for planning against the stored catalog and writing (catalog/import-catalog.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { checkCatalogSheet } from '../../../src/domain/catalog-import.ts';
import type { ImportProblem } from '../../../src/domain/catalog-import.ts';
import { describeImportProblem, importLanguage } from '../../../src/domain/catalog-import-messages.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { importCatalog } from '../catalog/import-catalog.ts';
import { readCatalogFile } from '../catalog/read-catalog-file.ts';
import type { CatalogFileKind } from '../catalog/read-catalog-file.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** 100,000 rows of CSV are about 10 MB; a workbook is smaller than its CSV. */
export const CATALOG_FILE_LIMIT = 32 * 1024 * 1024;
const MAX_ERRORS_LISTED = 1000;
const ACCEPTED = `send the file as ${CSV_TYPE} (UTF-8) or as an Excel workbook, ${XLSX_TYPE}`;

interface CatalogFile {
  kind: CatalogFileKind;
  bytes: Buffer;
}

const catalogImportRoutes: FastifyPluginAsync = async (app) => {
  // Parsers of this route's scope only: the body stays bytes, read by read-catalog-file.ts.
  app.addContentTypeParser(CSV_TYPE, { parseAs: 'buffer', bodyLimit: CATALOG_FILE_LIMIT }, (_request, bytes, done) => done(null, { kind: 'csv', bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes } satisfies CatalogFile));
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: CATALOG_FILE_LIMIT }, (_request, bytes, done) => done(null, { kind: 'xlsx', bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes } satisfies CatalogFile));
  app.addContentTypeParser('*', (request, _payload, done) => {
    const type = request.headers['content-type'] ?? '';
    const hint = /ms-excel/.test(type) ? ' (an old .xls workbook: save it as .xlsx)' : '';
    done(new HttpError(415, 'unsupported_media_type', `Content-Type "${type}" is not a catalog file${hint}: ${ACCEPTED}`));
  });

  app.post<{ Body: CatalogFile | undefined }>(
    '/catalog/import',
    { bodyLimit: CATALOG_FILE_LIMIT, preHandler: requirePermission(PERMISSIONS.manageCatalog, 'Importing the catalog') },
    async (request, reply) => {
      const file = request.body;
      if (file === undefined || file === null || !Buffer.isBuffer((file as Partial<CatalogFile>).bytes)) {
        throw new HttpError(
          request.headers['content-type'] === undefined ? 400 : 415,
          request.headers['content-type'] === undefined ? 'bad_request' : 'unsupported_media_type',
          `The body must be the catalog file: ${ACCEPTED}`,
        );
      }
      if (file.bytes.length === 0) throw new HttpError(400, 'bad_request', `The body is empty: ${ACCEPTED}`);
      const language = importLanguage(request.headers['accept-language']);
      const refuse = (problems: readonly ImportProblem[]) =>
        reply.code(422).header('content-language', language).send({
          errors: problems.slice(0, MAX_ERRORS_LISTED).map((p) => ({ line: p.line, column: p.column, message: describeImportProblem(p.detail, language) })),
          errorCount: problems.length,
        });

      const started = performance.now();
      const read = await readCatalogFile(file.bytes, file.kind);
      const readAt = performance.now();
      if (!read.ok) return refuse([{ line: read.line, column: '', detail: read.detail }]);
      const { storeId } = request.device;
      const config = await app.documents.get('config', storeId);
      if (config === undefined) throw new HttpError(409, 'conflict', `The store ${storeId} has no configuration yet, so its tax classes are unknown: create it with the admin command`);
      const checked = checkCatalogSheet(read.sheet, { taxClasses: config.body.taxClasses });
      if (!checked.ok) return refuse(checked.problems);
      const checkedAt = performance.now();

      const result = await importCatalog(app.store, app.documents, { storeId, rows: checked.rows, headings: checked.headings }, app.changeBus);
      if (!result.ok) return refuse(result.problems);
      // Where the time went: the file read (CSV or workbook), the rows checked, planned against the catalog and written.
      const ms = (from: number, to: number) => (to - from).toFixed(1);
      reply.header('server-timing', `read;dur=${ms(started, readAt)}, check;dur=${ms(readAt, checkedAt)}, write;dur=${ms(checkedAt, performance.now())}`);
      request.log.info({ storeId, by: request.staff?.staffId, rows: checked.rows.length, ...result.counts }, 'catalog imported');
      return { ...result.counts, ignoredColumns: checked.ignoredHeadings };
    },
  );
};

export default catalogImportRoutes;
