/*
 * The back office's store settings (issue 14), for holders of `settings.edit`: the receipt's header and
 * footer, the tax code, the VietQR bank account, loyalty and return rules, the offline caps for points and
 * for gift cards, the time zone and the business day's cut-off, and whether the pickup counter may hand over
 * an order with money due (issue 15), and the store's card terminals (issue 17). Read from the server with TanStack Query and
 * saved whole; the server checks every field and names each wrong one, shown next to it. A saved change
 * reaches the store's tablets through sync: the next receipt prints the new footer. Online only.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { callBackOffice, readBackOffice, type FieldError } from './back-office-client.ts';
import { BackOfficeGate, type BackOfficeBodyProps } from './back-office-gate.tsx';
import { CardTerminalsFieldset, type CardTerminalDraft } from './card-terminals-fieldset.tsx';

type RefundMethod = 'original_tender' | 'cash' | 'store_credit' | 'gift_card';
const REFUND_METHODS: readonly RefundMethod[] = ['original_tender', 'cash', 'store_credit', 'gift_card'];

/** The form as the server reads and writes it (GET/PUT /backoffice/settings). */
export interface StoreSettings {
  receiptHeader: string[];
  receiptFooter: string[];
  taxCode: string;
  bank: { bin: string; accountNumber: string; accountName?: string } | null;
  loyalty: {
    enabled: boolean;
    earnAmountPerPoint: number;
    pointValue: number;
    minRedeemPoints: number;
    maxRedeemBasisPoints: number;
    offlineRedeemCapPoints: number;
    offlineRedeemCapAmount: number | null;
    nonEarningCategories: string[];
  };
  returns: { windowDays: number | null; refundMethods: RefundMethod[]; managerApprovalAbove: number | null; nonReturnableCategories: string[] };
  timeZone: string;
  businessDayCutoff: string;
  pickupAllowUnpaidHandover?: boolean;
  /** The store's card terminals (issue 17); always in a GET. */
  cardTerminals?: CardTerminalDraft[];
}

interface SettingsAnswer {
  settings: StoreSettings;
  updatedAt: string;
}

export function SettingsScreen() {
  return (
    <BackOfficeGate page="settings" permission={PERMISSIONS.manageSettings} titleKey="backOffice.settings.title" testId="back-office-settings">
      {(props) => <SettingsBody {...props} />}
    </BackOfficeGate>
  );
}

export function SettingsBody({ session, onRefused }: BackOfficeBodyProps) {
  const { t } = useTranslation();
  // Kept here: a save re-reads the form (a new key), which must not lose the notice.
  const [saved, setSaved] = useState(false);
  const read = useQuery({
    queryKey: ['back-office', 'settings', session.serverUrl],
    queryFn: () => readBackOffice<SettingsAnswer>(session, '/backoffice/settings'),
    retry: false,
  });
  if (read.isPending) return <p role="status">{t('backOffice.settings.loading')}</p>;
  if (read.error) {
    return (
      <p className="error" role="alert">
        {t('backOffice.problem.serverError')}
      </p>
    );
  }
  // A fresh form for each version read: a save reads the new one.
  return (
    <>
      {saved && (
        <p className="notice" role="status" data-testid="settings-saved">
          {t('backOffice.settings.saved')}
        </p>
      )}
      <SettingsForm key={read.data.updatedAt} answer={read.data} session={session} onRefused={onRefused} onSaving={() => setSaved(false)} onSaved={() => setSaved(true)} />
    </>
  );
}

