import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DismissableNoticeProps {
  readonly tone: 'error' | 'info';
  readonly onDismiss: () => void;
  readonly testId?: string;
  /** Extra attributes tests and styles read (e.g. data-problem). */
  readonly data?: Readonly<Record<`data-${string}`, string>>;
  readonly children: ReactNode;
}

/**
 * A notice the person at the till can close (×, or Escape while it has focus). For what must not stay on
 * every screen until a reload: a drawer that did not open, a printer that failed. Whoever shows it also
 * clears it when the problem goes away (the next successful opening).
 */
export function DismissableNotice({ tone, onDismiss, testId, data, children }: DismissableNoticeProps) {
  const { t } = useTranslation();
  return (
    <div
      className={`notice dismissable-notice ${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      {...data}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDismiss();
      }}
    >
      <span>{children}</span>
      <button type="button" className="notice-dismiss" aria-label={t('app.dismiss')} title={t('app.dismiss')} data-testid={testId === undefined ? undefined : `${testId}-dismiss`} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
