/*
 * The day report as this tablet knows it: dayReport (src/domain/day-report.ts), the same function the
 * server's GET /api/v1/reports/day runs, over this device's own documents (its sales, shift events and the
 * store's online orders it holds). The windows come from the domain (shiftEventsWindowFor, salesWindowFor);
 * the queries read 14 hours more on each side (the largest offset a time can be written with, as the server's
 * report does), since a time written with another offset sorts differently as text, and the report decides
 * what belongs to the day.
 */
import type { PosDatabase } from '../../data/database.ts';
import type { OrderDocument, SaleDocument, ShiftEventDocument } from '../../data/schemas/types.ts';
import { businessDayWindow } from '../../domain/business-day.ts';
import type { BusinessDate } from '../../domain/business-day.ts';
import { dayReport, salesWindowFor, shiftEventsWindowFor } from '../../domain/day-report.ts';
import type { DayReport } from '../../domain/day-report.ts';
import type { TillSetup } from './till-setup.ts';

/** The largest UTC offset a time can be written with (+14:00, Kiribati; -12:00 the other way). */
const MARGIN_MS = 14 * 3_600_000;

function textRange(window: { start: number; end: number }): { $gte: string; $lt: string } {
  return { $gte: new Date(window.start - MARGIN_MS).toISOString(), $lt: new Date(window.end + MARGIN_MS).toISOString() };
}

export interface DayReportRequest {
  readonly date: BusinessDate;
  /** This till's report; the store's (as far as this tablet knows) without. */
  readonly deviceId?: string;
  /** An X report's moment (ISO 8601); a Z report without. */
  readonly asOf?: string;
}

export async function tabletDayReport(database: PosDatabase, setup: Pick<TillSetup, 'storeId' | 'day'>, request: DayReportRequest): Promise<DayReport> {
  const window = businessDayWindow(request.date, setup.day);
  const shiftEvents = (await database.shifts.find({ selector: { createdAt: textRange(shiftEventsWindowFor(window)) } }).exec()).map((document) => document.toJSON() as ShiftEventDocument);
  const salesWindow = salesWindowFor(window, setup.storeId, shiftEvents);
  const sales = (await database.sales.find({ selector: { createdAt: textRange(salesWindow) } }).exec()).map((document) => document.toJSON() as SaleDocument);
  const orders = (await database.orders.find().exec()).map((document) => document.toJSON() as OrderDocument);
  return dayReport({
    date: request.date,
    storeId: setup.storeId,
    settings: setup.day,
    sales,
    shiftEvents,
    orders,
    ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
    ...(request.deviceId === undefined ? {} : { deviceId: request.deviceId }),
  });
}
