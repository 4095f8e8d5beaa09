import { type ContactChartView, routes, type SaveContactChartBody, type VendorContactOverride } from '@mcr/contract';
import { useEffect, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/text-field.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { formatFiscalYear } from '../../lib/dates.ts';
import { useApiQuery, useInvalidateApi } from '../../lib/use-api.ts';
import { ChartDiagram } from './chart-diagram.tsx';
import { CC } from './messages.ts';
import { type SaveMessage, useContactSave } from './use-contact-save.ts';
import './contact-chart.css';

type Person = SaveContactChartBody['director'];
type Draft = {
  director: Required<Person>;
  securityOfficer: Required<Person>;
  systemStaff: Required<Person>[];
  vendorOverrides: Record<string, Required<VendorContactOverride>>;
  notes: string;
};

const emptyPerson = (): Required<Person> => ({ name: '', title: '', phone: '', afterHoursPhone: '', email: '' });
const emptyOverride = (vendorId: string): Required<VendorContactOverride> => ({ vendorId, name: '', phone: '', afterHoursPhone: '', email: '', note: '' });

function draftOf(view: ContactChartView): Draft {
  const c = view.chart;
  const overrides = Object.fromEntries(view.vendors.map((v) => [v.vendorId, { ...emptyOverride(v.vendorId), ...(v.override ?? {}) }]));
  return {
    director: c ? { ...c.director } : { ...emptyPerson(), title: '院長' },
    securityOfficer: c ? { ...c.securityOfficer } : emptyPerson(),
    systemStaff: c?.systemStaff.length ? c.systemStaff.map((p) => ({ ...p })) : [emptyPerson()],
    vendorOverrides: overrides,
    notes: c?.notes ?? '',
  };
}

/** `body.systemStaff[1].phone` → `cc-systemStaff-1-phone`: the input that a field error names. */
const inputId = (field: string) =>
  `cc-${field
    .replace(/^body\./, '')
    .replace(/\[(\d+)\]/g, '-$1')
    .replaceAll('.', '-')}`;

function PersonFields({
  prefix,
  legend,
  value,
  onChange,
  errors,
}: {
  prefix: string;
  legend: string;
  value: Required<Person>;
  onChange(p: Required<Person>): void;
  errors: Map<string, string>;
}) {
  const { t } = useI18n();
  const id = (f: string) => inputId(`${prefix}.${f}`);
  const field = (f: keyof Person, label: Localized, extra: Record<string, string> = {}) => (
    <TextField
      id={id(f)}
      label={t(label)}
      value={value[f]}
      error={errors.get(id(f))}
      onChange={(e) => onChange({ ...value, [f]: e.target.value })}
      {...extra}
    />
  );
  return (
    <fieldset className="cc-fieldset">
      <legend>{legend}</legend>
      <div className="cc-fields">
        {field('name', CC.name, { autoComplete: 'off' })}
        {field('title', CC.titleField)}
        {field('phone', CC.phoneField, { type: 'tel', inputMode: 'tel', autoComplete: 'off' })}
        {field('afterHoursPhone', CC.afterHoursField, { type: 'tel', inputMode: 'tel', autoComplete: 'off' })}
        {field('email', CC.emailField, { type: 'email', autoComplete: 'off' })}
      </div>
    </fieldset>
  );
}

function ChartForm({ view, onDone }: { view: ContactChartView; onDone(message: SaveMessage): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [message, setMessage] = useState<SaveMessage>();
  const chartBody = (): SaveContactChartBody => ({
    expectedVersion: view.chart?.version ?? 0,
    director: draft.director,
    securityOfficer: draft.securityOfficer,
    systemStaff: draft.systemStaff.filter((p) => p.name || p.phone || p.afterHoursPhone || p.email),
    vendorOverrides: Object.values(draft.vendorOverrides).filter((o) => o.name || o.phone || o.afterHoursPhone || o.email || o.note),
    notes: draft.notes,
  });
  // Saved and stale go to the page (they outlive this form's remount); field and other errors stay on the form.
  const { errors, busy, submit } = useContactSave({
    save: () => callRoute(routes['contactCharts.save'], { body: chartBody() }),
    saved: CC.saved,
    query: 'contactCharts.getOwn',
    setMessage: (m) => (m && m.tone !== 'error' ? onDone(m) : setMessage(m)),
    fieldId: inputId,
  });

  const setStaff = (i: number, p: Required<Person>) => setDraft((d) => ({ ...d, systemStaff: d.systemStaff.map((x, j) => (j === i ? p : x)) }));
  const moveUp = (i: number) =>
    setDraft((d) => {
      const s = [...d.systemStaff];
      [s[i - 1], s[i]] = [s[i] as Required<Person>, s[i - 1] as Required<Person>];
      return { ...d, systemStaff: s };
    });

  return (
    <form className="card cc-form no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="cc-form-title">
      <h2 id="cc-form-title">{t(CC.formTitle)}</h2>
      <p className="hint">{t(CC.formLead)}</p>
      {message ? (
        <Alert tone={message.tone} title={message.title ? t(message.title) : undefined}>
          <p>{t(message.text)}</p>
        </Alert>
      ) : null}
      <PersonFields
        prefix="director"
        legend={t(CC.director)}
        value={draft.director}
        onChange={(p) => setDraft((d) => ({ ...d, director: p }))}
        errors={errors}
      />
      <PersonFields
        prefix="securityOfficer"
        legend={t(CC.securityOfficer)}
        value={draft.securityOfficer}
        onChange={(p) => setDraft((d) => ({ ...d, securityOfficer: p }))}
        errors={errors}
      />
      {draft.systemStaff.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; the order is the escalation.
        <div key={i} className="cc-staff">
          <PersonFields prefix={`systemStaff[${i}]`} legend={t(CC.staffN(i + 1))} value={p} onChange={(v) => setStaff(i, v)} errors={errors} />
          <div className="cc-staff-actions">
            {i > 0 ? (
              <button type="button" className="button secondary small" onClick={() => moveUp(i)}>
                {t(CC.moveUp(i + 1))}
              </button>
            ) : null}
            {draft.systemStaff.length > 1 ? (
              <button
                type="button"
                className="button secondary small"
                onClick={() => setDraft((d) => ({ ...d, systemStaff: d.systemStaff.filter((_, j) => j !== i) }))}
              >
                {t(CC.removeStaff(i + 1))}
              </button>
            ) : null}
          </div>
        </div>
      ))}
      {draft.systemStaff.length < 10 ? (
        <p>
          <button type="button" className="button secondary" onClick={() => setDraft((d) => ({ ...d, systemStaff: [...d.systemStaff, emptyPerson()] }))}>
            {t(CC.addStaff)}
          </button>
        </p>
      ) : null}

      {view.vendors.length ? (
        <section aria-labelledby="cc-vendor-overrides">
          <h3 id="cc-vendor-overrides">{t(CC.vendorOverrideTitle)}</h3>
          <p className="hint">{t(CC.vendorOverrideLead)}</p>
          {view.vendors.map((v, i) => {
            const o = draft.vendorOverrides[v.vendorId] ?? emptyOverride(v.vendorId);
            const set = (f: keyof VendorContactOverride, value: string) =>
              setDraft((d) => ({ ...d, vendorOverrides: { ...d.vendorOverrides, [v.vendorId]: { ...o, [f]: value } } }));
            // Errors name the override's index among those sent; the form shows them by vendor.
            const sentIndex = Object.values(draft.vendorOverrides)
              .filter((x) => x.name || x.phone || x.afterHoursPhone || x.email || x.note)
              .findIndex((x) => x.vendorId === v.vendorId);
            const err = (f: string) => (sentIndex >= 0 ? errors.get(inputId(`vendorOverrides[${sentIndex}].${f}`)) : undefined);
            const id = (f: string) => `cc-vendor-${i}-${f}`;
            return (
              <fieldset key={v.vendorId} className="cc-fieldset">
                <legend>{v.vendorName}</legend>
                {v.vendorContact ? (
                  <p className="hint">
                    {t(CC.fromVendor)}: {[v.vendorContact.name, v.vendorContact.phone, v.vendorContact.afterHoursPhone].filter(Boolean).join(' / ')}
                  </p>
                ) : (
                  <p className="hint">{t(CC.noVendorContact)}</p>
                )}
                <div className="cc-fields">
                  <TextField id={id('name')} label={t(CC.contactName)} value={o.name} onChange={(e) => set('name', e.target.value)} error={err('name')} />
                  <TextField
                    id={id('phone')}
                    type="tel"
                    label={t(CC.phoneField)}
                    value={o.phone}
                    onChange={(e) => set('phone', e.target.value)}
                    error={err('phone')}
                  />
                  <TextField
                    id={id('afterHoursPhone')}
                    type="tel"
                    label={t(CC.afterHoursField)}
                    value={o.afterHoursPhone}
                    onChange={(e) => set('afterHoursPhone', e.target.value)}
                    error={err('afterHoursPhone')}
                  />
                  <TextField
                    id={id('email')}
                    type="email"
                    label={t(CC.emailField)}
                    value={o.email}
                    onChange={(e) => set('email', e.target.value)}
                    error={err('email')}
                  />
                </div>
              </fieldset>
            );
          })}
        </section>
      ) : null}

      <div className="field">
        <label htmlFor="cc-notes">{t(CC.notesField)}</label>
        <textarea
          id="cc-notes"
          rows={2}
          maxLength={500}
          value={draft.notes}
          aria-invalid={errors.has('cc-notes') ? true : undefined}
          onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))}
        />
      </div>
      <p className="hint">{t(CC.outsideLead)}</p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t(CC.save)}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone({ tone: 'success', text: { ja: '', en: '' } })}>
          {t(CC.cancel)}
        </button>
      </div>
    </form>
  );
}

