import { useTranslation } from 'react-i18next';
import { useConnectionState, type ConnectionState } from './use-connection-state.ts';

const labelKeys: Record<ConnectionState, string> = {
  online: 'connection.online',
  offline: 'connection.offline',
  'server-unreachable': 'connection.serverUnreachable',
};

const shortKeys: Record<ConnectionState, string> = {
  online: 'connection.short.online',
  offline: 'connection.short.offline',
  'server-unreachable': 'connection.short.serverUnreachable',
};

/**
 * The header badge; it tells the cashier that selling continues whatever the network does. On a narrow
 * screen (a tablet held upright, a small counter PC) it says it in a word, the whole sentence in its title.
 */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <span
      className="status-chip connection-status"
      data-testid="connection-status"
      data-state={state}
      role="status"
      aria-label={t('connection.label')}
      title={t(labelKeys[state])}
    >
      <span className="status-dot" aria-hidden="true" />
      <span className="status-long">{t(labelKeys[state])}</span>
      <span className="status-short" aria-hidden="true">
        {t(shortKeys[state])}
      </span>
    </span>
  );
}
