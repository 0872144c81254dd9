/*
 * A store's settings as the back office edits them (routes/backoffice-settings.ts): a flat form of the config
 * fields the app already reads, each checked before anything is written, and the config document they make.
 *   receipt.header / receipt.footer     lines printed above and below the sale (print-sale-receipt.ts)
 *   store.taxCode                       the shop's tax code (mã số thuế): 10 digits, or 10-3 for a branch
 *   store.bank {bin, accountNumber, accountName?}   the VietQR account (sale-settings.ts, vietqr.ts)
 *   loyalty {enabled, earnAmountPerPoint, pointValue, minRedeemPoints, maxRedeemBasisPoints,
 *            offlineRedeemCapPoints, offlineRedeemCapAmount, nonEarningCategories}   (loyalty.ts, redeem-limits.ts);
 *            offlineRedeemCapAmount caps gift cards and store credit per sale, offlineRedeemCapPoints points
 *   returnPolicy {windowDays, refundMethods, managerApprovalAbove, nonReturnableCategories}   (return-policy.ts)
 *   store.timeZone, store.businessDayCutoff "HH:MM"   the business day (business-day.ts)
 *   store.pickupAllowUnpaidHandover    the pickup counter may hand over an order with money due, recorded
 *                                      and flagged for the manager (pickup-order.ts); absent: strict
 *   store.cardTerminals [{id, name}]   the store's card terminals (card-terminals.ts): each tablet pairs with one,
 *                                      a card tender names it and the Z report splits card by it
 * Config keys the form does not name (loyalty tiers and promotions, a return policy's product ids, the receipt's
 * paper width) are kept as they are. Messages in the manager's language (English or Vietnamese).
 */
import type { StoreConfigDocument } from '../../../src/data/schemas/types.ts';
import { isTimeZone, parseCutoff, formatCutoff } from '../../../src/domain/business-day.ts';
import type { ImportLanguage } from '../../../src/domain/catalog-import-messages.ts';
import { CARD_TERMINAL_ID_MAX_LENGTH, cardTerminalsOf } from '../../../src/domain/card-terminals.ts';
import { REFUND_METHODS } from '../../../src/domain/return-policy.ts';
import type { RefundMethod } from '../../../src/domain/return-policy.ts';

export interface BankAccountForm {
  bin: string;
  accountNumber: string;
  accountName?: string;
}

export interface StoreSettings {
  receiptHeader: string[];
  receiptFooter: string[];
  taxCode: string;
  bank: BankAccountForm | null;
  loyalty: {
    enabled: boolean;
    earnAmountPerPoint: number;
    pointValue: number;
    minRedeemPoints: number;
    maxRedeemBasisPoints: number;
    offlineRedeemCapPoints: number;
    /** Gift cards and store credit, minor units per sale; null: the balance is the only cap. */
    offlineRedeemCapAmount: number | null;
    nonEarningCategories: string[];
  };
  returns: {
    /** null: no time limit. */
    windowDays: number | null;
    refundMethods: RefundMethod[];
    /** null: no refund needs a manager for its size. */
    managerApprovalAbove: number | null;
    nonReturnableCategories: string[];
  };
  timeZone: string;
  businessDayCutoff: string;
  /** Optional in a PUT (absent: kept as stored); always in a GET. */
  pickupAllowUnpaidHandover?: boolean;
  /** The store's card terminals, in the order the counter offers them. Optional in a PUT (absent: kept as stored); always in a GET. */
  cardTerminals?: CardTerminalForm[];
}

export interface CardTerminalForm {
  id: string;
  name: string;
}

export const CARD_TERMINALS_MAX = 50;
const CARD_TERMINAL_NAME_MAX_LENGTH = 100;

export interface SettingsError {
  field: string;
  message: string;
}

export const RECEIPT_MAX_LINES = 12;
export const RECEIPT_MAX_LINE = 200;
const MAX_MONEY = 1_000_000_000_000;
const TAX_CODE = /^\d{10}(-\d{3})?$/;

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const whole = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fallback);
const wholeOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** A receipt text as lines: a list of lines, one text, or the store language's text of a {vi, en} pair. */
function receiptLines(value: unknown, storeLocale: string): string[] {
  if (typeof value === 'string') return value.split('\n');
  if (Array.isArray(value)) return strings(value);
  const byLanguage = record(value);
  const own = byLanguage[storeLocale.startsWith('en') ? 'en' : 'vi'] ?? byLanguage['vi'] ?? byLanguage['en'];
  return own === undefined ? [] : receiptLines(own, storeLocale);
}

