import { type FormEvent, useRef, useState } from 'react';
import { createVendor } from '../../api/create-vendor.ts';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/text-field.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { fold } from '../../lib/text.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { MissingDocumentsCard } from './missing-documents.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function VendorForm({ onCreated, onCancel }: { onCreated(name: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ name?: Localized; email?: Localized }>({});
  const [failure, setFailure] = useState<{ text: Localized; requestId?: string | undefined } | undefined>();
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = M.errVendorNameRequired;
    else if (name.trim().length > 100) next.name = M.errTooLong(100);
    if (!EMAIL.test(email.trim())) next.email = M.errEmailInvalid;
    setErrors(next);
    setFailure(undefined);
    if (next.name) nameRef.current?.focus();
    else if (next.email) emailRef.current?.focus();
    if (next.name || next.email) return;
    setBusy(true);
    try {
      const v = await createVendor({ name: name.trim(), contactEmail: email.trim() });
      onCreated(v.name);
    } catch (err) {
      if (err instanceof ApiError && err.fields.some((f) => f.field.includes('contactEmail'))) setErrors({ email: M.errEmailInvalid });
      setFailure(err instanceof ApiError ? { text: err.text, requestId: err.requestId } : { text: M.unexpected });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="vendor-form" className="card narrow-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="vendor-form-heading">
      <h2 id="vendor-form-heading">{t(M.vendorAddTitle)}</h2>
      {failure ? (
        <Alert tone="error" title={t(M.vendorAddFailed)}>
          <p>{t(failure.text)}</p>
        </Alert>
      ) : null}
      <TextField
        id="vendor-name"
        label={t(M.fieldVendorName)}
        inputRef={nameRef}
        type="text"
        value={name}
        required
        maxLength={100}
        autoComplete="organization"
        error={errors.name ? t(errors.name) : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setErrors((x) => ({ ...x, name: undefined }));
        }}
      />
      <TextField
        id="vendor-email"
        label={t(M.fieldVendorEmail)}
        hint={t(M.fieldVendorEmailHint)}
        inputRef={emailRef}
        type="email"
        value={email}
        required
        autoComplete="email"
        error={errors.email ? t(errors.email) : undefined}
        onChange={(e) => {
          setEmail(e.target.value);
          setErrors((x) => ({ ...x, email: undefined }));
        }}
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t(M.working) : t(M.vendorAddButton)}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
          {t(M.cancel)}
        </button>
      </div>
    </form>
  );
}

/** 「事業者」: the system vendors, and registering a new one. */
export function VendorsPage() {
  const { t } = useI18n();
  const [vendors, reload] = asLoaded(useApiQuery('vendors.list'));
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const items =
    vendors.state === 'ok'
      ? [...vendors.data.items].sort((a, b) => a.name.localeCompare(b.name, 'ja')).filter((v) => !q || fold(v.name).includes(fold(q)))
      : [];
  return (
    <Page
      title={t(M.vendorsTitle)}
      lead={t(M.vendorsLead)}
      actions={
        <button
          ref={toggle}
          type="button"
          className="button primary"
          aria-expanded={adding}
          aria-controls="vendor-form"
          onClick={() => {
            setAdding((a) => !a);
            setCreated(undefined);
          }}
        >
          <span aria-hidden="true">＋ </span>
          {t(M.vendorAdd)}
        </button>
      }
    >
      {created ? (
        <Alert tone="success">
          <p data-testid="vendor-created">{t(M.vendorCreated(created))}</p>
        </Alert>
      ) : null}
      {adding ? (
        <VendorForm
          onCreated={(name) => {
            setAdding(false);
            setCreated(name);
            toggle.current?.focus();
          }}
          onCancel={() => {
            setAdding(false);
            toggle.current?.focus();
          }}
        />
      ) : null}
      {vendors.state === 'loading' ? <Loading /> : null}
      {vendors.state === 'error' ? <LoadError error={vendors.error} onRetry={reload} /> : null}
      {vendors.state === 'ok' ? (
        <section className="card flush" aria-labelledby="vendor-list-heading">
          <h2 id="vendor-list-heading" className="pad">
            {t(M.vendorListHeading(vendors.data.items.length))}
          </h2>
          <div className="filters pad">
            <div className="field grow">
              <label htmlFor="vendor-search">{t(M.vendorSearch)}</label>
              <input id="vendor-search" type="search" value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
            </div>
          </div>
          {items.length === 0 ? (
            <p className="pad">{t(vendors.data.items.length === 0 ? M.vendorsEmpty : M.noRows)}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="sr-only">{t(M.vendorsTitle)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(M.colVendor)}</th>
                    <th scope="col">{t(M.colContactEmail)}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((v) => (
                    <tr key={v.id} data-testid={`vendor-row-${v.id}`}>
                      <th scope="row">
                        <Link to={paths.vendor(v.id)}>{v.name}</Link>
                      </th>
                      <td>{v.contactEmail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      <MissingDocumentsCard />
    </Page>
  );
}