/** Digits as a whole number; anything else as it is typed, for the server to name what is wrong. */
function wholeOf(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
function wholeOrNullOf(text: string): number | null {
  return text.trim() === '' ? null : wholeOf(text);
}
const linesOf = (text: string) => text.split('\n');
const listOf = (text: string) =>
  text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

type Draft = Record<string, string> & { loyaltyEnabled: string; pickupAllowUnpaid: string };

function draftOf(s: StoreSettings): Draft {
  return {
    receiptHeader: s.receiptHeader.join('\n'),
    receiptFooter: s.receiptFooter.join('\n'),
    taxCode: s.taxCode,
    'bank.bin': s.bank?.bin ?? '',
    'bank.accountNumber': s.bank?.accountNumber ?? '',
    'bank.accountName': s.bank?.accountName ?? '',
    loyaltyEnabled: s.loyalty.enabled ? 'yes' : '',
    pickupAllowUnpaid: s.pickupAllowUnpaidHandover === true ? 'yes' : '',
    'loyalty.earnAmountPerPoint': String(s.loyalty.earnAmountPerPoint),
    'loyalty.pointValue': String(s.loyalty.pointValue),
    'loyalty.minRedeemPoints': String(s.loyalty.minRedeemPoints),
    'loyalty.maxRedeemBasisPoints': String(s.loyalty.maxRedeemBasisPoints),
    'loyalty.offlineRedeemCapPoints': String(s.loyalty.offlineRedeemCapPoints),
    'loyalty.offlineRedeemCapAmount': s.loyalty.offlineRedeemCapAmount === null ? '' : String(s.loyalty.offlineRedeemCapAmount),
    'loyalty.nonEarningCategories': s.loyalty.nonEarningCategories.join(', '),
    'returns.windowDays': s.returns.windowDays === null ? '' : String(s.returns.windowDays),
    'returns.managerApprovalAbove': s.returns.managerApprovalAbove === null ? '' : String(s.returns.managerApprovalAbove),
    'returns.nonReturnableCategories': s.returns.nonReturnableCategories.join(', '),
    timeZone: s.timeZone,
    businessDayCutoff: s.businessDayCutoff,
  };
}

function settingsOf(d: Draft, refundMethods: RefundMethod[], cardTerminals: CardTerminalDraft[]): StoreSettings {
  const bankGiven = [d['bank.bin'], d['bank.accountNumber']].some((v) => (v ?? '').trim() !== '');
  const accountName = (d['bank.accountName'] ?? '').trim();
  return {
    receiptHeader: linesOf(d['receiptHeader'] ?? ''),
    receiptFooter: linesOf(d['receiptFooter'] ?? ''),
    taxCode: (d['taxCode'] ?? '').trim(),
    bank: bankGiven ? { bin: (d['bank.bin'] ?? '').trim(), accountNumber: (d['bank.accountNumber'] ?? '').trim(), ...(accountName === '' ? {} : { accountName }) } : null,
    loyalty: {
      enabled: d.loyaltyEnabled === 'yes',
      earnAmountPerPoint: wholeOf(d['loyalty.earnAmountPerPoint'] ?? ''),
      pointValue: wholeOf(d['loyalty.pointValue'] ?? ''),
      minRedeemPoints: wholeOf(d['loyalty.minRedeemPoints'] ?? ''),
      maxRedeemBasisPoints: wholeOf(d['loyalty.maxRedeemBasisPoints'] ?? ''),
      offlineRedeemCapPoints: wholeOf(d['loyalty.offlineRedeemCapPoints'] ?? ''),
      offlineRedeemCapAmount: wholeOrNullOf(d['loyalty.offlineRedeemCapAmount'] ?? ''),
      nonEarningCategories: listOf(d['loyalty.nonEarningCategories'] ?? ''),
    },
    returns: {
      windowDays: wholeOrNullOf(d['returns.windowDays'] ?? ''),
      refundMethods,
      managerApprovalAbove: wholeOrNullOf(d['returns.managerApprovalAbove'] ?? ''),
      nonReturnableCategories: listOf(d['returns.nonReturnableCategories'] ?? ''),
    },
    timeZone: (d['timeZone'] ?? '').trim(),
    businessDayCutoff: (d['businessDayCutoff'] ?? '').trim(),
    pickupAllowUnpaidHandover: d.pickupAllowUnpaid === 'yes',
    cardTerminals,
  };
}

/** Numbers typed wrong never reach the server as NaN (JSON would send null): they are named here. */
function unreadableNumbers(d: Draft): string[] {
  const required = ['loyalty.earnAmountPerPoint', 'loyalty.pointValue', 'loyalty.minRedeemPoints', 'loyalty.maxRedeemBasisPoints', 'loyalty.offlineRedeemCapPoints'];
  const optional = ['loyalty.offlineRedeemCapAmount', 'returns.windowDays', 'returns.managerApprovalAbove'];
  return [...required.filter((f) => !/^\d+$/.test((d[f] ?? '').trim())), ...optional.filter((f) => (d[f] ?? '').trim() !== '' && !/^\d+$/.test((d[f] ?? '').trim()))];
}

function SettingsForm({ answer, session, onRefused, onSaving, onSaved }: { answer: SettingsAnswer; onSaving: () => void; onSaved: () => void } & BackOfficeBodyProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(answer.settings));
  const [refundMethods, setRefundMethods] = useState<RefundMethod[]>(answer.settings.returns.refundMethods);
  const [cardTerminals, setCardTerminals] = useState<CardTerminalDraft[]>(answer.settings.cardTerminals ?? []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (field: string, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const errorOf = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message).join(' ');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    onSaving();
    const unreadable = unreadableNumbers(draft);
    if (unreadable.length > 0) {
      setErrors(unreadable.map((field) => ({ field, message: t('backOffice.settings.wholeNumber') })));
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      const result = await callBackOffice<SettingsAnswer & { changed: boolean }>(session, 'PUT', '/backoffice/settings', { settings: settingsOf(draft, refundMethods, cardTerminals), expectedUpdatedAt: answer.updatedAt });
      if (result.ok) {
        onSaved();
        queryClient.setQueryData(['back-office', 'settings', session.serverUrl], { settings: result.value.settings, updatedAt: result.value.updatedAt });
      } else setErrors(result.errors.length > 0 ? result.errors : [{ field: 'form', message: result.message }]);
    } catch (error) {
      onRefused(error);
    } finally {
      setBusy(false);
    }
  };

  const text = (field: string, label: string, options: { hint?: string; multiline?: boolean; inputMode?: 'numeric' } = {}): ReactNode => (
    <label className="back-office-field">
      <span>{label}</span>
      {options.multiline ? (
        <textarea data-testid={`settings-${field}`} rows={4} value={draft[field] ?? ''} onChange={(e) => set(field, e.target.value)} />
      ) : (
        <input data-testid={`settings-${field}`} inputMode={options.inputMode} value={draft[field] ?? ''} onChange={(e) => set(field, e.target.value)} />
      )}
      {options.hint && <span className="hint">{options.hint}</span>}
      {errorOf(field) !== '' && (
        <span className="field-error" role="alert" data-testid={`settings-error-${field}`}>
          {errorOf(field)}
        </span>
      )}
    </label>
  );
  const number = (field: string, label: string, hint?: string) => text(field, label, { inputMode: 'numeric', ...(hint ? { hint } : {}) });

  return (
    <form className="back-office-form back-office-settings" data-testid="settings-form" onSubmit={(event) => void save(event)}>
      {errorOf('form') !== '' && (
        <p className="error" role="alert" data-testid="settings-error-form">
          {errorOf('form')}
        </p>
      )}
      <fieldset>
        <legend>{t('backOffice.settings.receipt')}</legend>
        {text('receiptHeader', t('backOffice.settings.receiptHeader'), { multiline: true, hint: t('backOffice.settings.linesHint') })}
        {text('receiptFooter', t('backOffice.settings.receiptFooter'), { multiline: true, hint: t('backOffice.settings.linesHint') })}
        {text('taxCode', t('backOffice.settings.taxCode'), { hint: t('backOffice.settings.taxCodeHint') })}
      </fieldset>
      <fieldset>
        <legend>{t('backOffice.settings.bank')}</legend>
        {text('bank.bin', t('backOffice.settings.bankBin'), { inputMode: 'numeric', hint: t('backOffice.settings.bankBinHint') })}
        {text('bank.accountNumber', t('backOffice.settings.bankAccount'))}
        {text('bank.accountName', t('backOffice.settings.bankAccountName'))}
      </fieldset>
      <fieldset>
        <legend>{t('backOffice.settings.loyalty')}</legend>
        <label className="back-office-check">
          <input type="checkbox" data-testid="settings-loyalty-enabled" checked={draft.loyaltyEnabled === 'yes'} onChange={(e) => set('loyaltyEnabled', e.target.checked ? 'yes' : '')} />
          {t('backOffice.settings.loyaltyEnabled')}
        </label>
        {number('loyalty.earnAmountPerPoint', t('backOffice.settings.earnAmountPerPoint'))}
        {number('loyalty.pointValue', t('backOffice.settings.pointValue'))}
        {number('loyalty.minRedeemPoints', t('backOffice.settings.minRedeemPoints'))}
        {number('loyalty.maxRedeemBasisPoints', t('backOffice.settings.maxRedeemBasisPoints'), t('backOffice.settings.basisPointsHint'))}
        {text('loyalty.nonEarningCategories', t('backOffice.settings.nonEarningCategories'), { hint: t('backOffice.settings.listHint') })}
      </fieldset>
      <fieldset>
        <legend>{t('backOffice.settings.offlineCaps')}</legend>
        {number('loyalty.offlineRedeemCapPoints', t('backOffice.settings.offlineCapPoints'))}
        {number('loyalty.offlineRedeemCapAmount', t('backOffice.settings.offlineCapAmount'), t('backOffice.settings.emptyNoCap'))}
      </fieldset>
      <fieldset>
        <legend>{t('backOffice.settings.returns')}</legend>
        {number('returns.windowDays', t('backOffice.settings.windowDays'), t('backOffice.settings.emptyNoLimit'))}
        {number('returns.managerApprovalAbove', t('backOffice.settings.managerApprovalAbove'), t('backOffice.settings.emptyNever'))}
        {text('returns.nonReturnableCategories', t('backOffice.settings.nonReturnableCategories'), { hint: t('backOffice.settings.listHint') })}
        <div className="back-office-field" role="group" aria-label={t('backOffice.settings.refundMethods')}>
          <span>{t('backOffice.settings.refundMethods')}</span>
          {REFUND_METHODS.map((method) => (
            <label key={method} className="back-office-check">
              <input
                type="checkbox"
                data-testid={`settings-refund-${method}`}
                checked={refundMethods.includes(method)}
                onChange={(e) => setRefundMethods((current) => (e.target.checked ? [...current, method] : current.filter((m) => m !== method)))}
              />
              {t(`backOffice.settings.refund.${method}`)}
            </label>
          ))}
          {errorOf('returns.refundMethods') !== '' && (
            <span className="field-error" role="alert">
              {errorOf('returns.refundMethods')}
            </span>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('backOffice.settings.businessDay')}</legend>
        {text('timeZone', t('backOffice.settings.timeZone'), { hint: 'Asia/Ho_Chi_Minh' })}
        {text('businessDayCutoff', t('backOffice.settings.cutoff'), { hint: t('backOffice.settings.cutoffHint') })}
      </fieldset>
      <fieldset>
        <legend>{t('backOffice.settings.pickup')}</legend>
        <label className="back-office-check">
          <input type="checkbox" data-testid="settings-pickup-allow-unpaid" checked={draft.pickupAllowUnpaid === 'yes'} onChange={(e) => set('pickupAllowUnpaid', e.target.checked ? 'yes' : '')} />
          {t('backOffice.settings.pickupAllowUnpaid')}
        </label>
      </fieldset>
      <CardTerminalsFieldset terminals={cardTerminals} onChange={setCardTerminals} errorOf={errorOf} />
      <div className="back-office-actions">
        <button type="submit" className="primary" data-testid="settings-save" disabled={busy}>
          {busy ? t('backOffice.saving') : t('backOffice.save')}
        </button>
      </div>
    </form>
  );
}
