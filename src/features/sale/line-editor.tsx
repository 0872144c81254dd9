import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lineDiscount, overridePrice, removeLine, setQuantity } from '../../domain/cart.ts';
import type { CartLine, CartResult, Discount } from '../../domain/cart.ts';
import { formatQuantity } from '../../domain/cart-quantity.ts';
import { parseMoneyInput } from '../../domain/money-format.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { useDatabase } from '../../data/database-context.ts';
import { useCounterStore } from './counter-store.ts';
import { cartRefusalNotice } from './cart-refusal.ts';
import { recordCounterAudit, type CounterAuditEntry } from './record-counter-audit.ts';
import { useApproval } from './use-approval.ts';
import { useSaleSettings } from '../../data/sale-settings-context.ts';
import { DiscountKindSelect } from './discount-kind-select.tsx';
import { NumericKeypad } from '../../ui/numeric-keypad.tsx';
import { moneyDecimalSeparator, quantityDecimalSeparator } from './keypad-separators.ts';

type LineField = 'qty' | 'discount' | 'price';

/**
 * What the cashier can change on one line: quantity (or weight), discount, price, or void it. One on-screen
 * keypad beside the three fields types into the one last tapped (the quantity at first); each field takes a
 * physical keyboard as before, and Enter on the keypad applies that field's form.
 */
