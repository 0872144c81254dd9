import { useState, type DragEvent, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { catalogFileType, importCatalogFile } from './back-office-api.ts';
import { backOfficeProblemOf } from './back-office-problem.ts';
import { ImportCounts } from './import-counts.tsx';
import { ImportErrorsTable } from './import-errors-table.tsx';

interface CatalogImportFormProps {
  serverUrl: string;
  staffToken: string;
  /** The server no longer takes the staff token (expired, or the role lost the permission): the refusal, for the gate. */
  onSessionEnded: (error: unknown) => void;
}

/**
 * Choose (or drop) a CSV or .xlsx file and send it: the server checks every row before writing any, so the
 * answer is either every row written, with its counts, or nothing written and each bad cell listed.
 */
export function CatalogImportForm({ serverUrl, staffToken, onSessionEnded }: CatalogImportFormProps) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const contentType = file && catalogFileType(file);
  const language = i18n.resolvedLanguage ?? i18n.language;

  const upload = useMutation({
    mutationFn: ({ chosen, type }: { chosen: File; type: string }) => importCatalogFile(serverUrl, staffToken, chosen, type, language),
    onError: (error) => {
      console.warn('Importing the catalog failed', error);
      const problem = backOfficeProblemOf(error, 'import');
      if (problem.kind === 'sessionEnded' || problem.kind === 'notAllowed') onSessionEnded(error);
    },
  });

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    upload.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file && contentType && !upload.isPending) upload.mutate({ chosen: file, type: contentType });
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  const problem = upload.error ? backOfficeProblemOf(upload.error, 'import') : undefined;
  const answer = upload.data;

  return (
    <form className="catalog-import-form" onSubmit={submit} data-testid="catalog-import-form" data-state={upload.status}>
      <label
        className={dragging ? 'import-drop dragging' : 'import-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <span>{t('backOffice.import.chooseFile')}</span>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="import-file"
          disabled={upload.isPending}
          onChange={(event) => choose(event.target.files?.[0])}
        />
      </label>
      {file && (
        <p data-testid="import-chosen">
          {contentType ? t('backOffice.import.chosen', { file: file.name }) : <span className="error">{t('backOffice.import.wrongType', { file: file.name })}</span>}
        </p>
      )}
      <button type="submit" data-testid="import-submit" disabled={!file || !contentType || upload.isPending}>
        {upload.isPending ? t('backOffice.import.uploading') : t('backOffice.import.upload')}
      </button>
      {problem && (
        <p className="error" role="alert" data-testid="back-office-problem" data-kind={problem.kind}>
          {t(`backOffice.problem.${problem.kind}`, { minutes: 'minutes' in problem ? problem.minutes : 0 })}
        </p>
      )}
      {answer?.kind === 'imported' && file && <ImportCounts counts={answer.counts} fileName={file.name} />}
      {answer?.kind === 'refused' && <ImportErrorsTable errors={answer.errors} errorCount={answer.errorCount} />}
    </form>
  );
}
