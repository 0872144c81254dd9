/*
 * GET /api/v1/reports/day?date=YYYY-MM-DD[&deviceId=][&asOf=][&format=json|csv] (holders of 'report.view',
 * managers by default): the Z report of the signed-in person's store for that business day, or of one of
 * its tills, computed by the same domain function the tablet runs (src/domain/day-report.ts) over the
 * documents the server holds, so the two agree to the unit once the tablet has synced.
 *   date     the business day in the store's time zone and cut-off (config.store.timeZone, businessDayCutoff)
 *   deviceId one till's report (a device enrolled at this store, revoked ones too)
 *   asOf     an X report: the figures as of that moment (ISO 8601 date-time); a day not over yet is
 *            always reported as of now
 *   format   json (default) or csv (src/domain/day-report-csv.ts)
 * The report carries bankTransfersToReconcile (count and sum of the bank-QR tenders only a cashier confirmed),
 * computed by the function the tablet's day end runs (src/domain/bank-qr-reconciliation.ts) over the store's
 * payments the server holds: every till's, so a till's report (deviceId) has that till's figure.
 * -> 200 the report; 400 for a date not written YYYY-MM-DD (the message says the format); 404 for a till of
 *    another store; 409 when the store's config cannot date a day (its time zone, cut-off or currency).
 *
 * Only that day's documents are read, through the time indexes of migration 0010: the store's shift
 * events of the day and the week after it (a late close), its sales of the day widened to the closes of
 * the shifts opened in it, and its orders written since the day began; and through migration 0021's index,
 * its bank-QR payments registered in the sales' range (the server dates a payment when the till shows its
 * QR, just before the sale). A document's createdAt is text as the device wrote it; each range is widened by
 * 14 hours (the largest offset a time can be written with) and the domain functions decide on the parsed
 * instant (a payment only confirms the tender of the sale it names).
 */
import type { FastifyPluginAsync } from 'fastify';
import { businessDayWindow, parseBusinessDate } from '../../../src/domain/business-day.ts';
import type { BusinessDayWindow } from '../../../src/domain/business-day.ts';
import { bankQrReconciliation } from '../../../src/domain/bank-qr-reconciliation.ts';
import { dayReport, dayReportSettingsOf, salesWindowFor, shiftEventsWindowFor } from '../../../src/domain/day-report.ts';
import type { DayReport } from '../../../src/domain/day-report.ts';
import { ReportOverflowError } from '../../../src/domain/day-report-figures.ts';
import { dayReportCsv } from '../../../src/domain/day-report-csv.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { listDevices } from '../store/devices-repository.ts';

const HOUR = 3_600_000;
/** The largest UTC offset a time can be written with (+14:00, Kiribati; -12:00 the other way). */
const OFFSET_MARGIN = 14 * HOUR;
/** How long before a handover the server may have written its order (a device clock a little ahead). */
const ORDER_MARGIN = 24 * HOUR;

const dayReportQuerySchema = {
  type: 'object',
  properties: {
    date: { type: 'string', maxLength: 100 },
    deviceId: { type: 'string', minLength: 1, maxLength: 64 },
    asOf: { type: 'string', format: 'date-time', maxLength: 40 },
    format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
  },
  additionalProperties: false,
} as const;

interface DayReportQuery {
  date?: string;
  deviceId?: string;
  asOf?: string;
  format: 'json' | 'csv';
}

/** [from, to) widened by the offset margin, as text bounds on createdAt. */
function textRange(window: BusinessDayWindow): { from: string; to: string } {
  return { from: new Date(window.start - OFFSET_MARGIN).toISOString(), to: new Date(window.end + OFFSET_MARGIN).toISOString() };
}

const reportsDayRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: DayReportQuery }>(
    '/reports/day',
    { preHandler: requirePermission(PERMISSIONS.viewReports, 'Reading the day report'), schema: { querystring: dayReportQuerySchema } },
    async (request, reply) => {
      const date = parseBusinessDate(request.query.date);
      if (!date.ok) throw new HttpError(400, 'bad_request', `querystring/${date.detail}`);
      const { storeId } = request.device;
      const { deviceId, asOf } = request.query;

      const config = await app.documents.get('config', storeId);
      if (config === undefined) throw new HttpError(409, 'conflict', `Store ${storeId} has no config document yet: its day cannot be reported`);
      const settings = dayReportSettingsOf(config.body.store);
      if (!settings.ok) throw new HttpError(409, 'conflict', `The store's config cannot report a business day: ${settings.detail}`);
      if (deviceId !== undefined && !(await listDevices(app.store.db, storeId)).some((device) => device.id === deviceId)) {
        throw new HttpError(404, 'not_found', `querystring/deviceId: this store has no till "${deviceId}"`);
      }

      const window = businessDayWindow(date.value, settings.value);
      // A day not over yet is reported as of now (an X report), never as a Z report of a day still going on.
      const now = Date.now();
      const moment = asOf ?? (now < window.end ? new Date(now).toISOString() : undefined);
      const shiftEvents = (await app.documents.readByCreatedAt('shifts', storeId, textRange(shiftEventsWindowFor(window)))).map((row) => row.body);
      const salesRange = textRange(salesWindowFor(window, storeId, shiftEvents));
      const sales = (await app.documents.readByCreatedAt('sales', storeId, salesRange)).map((row) => row.body);
      const orders = (await app.documents.readOrdersChangedSince(storeId, new Date(window.start - ORDER_MARGIN))).map((row) => row.body);
      const payments = (await app.documents.readByCreatedAt('payments', storeId, salesRange)).map((row) => row.body);
      let report: DayReport;
      try {
        const figures = dayReport({
          date: date.value,
          storeId,
          settings: settings.value,
          sales,
          shiftEvents,
          orders,
          ...(moment === undefined ? {} : { asOf: moment }),
          ...(deviceId === undefined ? {} : { deviceId }),
        });
        const transfers = bankQrReconciliation(figures, sales, payments);
        report = { ...figures, bankTransfersToReconcile: { count: transfers.count, amount: transfers.amount } };
      } catch (error) {
        if (error instanceof ReportOverflowError) throw new HttpError(409, 'conflict', `${error.message}: the documents of ${date.value} hold amounts no shop takes`, { cause: error });
        throw error;
      }
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'csv') {
        const name = `day-report-${storeId}-${date.value}${deviceId === undefined ? '' : `-${deviceId}`}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(dayReportCsv(report));
      }
      return report;
    },
  );
};

export default reportsDayRoutes;
