import { useTranslation } from 'react-i18next';
import { knownPrinterModels, VIETNAMESE_SETTINGS } from '../../devices/printer/printer-profile.ts';
import type { PrinterModel, PrinterProfile, PrinterSettings, VietnameseSetting } from '../../devices/printer/printer-profile.ts';

interface PrinterSettingsFormProps {
  readonly settings: PrinterSettings;
  /** What the USB driver reported for the paired printer's code page table, if one is paired. */
  readonly reportedMapping: string | undefined;
  /** The settings resolved for the printer; undefined when they cannot be or no printer is known (nothing is claimed). */
  readonly profile: PrinterProfile | undefined;
  readonly onChange: (change: Partial<PrinterSettings>) => void;
}

const PAPER_WIDTHS = [58, 80] as const;

/** Paper width, printer model and how Vietnamese is printed, with what that means for this printer. */
export function PrinterSettingsForm({ settings, reportedMapping, profile, onChange }: PrinterSettingsFormProps) {
  const { t } = useTranslation();
  const wanted = settings.vietnamese ?? 'auto';
  const unavailable = profile !== undefined && (wanted === 'tcvn3' || wanted === 'windows1258') && profile.vietnamese !== wanted;
  return (
    <div className="printer-settings" data-testid="printer-settings">
      <fieldset>
        <legend>{t('settings.printer.paperWidth')}</legend>
        {PAPER_WIDTHS.map((width) => (
          <label key={width}>
            <input
              type="radio"
              name="printer-paper-width"
              value={width}
              data-testid={`printer-paper-${width}`}
              checked={settings.paperWidth === width}
              onChange={() => onChange({ paperWidth: width })}
            />
            {t('settings.printer.paperWidthOption', { width })}
          </label>
        ))}
      </fieldset>
      <label>
        {t('settings.printer.model')}
        <select
          data-testid="printer-model"
          value={settings.printerModel ?? ''}
          onChange={(event) => onChange({ printerModel: event.target.value === '' ? undefined : (event.target.value as PrinterModel) })}
        >
          <option value="">{reportedMapping ? t('settings.printer.modelFromUsb', { mapping: reportedMapping }) : t('settings.printer.modelUnknown')}</option>
          {knownPrinterModels().map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.printer.vietnamese')}
        <select data-testid="printer-vietnamese" value={wanted} onChange={(event) => onChange({ vietnamese: event.target.value as VietnameseSetting })}>
          {VIETNAMESE_SETTINGS.map((mode) => (
            <option key={mode} value={mode}>
              {t(`settings.printer.vietnameseOption.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      {profile && (
        <p data-testid="printer-resolved" data-vietnamese={profile.vietnamese} data-columns={profile.columns}>
          {t(`settings.printer.vietnameseResolved.${profile.vietnamese}`)} {t('settings.printer.columns', { columns: profile.columns })}
        </p>
      )}
      {unavailable && (
        <p className="notice" data-testid="printer-vietnamese-unavailable">
          {t('settings.printer.vietnameseUnavailable')}
        </p>
      )}
    </div>
  );
}
