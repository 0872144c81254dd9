/*
 * The store's card terminals in the back office's settings (issue 17): an id and a name per terminal, added
 * and removed here, saved with the rest of the form (store.cardTerminals). Each tablet then pairs with one
 * in its own Settings; the counter's card tender names it and the Z report splits card by it.
 */
import { useTranslation } from 'react-i18next';

export interface CardTerminalDraft {
  readonly id: string;
  readonly name: string;
}

export function CardTerminalsFieldset({
  terminals,
  onChange,
  errorOf,
}: {
  readonly terminals: readonly CardTerminalDraft[];
  readonly onChange: (terminals: CardTerminalDraft[]) => void;
  readonly errorOf: (field: string) => string;
}) {
  const { t } = useTranslation();
  const edit = (index: number, change: Partial<CardTerminalDraft>) => onChange(terminals.map((terminal, at) => (at === index ? { ...terminal, ...change } : terminal)));
  return (
    <fieldset data-testid="settings-card-terminals">
      <legend>{t('backOffice.settings.cardTerminals.title')}</legend>
      <p className="hint">{t('backOffice.settings.cardTerminals.hint')}</p>
      {terminals.map((terminal, index) => {
        const problems = [errorOf(`cardTerminals.${index}.id`), errorOf(`cardTerminals.${index}.name`)].filter((problem) => problem !== '').join(' ');
        return (
          <div key={index} className="back-office-field" role="group" data-testid="settings-card-terminal">
            <label>
              <span>{t('backOffice.settings.cardTerminals.id')}</span>
              <input data-testid={`settings-card-terminal-id-${index}`} value={terminal.id} autoComplete="off" onChange={(e) => edit(index, { id: e.target.value })} />
            </label>
            <label>
              <span>{t('backOffice.settings.cardTerminals.name')}</span>
              <input data-testid={`settings-card-terminal-name-${index}`} value={terminal.name} autoComplete="off" onChange={(e) => edit(index, { name: e.target.value })} />
            </label>
            <button type="button" data-testid={`settings-card-terminal-remove-${index}`} onClick={() => onChange(terminals.filter((_, at) => at !== index))}>
              {t('backOffice.settings.cardTerminals.remove', { name: terminal.name || terminal.id })}
            </button>
            {problems !== '' && (
              <span className="field-error" role="alert" data-testid={`settings-error-card-terminal-${index}`}>
                {problems}
              </span>
            )}
          </div>
        );
      })}
      {errorOf('cardTerminals') !== '' && (
        <span className="field-error" role="alert">
          {errorOf('cardTerminals')}
        </span>
      )}
      <button type="button" data-testid="settings-card-terminal-add" onClick={() => onChange([...terminals, { id: '', name: '' }])}>
        {t('backOffice.settings.cardTerminals.add')}
      </button>
    </fieldset>
  );
}
