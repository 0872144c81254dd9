// Every sensitive change at the counter leaves its trace in the audit trail, on a real IndexedDB in real
// Chromium: a price override (approved or not), a discount over the cashier's limit, a voided line; each
// with the cashier at the till and, when someone else had to approve, that approver. The approval itself is
// answered through the shared approval store, as the staff feature's PIN dialog answers it.
import type { ReactNode } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseContext } from '../../data/database-context.ts';
import { createPosDatabase, type PosDatabase } from '../../data/database.ts';
import type { AuditEntryDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { emptyCart, ringUpLine, type CartProduct } from '../../domain/cart.ts';
import { VIETNAM_TAX_CLASSES } from '../../domain/tax-presets.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { useStaffSessionStore, type SignedInStaff } from '../../session/staff-session-store.ts';
import { useCounterStore } from './counter-store.ts';
import { enrolTestTill } from './till.test-helper.tsx';
import { LineEditor } from './line-editor.tsx';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { SaleSettingsContext } from '../../data/sale-settings-context.ts';
import { signInAfterReload, signInWithPin } from '../../session/signed-in.test-helper.ts';

const lan: SignedInStaff = { id: 'staff-lan', name: 'Lan', role: 'cashier' };
const tuan: SignedInStaff = { id: 'staff-tuan', name: 'Tuấn', role: 'supervisor' };
const coffee: CartProduct = { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 100_000, taxClassId: 'vat10', weighed: false };

const config: StoreConfigDocument = {
  id: 'store-q1',
  storeId: 'store-q1',
  store: { name: 'Cửa hàng Quận 1', currency: 'VND', locale: 'vi-VN' },
  taxClasses: VIETNAM_TAX_CLASSES.map((each) => ({ ...each })),
  staff: [],
  permissions: {
    cashier: ['sale.ring_up', 'sale.tender'],
    supervisor: ['sale.ring_up', 'sale.tender', 'sale.void_line', 'sale.discount', 'price.override'],
    manager: ['sale.ring_up', 'sale.tender', 'sale.void_line', 'sale.discount', 'price.override'],
    maxDiscountBasisPoints: 1000,
    overrideNeedsApprovalAbove: 1000,
  },
  updatedAt: '2025-11-24T00:00:00.000Z',
};

let database: PosDatabase | undefined;

afterEach(async () => {
  cleanup();
  useApprovalStore.getState().settle(null);
  useStaffSessionStore.getState().signOut();
  useSyncStatusStore.getState().reset();
  useCounterStore.getState().startNextSale(null);
  await database?.remove();
  database = undefined;
});

async function tillWithCoffee(staff: SignedInStaff, options: { reloaded?: boolean } = {}): Promise<PosDatabase> {
  database = await createPosDatabase({ name: `line-audit-${crypto.randomUUID()}`, devMode: true });
  enrolTestTill('device-3');
  if (options.reloaded) signInAfterReload(staff);
  else await signInWithPin(staff);
  useCounterStore.getState().startNextSale(null);
  expect(useCounterStore.getState().applyCart(ringUpLine(emptyCart(), coffee))).toBe(true);
  const line = useCounterStore.getState().cart.lines[0];
  if (!line) throw new Error('no line rung up');
  const wrap = (children: ReactNode) => (
    <I18nextProvider i18n={createI18n()}>
      <DatabaseContext value={{ state: 'ready', database: database as PosDatabase }}>
        <SaleSettingsContext.Provider value={saleSettingsOf(config)}>{children}</SaleSettingsContext.Provider>
      </DatabaseContext>
    </I18nextProvider>
  );
  render(wrap(<LineEditor line={line} />));
  return database;
}

async function auditEntries(on: PosDatabase, count: number): Promise<AuditEntryDocument[]> {
  let entries: AuditEntryDocument[] = [];
  await waitFor(async () => {
    entries = (await on.audit.find({ sort: [{ id: 'asc' }] }).exec()).map((document) => document.toJSON() as AuditEntryDocument);
    expect(entries).toHaveLength(count);
  });
  return entries;
}

function submit(testId: string, value: string): void {
  const input = screen.getByTestId(testId);
  fireEvent.change(input, { target: { value } });
  fireEvent.submit(input.closest('form') as HTMLFormElement);
}

async function supervisorApproves(permission: string): Promise<void> {
  await waitFor(() => expect(useApprovalStore.getState().pending?.permission).toBe(permission));
  act(() => useApprovalStore.getState().settle({ id: tuan.id, name: tuan.name, role: tuan.role }));
}

describe('the audit trail of the counter', () => {
  it('records a cashier’s big price override with the supervisor who approved it', async () => {
    const on = await tillWithCoffee(lan);
    submit('line-price', '150000');
    await supervisorApproves('price.override');
    const [entry] = await auditEntries(on, 1);
    expect(entry).toMatchObject({ action: 'price.override', staffId: lan.id, approverId: tuan.id, subjectId: coffee.id, storeId: 'store-q1', deviceId: 'device-3' });
    expect(entry?.details).toMatchObject({ from: 100_000, to: 150_000 });
    expect(useCounterStore.getState().cart.lines[0]?.unitPrice).toBe(150_000);
  });

  it('records a supervisor’s big price override with her alone, and leaves a cashier’s change within her limit to the sale line', async () => {
    const small = await tillWithCoffee(lan);
    submit('line-price', '95000');
    await waitFor(() => expect(useCounterStore.getState().cart.lines[0]?.unitPrice).toBe(95_000));
    // A price.override entry naming only a cashier would be refused by the server (she does not hold it).
    expect(await small.audit.count().exec()).toBe(0);
    cleanup();
    await small.remove();

    const on = await tillWithCoffee(tuan);
    submit('line-price', '150000');
    const [entry] = await auditEntries(on, 1);
    expect(entry).toMatchObject({ action: 'price.override', staffId: tuan.id, details: { from: 100_000, to: 150_000 } });
    expect(entry?.approverId).toBeUndefined();
    expect(useApprovalStore.getState().pending).toBeNull();
  });

  it('after a reload a supervisor confirms her own big override with her PIN (her key is gone), then it is hers alone', async () => {
    const on = await tillWithCoffee(tuan, { reloaded: true });
    submit('line-price', '150000');
    await waitFor(() => expect(useApprovalStore.getState().pending).toMatchObject({ permission: 'price.override', allowSelf: true }));
    act(() => useApprovalStore.getState().settle({ id: tuan.id, name: tuan.name, role: tuan.role }));
    const [entry] = await auditEntries(on, 1);
    expect(entry).toMatchObject({ action: 'price.override', staffId: tuan.id });
    expect(entry?.approverId).toBeUndefined();
  });

  it('records a discount over the cashier’s limit with its approver, and leaves one within the limit alone', async () => {
    const on = await tillWithCoffee(lan);
    submit('line-discount', '5');
    await waitFor(() => expect(useCounterStore.getState().cart.lines[0]?.discount).toBeDefined());
    submit('line-discount', '30');
    await supervisorApproves('sale.discount');
    const [entry] = await auditEntries(on, 1);
    expect(entry).toMatchObject({ action: 'sale.discount', staffId: lan.id, approverId: tuan.id, subjectId: coffee.id, details: { discount: { kind: 'percent', basisPoints: 3000 } } });
  });

  it('asks a supervisor before a cashier voids a line, and records both', async () => {
    const on = await tillWithCoffee(lan);
    fireEvent.click(screen.getByTestId('line-remove'));
    await supervisorApproves('sale.void_line');
    const [entry] = await auditEntries(on, 1);
    expect(entry).toMatchObject({ action: 'sale.void_line', staffId: lan.id, approverId: tuan.id, subjectId: coffee.id, details: { qty: 1000 } });
    expect(useCounterStore.getState().cart.lines).toHaveLength(0);
  });

  it('keeps the line and writes nothing when nobody approves the void', async () => {
    const on = await tillWithCoffee(lan);
    fireEvent.click(screen.getByTestId('line-remove'));
    await waitFor(() => expect(useApprovalStore.getState().pending?.permission).toBe('sale.void_line'));
    act(() => useApprovalStore.getState().settle(null));
    await waitFor(() => expect(useCounterStore.getState().notice?.key).toBe('approval.declined'));
    expect(useCounterStore.getState().cart.lines).toHaveLength(1);
    expect(await on.audit.count().exec()).toBe(0);
  });

  it('lets a supervisor void a line alone: the entry names her and no approver', async () => {
    const on = await tillWithCoffee(tuan);
    fireEvent.click(screen.getByTestId('line-remove'));
    const [entry] = await auditEntries(on, 1);
    expect(entry).toMatchObject({ action: 'sale.void_line', staffId: tuan.id });
    expect(entry?.approverId).toBeUndefined();
    expect(useApprovalStore.getState().pending).toBeNull();
  });
});
