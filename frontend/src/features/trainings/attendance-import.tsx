import { routes } from '@mcr/contract';
import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '../../components/feedback.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import type { RouteData } from '../../lib/use-api.ts';
import { acceptFor, allowedText, fileErrorOf, UPLOAD_TEXT, uploadFile } from '../../lib/upload.ts';
import { TM } from './messages.ts';

type Result = RouteData<'trainings.attendanceImport'>;
type Notice = { tone: 'success' | 'error' | 'info'; text: Localized; requestId?: string | undefined };

/**
 * Attendance from a sign-in sheet (CSV or xlsx) through the shared upload pipeline: first a dry run that reports
 * each row's error, then — only when there is none — the same sheet applied. Nothing is written on a dry run.
 */
export function AttendanceImport({ sessionId, onNotice }: { sessionId: string; onNotice(n: Notice): void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>();
  const [fileError, setFileError] = useState<Localized | undefined>();
  const [stage, setStage] = useState<Localized | undefined>();
  const [result, setResult] = useState<Result | undefined>();

  const run = async (dryRun: boolean) => {
    if (!file) {
      setFileError(TM.importNoFile);
      input.current?.focus();
      return;
    }
    setFileError(undefined);
    try {
      setStage(UPLOAD_TEXT.hashing);
      // A fresh upload each time: the server checks the very bytes it reads.
      const uploaded = await uploadFile(file, 'training_sheet', { onStage: (s) => setStage(s === 'hashing' ? UPLOAD_TEXT.hashing : UPLOAD_TEXT.sending) });
      setStage(dryRun ? TM.importChecking : UPLOAD_TEXT.verifying);
      const res = await callRoute(routes['trainings.attendanceImport'], { params: { sessionId }, body: { uploadId: uploaded.uploadId, dryRun } });
      if (dryRun) setResult(res);
      else {
        setResult(undefined);
        setFile(undefined);
        if (input.current) input.current.value = '';
        onNotice(res.errors.length ? { tone: 'error', text: TM.importErrors(res.errors.length) } : { tone: 'success', text: TM.importApplied(res.updated) });
        if (res.errors.length) setResult(res);
      }
    } catch (err) {
      const reason = fileErrorOf(err);
      if (reason) {
        setFileError(reason);
        input.current?.focus();
      } else
        onNotice({ tone: 'error', text: err instanceof ApiError ? err.text : M.unexpected, requestId: err instanceof ApiError ? err.requestId : undefined });
    } finally {
      setStage(undefined);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(true);
  };
  const busy = stage !== undefined;
  return (
    <section className="card" aria-labelledby="import-heading" data-testid="attendance-import">
      <h2 id="import-heading">{t(TM.importTitle)}</h2>
      <p>{t(TM.importLead)}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="attendance-sheet">{t(TM.importFile)}</label>
          <input
            ref={input}
            id="attendance-sheet"
            type="file"
            accept={acceptFor('training_sheet')}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`attendance-sheet-hint${fileError ? ' attendance-sheet-error' : ''}`}
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setResult(undefined);
              setFileError(undefined);
            }}
          />
          <p id="attendance-sheet-hint" className="hint">
            {t(allowedText('training_sheet'))}
          </p>
          {fileError ? (
            <p id="attendance-sheet-error" className="field-error">
              {t(fileError)}
            </p>
          ) : null}
        </div>
        <div className="button-row">
          <button type="submit" className="button secondary" disabled={busy}>
            {t(TM.importCheck)}
          </button>
          {result && result.errors.length === 0 && result.matched > 0 ? (
            <button type="button" className="button primary" disabled={busy} onClick={() => void run(false)}>
              {t(TM.importApply)}
            </button>
          ) : null}
        </div>
        <p role="status" className="hint">
          {stage ? t(stage) : ''}
        </p>
      </form>
      {result ? (
        <div data-testid="attendance-import-result">
          <p>{t(TM.importResult(result.rows, result.matched))}</p>
          {result.errors.length > 0 ? (
            <Alert tone="error" title={t(TM.importErrors(result.errors.length))}>
              <ul className="problem-list">
                {result.errors.map((e) => (
                  <li key={`${e.row}-${e.column}`}>
                    {t(TM.importRow(e.row, e.column))}: {t(e.message)}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
