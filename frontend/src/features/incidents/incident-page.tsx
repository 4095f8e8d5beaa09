import { CARE_IMPACT_LABELS, type CareImpact, INCIDENT_CONTACTED_LABELS, type IncidentContacted, type IncidentDetail, routes } from '@mcr/contract';
import { type FormEvent, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { clearFlash, peekFlash } from '../../lib/flash.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CareImpactField, ContactedFields } from './incident-fields.tsx';
import { IM } from './messages.ts';
import './incidents.css';

type Notice = { tone: 'success' | 'error' | 'warning'; text: Localized };
const errorText = (err: unknown): Localized =>
  err instanceof ApiError
    ? (err.fields[0]?.message ?? err.text)
    : { ja: '保存できませんでした。もう一度お試しください。', en: 'Could not save. Please try again.' };

function Summary({ d }: { d: IncidentDetail }) {
  const { t, lang } = useI18n();
  const r = d.report;
  return (
    <section className="card incident-summary" aria-labelledby="incident-summary-heading">
      <h2 id="incident-summary-heading">{t(IM.summary)}</h2>
      <p className="incident-description" data-testid="incident-description">
        {r.description}
      </p>
      <dl className="incident-facts">
        <dt>{t(IM.noticedAt)}</dt>
        <dd>{formatDateTime(r.noticedAt, lang)}</dd>
        <dt>{t(IM.impact)}</dt>
        <dd>
          <span className={`impact impact-${r.careImpact}`} data-testid="incident-impact">
            {t(CARE_IMPACT_LABELS[r.careImpact])}
          </span>
        </dd>
        <dt>{t(IM.systems)}</dt>
        <dd>{r.systems.join('、') || t(IM.none_)}</dd>
        <dt>{t(IM.vendors)}</dt>
        <dd>{r.vendors.map((v) => v.vendorName).join('、') || t(IM.none_)}</dd>
        <dt>{t(IM.contacted)}</dt>
        <dd>
          {r.contacted.map((c) => t(INCIDENT_CONTACTED_LABELS[c])).join('、') || t(IM.none_)}
          {r.contactedOther ? ` (${r.contactedOther})` : ''}
        </dd>
        <dt>{t(IM.reportedBy)}</dt>
        <dd>
          {r.reportedBy.name} — {r.facilityName}（{r.healthCenterName}）
        </dd>
        <dt>{t(IM.reportedAt)}</dt>
        <dd>{formatDateTime(r.reportedAt, lang)}</dd>
      </dl>
    </section>
  );
}

function Timeline({ d, onPosted }: { d: IncidentDetail; onPosted(n: Notice): void }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<Localized | undefined>();
  const [busy, setBusy] = useState(false);
  const post = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError({ ja: '書き込む内容を入力してください', en: 'Write something first' });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await callRoute(routes['incidents.post'], { params: { incidentId: d.report.incidentId }, body: { text: text.trim() } });
      setText('');
      onPosted({ tone: 'success', text: IM.posted });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const stepName = new Map(d.steps.map((s) => [s.id, `${s.number} ${t(s.title)}`]));
  return (
    <section className="card incident-timeline" aria-labelledby="incident-timeline-heading">
      <h2 id="incident-timeline-heading">{t(IM.timeline)}</h2>
      <p className="hint">{t(IM.timelineLead)}</p>
      <ol className="timeline" data-testid="incident-timeline">
        {d.timeline.map((e) => (
          <li key={e.entryId} className={`tl-entry tl-${e.side} tl-kind-${e.kind}`} data-testid="timeline-entry">
            <p className="tl-head">
              <span className={`badge tl-side-${e.side}`}>{t(IM.side[e.side])}</span> <strong>{e.authorName}</strong>{' '}
              <span className="muted">
                {e.authorOrg} · {formatDateTime(e.at, lang)} · {t(IM.kind[e.kind])}
              </span>
            </p>
            {e.kind === 'step' ? (
              <p className="tl-text">
                {e.done ? '✓ ' : '↺ '}
                {(e.stepId && stepName.get(e.stepId)) || e.text} ({t(e.done ? IM.stepDone : IM.stepUndone)})
              </p>
            ) : e.text ? (
              <p className="tl-text">{e.text}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {d.can.post ? (
        <form onSubmit={(e) => void post(e)} className="incident-post" noValidate>
          <div className="field">
            <label htmlFor="incident-post-text">{t(IM.write)}</label>
            <textarea
              id="incident-post-text"
              rows={3}
              maxLength={2000}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`incident-post-hint${error ? ' incident-post-error' : ''}`}
            />
            <p id="incident-post-hint" className="hint">
              {t(IM.writeHint)}
            </p>
            {error ? (
              <p id="incident-post-error" className="field-error">
                {t(error)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {t(IM.post)}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function Steps({ d, onNotice }: { d: IncidentDetail; onNotice(n: Notice): void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<string | undefined>();
  // The tick shows at once; the report read back after the write (a new version) takes over.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  // A new version read back clears the pending ticks (state reset on a changed prop, during render).
  const [pendingFor, setPendingFor] = useState(d.report.version);
  if (pendingFor !== d.report.version) {
    setPendingFor(d.report.version);
    setPending({});
  }
  const tick = async (stepId: string, done: boolean) => {
    setBusy(stepId);
    setPending((p) => ({ ...p, [stepId]: done }));
    try {
      await callRoute(routes['incidents.tick'], { params: { incidentId: d.report.incidentId, stepId }, body: { done } });
    } catch (err) {
      setPending((p) => {
        const { [stepId]: _dropped, ...rest } = p;
        return rest;
      });
      onNotice({ tone: 'warning', text: errorText(err) });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className="card incident-steps" aria-labelledby="incident-steps-heading">
      <h2 id="incident-steps-heading">{t(IM.steps)}</h2>
      <p className="hint">{d.can.tick ? t(IM.stepsLead) : t(IM.stepsReadOnly)}</p>
      <ul className="step-list" data-testid="incident-steps">
        {d.steps.map((s) => {
          const state = d.report.steps[s.id];
          const id = `step-${s.id}`;
          return (
            <li key={s.id} className={state?.done ? 'step-done' : undefined}>
              <input
                id={id}
                type="checkbox"
                checked={pending[s.id] ?? state?.done ?? false}
                disabled={!d.can.tick || busy === s.id}
                onChange={(e) => void tick(s.id, e.target.checked)}
                aria-describedby={`${id}-text`}
              />
              <label htmlFor={id}>
                <span className="step-number">{s.number}</span> {t(s.title)}
              </label>
              <p id={`${id}-text`} className="hint">
                {t(s.text)}
                {state?.done ? ` — ${t(IM.stepBy(state.byName, formatDateTime(state.at, lang)))}` : ''}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function WhomToCall({ d }: { d: IncidentDetail }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const own = me.role === 'facility_admin' || me.role === 'facility_member';
  return (
    <section className="card incident-whom" aria-labelledby="incident-whom-heading">
      <h2 id="incident-whom-heading">{t(IM.whom)}</h2>
      <p>{t(IM.whomLead)}</p>
      <p>
        <Link to={own ? '/contact-chart' : `/facilities/${encodeURIComponent(d.report.facilityId)}/contact-chart`} className="button secondary">
          {own ? t(IM.contactChart) : t(IM.facilityChart)}
        </Link>
      </p>
    </section>
  );
}

function UpdateForm({ d, onNotice }: { d: IncidentDetail; onNotice(n: Notice): void }) {
  const { t } = useI18n();
  const r = d.report;
  const [careImpact, setCareImpact] = useState<CareImpact>(r.careImpact);
  const [contacted, setContacted] = useState<IncidentContacted[]>(r.contacted);
  const [contactedOther, setContactedOther] = useState(r.contactedOther);
  const [busy, setBusy] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await callRoute(routes['incidents.update'], {
        params: { incidentId: r.incidentId },
        body: { systems: r.systems, vendorIds: r.vendors.map((v) => v.vendorId), contacted, contactedOther, careImpact, expectedVersion: r.version },
      });
      onNotice({ tone: 'success', text: IM.updated });
    } catch (err) {
      onNotice({ tone: 'warning', text: err instanceof ApiError && err.status === 409 ? IM.conflict : errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="card incident-update">
      <summary>{t(IM.update)}</summary>
      <form onSubmit={(e) => void save(e)} noValidate>
        <CareImpactField idPrefix="update" value={careImpact} onChange={setCareImpact} />
        <ContactedFields idPrefix="update" contacted={contacted} onContacted={setContacted} other={contactedOther} onOther={setContactedOther} />
        <button type="submit" className="button primary" disabled={busy}>
          {t(IM.updateSave)}
        </button>
      </form>
    </details>
  );
}

function CloseForm({ d, onNotice }: { d: IncidentDetail; onNotice(n: Notice): void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const facility = me.role === 'facility_admin' || me.role === 'facility_member';
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Localized | undefined>();
  const [busy, setBusy] = useState(false);
  const close = async (e: FormEvent) => {
    e.preventDefault();
    if (facility && !reason.trim()) {
      setError({ ja: '終了の理由を入力してください', en: 'Give a reason for closing' });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await callRoute(routes['incidents.close'], {
        params: { incidentId: d.report.incidentId },
        body: { reason: reason.trim(), expectedVersion: d.report.version },
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onNotice({ tone: 'warning', text: IM.conflict });
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="card incident-close">
      <summary>{t(IM.close)}</summary>
      <form onSubmit={(e) => void close(e)} noValidate>
        <div className="field">
          <label htmlFor="incident-close-reason">{t(IM.closeReason)}</label>
          <textarea
            id="incident-close-reason"
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`incident-close-hint${error ? ' incident-close-error' : ''}`}
          />
          <p id="incident-close-hint" className="hint">
            {t(facility ? IM.closeReasonHintFacility : IM.closeReasonHintPref)}
          </p>
          {error ? (
            <p id="incident-close-error" className="field-error">
              {t(error)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button secondary" disabled={busy}>
          {t(IM.closeConfirm)}
        </button>
      </form>
    </details>
  );
}

/** `/incidents/:incidentId`: the report, its timeline with the reply form, the 初動対応 checklist and whom to call. */
export function IncidentPage({ incidentId }: { incidentId: string }) {
  const { t, lang } = useI18n();
  const q = useApiQuery('incidents.get', { params: { incidentId } });
  const [notice, setNotice] = useState<Notice | undefined>(() => {
    const f = peekFlash('incident');
    clearFlash('incident');
    return f ? { tone: 'success', text: f } : undefined;
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const r = d.report;
  return (
    <Page
      title={t(IM.reportTitle(r.facilityName))}
      lead={
        <>
          <span className={`badge incident-${r.status}`} data-testid="incident-status">
            {t(IM.status[r.status])}
          </span>{' '}
          <Link to={paths.incidents()}>{t(IM.listTitle)}</Link>
        </>
      }
    >
      {notice ? <Alert tone={notice.tone}>{t(notice.text)}</Alert> : null}
      {r.status === 'closed' ? (
        <Alert tone="info" title={t(IM.closedAt(r.closedAt ? formatDateTime(r.closedAt, lang) : ''))}>
          {r.closeReason ? <p>{r.closeReason}</p> : null}
          <p>{t(IM.closedNote)}</p>
        </Alert>
      ) : null}
      <div className="incident-layout">
        <div className="incident-main">
          <Summary d={d} />
          <Timeline d={d} onPosted={setNotice} />
        </div>
        <div className="incident-side">
          {r.status === 'open' || Object.keys(r.steps).length ? <Steps d={d} onNotice={setNotice} /> : null}
          <WhomToCall d={d} />
          {d.can.edit ? <UpdateForm key={r.version} d={d} onNotice={setNotice} /> : null}
          {d.can.close ? <CloseForm d={d} onNotice={setNotice} /> : null}
        </div>
      </div>
    </Page>
  );
}