export function LineEditor({ line }: { readonly line: CartLine }) {
  const { t, i18n } = useTranslation();
  const settings = useSaleSettings();
  const approve = useApproval();
  const database = useDatabase();
  const locale = i18n.language;
  const [qty, setQty] = useState(formatQuantity(line.qty, line.weighed, locale === 'en' ? '.' : ','));
  const [discountKind, setDiscountKind] = useState<Discount['kind']>(line.discount?.kind ?? 'percent');
  const [discountText, setDiscountText] = useState('');
  const [priceText, setPriceText] = useState('');
  // Each field's element, for the keypad (a state setter is a callback ref that stays the same across renders).
  const [qtyField, setQtyField] = useState<HTMLInputElement | null>(null);
  const [discountField, setDiscountField] = useState<HTMLInputElement | null>(null);
  const [priceField, setPriceField] = useState<HTMLInputElement | null>(null);
  const [activeField, setActiveField] = useState<LineField>('qty');
  const separators: Record<LineField, string | null> = {
    qty: line.weighed ? quantityDecimalSeparator(locale) : null,
    discount: discountKind === 'amount' ? moneyDecimalSeparator(settings.currency, locale) : quantityDecimalSeparator(locale),
    price: moneyDecimalSeparator(settings.currency, locale),
  };
  const fieldLabels: Record<LineField, string> = { qty: line.weighed ? t('sale.line.weight') : t('sale.line.quantity'), discount: t('sale.line.discount'), price: t('sale.line.price') };

  const apply = (result: CartResult): boolean => {
    const store = useCounterStore.getState();
    if (store.applyCart(result)) {
      store.tell(null);
      return true;
    }
    store.tell(cartRefusalNotice(result.reason, line.name));
    return false;
  };

  /**
   * Runs a change; when the domain wants a manager, asks for one and runs it again with the approver. The
   * approved change leaves an audit entry (the permission's name) once the cart took it. A change within
   * the cashier's own limits does not: the sale line carries it, and the server refuses a permission-bound
   * entry that names nobody holding the permission (sync-server/src/sync/role-check.ts).
   */
  const withApproval = async (permission: string, reason: string, change: (approvedBy?: string) => CartResult, audit: CounterAuditEntry) => {
    const first = change();
    if (first.ok || first.reason !== 'needs-approval') return apply(first);
    const approvedBy = await approve(permission, reason);
    if (approvedBy === null) {
      useCounterStore.getState().tell({ tone: 'info', key: 'approval.declined' });
      return false;
    }
    const applied = apply(change(approvedBy));
    if (applied) await recordCounterAudit(database, { ...audit, approverId: approvedBy });
    return applied;
  };

  const cart = () => useCounterStore.getState().cart;

  const submitQty = (event: FormEvent) => {
    event.preventDefault();
    apply(setQuantity(cart(), line.lineId, qty));
  };

  const submitDiscount = async (event: FormEvent) => {
    event.preventDefault();
    const discount = readDiscount(discountKind, discountText, settings.currency, locale);
    if (discount === null) return useCounterStore.getState().tell(cartRefusalNotice('bad-discount', line.name));
    const reason = t('sale.approval.lineDiscount', { name: line.name });
    const audit = { action: PERMISSIONS.discount, subjectId: line.productId, details: { lineId: line.lineId, discount } };
    if (await withApproval(PERMISSIONS.discount, reason, (by) => lineDiscount(cart(), line.lineId, discount, settings.priceRules, by), audit)) setDiscountText('');
  };

  const submitPrice = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMoneyInput(priceText, settings.currency, locale);
    if (!parsed.ok) return useCounterStore.getState().tell(cartRefusalNotice('bad-price', line.name));
    const reason = t('sale.approval.priceOverride', { name: line.name });
    const audit = { action: PERMISSIONS.priceOverride, subjectId: line.productId, details: { lineId: line.lineId, from: line.unitPrice, to: parsed.amount } };
    if (await withApproval(PERMISSIONS.priceOverride, reason, (by) => overridePrice(cart(), line.lineId, parsed.amount, settings.priceRules, by), audit)) setPriceText('');
  };

  /** Voiding a line is the supervisor's (sale.void_line in the store's table): anyone else asks on the spot. */
  const voidLine = async () => {
    const approvedBy = await approve(PERMISSIONS.voidLine, t('sale.approval.voidLine', { name: line.name }));
    if (approvedBy === null) return useCounterStore.getState().tell({ tone: 'info', key: 'approval.declined' });
    if (!apply(removeLine(cart(), line.lineId))) return;
    useCounterStore.getState().editLine(null);
    await recordCounterAudit(database, { action: PERMISSIONS.voidLine, approverId: approvedBy, subjectId: line.productId, details: { lineId: line.lineId, qty: line.qty } });
  };

  return (
    <div className="line-editor" data-testid="line-editor">
      <form onSubmit={submitQty}>
        <label>
          {line.weighed ? t('sale.line.weight') : t('sale.line.quantity')}
          <input ref={setQtyField} value={qty} onChange={(event) => setQty(event.target.value)} onFocus={() => setActiveField('qty')} inputMode="none" data-active={activeField === 'qty'} data-testid="line-qty" />
        </label>
        <button type="submit">{t('sale.line.apply')}</button>
      </form>
      <form onSubmit={submitDiscount}>
        <label>
          {t('sale.line.discount')}
          <input ref={setDiscountField} value={discountText} onChange={(event) => setDiscountText(event.target.value)} onFocus={() => setActiveField('discount')} inputMode="none" data-active={activeField === 'discount'} data-testid="line-discount" />
        </label>
        <DiscountKindSelect value={discountKind} currency={settings.currency} onChange={setDiscountKind} />
        <button type="submit">{t('sale.line.apply')}</button>
      </form>
      <form onSubmit={submitPrice}>
        <label>
          {t('sale.line.price')}
          <input ref={setPriceField} value={priceText} onChange={(event) => setPriceText(event.target.value)} onFocus={() => setActiveField('price')} inputMode="none" data-active={activeField === 'price'} data-testid="line-price" />
        </label>
        <button type="submit">{t('sale.line.apply')}</button>
      </form>
      <NumericKeypad field={{ qty: qtyField, discount: discountField, price: priceField }[activeField]} decimalSeparator={separators[activeField]} enterLabel={t('sale.line.apply')} fieldLabel={fieldLabels[activeField]} testId="line-keypad" />
      <button type="button" className="danger" onClick={() => void voidLine()} data-testid="line-remove">
        {t('sale.line.remove')}
      </button>
    </div>
  );
}

/** "10" as 10 % (1000 basis points, up to two decimals) or as an amount in the store currency. */
export function readDiscount(kind: Discount['kind'], text: string, currency: string, locale: string): Discount | null {
  if (kind === 'amount') {
    const parsed = parseMoneyInput(text, currency, locale);
    return parsed.ok && parsed.amount >= 0 ? { kind: 'amount', amount: parsed.amount } : null;
  }
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (match === null) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return basisPoints <= 10_000 ? { kind: 'percent', basisPoints } : null;
}