/** The form of a stored config (defaults where a field is absent or malformed). */
export function settingsOf(config: StoreConfigDocument): StoreSettings {
  const store = record(config.store);
  const receipt = record(config.receipt);
  const loyalty = record(config.loyalty);
  const returns = record(config.returnPolicy);
  const bank = record(store['bank']);
  const cutoff = parseCutoff(store['businessDayCutoff']);
  const methods = Array.isArray(returns['refundMethods']) ? strings(returns['refundMethods']).filter((m): m is RefundMethod => (REFUND_METHODS as readonly string[]).includes(m)) : [...REFUND_METHODS];
  return {
    receiptHeader: receiptLines(receipt['header'], config.store.locale),
    receiptFooter: receiptLines(receipt['footer'], config.store.locale),
    taxCode: typeof store['taxCode'] === 'string' ? store['taxCode'] : '',
    bank:
      typeof bank['bin'] === 'string' && typeof bank['accountNumber'] === 'string'
        ? { bin: bank['bin'], accountNumber: bank['accountNumber'], ...(typeof bank['accountName'] === 'string' ? { accountName: bank['accountName'] } : {}) }
        : null,
    loyalty: {
      enabled: loyalty['enabled'] === true,
      earnAmountPerPoint: whole(loyalty['earnAmountPerPoint'], 10_000),
      pointValue: whole(loyalty['pointValue'], 0),
      minRedeemPoints: whole(loyalty['minRedeemPoints'], 1),
      maxRedeemBasisPoints: Math.min(10_000, whole(loyalty['maxRedeemBasisPoints'], 10_000)),
      offlineRedeemCapPoints: whole(loyalty['offlineRedeemCapPoints'], 0),
      offlineRedeemCapAmount: wholeOrNull(loyalty['offlineRedeemCapAmount']),
      nonEarningCategories: strings(loyalty['nonEarningCategories']),
    },
    returns: {
      windowDays: wholeOrNull(returns['windowDays']),
      refundMethods: methods,
      managerApprovalAbove: wholeOrNull(returns['managerApprovalAbove']),
      nonReturnableCategories: strings(returns['nonReturnableCategories']),
    },
    timeZone: isTimeZone(store['timeZone']) ? store['timeZone'] : 'Asia/Ho_Chi_Minh',
    businessDayCutoff: formatCutoff(cutoff.ok ? cutoff.value : 0),
    pickupAllowUnpaidHandover: store['pickupAllowUnpaidHandover'] === true,
    cardTerminals: cardTerminalsOf(store).map((terminal) => ({ id: terminal.id, name: terminal.name })),
  };
}

