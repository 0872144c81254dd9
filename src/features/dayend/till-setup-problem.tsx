// Why the shift or day-end screen cannot work yet, and what to do about it.
import { useTranslation } from 'react-i18next';

export function TillSetupProblem({ read, titleKey }: { read: { problem: string; detail?: string }; titleKey: string }) {
  const { t } = useTranslation();
  return (
    <section className="screen dayend" data-testid="dayend-unavailable" data-problem={read.problem}>
      <h1>{t(titleKey)}</h1>
      <p className="notice">{t(`dayEnd.unavailable.${read.problem}`)}</p>
      {read.detail !== undefined && <p className="notice-detail">{read.detail}</p>}
    </section>
  );
}
