// A manager sets up the store in the back office: the receipt's header and footer, the tax code, the bank
// account customers pay by VietQR, the loyalty and return rules, the offline caps and the business day.
// Every wrong field is named with what is wrong; a good form is a config delta the tablets pull, read by the
// same domain functions the counter uses. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaySettingsOf } from '../../src/domain/business-day.ts';
import { dayReportSettingsOf } from '../../src/domain/day-report.ts';
import { loyaltyRules } from '../../src/domain/loyalty.ts';
import { returnPolicyOf } from '../../src/domain/return-policy.ts';
import type { StoreSettings } from '../../sync-server/src/backoffice/store-settings.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { openBackOffice } from './helpers/backoffice.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, pull, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

describe.each(DATABASE_KINDS)("the back office edits the store's settings (%s)", (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let manager: string;
  let documents: DocumentsRepository;

  beforeAll(async () => {
    ({ t, till, manager, documents } = await openBackOffice(kind, 'backoffice-settings'));
  }, 60_000);
  afterAll(async () => t?.close());

  const read = async (): Promise<{ settings: StoreSettings; updatedAt: string }> => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/settings', headers: bearer(manager) });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const save = (settings: StoreSettings, extra: object = {}, token = manager, language = 'en') =>
    t.app.inject({ method: 'PUT', url: '/api/v1/backoffice/settings', headers: { ...bearer(token), 'accept-language': language }, payload: { settings, ...extra } });

  it('only holders of settings.edit: the device token and a cashier are refused', async () => {
    const { settings } = await read();
    const cashier = await signIn(t.app, till, 'store-q1-cashier', '1111');
    const refused = await save(settings, {}, cashier);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/settings\.edit/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/settings', headers: bearer(till.token) })).statusCode).toBe(403);
  });

  it('a good form is written once, pulled by the tablet and read by the domain as the counter reads it', async () => {
    const { settings, updatedAt } = await read();
    const before = await documents.lastSeq();
    const next: StoreSettings = {
      ...settings,
      receiptHeader: ['TẠP HÓA QUẬN 1', 'Mở cửa 6:00 - 22:00'],
      receiptFooter: ['Cảm ơn quý khách!', 'Đổi trả trong 30 ngày'],
      taxCode: '0312345678-001',
      bank: { bin: '970436', accountNumber: '0071000123456', accountName: 'CUA HANG QUAN 1' },
      loyalty: { ...settings.loyalty, enabled: true, earnAmountPerPoint: 20_000, pointValue: 200, offlineRedeemCapPoints: 300, offlineRedeemCapAmount: 500_000 },
      returns: { windowDays: 30, refundMethods: ['cash', 'original_tender'], managerApprovalAbove: 1_000_000, nonReturnableCategories: ['Rau củ'] },
      timeZone: 'Asia/Bangkok',
      businessDayCutoff: '04:00',
    };
    const response = await save(next, { expectedUpdatedAt: updatedAt });
    expect(response.statusCode).toBe(200);
    expect(response.json().changed).toBe(true);
    const configs = (await pull(t.app, till.token, 'config', { seq: before, id: '' })).documents;
    expect(configs).toHaveLength(1);
    const config = configs[0] as Record<string, Record<string, unknown>>;
    expect(config['receipt']?.['header']).toEqual(['TẠP HÓA QUẬN 1', 'Mở cửa 6:00 - 22:00']);
    expect(config['receipt']?.['footer']).toEqual(['Cảm ơn quý khách!', 'Đổi trả trong 30 ngày']);
    expect(config['store']).toMatchObject({ taxCode: '0312345678-001', bank: { bin: '970436', accountNumber: '0071000123456', accountName: 'CUA HANG QUAN 1' } });
    expect(loyaltyRules(config)).toMatchObject({ amountPerPoint: 20_000, timeZone: 'Asia/Bangkok', redeem: { pointValue: 200, offlineRedeemCapPoints: 300, offlineRedeemCapAmount: 500_000 } });
    const policy = returnPolicyOf(config['returnPolicy']);
    expect(policy.windowDays).toBe(30);
    expect([...policy.refundMethods]).toEqual(['original_tender', 'cash']);
    expect(policy.approvalAbove).toBe(1_000_000);
    expect(businessDaySettingsOf(config['store'] ?? {})).toEqual({ ok: true, value: { timeZone: 'Asia/Bangkok', cutoffMinutes: 240 } });
    // What the form does not name is kept: the demo's receipt paper width, the loyalty's other keys.
    expect(config['receipt']?.['paperWidthMm']).toBe(80);
    const audit = (await pull(t.app, till.token, 'audit', { seq: before, id: '' })).documents;
    expect(audit).toEqual([expect.objectContaining({ action: 'settings.edit', staffId: 'store-q1-manager', details: { sections: expect.arrayContaining(['receiptHeader', 'receiptFooter', 'taxCode', 'bank', 'loyalty', 'returns', 'timeZone', 'businessDayCutoff']) } })]);
    // Refund methods come back in the policy's own order.
    expect((await read()).settings).toEqual({ ...next, returns: { ...next.returns, refundMethods: ['original_tender', 'cash'] } });
  });

  it('saving the same form writes nothing; a form read before the last change is refused (409)', async () => {
    const { settings, updatedAt } = await read();
    const seq = await documents.lastSeq();
    const same = await save(settings);
    expect(same.json().changed).toBe(false);
    expect(await documents.lastSeq()).toBe(seq);
    const stale = await save({ ...settings, receiptFooter: ['Hẹn gặp lại'] }, { expectedUpdatedAt: '2020-01-01T00:00:00.000Z' });
    expect(stale.statusCode).toBe(409);
    expect(updatedAt).not.toBe('2020-01-01T00:00:00.000Z');
  });

  it('every wrong field comes back with what is wrong (Vietnamese for a Vietnamese manager); nothing is written', async () => {
    const { settings } = await read();
    const seq = await documents.lastSeq();
    const wrong: StoreSettings = {
      ...settings,
      receiptFooter: Array.from({ length: 13 }, (_, i) => `Dòng ${i}`),
      taxCode: '031234',
      bank: { bin: '97043', accountNumber: '0071 000 123' },
      loyalty: { ...settings.loyalty, earnAmountPerPoint: 0, maxRedeemBasisPoints: 12_000, offlineRedeemCapAmount: -5 },
      returns: { ...settings.returns, refundMethods: [], windowDays: 10_000 },
      timeZone: 'Asia/Saigon City',
      businessDayCutoff: '25:00',
    };
    const response = await save(wrong);
    expect(response.statusCode).toBe(422);
    const fields = response.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field).sort();
    expect(fields).toEqual([
      'bank.accountNumber',
      'bank.bin',
      'businessDayCutoff',
      'loyalty.earnAmountPerPoint',
      'loyalty.maxRedeemBasisPoints',
      'loyalty.offlineRedeemCapAmount',
      'receiptFooter',
      'returns.refundMethods',
      'returns.windowDays',
      'taxCode',
      'timeZone',
    ]);
    const vietnamese = await save(wrong, {}, manager, 'vi');
    expect(vietnamese.json().errors.find((e: { field: string }) => e.field === 'taxCode').message).toMatch(/Mã số thuế/);
    const shape = await t.app.inject({ method: 'PUT', url: '/api/v1/backoffice/settings', headers: bearer(manager), payload: { settings: { ...settings, loyalty: { ...settings.loyalty, pointValue: 'một trăm' } } } });
    expect(shape.statusCode).toBe(400);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('removing the bank account takes VietQR off the counter', async () => {
    const { settings } = await read();
    const before = await documents.lastSeq();
    expect((await save({ ...settings, bank: null })).statusCode).toBe(200);
    const config = (await pull(t.app, till.token, 'config', { seq: before, id: '' })).documents[0] as Record<string, Record<string, unknown>>;
    expect(config['store']?.['bank']).toBeUndefined();
  });

  it('a manager lists the store’s card terminals (issue 17): the tablets pull them, the day report names them, a wrong or repeated id is named', async () => {
    const { settings, updatedAt } = await read();
    expect(settings.cardTerminals).toEqual([]);
    const before = await documents.lastSeq();
    const terminals = [
      { id: 'vcb-1', name: 'Vietcombank quầy 1' },
      { id: ' tcb-2 ', name: 'Techcombank quầy 2 ' },
    ];
    const response = await save({ ...settings, cardTerminals: terminals }, { expectedUpdatedAt: updatedAt });
    expect(response.statusCode, response.body).toBe(200);
    const config = (await pull(t.app, till.token, 'config', { seq: before, id: '' })).documents[0] as Record<string, Record<string, unknown>>;
    const listed = [
      { id: 'vcb-1', name: 'Vietcombank quầy 1' },
      { id: 'tcb-2', name: 'Techcombank quầy 2' },
    ];
    expect(config['store']?.['cardTerminals']).toEqual(listed);
    expect(dayReportSettingsOf(config['store'] ?? {})).toMatchObject({ ok: true, value: { cardTerminals: listed } });
    const audit = (await pull(t.app, till.token, 'audit', { seq: before, id: '' })).documents;
    expect(audit).toEqual([expect.objectContaining({ action: 'settings.edit', details: { sections: ['cardTerminals'] } })]);
    // A form without the list keeps it; a wrong list is refused field by field and nothing is written.
    const { cardTerminals: _kept, ...withoutList } = (await read()).settings;
    expect((await save(withoutList)).json().changed).toBe(false);
    const seq = await documents.lastSeq();
    const wrong = await save({ ...settings, cardTerminals: [...listed, { id: 'vcb-1', name: 'Lần nữa' }, { id: '', name: '' }] }, {}, manager, 'vi');
    expect(wrong.statusCode).toBe(422);
    const errors = wrong.json<{ errors: Array<{ field: string; message: string }> }>().errors;
    expect(errors.map((e) => e.field)).toEqual(['cardTerminals.2.id', 'cardTerminals.3.id', 'cardTerminals.3.name']);
    expect(errors[0]?.message).toMatch(/đã dùng cho máy khác/);
    expect(await documents.lastSeq()).toBe(seq);
    // Emptying the list takes the terminals off the config: card tenders name none again.
    const cleared = await save({ ...(await read()).settings, cardTerminals: [] });
    expect(cleared.statusCode).toBe(200);
    expect((await read()).settings.cardTerminals).toEqual([]);
  });
});
