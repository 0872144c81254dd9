/*
 * One product's form in the back office: create (every field) or edit (the SKU stays, since the catalog
 * import finds products by it). The server checks it with the import's own rules and answers each wrong field
 * in the manager's language (a barcode another product has among them); the form shows each next to its field.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { callBackOffice, type BackOfficeSession, type FieldError } from './back-office-client.ts';

interface ProductFormProps {
  session: BackOfficeSession;
  /** undefined: a new product. */
  product: ProductDocument | undefined;
  taxClasses: StoreConfigDocument['taxClasses'];
  onSaved: (product: ProductDocument, changed: boolean) => void;
  onCancel: () => void;
  onRefused: (error: unknown) => void;
}

interface Draft {
  sku: string;
  name: string;
  price: string;
  taxClassId: string;
  barcodes: string;
  unit: 'pcs' | 'kg';
  weighed: boolean;
  category: string;
  image: string;
  active: boolean;
}

function draftOf(product: ProductDocument | undefined, taxClasses: ProductFormProps['taxClasses']): Draft {
  return {
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    price: product === undefined ? '' : String(product.price),
    taxClassId: product?.taxClassId ?? taxClasses[0]?.id ?? '',
    barcodes: product?.barcodes.join(' ') ?? '',
    unit: product?.unit ?? 'pcs',
    weighed: product?.weighed ?? false,
    category: product?.category ?? '',
    image: product?.image ?? '',
    active: product?.active ?? true,
  };
}

export function ProductForm({ session, product, taxClasses, onSaved, onCancel, onRefused }: ProductFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(product, taxClasses));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errorOf = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message).join(' ');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    const price = /^\d+$/.test(draft.price.trim()) ? Number(draft.price.trim()) : draft.price.trim();
    const body = {
      sku: draft.sku.trim(),
      name: draft.name.trim(),
      price,
      taxClassId: draft.taxClassId,
      barcodes: draft.barcodes.split(/[\s,;|]+/).filter((code) => code !== ''),
      unit: draft.unit,
      weighed: draft.weighed,
      category: draft.category.trim() === '' ? null : draft.category.trim(),
      image: draft.image.trim() === '' ? null : draft.image.trim(),
      active: draft.active,
      ...(product === undefined ? {} : { expectedUpdatedAt: product.updatedAt }),
    };
    try {
      // A created product answers without `changed`: it is new.
      const answer =
        product === undefined
          ? await callBackOffice<{ product: ProductDocument; changed?: boolean }>(session, 'POST', '/backoffice/products', body)
          : await callBackOffice<{ product: ProductDocument; changed?: boolean }>(session, 'PUT', `/backoffice/products/${encodeURIComponent(product.id)}`, body);
      if (answer.ok) onSaved(answer.value.product, answer.value.changed ?? true);
      else setErrors(answer.errors.length > 0 ? answer.errors : [{ field: 'form', message: answer.message }]);
    } catch (error) {
      onRefused(error);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Draft | 'taxClassId', label: string, input: React.ReactNode) => (
    <label className="back-office-field">
      <span>{label}</span>
      {input}
      {errorOf(name) !== '' && (
        <span className="field-error" role="alert" data-testid={`product-error-${name}`}>
          {errorOf(name)}
        </span>
      )}
    </label>
  );

  return (
    <form className="back-office-form" data-testid="product-form" onSubmit={(event) => void save(event)}>
      <h2>{product === undefined ? t('backOffice.products.new') : t('backOffice.products.editing', { sku: product.sku })}</h2>
      {errorOf('form') !== '' && (
        <p className="error" role="alert" data-testid="product-error-form">
          {errorOf('form')}
        </p>
      )}
      {field('sku', t('backOffice.products.sku'), <input data-testid="product-sku" value={draft.sku} disabled={product !== undefined} onChange={(e) => set('sku', e.target.value)} required />)}
      {field('name', t('backOffice.products.name'), <input data-testid="product-name" value={draft.name} onChange={(e) => set('name', e.target.value)} required />)}
      {field('price', t('backOffice.products.price'), <input data-testid="product-price" inputMode="numeric" value={draft.price} onChange={(e) => set('price', e.target.value)} required />)}
      {field(
        'taxClassId',
        t('backOffice.products.taxClass'),
        <select data-testid="product-tax-class" value={draft.taxClassId} onChange={(e) => set('taxClassId', e.target.value)}>
          {taxClasses.map((tax) => (
            <option key={tax.id} value={tax.id}>
              {tax.name}
            </option>
          ))}
        </select>,
      )}
      {field('barcodes', t('backOffice.products.barcodes'), <input data-testid="product-barcodes" value={draft.barcodes} onChange={(e) => set('barcodes', e.target.value)} />)}
      {field(
        'unit',
        t('backOffice.products.unit'),
        <select data-testid="product-unit" value={draft.unit} onChange={(e) => set('unit', e.target.value === 'kg' ? 'kg' : 'pcs')}>
          <option value="pcs">{t('backOffice.products.units.pcs')}</option>
          <option value="kg">{t('backOffice.products.units.kg')}</option>
        </select>,
      )}
      <label className="back-office-check">
        <input type="checkbox" data-testid="product-weighed" checked={draft.weighed} onChange={(e) => set('weighed', e.target.checked)} />
        {t('backOffice.products.weighed')}
        {errorOf('weighed') !== '' && <span className="field-error">{errorOf('weighed')}</span>}
      </label>
      {field('category', t('backOffice.products.category'), <input data-testid="product-category" value={draft.category} onChange={(e) => set('category', e.target.value)} />)}
      {field('image', t('backOffice.products.image'), <input data-testid="product-image" inputMode="url" placeholder="https://…" value={draft.image} onChange={(e) => set('image', e.target.value)} />)}
      <label className="back-office-check">
        <input type="checkbox" data-testid="product-active" checked={draft.active} onChange={(e) => set('active', e.target.checked)} />
        {t('backOffice.products.active')}
      </label>
      <div className="back-office-actions">
        <button type="submit" className="primary" data-testid="product-save" disabled={busy}>
          {busy ? t('backOffice.saving') : t('backOffice.save')}
        </button>
        <button type="button" data-testid="product-cancel" onClick={onCancel}>
          {t('backOffice.cancel')}
        </button>
      </div>
    </form>
  );
}
