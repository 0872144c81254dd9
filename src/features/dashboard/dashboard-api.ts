/*
 * The dashboard's one server call, GET /api/v1/reports/dashboard (sync-server/src/routes/reports-dashboard.ts),
 * with the staff token of the person who typed their PIN on the dashboard: the answer's shape, and the call
 * TanStack Query makes (cached per range and scope, dropped with the session). Online only.
 */
import { apiUrl } from '../../sync/sync-api.ts';
import { staffApiFetch, staffApiRefusal } from '../../sync/staff-api.ts';

export interface DashboardTotals {
  salesCount: number;
  returnsCount: number;
  cancellationsCount: number;
  gross: number;
  discounts: number;
  returns: number;
  cancellations: number;
  net: number;
  onlineReturnsCount: number;
  pointsIssued: number;
  pointsRedeemed: number;
  cardsSold: number;
  cardsRedeemed: number;
}

export interface DashboardData {
  from: string;
  to: string;
  storeIds: string[];
  chain: boolean;
  currency: string;
  timeZone: string;
  totals: DashboardTotals;
  salesByHour: Array<{ hour: number; salesCount: number; net: number }>;
  salesByDay: Array<{ date: string; salesCount: number; returnsCount: number; net: number }>;
  topProducts: Array<{ productId: string; name: string; qty: number; amount: number; tax: number }>;
  topCategories: Array<{ category: string; qty: number; amount: number }>;
  tenderMix: Array<{ method: string; count: number; amount: number }>;
  returnReasons: Array<{ reason: string; count: number; amount: number; online: number }>;
  cashVariance: Array<{ date: string; storeId: string; shiftId: string; deviceId: string; closedAt: string; counted: number; expected: number; variance: number }>;
  online: {
    pickups: { handedOver: number; cancelled: number; completionRate: number | null; leadTimeMinutes: { median: number; p90: number; mean: number } | null };
    onlineReturnsInStore: { count: number; share: number | null };
    points: { issued: number; redeemed: number; redemptionRate: number | null };
    giftCardLiability: number;
  };
}

export interface DashboardRequest {
  serverUrl: string;
  token: string;
  language: string;
  from: string;
  to: string;
  chain: boolean;
}

const CALL_TIMEOUT_MS = 30_000;

export async function fetchDashboard(request: DashboardRequest): Promise<DashboardData> {
  const query = new URLSearchParams({ from: request.from, to: request.to, ...(request.chain ? { storeId: 'all' } : {}) });
  const path = `/reports/dashboard?${query.toString()}`;
  const response = await staffApiFetch(
    apiUrl(request.serverUrl, path),
    { method: 'GET', headers: { authorization: `Bearer ${request.token}`, accept: 'application/json', 'accept-language': request.language } },
    CALL_TIMEOUT_MS,
  );
  if (!response.ok) throw await staffApiRefusal(response, path);
  return (await response.json()) as DashboardData;
}
