import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { DatabaseContext } from '../../data/database-context.ts';
import { savePairedCardTerminal, usePairedCardTerminal } from '../../devices/card-terminal/paired-card-terminal.ts';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { cardTerminalsOf } from '../../domain/card-terminals.ts';

/**
 * Which of the store's card terminals stands beside this tablet (src/devices/card-terminal): the counter's
 * card form starts at it. The store's list comes from its config (the back office's settings); a store
 * with none shows how to add them instead of a choice. Settings opens before the device database (routes.ts):
 * the panel waits for it, and is not shown on a device whose database is not open.
 */
export function CardTerminalPanel() {
  const status = useContext(DatabaseContext);
  return status?.state === 'ready' ? <PairedTerminalChoice /> : null;
}

function PairedTerminalChoice() {
  const { t } = useTranslation();
  const config = useStoreConfig();
  const paired = usePairedCardTerminal();
  const terminals = config ? cardTerminalsOf(config.store) : [];
  const listed = terminals.some((terminal) => terminal.id === paired);
  return (
    <section className="panel" data-testid="card-terminal-panel" data-paired={paired ?? ''}>
      <h2>{t('settings.cardTerminal.title')}</h2>
      {terminals.length === 0 ? (
        <p data-testid="card-terminal-none">{t('settings.cardTerminal.none')}</p>
      ) : (
        <>
          <p>{t('settings.cardTerminal.hint')}</p>
          <label>
            {t('settings.cardTerminal.label')}
            <select data-testid="card-terminal-paired" value={listed ? paired : ''} onChange={(event) => savePairedCardTerminal(event.target.value === '' ? undefined : event.target.value)}>
              <option value="">{t('settings.cardTerminal.unpaired')}</option>
              {terminals.map((terminal) => (
                <option key={terminal.id} value={terminal.id}>
                  {terminal.name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </section>
  );
}
