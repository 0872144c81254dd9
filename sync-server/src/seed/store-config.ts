/*
 * The demo store's config document: identity (VND, vi-VN, Asia/Ho_Chi_Minh), Vietnam's VAT classes,
 * loyalty, return policy, the scale-label barcode rules, receipt texts, staff with PIN hashes and the
 * role permission table. The shapes of the loosely typed parts (loyalty, returnPolicy, barcodeRules,
 * receipt, permissions) are what the app's features read; barcodeRules follow src/domain/barcode-rules.
 * The quick keys are the catalog's counter goods (coffee, bread: catalog.ts), first on the counter's grid.
 * `permissions` holds the role table (role -> permission names) and the PIN lock-out and idle sign-out settings.
 */
import type { StoreConfigDocument } from '../../../src/data/schemas/types.ts';
import { DEFAULT_ROLE_PERMISSIONS, defaultPermissions, STAFF_SESSION_SETTINGS } from '../../../src/domain/default-permissions.ts';
import { VIETNAM_TAX_CLASSES } from '../../../src/domain/tax-presets.ts';
import type { TabletPinCheck } from '../../../src/domain/approval-proof.ts';
import { counterGoodIds, demoGiftCardProductId } from './catalog.ts';

export const DEMO_STORE = {
  name: 'Cửa hàng Demo Quận 1',
  address: '123 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh',
  phone: '028 3822 1234',
  taxCode: '0312345678',
  currency: 'VND',
  locale: 'vi-VN',
  timeZone: 'Asia/Ho_Chi_Minh',
} as const;

/** The demo store's loyalty tiers (config.loyalty.tiers): Bạc from 2 million VND a year, Vàng from 10 million, Kim cương from 30 million. */
export const DEMO_LOYALTY_TIERS = [
  { id: 'bac', name: 'Bạc', minSpend: 2_000_000, multiplierBasisPoints: 12_500 },
  { id: 'vang', name: 'Vàng', minSpend: 10_000_000, multiplierBasisPoints: 15_000 },
  { id: 'kim-cuong', name: 'Kim cương', minSpend: 30_000_000, multiplierBasisPoints: 20_000 },
] as const;

/** The demo store's member days (config.loyalty.promotions): double points on 12.12. */
export const DEMO_LOYALTY_PROMOTIONS = [{ name: 'Ngày hội thành viên 12.12', dates: ['2026-12-12', '2027-12-12'], multiplierBasisPoints: 20_000 }] as const;

export type StaffRole = 'cashier' | 'supervisor' | 'manager';

/** A config staff entry: who, and the tablet's short check of their PIN (never the full hash). */
export interface StaffMember extends TabletPinCheck {
  id: string;
  name: string;
  role: StaffRole;
  active: boolean;
}

export function buildStoreConfig(storeId: string, staff: readonly StaffMember[], updatedAt: string): StoreConfigDocument {
  return {
    id: storeId,
    storeId,
    store: { ...DEMO_STORE },
    taxClasses: VIETNAM_TAX_CLASSES.map((t) => ({ ...t })),
    loyalty: {
      enabled: true,
      // 1 point per 10,000 VND spent (after discounts, tax included); a point is worth 100 VND.
      earnAmountPerPoint: 10_000,
      pointValue: 100,
      minRedeemPoints: 100,
      maxRedeemBasisPoints: 5000,
      offlineRedeemCapPoints: 500,
      expiryMonths: 12,
      // Tiers by spend over the last year (loyalty.ts): a member earns more points per 10,000 VND as they climb.
      tierPeriodDays: 365,
      tiers: [...DEMO_LOYALTY_TIERS],
      // Promotion days (the store's calendar): points earn double on the shop's member days.
      promotions: DEMO_LOYALTY_PROMOTIONS.map((promotion) => ({ ...promotion, dates: [...promotion.dates] })),
      // The store's gift card (catalog.ts): sold at the amount the cashier types, to a card number scanned.
      giftCardProductIds: [demoGiftCardProductId()],
    },
    returnPolicy: {
      windowDays: 7,
      requireReceipt: true,
      refundMethods: ['original_tender', 'cash', 'store_credit'],
      managerApprovalAbove: 500_000,
      nonReturnableCategories: ['Thịt, cá, hải sản tươi', 'Rau củ, trái cây'],
    },
    barcodeRules: [
      { prefix: '21', value: 'weight', itemCodeLength: 5, valueLength: 5, valueUnit: 1, name: 'Cân quầy tươi sống (gram)' },
      { prefix: '22', value: 'price', itemCodeLength: 5, valueLength: 5, valueUnit: 100, name: 'Tem giá quầy tươi sống (trăm đồng)' },
    ],
    receipt: {
      header: [DEMO_STORE.name.toUpperCase(), DEMO_STORE.address, `MST: ${DEMO_STORE.taxCode} · ĐT: ${DEMO_STORE.phone}`],
      footer: ['Cảm ơn quý khách, hẹn gặp lại!', 'Đổi trả trong 7 ngày kèm hóa đơn.', 'Tra cứu hóa đơn điện tử tại cửa hàng.'],
      showTaxSummary: true,
      paperWidthMm: 80,
    },
    quickKeys: counterGoodIds(),
    staff: staff.map((s) => ({ ...s })),
    permissions: defaultPermissions(),
    updatedAt,
  };
}

/**
 * The role table and settings a config written by an older seed is missing (e.g. the manager's sale.void,
 * the lock-out settings), merged into `permissions`: what a role holds is only ever added to, a setting
 * only filled in where absent. Undefined when nothing is missing.
 */
export function withDefaultPermissions(permissions: unknown): Record<string, unknown> | undefined {
  const current = typeof permissions === 'object' && permissions !== null ? (permissions as Record<string, unknown>) : {};
  const next: Record<string, unknown> = { ...current };
  let changed = false;
  for (const [role, defaults] of Object.entries(DEFAULT_ROLE_PERMISSIONS)) {
    const held = Array.isArray(current[role]) ? (current[role] as unknown[]) : [];
    const missing = defaults.filter((name) => !held.includes(name));
    if (missing.length === 0) continue;
    next[role] = [...held, ...missing];
    changed = true;
  }
  for (const [name, value] of Object.entries(STAFF_SESSION_SETTINGS)) {
    if (name in current) continue;
    next[name] = value;
    changed = true;
  }
  return changed ? next : undefined;
}