/** While the chart is on screen, printing shows the diagram alone (no page heading, header or footer). */
function usePrintRoot() {
  useEffect(() => {
    document.body.classList.add('cc-print-root');
    return () => document.body.classList.remove('cc-print-root');
  }, []);
}

function StatusLine({ view }: { view: ContactChartView }) {
  const { t, lang } = useI18n();
  const fy = formatFiscalYear(view.fiscalYear, lang);
  const text = view.status === 'current' ? CC.statusCurrent(fy) : view.status === 'outdated' ? CC.statusOutdated(fy) : CC.statusMissing;
  return <p className={`cc-status cc-status-${view.status}`}>{t(text)}</p>;
}

/** The facility's own 連絡体制図: the diagram, an editor, the yearly confirmation and printing. */
export function ContactChartPage() {
  const { t } = useI18n();
  const q = useApiQuery('contactCharts.getOwn');
  usePrintRoot();
  const invalidate = useInvalidateApi();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<SaveMessage>();
  const [busy, setBusy] = useState(false);
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const view = q.data;

  const confirm = async () => {
    if (!view.chart) return;
    setBusy(true);
    setMessage(undefined);
    try {
      await callRoute(routes['contactCharts.confirm'], { body: { expectedVersion: view.chart.version } });
      setMessage({ tone: 'success', text: CC.confirmed });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setMessage({ tone: 'warning', text: CC.stale });
      else setMessage({ tone: 'error', text: err instanceof ApiError ? err.text : M.unexpected });
    } finally {
      await invalidate('contactCharts.getOwn');
      setBusy(false);
    }
  };

  return (
    <Page
      title={t(CC.title)}
      lead={t(CC.lead)}
      actions={
        editing ? null : (
          <>
            <button type="button" className="button no-print" onClick={() => window.print()} disabled={!view.chart}>
              {t(CC.print)}
            </button>
            <button
              type="button"
              className="button secondary no-print"
              onClick={() => {
                setMessage(undefined);
                setEditing(true);
              }}
            >
              {t(view.chart ? CC.edit : CC.create)}
            </button>
          </>
        )
      }
    >
      <div className="cc-page">
        <div className="no-print">
          <StatusLine view={view} />
          {message?.text.ja ? (
            <Alert tone={message.tone}>
              <p>{t(message.text)}</p>
            </Alert>
          ) : null}
        </div>
        {editing ? (
          <ChartForm
            view={view}
            onDone={(m) => {
              setMessage(m);
              setEditing(false);
            }}
          />
        ) : (
          <>
            {view.chart ? (
              <section className="card cc-confirm no-print" aria-labelledby="cc-confirm-title">
                <h2 id="cc-confirm-title" className="h2-like">
                  {t(CC.lastConfirmed)}
                </h2>
                <p>{t(CC.confirmYearly)}</p>
                <button type="button" className="button secondary" onClick={() => void confirm()} disabled={busy}>
                  {t(CC.confirmButton)}
                </button>
              </section>
            ) : null}
            <ChartDiagram view={view} />
          </>
        )}
      </div>
    </Page>
  );
}

/** A facility's chart as the prefecture and the facility's 保健所 read it. */
export function FacilityContactChartPage({ facilityId }: { facilityId: string }) {
  const { t } = useI18n();
  const q = useApiQuery('contactCharts.getOfFacility', { params: { facilityId } });
  usePrintRoot();
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Page
      title={`${t(CC.title)} — ${q.data.facility.name}`}
      lead={t(CC.leadReadOnly)}
      actions={
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t(CC.print)}
        </button>
      }
    >
      <div className="cc-page">
        <div className="no-print">
          <StatusLine view={q.data} />
        </div>
        <ChartDiagram view={q.data} />
      </div>
    </Page>
  );
}
