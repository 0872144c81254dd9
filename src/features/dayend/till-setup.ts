/*
 * What the shift and day-end screens need to know about this till before they write anything: the enrolled
 * store and till, the store's drawer settings (denominations, variance limit), its business-day settings
 * (time zone, cut-off, currency) and permission table, all read from the replicated config document through
 * the domain's readers. A config the domain refuses is a problem the screen words (dayEnd.problem.*).
 */
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { dayReportSettingsOf } from '../../domain/day-report.ts';
import type { DayReportSettings } from '../../domain/day-report.ts';
import { parsePermissionTable } from '../../domain/permissions.ts';
import type { PermissionTable } from '../../domain/permissions.ts';
import { drawerSettingsOf } from '../../domain/shift-settings.ts';
import type { DrawerSettings } from '../../domain/shift-settings.ts';

export interface TillSetup {
  readonly storeId: string;
  readonly deviceId: string;
  readonly storeName: string;
  /** The store's language (config store.locale), in which reports print. */
  readonly storeLocale: string;
  readonly drawer: DrawerSettings;
  readonly day: DayReportSettings;
  readonly permissions: PermissionTable;
  readonly staff: readonly { readonly id: string; readonly name: string; readonly role: string }[];
}

export type TillSetupRead =
  | { readonly ok: true; readonly setup: TillSetup }
  | { readonly ok: false; readonly problem: 'notEnrolled' | 'noConfig' | 'badConfig'; readonly detail?: string };

export function tillSetupOf(config: StoreConfigDocument | null, enrolment: { readonly storeId: string; readonly deviceId: string } | undefined): TillSetupRead {
  if (enrolment === undefined) return { ok: false, problem: 'notEnrolled' };
  if (config === null) return { ok: false, problem: 'noConfig' };
  const day = dayReportSettingsOf(config.store);
  if (!day.ok) return { ok: false, problem: 'badConfig', detail: day.detail };
  const drawer = drawerSettingsOf(config.store, day.value.currency);
  if (!drawer.ok) return { ok: false, problem: 'badConfig', detail: drawer.detail };
  return {
    ok: true,
    setup: {
      storeId: enrolment.storeId,
      deviceId: enrolment.deviceId,
      storeName: config.store.name,
      storeLocale: config.store.locale,
      drawer: drawer.settings,
      day: day.value,
      permissions: parsePermissionTable(config.permissions),
      staff: config.staff.filter((member) => member.active).map((member) => ({ id: member.id, name: member.name, role: member.role })),
    },
  };
}
