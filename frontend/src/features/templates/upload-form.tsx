import type { FieldError, TemplateSummary } from '@mcr/contract';
import { type FormEvent, useId, useRef, useState } from 'react';
import { uploadTemplate } from '../../api/upload-template.ts';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { Alert } from '../../components/feedback.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { FormatHelp } from './format-help.tsx';

/** The contract's limit on `content` (characters); a file of that many bytes is never more characters. */
const MAX_BYTES = 512 * 1024;

interface Failure {
  text: Localized;
  fields: FieldError[];
  requestId?: string | undefined;
}

/** `body.content.sections[1].items[3]` → `sections[1].items[3]`; the whole file (`content`) → ''. */
function placeInFile(field: string): string {
  return field.replace(/^body\./, '').replace(/^content(\.|$)/, '');
}

function byLine(a: FieldError, b: FieldError): number {
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) || (a.column ?? 0) - (b.column ?? 0);
}

/** What the server said about a refused file: one line per problem, 「N 行目: …」 when the line is known. */
export function UploadErrors({ failure }: { failure: Failure }) {
  const { t } = useI18n();
  const fields = [...failure.fields].sort(byLine);
  return (
    <div className="alert alert-error upload-errors" role="alert" data-testid="upload-errors">
      <p className="alert-title">{t(M.uploadFailed)}</p>
      {fields.length > 0 ? (
        <>
          <p>{t(M.uploadProblems(fields.length))}</p>
          <ul className="problem-list">
            {fields.map((f, i) => {
              const place = placeInFile(f.field);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered.
                <li key={i}>
                  {f.line !== undefined ? (
                    <>
                      <strong>{t(M.uploadAtLine(f.line))}</strong>:{' '}
                    </>
                  ) : place ? (
                    <>
                      <code>{place}</code>:{' '}
                    </>
                  ) : null}
                  {t(f.message)}
                  {f.line !== undefined && place ? <span className="field-path"> ({place})</span> : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p>{t(failure.text)}</p>
      )}
      {failure.requestId ? (
        <p className="muted small-text">
          {t(M.requestId)}: <code>{failure.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

/** Reads a template file in the browser and sends its text; the server checks it and names the lines at fault. */
export function UploadForm({ onUploaded }: { onUploaded(summary: TemplateSummary): void }) {
  const { t } = useI18n();
  const id = useId();
  const inputId = `${id}-file`;
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<Localized | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>();
  const [done, setDone] = useState<TemplateSummary | undefined>();

  const refuse = (message: Localized) => {
    setFileError(message);
    input.current?.focus();
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    setFailure(undefined);
    setDone(undefined);
    setFileError(undefined);
    const file = input.current?.files?.[0];
    if (!file) return refuse(M.uploadChooseFile);
    if (file.size > MAX_BYTES) return refuse(M.uploadTooLarge);
    setBusy(true);
    try {
      let content: string;
      try {
        content = await file.text();
      } catch {
        return refuse(M.uploadUnreadable);
      }
      // A byte-order mark is not part of the JSON text.
      content = content.replace(/^\uFEFF/, '');
      if (content.trim().length < 2) return refuse(M.uploadEmpty);
      const summary = await uploadTemplate({ fileName: file.name.slice(0, 200), content });
      setDone(summary);
      if (input.current) input.current.value = '';
      onUploaded(summary);
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.status === 401) return;
        setFailure({ text: err.text, fields: err.fields, requestId: err.requestId });
      } else {
        setFailure({ text: M.unexpected, fields: [] });
      }
    } finally {
      setBusy(false);
    }
  };

  const describedBy = [`${inputId}-hint`, fileError ? `${inputId}-error` : ''].filter(Boolean).join(' ');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(M.uploadTitle)}</h2>
      <p>{t(M.uploadLead)}</p>
      <form className="upload-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t(M.uploadFile)}</label>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".json,application/json"
            aria-describedby={describedBy}
            aria-invalid={fileError || failure ? true : undefined}
            onChange={() => {
              setFileError(undefined);
              setFailure(undefined);
            }}
          />
          <p id={`${inputId}-hint`} className="hint">
            {t(M.uploadHint)}
          </p>
          {fileError ? (
            <p id={`${inputId}-error`} className="field-error" role="alert">
              {t(fileError)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t(M.uploading) : t(M.uploadButton)}
        </button>
      </form>
      <div className="upload-result">
        {failure ? <UploadErrors failure={failure} /> : null}
        {done ? (
          <Alert tone="success">
            <p data-testid="upload-success">
              {t(M.uploadDone(t(done.label), done.id))} <Link to={paths.template(done.id)}>{t(M.uploadDoneLink)}</Link>
            </p>
          </Alert>
        ) : null}
      </div>
      <FormatHelp />
    </section>
  );
}
