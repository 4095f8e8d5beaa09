import { type DisclosureKind, routes, SYSTEM_KINDS, type VendorDocument, type VendorDocumentGroup } from '@mcr/contract';
import { DISCLOSURE_KINDS } from '@mcr/domain';
import { type FormEvent, useRef, useState } from 'react';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/text-field.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { formatDateTime, todayInJapan } from '../../i18n/format.ts';
import { formatDate } from '../../lib/dates.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { acceptFor, allowedText, fileErrorOf, UPLOAD_TEXT, type UploadStage, uploadFile } from '../../lib/upload.ts';
import { V } from './vendor-messages.ts';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 「ダウンロード」: asks for a 5-minute link, then lets the browser follow it. */
function DownloadButton({ doc }: { doc: VendorDocument }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<Localized | undefined>();
  const go = async () => {
    setBusy(true);
    setFailed(undefined);
    try {
      const link = await callRoute(routes['documents.link'], {
        params: { vendorId: doc.vendorId, documentId: doc.documentId, version: String(doc.version) },
      });
      window.location.assign(link.url);
    } catch (err) {
      setFailed(err instanceof ApiError ? err.text : M.unexpected);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button link small"
        disabled={busy}
        onClick={() => void go()}
        aria-label={`${doc.fileName} (${t(V.revision(doc.version))}) — ${t(V.download)}`}
      >
        {busy ? t(V.downloading) : t(V.download)}
      </button>
      {failed ? (
        <span className="field-error" role="alert">
          {t(V.downloadFailed)}: {t(failed)}
        </span>
      ) : null}
    </>
  );
}

function VersionRow({ doc, group }: { doc: VendorDocument; group: VendorDocumentGroup }) {
  const { t, lang } = useI18n();
  return (
    <tr data-testid={`document-${group.documentId}-v${doc.version}`} className={doc.current ? undefined : 'superseded'}>
      <th scope="row">
        {doc.version === group.versions[0]?.version ? (
          <>
            <span className="badge kind">{doc.kind}</span> {doc.product}
          </>
        ) : (
          <span className="sr-only">
            {doc.kind} {doc.product}
          </span>
        )}
      </th>
      <td>
        {t(V.revision(doc.version))}
        {doc.productVersion ? <span className="row-sub">{doc.productVersion}</span> : null}
        <span className="row-sub">
          {doc.current ? <span className="badge current">{t(V.current)}</span> : t(V.superseded(doc.supersededBy ?? doc.version + 1))}
        </span>
      </td>
      <td>{formatDate(doc.issuedOn, lang, 'short')}</td>
      <td>{doc.jahisFormatVersion}</td>
      <td>{doc.systems.length > 0 ? doc.systems.join('、') : t(V.allSystems)}</td>
      <td>
        {doc.fileName}
        <span className="row-sub">{sizeText(doc.size)}</span>
        <DownloadButton doc={doc} />
      </td>
      <td>
        {formatDateTime(doc.uploadedAt, lang)}
        <span className="row-sub">{doc.uploadedByName}</span>
      </td>
    </tr>
  );
}

/** A vendor's MDS/SDS, every version (current first, superseded ones marked and still downloadable). */
export function DocumentList({ vendorId, vendorUser }: { vendorId: string; vendorUser: boolean }) {
  const { t } = useI18n();
  const [docs, reload] = asLoaded(useApiQuery('documents.list', { params: { vendorId } }));
  if (docs.state === 'loading') return <Loading />;
  if (docs.state === 'error') return <LoadError error={docs.error} onRetry={reload} />;
  if (docs.data.items.length === 0) return <p className="pad">{t(vendorUser ? V.documentsEmpty : V.documentsEmptyPref)}</p>;
  return (
    <div className="table-wrap">
      <table className="table documents-table" data-testid="documents-table">
        <caption className="sr-only">{t(V.documentsHeading)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(V.colProduct)}</th>
            <th scope="col">{t(V.colVersion)}</th>
            <th scope="col">{t(V.colIssued)}</th>
            <th scope="col">{t(V.colJahis)}</th>
            <th scope="col">{t(V.colDocSystems)}</th>
            <th scope="col">{t(V.colFile)}</th>
            <th scope="col">{t(V.colUploaded)}</th>
          </tr>
        </thead>
        <tbody>{docs.data.items.flatMap((g) => g.versions.map((d) => <VersionRow key={`${g.documentId}-${d.version}`} doc={d} group={g} />))}</tbody>
      </table>
    </div>
  );
}

type Field = 'product' | 'issuedOn' | 'jahisFormatVersion' | 'file' | 'productVersion' | 'systems';
const FIELD_IDS: Record<Field, string> = {
  product: 'doc-product',
  productVersion: 'doc-product-version',
  issuedOn: 'doc-issued-on',
  jahisFormatVersion: 'doc-jahis',
  systems: 'doc-systems',
  file: 'doc-file',
};

function fieldOfServer(field: string): Field | undefined {
  const f = field.replace(/^body\./, '');
  if (f.startsWith('product') && !f.startsWith('productVersion')) return 'product';
  if (f.startsWith('productVersion')) return 'productVersion';
  if (f.startsWith('issuedOn')) return 'issuedOn';
  if (f.startsWith('jahisFormatVersion')) return 'jahisFormatVersion';
  if (f.startsWith('systems')) return 'systems';
  return undefined;
}

/** 「開示書を登録する」: kind, product, version, issue date, JAHIS format, systems, and the file (PDF or xlsx). */
export function DocumentUploadForm({ vendorId, onDone, onCancel }: { vendorId: string; onDone(message: Localized): void; onCancel(): void }) {
  const { t } = useI18n();
  const today = todayInJapan();
  const [kind, setKind] = useState<DisclosureKind>('MDS');
  const [product, setProduct] = useState('');
  const [productVersion, setProductVersion] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [jahis, setJahis] = useState('');
  const [systems, setSystems] = useState<string[]>([]);
  const [file, setFile] = useState<File | undefined>();
  const [errors, setErrors] = useState<Partial<Record<Field, Localized>>>({});
  const [general, setGeneral] = useState<Localized | undefined>();
  const [stage, setStage] = useState<UploadStage | 'verifying' | undefined>();
  const fileRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const clearError = (f: Field) =>
    setErrors((e) => {
      const { [f]: _gone, ...rest } = e;
      return rest;
    });

  const fail = (next: Partial<Record<Field, Localized>>, message?: Localized) => {
    setErrors(next);
    setGeneral(message);
    const first = (['product', 'productVersion', 'issuedOn', 'jahisFormatVersion', 'systems', 'file'] as Field[]).find((f) => next[f]);
    if (first) document.getElementById(FIELD_IDS[first])?.focus();
    else requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (stage) return;
    const found: Partial<Record<Field, Localized>> = {};
    if (!product.trim()) found.product = V.errProductRequired;
    if (!issuedOn) found.issuedOn = V.errIssuedRequired;
    else if (issuedOn > today) found.issuedOn = V.errIssuedFuture;
    if (!jahis.trim()) found.jahisFormatVersion = V.errJahisRequired;
    if (!file) found.file = V.errFileRequired;
    if (Object.keys(found).length > 0 || !file) return fail(found);
    setErrors({});
    setGeneral(undefined);
    try {
      const uploaded = await uploadFile(file, 'vendor_document', { onStage: setStage });
      setStage('verifying');
      const doc = await callRoute(routes['documents.create'], {
        params: { vendorId },
        body: {
          uploadId: uploaded.uploadId,
          kind,
          product: product.trim(),
          productVersion: productVersion.trim(),
          issuedOn,
          jahisFormatVersion: jahis.trim(),
          systems: SYSTEM_KINDS.filter((s) => systems.includes(s)),
        },
      });
      onDone(V.uploadDone(doc.product, doc.version));
    } catch (err) {
      const reason = fileErrorOf(err);
      if (reason) return fail({ file: reason });
      if (err instanceof ApiError) {
        const placed: Partial<Record<Field, Localized>> = {};
        for (const f of err.fields) {
          const at = fieldOfServer(f.field);
          if (at) placed[at] ??= f.message;
        }
        return fail(placed, Object.keys(placed).length === 0 ? err.text : undefined);
      }
      fail({}, M.unexpected);
    } finally {
      setStage(undefined);
    }
  };

  const busyText =
    stage === 'hashing' ? UPLOAD_TEXT.hashing : stage === 'sending' ? UPLOAD_TEXT.sending : stage === 'verifying' ? UPLOAD_TEXT.verifying : undefined;
  const listed = Object.entries(errors) as [Field, Localized][];
  return (
    <form className="card document-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="document-form-heading" data-testid="document-form">
      <h3 id="document-form-heading">{t(V.uploadHeading)}</h3>
      {general || listed.length > 0 ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={summaryRef}>
          <p className="alert-title">{t(general ? V.uploadFailed : V.errorSummary)}</p>
          {general ? <p>{t(general)}</p> : null}
          {listed.length > 0 ? (
            <ul className="problem-list">
              {listed.map(([f, message]) => (
                <li key={f}>
                  <a
                    href={`#${FIELD_IDS[f]}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(FIELD_IDS[f])?.focus();
                    }}
                  >
                    {t(V.fieldLabels[f])}: {t(message)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <fieldset className="target-fieldset kind-choices">
        <legend>{t(V.fieldKind)}</legend>
        {DISCLOSURE_KINDS.map((k) => (
          <label key={k} className="choice-line">
            <input type="radio" name="doc-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>{t(k === 'MDS' ? V.kindMDS : V.kindSDS)}</span>
          </label>
        ))}
      </fieldset>
      <TextField
        id={FIELD_IDS.product}
        label={t(V.fieldProduct)}
        hint={t(V.fieldProductHint)}
        type="text"
        maxLength={100}
        required
        value={product}
        error={errors.product ? t(errors.product) : undefined}
        onChange={(e) => {
          setProduct(e.target.value);
          clearError('product');
        }}
      />
      <div className="date-pair">
        <TextField
          id={FIELD_IDS.productVersion}
          label={t(V.fieldProductVersion)}
          type="text"
          maxLength={50}
          value={productVersion}
          error={errors.productVersion ? t(errors.productVersion) : undefined}
          onChange={(e) => {
            setProductVersion(e.target.value);
            clearError('productVersion');
          }}
        />
        <DateInput
          id={FIELD_IDS.issuedOn}
          label={t(V.fieldIssuedOn)}
          max={today}
          required
          value={issuedOn}
          error={errors.issuedOn ? t(errors.issuedOn) : undefined}
          onChange={(value) => {
            setIssuedOn(value);
            clearError('issuedOn');
          }}
        />
        <TextField
          id={FIELD_IDS.jahisFormatVersion}
          label={t(V.fieldJahis)}
          hint={t(V.fieldJahisHint)}
          type="text"
          maxLength={30}
          required
          value={jahis}
          error={errors.jahisFormatVersion ? t(errors.jahisFormatVersion) : undefined}
          onChange={(e) => {
            setJahis(e.target.value);
            clearError('jahisFormatVersion');
          }}
        />
      </div>
      <fieldset className="target-fieldset" id={FIELD_IDS.systems} aria-describedby="doc-systems-hint">
        <legend>{t(V.fieldSystems)}</legend>
        <p id="doc-systems-hint" className="hint">
          {t(V.fieldSystemsHint)}
        </p>
        <div className="system-choices">
          {SYSTEM_KINDS.map((s) => (
            <label key={s} className="choice-line">
              <input
                type="checkbox"
                checked={systems.includes(s)}
                onChange={(e) => setSystems((x) => (e.target.checked ? [...x, s] : x.filter((v) => v !== s)))}
              />
              <span>{s}</span>
            </label>
          ))}
        </div>
        {errors.systems ? <p className="field-error">{t(errors.systems)}</p> : null}
      </fieldset>
      <div className="field">
        <label htmlFor={FIELD_IDS.file}>{t(V.fieldFile)}</label>
        <input
          id={FIELD_IDS.file}
          ref={fileRef}
          type="file"
          accept={acceptFor('vendor_document')}
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={`doc-file-hint${errors.file ? ' doc-file-error' : ''}`}
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            clearError('file');
          }}
        />
        <p id="doc-file-hint" className="hint">
          {t(allowedText('vendor_document'))}
        </p>
        {errors.file ? (
          <p id="doc-file-error" className="field-error" data-testid="document-file-error">
            {t(errors.file)}
          </p>
        ) : null}
      </div>
      {busyText ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t(busyText)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={stage !== undefined}>
          {t(V.uploadButton)}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={stage !== undefined}>
          {t(M.cancel)}
        </button>
      </div>
    </form>
  );
}

/** The documents card: the list, and for the vendor itself the upload form. */
export function DocumentsSection({ vendorId, vendorUser }: { vendorId: string; vendorUser: boolean }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<Localized | undefined>();
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <section className="card flush" aria-labelledby="documents-heading" data-testid="documents-section">
      <div className="section-head pad">
        <h2 id="documents-heading">{t(V.documentsHeading)}</h2>
        {vendorUser ? (
          <button
            ref={toggle}
            type="button"
            className="button primary small"
            aria-expanded={adding}
            onClick={() => {
              setAdding((a) => !a);
              setDone(undefined);
            }}
          >
            <span aria-hidden="true">＋ </span>
            {t(V.uploadOpen)}
          </button>
        ) : null}
      </div>
      {vendorUser ? <p className="pad muted">{t(V.documentsLead)}</p> : null}
      {done ? (
        <div className="pad">
          <Alert tone="success">
            <p data-testid="document-created">{t(done)}</p>
          </Alert>
        </div>
      ) : null}
      {adding ? (
        <div className="pad">
          <DocumentUploadForm
            vendorId={vendorId}
            onDone={(message) => {
              setAdding(false);
              setDone(message);
              toggle.current?.focus();
            }}
            onCancel={() => {
              setAdding(false);
              toggle.current?.focus();
            }}
          />
        </div>
      ) : null}
      <DocumentList vendorId={vendorId} vendorUser={vendorUser} />
    </section>
  );
}
