import { type Contract, FACILITY_KIND_LABELS, type Facility, SYSTEM_KINDS, type Vendor } from '@mcr/contract';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { deleteContract } from '../../api/delete-contract.ts';
import { putContract } from '../../api/put-contract.ts';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError } from '../../lib/api-client.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { FacilityDiscrepancies } from '../discrepancies/facility-discrepancies.tsx';
import { FacilityInspections } from '../inspections/facility-inspections.tsx';
import { FacilityTrainingRecord } from '../trainings/record.tsx';
import { FacilityVendors } from './facility-vendors.tsx';

type SystemKind = (typeof SYSTEM_KINDS)[number];

function Profile({ facility }: { facility: Facility }) {
  const { t } = useI18n();
  const rows: Array<[Localized, string]> = [
    [M.colKind, t(FACILITY_KIND_LABELS[facility.kind])],
    [M.colBeds, String(facility.beds)],
    [M.colHealthCenter, facility.healthCenterName],
    [M.colMedicalArea, facility.medicalAreaName],
    [M.colCode, facility.medicalInstitutionCode],
    [M.colAddress, facility.address || '—'],
    [M.colContactEmail, facility.contactEmail || '—'],
  ];
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t(M.facilityProfile)}</h2>
      <dl className="kv profile">
        {rows.map(([label, value]) => (
          <div key={label.ja} className="kv-row">
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

interface FormProps {
  facilityId: string;
  vendors: Vendor[];
  /** The contract being edited; undefined to add one. */
  editing: Contract | undefined;
  onSaved(contract: Contract): void;
  onCancel(): void;
}

/** Adds or edits one contract: the vendor, the systems it provides, remote maintenance. */
function ContractForm({ facilityId, vendors, editing, onSaved, onCancel }: FormProps) {
  const { t } = useI18n();
  const [vendorId, setVendorId] = useState(editing?.vendorId ?? '');
  const [systems, setSystems] = useState<SystemKind[]>(() =>
    (editing?.systems ?? []).filter((s): s is SystemKind => (SYSTEM_KINDS as readonly string[]).includes(s)),
  );
  const [remote, setRemote] = useState<boolean | undefined>(editing?.remoteMaintenance);
  const [errors, setErrors] = useState<{ vendor?: Localized; systems?: Localized; remote?: Localized }>({});
  const [failure, setFailure] = useState<{ text: Localized; requestId?: string | undefined } | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!vendorId) next.vendor = M.errVendorRequired;
    if (systems.length === 0) next.systems = M.errSystemsRequired;
    if (remote === undefined) next.remote = M.errRemoteRequired;
    setErrors(next);
    setFailure(undefined);
    if (next.vendor) document.getElementById('contract-vendor')?.focus();
    else if (next.systems) document.querySelector<HTMLInputElement>('#contract-systems input')?.focus();
    else if (next.remote) document.querySelector<HTMLInputElement>('#contract-remote input')?.focus();
    if (Object.keys(next).length > 0 || remote === undefined) return;
    setBusy(true);
    try {
      onSaved(await putContract(facilityId, vendorId, { systems: SYSTEM_KINDS.filter((s) => systems.includes(s)), remoteMaintenance: remote }));
    } catch (err) {
      setFailure(err instanceof ApiError ? { text: err.text, requestId: err.requestId } : { text: M.unexpected });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card contract-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="contract-form-heading">
      <h3 id="contract-form-heading" ref={heading} tabIndex={-1}>
        {editing ? t(M.contractEditTitle(editing.vendorName)) : t(M.contractAddTitle)}
      </h3>
      {failure ? (
        <Alert tone="error" title={t(M.contractSaveFailed)}>
          <p>{t(failure.text)}</p>
          {failure.requestId ? (
            <p className="muted small-text">
              {t(M.requestId)}: <code>{failure.requestId}</code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {editing ? null : (
        <SelectField
          id="contract-vendor"
          label={t(M.fieldVendor)}
          value={vendorId}
          error={errors.vendor ? t(errors.vendor) : undefined}
          hint={
            <>
              {t(M.fieldVendorHint)} <Link to={paths.vendors()}>{t(M.navVendors)}</Link>
            </>
          }
          onChange={(v) => {
            setVendorId(v);
            setErrors((x) => ({ ...x, vendor: undefined }));
          }}
        >
          <option value="">{t(M.choose)}</option>
          {vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </SelectField>
      )}
      <fieldset id="contract-systems" className="target-fieldset" aria-describedby={errors.systems ? 'contract-systems-error' : undefined}>
        <legend>{t(M.fieldSystems)}</legend>
        <div className="choice-grid">
          {SYSTEM_KINDS.map((s) => (
            <label key={s} className="choice-line">
              <input
                type="checkbox"
                checked={systems.includes(s)}
                onChange={(e) => {
                  setSystems((list) => (e.target.checked ? [...list, s] : list.filter((x) => x !== s)));
                  setErrors((x) => ({ ...x, systems: undefined }));
                }}
              />
              <span>{t(M.systemKind(s))}</span>
            </label>
          ))}
        </div>
        {errors.systems ? (
          <p id="contract-systems-error" className="field-error">
            {t(errors.systems)}
          </p>
        ) : null}
      </fieldset>
      <fieldset id="contract-remote" className="target-fieldset" aria-describedby={`contract-remote-hint${errors.remote ? ' contract-remote-error' : ''}`}>
        <legend>{t(M.fieldRemote)}</legend>
        <p id="contract-remote-hint" className="hint">
          {t(M.fieldRemoteHint)}
        </p>
        <div className="choice-row">
          <label className="choice-line">
            <input type="radio" name="contract-remote" checked={remote === true} onChange={() => setRemote(true)} />
            <span>{t(M.remoteYes)}</span>
          </label>
          <label className="choice-line">
            <input type="radio" name="contract-remote" checked={remote === false} onChange={() => setRemote(false)} />
            <span>{t(M.remoteNo)}</span>
          </label>
        </div>
        {errors.remote ? (
          <p id="contract-remote-error" className="field-error">
            {t(errors.remote)}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t(M.saving) : t(M.contractSave)}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={onCancel}>
          {t(M.cancel)}
        </button>
      </div>
    </form>
  );
}

function Contracts({ facility }: { facility: Facility }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const canEdit = me.role === 'pref_admin';
  const [contracts, reload] = asLoaded(useApiQuery('contracts.list', { params: { facilityId: facility.id } }));
  const [vendors] = asLoaded(useApiQuery('vendors.list', { enabled: canEdit }));
  const [form, setForm] = useState<{ editing: Contract | undefined } | undefined>();
  const [removing, setRemoving] = useState<Contract | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: Localized } | undefined>();
  const addButton = useRef<HTMLButtonElement>(null);

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    try {
      await deleteContract(facility.id, removing.vendorId);
      setMessage({ tone: 'success', text: M.contractRemoved(removing.vendorName) });
      setRemoving(undefined);
    } catch (err) {
      setMessage({ tone: 'error', text: err instanceof ApiError ? err.text : M.unexpected });
      setRemoving(undefined);
    } finally {
      setBusy(false);
    }
  };

  const list = contracts.state === 'ok' ? contracts.data.items : [];
  const available = vendors.state === 'ok' ? vendors.data.items.filter((v) => !list.some((c) => c.vendorId === v.id)) : [];

  return (
    <section className="card" aria-labelledby="contracts-heading">
      <div className="section-head">
        <h2 id="contracts-heading">{t(M.contractsTitle)}</h2>
        {canEdit && !form ? (
          <button ref={addButton} type="button" className="button secondary small" onClick={() => setForm({ editing: undefined })}>
            <span aria-hidden="true">＋ </span>
            {t(M.contractAdd)}
          </button>
        ) : null}
      </div>
      <p className="muted">{t(M.contractsLead)}</p>
      {message ? (
        <Alert tone={message.tone}>
          <p>{t(message.text)}</p>
        </Alert>
      ) : null}
      {contracts.state === 'loading' ? <Loading /> : null}
      {contracts.state === 'error' ? <LoadError error={contracts.error} onRetry={reload} /> : null}
      {contracts.state === 'ok' && list.length === 0 ? <p>{t(M.contractsEmpty)}</p> : null}
      {list.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways; with no buttons (readers) the keyboard must still reach it
        <section className="table-wrap" tabIndex={0} aria-labelledby="contracts-heading">
          <table className="table compact-table" data-testid="contracts">
            <caption className="sr-only">{t(M.contractsTitle)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(M.colVendor)}</th>
                <th scope="col">{t(M.colSystems)}</th>
                <th scope="col">{t(M.colRemote)}</th>
                {canEdit ? <th scope="col">{t(M.colActions)}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.vendorId} data-testid={`contract-${c.vendorId}`}>
                  <th scope="row">{c.vendorName}</th>
                  <td>
                    <ul className="tag-list">
                      {c.systems.map((s) => (
                        <li key={s} className="badge">
                          {t(M.systemKind(s))}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{t(c.remoteMaintenance ? M.remoteYes : M.remoteNo)}</td>
                  {canEdit ? (
                    <td className="actions">
                      <button
                        type="button"
                        className="button link small"
                        aria-label={t(M.contractEditFor(c.vendorName))}
                        onClick={() => setForm({ editing: c })}
                      >
                        {t(M.edit)}
                      </button>
                      <button
                        type="button"
                        className="button link small danger-text"
                        aria-label={t(M.contractRemoveFor(c.vendorName))}
                        onClick={() => setRemoving(c)}
                      >
                        {t(M.remove)}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {canEdit && form ? (
        vendors.state === 'loading' ? (
          <Loading />
        ) : vendors.state === 'error' ? (
          <LoadError error={vendors.error} />
        ) : !form.editing && available.length === 0 ? (
          <Alert tone="info">
            <p>
              {t(M.noVendorsLeft)} <Link to={paths.vendors()}>{t(M.navVendors)}</Link>
            </p>
          </Alert>
        ) : (
          <ContractForm
            key={form.editing?.vendorId ?? 'new'}
            facilityId={facility.id}
            vendors={available}
            editing={form.editing}
            onSaved={(c) => {
              setForm(undefined);
              setMessage({ tone: 'success', text: M.contractSaved(c.vendorName) });
            }}
            onCancel={() => {
              setForm(undefined);
              requestAnimationFrame(() => addButton.current?.focus());
            }}
          />
        )
      ) : null}
      <ConfirmDialog
        open={removing !== undefined}
        id="remove-contract"
        title={t(M.contractRemoveTitle)}
        confirmText={t(M.remove)}
        busy={busy}
        danger
        onConfirm={() => void remove()}
        onClose={() => setRemoving(undefined)}
      >
        <p>{removing ? t(M.contractRemoveBody(removing.vendorName, facility.name)) : null}</p>
      </ConfirmDialog>
    </section>
  );
}

/**
 * One facility: its profile, inspections, the vendors it contracts (editable by the prefecture), each vendor's
 * answers and MDS/SDS, and the discrepancies between them. The prefecture and the 保健所 open any (their)
 * facility; the facility's own people open their own (read-only but for 「説明する」).
 */
export function FacilityPage({ facilityId }: { facilityId: string }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const [facility, reload] = asLoaded(useApiQuery('facilities.get', { params: { facilityId } }));
  if (facility.state === 'loading') return <Loading />;
  if (facility.state === 'error') return <LoadError error={facility.error} onRetry={reload} />;
  const f = facility.data;
  return (
    <Page title={f.name} lead={`${t(FACILITY_KIND_LABELS[f.kind])} ・ ${f.healthCenterName} ・ ${f.medicalInstitutionCode}`}>
      <p className="back">
        {me.role === 'inspector' ? (
          <Link to={paths.inspections()}>← {t(M.navInspections)}</Link>
        ) : me.role === 'pref_admin' ? (
          <Link to={paths.facilities()}>← {t(M.facilitiesBack)}</Link>
        ) : (
          <Link to={paths.home()}>← {t(M.checklistBack)}</Link>
        )}
      </p>
      <Profile facility={f} />
      <FacilityDiscrepancies facilityId={f.id} healthCenterId={f.healthCenterId} />
      <Contracts facility={f} />
      <FacilityVendors facilityId={f.id} />
      <FacilityInspections facility={f} />
      <FacilityTrainingRecord facilityId={f.id} />
    </Page>
  );
}
