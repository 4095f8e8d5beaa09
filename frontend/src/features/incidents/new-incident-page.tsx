import { type CareImpact, type IncidentContacted, routes } from '@mcr/contract';
import { type FormEvent, useMemo, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link, navigate } from '../../app/router.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { Alert } from '../../components/feedback.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { todayInJapan } from '../../lib/dates.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { setFlash } from '../../lib/flash.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CareImpactField, ContactedFields } from './incident-fields.tsx';
import { IM } from './messages.ts';
import './incidents.css';

type Field = 'description' | 'noticedAt' | 'careImpact' | 'systems' | 'vendorIds' | 'contacted' | 'contactedOther';
const FIELD_ORDER: Field[] = ['description', 'noticedAt', 'careImpact', 'systems', 'vendorIds', 'contacted', 'contactedOther'];

/** Now in Japan, as hh:mm. */
function nowInJapan(): string {
  const jst = new Date(Date.now() + 9 * 3_600_000);
  return `${String(jst.getUTCHours()).padStart(2, '0')}:${String(jst.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * `/incidents/new`: the short form a frightened clinic director can fill in a few minutes. The time defaults to
 * now; systems and vendors come from the facility's contracts; whom it has told is a checklist.
 */
export function NewIncidentPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const facilityId = me.organisation?.id ?? '';
  const contracts = useApiQuery('contracts.list', { params: { facilityId }, enabled: !!facilityId });
  const [description, setDescription] = useState('');
  const [date, setDate] = useState(todayInJapan());
  const [time, setTime] = useState(nowInJapan);
  const [careImpact, setCareImpact] = useState<CareImpact | ''>('');
  const [systems, setSystems] = useState<string[]>([]);
  const [otherSystems, setOtherSystems] = useState('');
  const [vendorIds, setVendorIds] = useState<string[]>([]);
  const [contacted, setContacted] = useState<IncidentContacted[]>([]);
  const [contactedOther, setContactedOther] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, Localized>>>({});
  const [failure, setFailure] = useState<Localized | undefined>();
  const [busy, setBusy] = useState(false);

  const contractSystems = useMemo(() => [...new Set((contracts.data?.items ?? []).flatMap((c) => c.systems))], [contracts.data]);
  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Partial<Record<Field, Localized>> = {};
    if (!description.trim()) local.description = { ja: '何が起きたかを入力してください', en: 'Describe what happened' };
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time.trim()) || !date) local.noticedAt = IM.badTime;
    if (!careImpact) local.careImpact = { ja: '診療への影響を選んでください', en: 'Choose whether care is affected' };
    setErrors(local);
    setFailure(undefined);
    if (Object.keys(local).length) return;
    setBusy(true);
    const allSystems = [
      ...systems,
      ...otherSystems
        .split(/[、,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ];
    try {
      const created = await callRoute(routes['incidents.create'], {
        body: {
          description: description.trim(),
          noticedAt: `${date}T${time.trim()}:00+09:00`,
          systems: [...new Set(allSystems)],
          vendorIds,
          contacted,
          contactedOther: contactedOther.trim(),
          careImpact: careImpact as CareImpact,
        },
      });
      setFlash('incident', IM.sent);
      navigate(paths.incident(created.report.incidentId));
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const fromServer: Partial<Record<Field, Localized>> = {};
        for (const f of err.fields) {
          const name = f.field.replace(/^body\./, '').split(/[.[]/)[0] as Field;
          fromServer[FIELD_ORDER.includes(name) ? name : 'description'] = f.message;
        }
        setErrors(fromServer);
      } else setFailure(err instanceof ApiError ? err.text : { ja: '送信できませんでした。もう一度お試しください。', en: 'Could not send. Please try again.' });
    } finally {
      setBusy(false);
    }
  };

  const shown = FIELD_ORDER.filter((f) => errors[f]);
  return (
    <Page title={t(IM.formTitle)} lead={t(IM.formLead)}>
      <p className="incident-first">{t(IM.callFirst)}</p>
      {shown.length ? (
        <Alert tone="error" title={t(IM.fixErrors)}>
          <ul>
            {shown.map((f) => (
              <li key={f}>
                <a href={`#incident-${f}`}>{t(errors[f] as Localized)}</a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {failure ? <Alert tone="error">{t(failure)}</Alert> : null}
      <form className="card incident-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="incident-description">{t(IM.what)}</label>
          <textarea
            id="incident-description"
            rows={4}
            maxLength={4000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={`incident-description-hint${errors.description ? ' incident-description-error' : ''}`}
          />
          <p id="incident-description-hint" className="hint">
            {t(IM.whatHint)}
          </p>
          {errors.description ? (
            <p id="incident-description-error" className="field-error">
              {t(errors.description)}
            </p>
          ) : null}
        </div>
        <div className="incident-when" id="incident-noticedAt">
          <DateInput id="incident-date" label={t(IM.noticedDate)} value={date} onChange={setDate} max={todayInJapan()} required />
          <div className="field">
            <label htmlFor="incident-time">{t(IM.noticedTime)}</label>
            <input
              id="incident-time"
              inputMode="numeric"
              autoComplete="off"
              size={6}
              value={time}
              onChange={(e) => setTime(e.target.value)}
              aria-invalid={errors.noticedAt ? true : undefined}
              aria-describedby={errors.noticedAt ? 'incident-time-error' : undefined}
            />
            {errors.noticedAt ? (
              <p id="incident-time-error" className="field-error">
                {t(errors.noticedAt)}
              </p>
            ) : null}
          </div>
        </div>
        <CareImpactField idPrefix="incident" value={careImpact} onChange={setCareImpact} error={errors.careImpact} />
        <fieldset className="plain-fieldset" id="incident-systems">
          <legend>{t(IM.systems)}</legend>
          {contractSystems.map((s) => (
            <label key={s} className="choice">
              <input type="checkbox" checked={systems.includes(s)} onChange={(e) => setSystems((v) => toggle(v, s, e.target.checked))} /> {s}
            </label>
          ))}
          <div className="field">
            <label htmlFor="incident-other-systems">{t(IM.systemsOther)}</label>
            <input id="incident-other-systems" value={otherSystems} onChange={(e) => setOtherSystems(e.target.value)} />
          </div>
          {errors.systems ? <p className="field-error">{t(errors.systems)}</p> : null}
        </fieldset>
        <fieldset className="plain-fieldset" id="incident-vendorIds">
          <legend>{t(IM.vendors)}</legend>
          {contracts.isSuccess && contracts.data.items.length === 0 ? <p className="hint">{t(IM.noVendors)}</p> : null}
          {(contracts.data?.items ?? []).map((c) => (
            <label key={c.vendorId} className="choice">
              <input type="checkbox" checked={vendorIds.includes(c.vendorId)} onChange={(e) => setVendorIds((v) => toggle(v, c.vendorId, e.target.checked))} />{' '}
              {c.vendorName}
            </label>
          ))}
          {errors.vendorIds ? <p className="field-error">{t(errors.vendorIds)}</p> : null}
        </fieldset>
        <ContactedFields idPrefix="incident" contacted={contacted} onContacted={setContacted} other={contactedOther} onOther={setContactedOther} />
        <p className="incident-actions">
          <button type="submit" className="button danger big" disabled={busy}>
            {busy ? t(IM.sending) : t(IM.send)}
          </button>
          <Link to={paths.incidents()} className="button secondary">
            {t(IM.cancel)}
          </Link>
        </p>
      </form>
    </Page>
  );
}
