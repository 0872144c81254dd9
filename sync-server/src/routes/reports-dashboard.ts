/*
 * GET /api/v1/reports/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD[&storeId=<id>|all] (holders of 'report.view'):
 * the dashboard's charts for a range of business days (inclusive; both default to the last 30 days ending
 * today on the store's clock, at most 366 days), as JSON series read from the running sums the pushes keep
 * (dashboard/dashboard-tables.ts), never from the raw sales:
 *   salesByHour (24 points: the hour on the store's clock), salesByDay (every day of the range), totals,
 *   topProducts and topCategories (by amount), tenderMix, returnReasons, cashVariance (every closed shift),
 *   online: pickups (lead time placed to handed over, completion rate), online orders returned in store and
 *   their share of the pickups, the points redemption rate, the gift-card liability (balances today).
 *
 * Which stores (the chain view's authorisation): a staff session belongs to one store, and a person is the
 * same staff id in every store whose config lists them (the chain's admin adds an owner or area manager to
 * each store: admin/add-manager.ts). The store view (no storeId, or the session's own) needs report.view at
 * the session's store. Another store's view, or the chain view (storeId=all), is given for exactly the
 * stores whose own config lists the same staff id, active, in a role that its own permission table gives
 * report.view (policies/stores-held.ts, as the back office's store picker): a manager of one store sees that
 * store; an owner on every store's staff list sees the chain.
 * Naming a store where the person does not hold report.view is refused (403), never silently dropped; `all`
 * covers the stores where they hold it and says which (`storeIds`).
 * -> 200 the charts; 400 for a date not YYYY-MM-DD, from after to, or a range over 366 days; 403 as above;
 *    409 when the session's store config cannot date a day.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { addDays, businessDateOf, businessDayWindow, parseBusinessDate } from '../../../src/domain/business-day.ts';
import { dayReportSettingsOf } from '../../../src/domain/day-report.ts';
import type { DayReportSettings } from '../../../src/domain/day-report.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { storesWhereHeld } from '../policies/stores-held.ts';
import { cashVariance, onlineFigures, returnReasons, salesByDay, salesByHour, tenderMix, topCategories, topProducts } from '../dashboard/dashboard-queries.ts';
import type { DashboardScope } from '../dashboard/dashboard-queries.ts';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

const dashboardQuerySchema = {
  type: 'object',
  properties: {
    from: { type: 'string', maxLength: 100 },
    to: { type: 'string', maxLength: 100 },
    storeId: { type: 'string', minLength: 1, maxLength: 64 },
  },
  additionalProperties: false,
} as const;

interface DashboardQuery {
  from?: string;
  to?: string;
  storeId?: string;
}

function dateParam(name: 'from' | 'to', text: string | undefined, fallback: string): string {
  if (text === undefined) return fallback;
  const date = parseBusinessDate(text);
  if (!date.ok) throw new HttpError(400, 'bad_request', `querystring/${name}: ${date.detail}`);
  return date.value;
}

/** The stores the signed-in person holds report.view at (see the file header), the session's own first, and how many stores the chain has. */
async function storesViewable(request: FastifyRequest): Promise<{ viewable: string[]; chainSize: number }> {
  // requirePermission refused any request without a staff session, and passed at the session's store.
  const person = { staffId: request.staff?.staffId ?? '', storeId: request.device.storeId };
  const { stores, chainSize } = await storesWhereHeld(request.server.store, request.server.documents, person, PERMISSIONS.viewReports);
  return { viewable: stores.map((store) => store.id), chainSize };
}

const reportsDashboardRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: DashboardQuery }>(
    '/reports/dashboard',
    { preHandler: requirePermission(PERMISSIONS.viewReports, 'Reading the dashboard'), schema: { querystring: dashboardQuerySchema } },
    async (request, reply) => {
      const own = request.device.storeId;
      const config = await app.documents.get('config', own);
      const parsed = config === undefined ? undefined : dayReportSettingsOf(config.body.store);
      if (parsed === undefined || !parsed.ok) {
        throw new HttpError(409, 'conflict', `The store's config cannot date a business day${parsed === undefined || parsed.ok ? '' : `: ${parsed.detail}`}`);
      }
      const settings: DayReportSettings = parsed.value;
      const today = businessDateOf(Date.now(), settings);
      const to = dateParam('to', request.query.to, today);
      const from = dateParam('from', request.query.from, addDays(to, 1 - DEFAULT_DAYS));
      if (from > to) throw new HttpError(400, 'bad_request', `querystring/from: ${from} is after to (${to})`);
      if (addDays(from, MAX_DAYS) <= to) throw new HttpError(400, 'bad_request', `querystring: a dashboard covers at most ${MAX_DAYS} days, ${from} to ${to} is more`);

      const wanted = request.query.storeId ?? own;
      const { viewable, chainSize } = await storesViewable(request);
      let storeIds: string[];
      if (wanted === 'all') storeIds = viewable;
      else if (viewable.includes(wanted)) storeIds = [wanted];
      else throw new HttpError(403, 'forbidden', `querystring/storeId: the dashboard of store "${wanted}" needs "report.view" there, and you hold it at: ${viewable.join(', ')}`);

      const scope: DashboardScope = { storeIds, from, to, wholeChain: storeIds.length === chainSize && chainSize > 1 };
      const reader = { db: app.store.db, documents: app.documents };
      const window = { from: businessDayWindow(from, settings).start, to: businessDayWindow(to, settings).end };
      const [hours, days, products, categories, tenders, reasons, shifts] = await Promise.all([
        salesByHour(reader, scope),
        salesByDay(reader, scope),
        topProducts(reader, scope),
        topCategories(reader, scope),
        tenderMix(reader, scope),
        returnReasons(reader, scope),
        cashVariance(reader, scope),
      ]);
      const online = await onlineFigures(reader, scope, window, days.totals);
      reply.header('cache-control', 'no-store');
      return {
        from,
        to,
        storeIds,
        chain: wanted === 'all',
        currency: settings.currency,
        timeZone: settings.timeZone,
        totals: days.totals,
        salesByHour: hours,
        salesByDay: days.days,
        topProducts: products,
        topCategories: categories,
        tenderMix: tenders,
        returnReasons: reasons,
        cashVariance: shifts,
        online,
      };
    },
  );
};

export default reportsDashboardRoutes;