/** Every wrong field of a form (none: the form can be written). */
export function settingsProblems(form: StoreSettings, language: ImportLanguage): SettingsError[] {
  const errors: SettingsError[] = [];
  const say = (field: string, en: string, vi: string) => errors.push({ field, message: language === 'vi' ? vi : en });
  for (const [field, lines] of [['receiptHeader', form.receiptHeader], ['receiptFooter', form.receiptFooter]] as const) {
    if (lines.length > RECEIPT_MAX_LINES) say(field, `At most ${RECEIPT_MAX_LINES} lines, got ${lines.length}`, `Tối đa ${RECEIPT_MAX_LINES} dòng, đang có ${lines.length}`);
    const long = lines.findIndex((line) => line.length > RECEIPT_MAX_LINE);
    if (long >= 0) say(field, `Line ${long + 1} is longer than ${RECEIPT_MAX_LINE} characters`, `Dòng ${long + 1} dài hơn ${RECEIPT_MAX_LINE} ký tự`);
    // eslint-disable-next-line no-control-regex -- a control character would garble the printer's commands
    if (lines.some((line) => /[\u0000-\u001f\u007f]/.test(line))) say(field, 'A line holds a control character (a tab or a printer code): type plain text', 'Có ký tự điều khiển (tab hoặc mã máy in): chỉ nhập chữ thường');
  }
  if (form.taxCode !== '' && !TAX_CODE.test(form.taxCode)) {
    say('taxCode', `A tax code is 10 digits, or 10 digits, a dash and 3 for a branch (0312345678-001), got "${form.taxCode}"`, `Mã số thuế gồm 10 chữ số, hoặc 10 số, gạch ngang và 3 số cho chi nhánh (0312345678-001), đang là "${form.taxCode}"`);
  }
  if (form.bank !== null) {
    if (!/^\d{6}$/.test(form.bank.bin)) say('bank.bin', `A bank's BIN (NAPAS code) is 6 digits, e.g. 970436 for Vietcombank, got "${form.bank.bin}"`, `Mã BIN ngân hàng gồm 6 chữ số, ví dụ 970436 (Vietcombank), đang là "${form.bank.bin}"`);
    if (!/^[0-9A-Za-z]{1,19}$/.test(form.bank.accountNumber)) say('bank.accountNumber', 'An account number is 1 to 19 letters or digits, without spaces', 'Số tài khoản gồm 1 đến 19 chữ hoặc số, không có dấu cách');
    if ((form.bank.accountName ?? '').length > 50) say('bank.accountName', 'An account name has at most 50 characters', 'Tên tài khoản tối đa 50 ký tự');
  }
  const money = (field: string, value: number | null, min = 0) => {
    if (value === null) return;
    if (!Number.isSafeInteger(value) || value < min || value > MAX_MONEY) say(field, `A whole number from ${min} to ${MAX_MONEY}, got ${value}`, `Một số nguyên từ ${min} đến ${MAX_MONEY}, đang là ${value}`);
  };
  const l = form.loyalty;
  money('loyalty.earnAmountPerPoint', l.earnAmountPerPoint, 1);
  money('loyalty.pointValue', l.pointValue);
  money('loyalty.minRedeemPoints', l.minRedeemPoints, 1);
  money('loyalty.offlineRedeemCapPoints', l.offlineRedeemCapPoints);
  money('loyalty.offlineRedeemCapAmount', l.offlineRedeemCapAmount);
  if (!Number.isSafeInteger(l.maxRedeemBasisPoints) || l.maxRedeemBasisPoints < 0 || l.maxRedeemBasisPoints > 10_000) {
    say('loyalty.maxRedeemBasisPoints', `The share of a sale points may pay is 0 to 10000 basis points (100 %), got ${l.maxRedeemBasisPoints}`, `Phần hóa đơn trả bằng điểm từ 0 đến 10000 phần vạn (100 %), đang là ${l.maxRedeemBasisPoints}`);
  }
  const r = form.returns;
  if (r.windowDays !== null && (!Number.isSafeInteger(r.windowDays) || r.windowDays > 3650)) say('returns.windowDays', `Days from 0 to 3650, or none for no limit, got ${r.windowDays}`, `Số ngày từ 0 đến 3650, hoặc để trống nếu không giới hạn, đang là ${r.windowDays}`);
  money('returns.managerApprovalAbove', r.managerApprovalAbove);
  if (r.refundMethods.length === 0) say('returns.refundMethods', 'Choose at least one way money goes back', 'Chọn ít nhất một cách hoàn tiền');
  if (!isTimeZone(form.timeZone)) say('timeZone', `"${form.timeZone}" is not a time zone: write one such as Asia/Ho_Chi_Minh`, `"${form.timeZone}" không phải múi giờ: nhập ví dụ Asia/Ho_Chi_Minh`);
  if (!parseCutoff(form.businessDayCutoff).ok) say('businessDayCutoff', `The business day's cut-off is a time of day, HH:MM (e.g. 04:00), got "${form.businessDayCutoff}"`, `Giờ chốt ngày kinh doanh viết HH:MM (ví dụ 04:00), đang là "${form.businessDayCutoff}"`);
  cardTerminalProblems(form.cardTerminals ?? [], say);
  return errors;
}

