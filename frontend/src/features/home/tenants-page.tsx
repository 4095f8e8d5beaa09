import type { Tenant } from '@mcr/contract';
import { type FormEvent, useRef, useState } from 'react';
import { createTenant } from '../../api/create-tenant.ts';
import { Page } from '../../app/page.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { PREFECTURES } from './prefectures.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_ADMINS = 10;

interface AdminDraft {
  key: number;
  email: string;
  displayName: string;
}

type Errors = Record<string, Localized>;

function TenantForm({ existing, onCreated, onCancel }: { existing: Tenant[]; onCreated(t: Tenant, admins: number): void; onCancel(): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [admins, setAdmins] = useState<AdminDraft[]>([{ key: 0, email: '', displayName: '' }]);
  const nextKey = useRef(1);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<{ text: Localized; requestId?: string | undefined } | undefined>();
  const [busy, setBusy] = useState(false);
  const taken = new Set(existing.map((x) => x.tenantId));

  const clear = (k: string) =>
    setErrors((e) => {
      const rest = { ...e };
      delete rest[k];
      return rest;
    });
  const setAdmin = (key: number, patch: Partial<AdminDraft>) => {
    setAdmins((list) => list.map((a) => (a.key === key ? { ...a, ...patch } : a)));
    clear(patch.email !== undefined ? `email-${key}` : `name-${key}`);
  };

  const choose = (value: string) => {
    setCode(value);
    const p = PREFECTURES.find((x) => x.code === value);
    setName(p?.ja ?? '');
    setNameEn(p?.en ?? '');
    clear('code');
    clear('name');
    clear('nameEn');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Errors = {};
    if (!code) next.code = M.errPrefectureRequired;
    else if (taken.has(code)) next.code = M.errTenantExists;
    if (name.trim().length < 2 || name.trim().length > 10) next.name = M.errTenantName;
    if (nameEn.trim().length < 2 || nameEn.trim().length > 50) next.nameEn = M.errTenantNameEn;
    const seen = new Set<string>();
    for (const a of admins) {
      const email = a.email.trim().toLowerCase();
      if (!EMAIL.test(email)) next[`email-${a.key}`] = email ? M.errEmailInvalid : M.errEmailRequired;
      else if (seen.has(email)) next[`email-${a.key}`] = M.errEmailTwice;
      seen.add(email);
      if (!a.displayName.trim()) next[`name-${a.key}`] = M.errNameRequired;
    }
    setErrors(next);
    setFailure(undefined);
    const first = ['code', 'name', 'nameEn', ...admins.flatMap((a) => [`email-${a.key}`, `name-${a.key}`])].find((k) => next[k]);
    if (first) {
      document.getElementById(`tenant-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const tenant = await createTenant({
        tenantId: code,
        name: name.trim(),
        nameEn: nameEn.trim(),
        admins: admins.map((a) => ({ email: a.email.trim(), displayName: a.displayName.trim() })),
      });
      onCreated(tenant, admins.length);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ALREADY_EXISTS') {
        setErrors({ code: M.errTenantOrAdminExists });
        setFailure({ text: err.text, requestId: err.requestId });
      } else {
        setFailure(err instanceof ApiError ? { text: err.text, requestId: err.requestId } : { text: M.unexpected });
      }
    } finally {
      setBusy(false);
    }
  };

  const err = (k: string) => (errors[k] ? t(errors[k] as Localized) : undefined);

  return (
    <form id="tenant-form" className="card narrow-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="tenant-form-heading">
      <h2 id="tenant-form-heading">{t(M.tenantAddTitle)}</h2>
      <p className="muted">{t(M.tenantAddLead)}</p>
      {failure ? (
        <Alert tone="error" title={t(M.tenantAddFailed)}>
          <p>{t(failure.text)}</p>
          {failure.requestId ? (
            <p className="muted small-text">
              {t(M.requestId)}: <code>{failure.requestId}</code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <SelectField id="tenant-code" label={t(M.fieldPrefecture)} value={code} error={err('code')} hint={t(M.fieldPrefectureHint)} onChange={choose}>
        <option value="">{t(M.choose)}</option>
        {PREFECTURES.map((p) => (
          <option key={p.code} value={p.code} disabled={taken.has(p.code)}>
            {p.code} {t(p)}
            {taken.has(p.code) ? ` (${t(M.tenantInUse)})` : ''}
          </option>
        ))}
      </SelectField>
      <div className="date-pair">
        <TextField
          id="tenant-name"
          label={t(M.fieldTenantName)}
          type="text"
          value={name}
          maxLength={10}
          error={err('name')}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id="tenant-nameEn"
          label={t(M.fieldTenantNameEn)}
          type="text"
          lang="en"
          value={nameEn}
          maxLength={50}
          error={err('nameEn')}
          onChange={(e) => {
            setNameEn(e.target.value);
            clear('nameEn');
          }}
        />
      </div>
      <fieldset className="target-fieldset admins">
        <legend>{t(M.tenantAdmins)}</legend>
        <p className="hint">{t(M.tenantAdminsHint)}</p>
        {admins.map((a, i) => (
          <div key={a.key} className="admin-row">
            <TextField
              id={`tenant-email-${a.key}`}
              label={t(M.adminEmail(i + 1))}
              type="email"
              autoComplete="off"
              value={a.email}
              error={err(`email-${a.key}`)}
              onChange={(e) => setAdmin(a.key, { email: e.target.value })}
            />
            <TextField
              id={`tenant-name-${a.key}`}
              label={t(M.adminName(i + 1))}
              type="text"
              autoComplete="off"
              value={a.displayName}
              maxLength={100}
              error={err(`name-${a.key}`)}
              onChange={(e) => setAdmin(a.key, { displayName: e.target.value })}
            />
            {admins.length > 1 ? (
              <button type="button" className="button link small" onClick={() => setAdmins((list) => list.filter((x) => x.key !== a.key))}>
                {t(M.adminRemove(i + 1))}
              </button>
            ) : null}
          </div>
        ))}
        {admins.length < MAX_ADMINS ? (
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              const key = nextKey.current++;
              setAdmins((list) => [...list, { key, email: '', displayName: '' }]);
              requestAnimationFrame(() => document.getElementById(`tenant-email-${key}`)?.focus());
            }}
          >
            <span aria-hidden="true">＋ </span>
            {t(M.adminAdd)}
          </button>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t(M.creating) : t(M.tenantCreate)}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={onCancel}>
          {t(M.cancel)}
        </button>
      </div>
    </form>
  );
}

/** Operator home: the prefecture tenants and 「都道府県を追加」 (with the first administrators' invitations). */
export function TenantsPage() {
  const { t } = useI18n();
  const [tenants, reload] = asLoaded(useApiQuery('tenants.list'));
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Localized | undefined>();
  const toggle = useRef<HTMLButtonElement>(null);
  const items = tenants.state === 'ok' ? [...tenants.data.items].sort((a, b) => a.tenantId.localeCompare(b.tenantId)) : [];
  return (
    <Page
      title={t(M.tenantsTitle)}
      lead={t(M.tenantsLead)}
      actions={
        <button
          ref={toggle}
          type="button"
          className="button primary"
          aria-expanded={adding}
          aria-controls="tenant-form"
          onClick={() => {
            setAdding((a) => !a);
            setCreated(undefined);
          }}
        >
          <span aria-hidden="true">＋ </span>
          {t(M.tenantAdd)}
        </button>
      }
    >
      {created ? (
        <Alert tone="success">
          <p data-testid="tenant-created">{t(created)}</p>
        </Alert>
      ) : null}
      {adding && tenants.state === 'ok' ? (
        <TenantForm
          existing={tenants.data.items}
          onCreated={(tenant, n) => {
            setAdding(false);
            setCreated(M.tenantCreated(tenant.name, n));
            toggle.current?.focus();
          }}
          onCancel={() => {
            setAdding(false);
            toggle.current?.focus();
          }}
        />
      ) : null}
      {tenants.state === 'loading' ? <Loading /> : null}
      {tenants.state === 'error' ? <LoadError error={tenants.error} onRetry={reload} /> : null}
      {tenants.state === 'ok' ? (
        <section className="card flush" aria-labelledby="tenant-list-heading">
          <h2 id="tenant-list-heading" className="pad">
            {t(M.tenantListHeading(items.length))}
          </h2>
          {items.length === 0 ? (
            <p className="pad">{t(M.tenantsEmpty)}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="sr-only">{t(M.tenantsTitle)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(M.colTenantCode)}</th>
                    <th scope="col">{t(M.colTenantName)}</th>
                    <th scope="col">{t(M.colTenantNameEn)}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((x) => (
                    <tr key={x.tenantId} data-testid={`tenant-row-${x.tenantId}`}>
                      <td>
                        <code>{x.tenantId}</code>
                      </td>
                      <th scope="row">{x.name}</th>
                      <td lang="en">{x.nameEn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </Page>
  );
}
