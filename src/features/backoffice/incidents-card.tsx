/*
 * One incident on the back office's incidents page: when, what kind in plain words with what it means for a
 * manager, the document it concerns, its detail as labelled lines, and who handled it; or a button that opens
 * a short form (an optional note) to mark it handled.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../domain/money-format.ts';
import { displayLanguageOf, formatStoreTime } from '../../domain/store-time-format.ts';
import { detailLines, documentOf, INCIDENT_KINDS, type DetailLine, type Incident } from './incidents-detail.ts';

interface IncidentCardProps {
  incident: Incident;
  timeZone: string | undefined;
  /** Marks it handled with the note; answers what went wrong in the manager's words, or undefined. */
  onMark: (incident: Incident, note: string) => Promise<string | undefined>;
}

export function IncidentCard({ incident, timeZone, onMark }: IncidentCardProps) {
  const { t, i18n } = useTranslation();
  const language = displayLanguageOf(i18n.language);
  const time = (at: string) => formatStoreTime(at, { language, timeZone });
  const known = INCIDENT_KINDS.includes(incident.kind);
  const kindName = known ? t(`incidents.kinds.${incident.kind}.name`) : incident.kind;
  const document = documentOf(incident);
  const { lines, more } = detailLines(incident);
  const value = (line: DetailLine) => (line.money ? formatMoney(line.money.amount, line.money.currency, i18n.language) : line.value === null ? '—' : String(line.value));
  const label = (line: DetailLine) => [t(`incidents.fields.${line.key}`, { defaultValue: line.key }), ...line.path].join(' · ');
  return (
    <article className={`incident-card${incident.handled ? ' handled' : ''}`} data-testid="incident" data-incident-id={incident.id} data-kind={incident.kind} data-handled={incident.handled !== undefined}>
      <header className="incident-head">
        <strong data-testid="incident-kind">{kindName}</strong>
        <span data-testid="incident-document">{t(`incidents.document.${document.key}`, document.values)}</span>
        <time dateTime={incident.createdAt} data-testid="incident-when">
          {time(incident.createdAt)}
        </time>
      </header>
      {known && <p className="hint">{t(`incidents.kinds.${incident.kind}.explain`)}</p>}
      {lines.length > 0 && (
        <dl className="incident-detail" data-testid="incident-detail" aria-label={t('incidents.detail')}>
          {lines.map((line, index) => (
            <div key={index}>
              <dt>{label(line)}</dt>
              <dd>{value(line)}</dd>
            </div>
          ))}
          {more > 0 && <p className="hint">{t('incidents.more', { count: more })}</p>}
        </dl>
      )}
      {incident.handled ? (
        <p className="incident-handled" data-testid="incident-handled">
          {t('incidents.handled.byWhen', { name: incident.handled.byName || incident.handled.by, time: time(incident.handled.at) })}
          {incident.handled.note && (
            <>
              <br />
              {t('incidents.handled.noteShown', { note: incident.handled.note })}
            </>
          )}
        </p>
      ) : (
        <MarkHandled incident={incident} kindName={kindName} onMark={onMark} />
      )}
    </article>
  );
}

function MarkHandled({ incident, kindName, onMark }: { incident: Incident; kindName: string; onMark: IncidentCardProps['onMark'] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  if (!open) {
    return (
      <div className="back-office-row-actions">
        <button type="button" data-testid="incident-mark" aria-label={t('incidents.handled.markOf', { kind: kindName })} onClick={() => setOpen(true)}>
          {t('incidents.handled.mark')}
        </button>
      </div>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(await onMark(incident, note.trim()));
    setBusy(false);
  };
  return (
    <form className="back-office-form" data-testid="incident-mark-form" onSubmit={(event) => void submit(event)}>
      {problem && (
        <p className="error" role="alert" data-testid="incident-mark-problem">
          {problem}
        </p>
      )}
      <label className="back-office-field">
        <span>{t('incidents.handled.note')}</span>
        <textarea data-testid="incident-note" value={note} maxLength={500} rows={2} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="back-office-actions">
        <button type="submit" className="primary" data-testid="incident-mark-confirm" disabled={busy}>
          {busy ? t('backOffice.saving') : t('incidents.handled.confirm')}
        </button>
        <button type="button" data-testid="incident-mark-cancel" onClick={() => setOpen(false)}>
          {t('incidents.handled.cancel')}
        </button>
      </div>
    </form>
  );
}