function cardTerminalProblems(terminals: readonly CardTerminalForm[], say: (field: string, en: string, vi: string) => void): void {
  if (terminals.length > CARD_TERMINALS_MAX) say('cardTerminals', `At most ${CARD_TERMINALS_MAX} card terminals, got ${terminals.length}`, `Tối đa ${CARD_TERMINALS_MAX} máy quẹt thẻ, đang có ${terminals.length}`);
  const seen = new Set<string>();
  terminals.forEach((terminal, index) => {
    const id = terminal.id.trim();
    const name = terminal.name.trim();
    const n = index + 1;
    if (id === '' || id.length > CARD_TERMINAL_ID_MAX_LENGTH) {
      say(`cardTerminals.${index}.id`, `Terminal ${n}: an id of 1 to ${CARD_TERMINAL_ID_MAX_LENGTH} characters (e.g. vcb-1), got "${terminal.id}"`, `Máy ${n}: mã máy từ 1 đến ${CARD_TERMINAL_ID_MAX_LENGTH} ký tự (ví dụ vcb-1), đang là "${terminal.id}"`);
    } else if (seen.has(id)) {
      say(`cardTerminals.${index}.id`, `Terminal ${n}: the id "${id}" is already used by another terminal`, `Máy ${n}: mã "${id}" đã dùng cho máy khác`);
    }
    seen.add(id);
    if (name === '' || name.length > CARD_TERMINAL_NAME_MAX_LENGTH) {
      say(`cardTerminals.${index}.name`, `Terminal ${n}: a name of 1 to ${CARD_TERMINAL_NAME_MAX_LENGTH} characters, got "${terminal.name}"`, `Máy ${n}: tên từ 1 đến ${CARD_TERMINAL_NAME_MAX_LENGTH} ký tự, đang là "${terminal.name}"`);
    }
  });
}

/** The config a good form makes of the stored one; keys the form does not name stay as they are. */
export function configWithSettings(config: StoreConfigDocument, form: StoreSettings, updatedAt: string): StoreConfigDocument {
  const lines = (text: readonly string[]) => {
    const kept = text.map((line) => line.trimEnd());
    while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
    return kept;
  };
  const { bank: _bank, taxCode: _taxCode, pickupAllowUnpaidHandover: storedUnpaid, cardTerminals: storedTerminals, ...storeRest } = config.store;
  const allowUnpaid = form.pickupAllowUnpaidHandover ?? storedUnpaid === true;
  const terminals = form.cardTerminals?.map((terminal) => ({ id: terminal.id.trim(), name: terminal.name.trim() })) ?? storedTerminals ?? [];
  const store: StoreConfigDocument['store'] = {
    ...storeRest,
    ...(terminals.length === 0 ? {} : { cardTerminals: terminals }),
    ...(allowUnpaid ? { pickupAllowUnpaidHandover: true } : {}),
    ...(form.taxCode === '' ? {} : { taxCode: form.taxCode }),
    ...(form.bank === null ? {} : { bank: { bin: form.bank.bin, accountNumber: form.bank.accountNumber, ...(form.bank.accountName ? { accountName: form.bank.accountName.trim() } : {}) } }),
    timeZone: form.timeZone,
    businessDayCutoff: form.businessDayCutoff,
  };
  const { offlineRedeemCapAmount: _cap, ...loyaltyRest } = record(config.loyalty);
  const l = form.loyalty;
  const loyalty = {
    ...loyaltyRest,
    enabled: l.enabled,
    earnAmountPerPoint: l.earnAmountPerPoint,
    pointValue: l.pointValue,
    minRedeemPoints: l.minRedeemPoints,
    maxRedeemBasisPoints: l.maxRedeemBasisPoints,
    offlineRedeemCapPoints: l.offlineRedeemCapPoints,
    ...(l.offlineRedeemCapAmount === null ? {} : { offlineRedeemCapAmount: l.offlineRedeemCapAmount }),
    nonEarningCategories: l.nonEarningCategories.map((c) => c.trim()).filter((c) => c !== ''),
  };
  const { windowDays: _w, managerApprovalAbove: _m, ...returnsRest } = record(config.returnPolicy);
  const r = form.returns;
  const returnPolicy = {
    ...returnsRest,
    ...(r.windowDays === null ? {} : { windowDays: r.windowDays }),
    refundMethods: REFUND_METHODS.filter((m) => r.refundMethods.includes(m)),
    ...(r.managerApprovalAbove === null ? {} : { managerApprovalAbove: r.managerApprovalAbove }),
    nonReturnableCategories: r.nonReturnableCategories.map((c) => c.trim()).filter((c) => c !== ''),
  };
  const receipt = { ...record(config.receipt), header: lines(form.receiptHeader), footer: lines(form.receiptFooter) };
  return { ...config, store, loyalty, returnPolicy, receipt, updatedAt };
}

/** The parts of the form that differ between two configs, for the audit entry. */
export function changedSections(before: StoreSettings, after: StoreSettings): string[] {
  return (Object.keys(after) as Array<keyof StoreSettings>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
