/*
 * The config document a store created by the admin command starts with: its identity, Vietnam's VAT
 * classes, the default permission table (src/domain/default-permissions.ts, the same as the demo's), no
 * staff yet (add-manager adds the first), loyalty off, a plain return policy, no scale-label barcode rules,
 * a receipt header and footer from its identity. The back office's settings screens will edit the rest.
 */
import type { StoreConfigDocument } from '../../../src/data/schemas/types.ts';
import { defaultPermissions } from '../../../src/domain/default-permissions.ts';
import { VIETNAM_TAX_CLASSES } from '../../../src/domain/tax-presets.ts';

export interface StoreIdentity {
  name: string;
  address?: string;
  phone?: string;
  taxCode?: string;
  currency: string;
  locale: string;
  timeZone: string;
  /** The packing-slip public key tablets check slips with (auth/order-signing.ts). */
  orderSigningPublicKey?: string;
}

export function newStoreConfig(storeId: string, identity: StoreIdentity, updatedAt: string): StoreConfigDocument {
  return {
    id: storeId,
    storeId,
    store: { ...identity },
    taxClasses: VIETNAM_TAX_CLASSES.map((t) => ({ ...t })),
    loyalty: { enabled: false },
    returnPolicy: { windowDays: 7, requireReceipt: true, refundMethods: ['original_tender', 'cash'] },
    barcodeRules: [],
    receipt: { header: receiptHeader(identity), footer: receiptFooter(identity.locale), showTaxSummary: true, paperWidthMm: 80 },
    staff: [],
    permissions: defaultPermissions(),
    updatedAt,
  };
}

/** The receipt's header lines from the store's identity (kept in step when the identity is edited). */
export function receiptHeader(identity: Pick<StoreIdentity, 'name' | 'address' | 'phone' | 'taxCode' | 'locale'>): string[] {
  const vietnamese = identity.locale.startsWith('vi');
  const contact = [
    identity.taxCode === undefined ? undefined : `${vietnamese ? 'MST' : 'Tax code'}: ${identity.taxCode}`,
    identity.phone === undefined ? undefined : `${vietnamese ? 'ĐT' : 'Tel'}: ${identity.phone}`,
  ].filter((part): part is string => part !== undefined);
  return [identity.name.toUpperCase(), ...(identity.address === undefined ? [] : [identity.address]), ...(contact.length > 0 ? [contact.join(' · ')] : [])];
}

function receiptFooter(locale: string): string[] {
  return locale.startsWith('vi') ? ['Cảm ơn quý khách, hẹn gặp lại!'] : ['Thank you, see you again!'];
}
