import { type Campaign, type CampaignStatus, routes } from '@mcr/contract';
import { campaignDateWindow } from '@mcr/domain';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { Alert, LoadError } from '../../components/feedback.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute } from '../../lib/api-client.ts';
import { formatDate, formatFiscalYear } from '../../lib/dates.ts';
import { useApiQuery, useInvalidateApi } from '../../lib/use-api.ts';
import { useDebounced } from '../../lib/use-paged-query.ts';
import { LM } from './lifecycle-messages.ts';

type Text = Localized;
type Outcome = { tone: 'success' | 'error'; text: Text; stale?: boolean } | undefined;

/** What an API refusal says: field errors by field name (without `body.`), and a message for the rest. */
function refusal(err: unknown): { fields: Record<string, Text>; text: Text; stale: boolean } {
  if (!(err instanceof ApiError)) return { fields: {}, text: M.unexpected, stale: false };
  const fields: Record<string, Text> = {};
  for (const f of err.fields) fields[f.field.replace(/^body\./, '')] ??= f.message;
  const stale = err.code === 'VERSION_CONFLICT';
  return { fields, text: stale ? LM.stale : err.text, stale };
}

/**
 * The prefecture's changes to a running survey, on its progress page: the deadlines, one facility's extension,
 * closing, reopening and archiving (each with a confirmation where it takes something away).
 */
export function CampaignSettings({ campaign }: { campaign: Campaign }) {
  const { t, lang } = useI18n();
  const invalidate = useInvalidateApi();
  const status: CampaignStatus = campaign.status ?? 'open';
  const version = campaign.version ?? 0;
  const archived = status === 'archived';
  const refresh = async () => {
    await Promise.all([invalidate('campaigns.progress'), invalidate('campaigns.list'), invalidate('campaigns.extensions'), invalidate('campaigns.get')]);
  };

  // Deadlines
  const [deadline, setDeadline] = useState(campaign.deadline);
  const [deadline2, setDeadline2] = useState(campaign.roundDeadlines['2'] ?? '');
  const [deadline3, setDeadline3] = useState(campaign.roundDeadlines['3'] ?? '');
  const [deadlineErrors, setDeadlineErrors] = useState<Record<string, Text>>({});
  const [deadlineOutcome, setDeadlineOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState<string | undefined>();
  const window = campaignDateWindow(campaign.fiscalYear);

  const saveDeadlines = async () => {
    setBusy('deadlines');
    setDeadlineErrors({});
    setDeadlineOutcome(undefined);
    try {
      await callRoute(routes['campaigns.updateDeadlines'], {
        params: { campaignId: campaign.id },
        body: {
          expectedVersion: version,
          deadline,
          roundDeadlines: { ...(deadline2 ? { '2': deadline2 } : {}), ...(deadline3 ? { '3': deadline3 } : {}) },
        },
      });
      await refresh();
      setDeadlineOutcome({ tone: 'success', text: LM.deadlinesSaved });
    } catch (err) {
      const r = refusal(err);
      setDeadlineErrors(r.fields);
      setDeadlineOutcome({ tone: 'error', text: r.text, stale: r.stale });
    } finally {
      setBusy(undefined);
    }
  };

  // Status
  const [confirm, setConfirm] = useState<'closed' | 'archived' | undefined>();
  const [statusOutcome, setStatusOutcome] = useState<Outcome>();
  const setStatus = async (to: CampaignStatus) => {
    setBusy('status');
    setStatusOutcome(undefined);
    try {
      await callRoute(routes['campaigns.setStatus'], { params: { campaignId: campaign.id }, body: { expectedVersion: version, status: to } });
      await refresh();
      setStatusOutcome({ tone: 'success', text: LM.statusChanged[to] });
    } catch (err) {
      const r = refusal(err);
      setStatusOutcome({ tone: 'error', text: r.text, stale: r.stale });
    } finally {
      setBusy(undefined);
      setConfirm(undefined);
    }
  };

  const outcome = (o: Outcome, testId: string) =>
    o ? (
      <Alert tone={o.tone}>
        <p data-testid={testId}>{t(o.text)}</p>
        {o.stale ? (
          <p>
            <button type="button" className="button secondary small" onClick={() => void refresh()}>
              {t(LM.reload)}
            </button>
          </p>
        ) : null}
      </Alert>
    ) : null;

  return (
    <section className="card" aria-labelledby="lifecycle-heading" data-testid="campaign-settings">
      <h2 id="lifecycle-heading">
        {t(LM.heading)}{' '}
        <span className={`badge campaign-status-${status}`} data-testid="campaign-status">
          {t(LM.statusLabel[status])}
        </span>
      </h2>
      <p className="muted">{t(LM.statusLead[status])}</p>

      <div className="lifecycle-actions">
        {status === 'open' ? (
          <button type="button" className="button danger" onClick={() => setConfirm('closed')} disabled={busy !== undefined}>
            {t(LM.close)}
          </button>
        ) : null}
        {status === 'closed' ? (
          <>
            <button type="button" className="button secondary" onClick={() => void setStatus('open')} disabled={busy !== undefined}>
              {t(LM.reopen)}
            </button>
            <button type="button" className="button danger" onClick={() => setConfirm('archived')} disabled={busy !== undefined}>
              {t(LM.archive)}
            </button>
          </>
        ) : null}
        {archived ? (
          <button type="button" className="button secondary" onClick={() => void setStatus('closed')} disabled={busy !== undefined}>
            {t(LM.unarchive)}
          </button>
        ) : null}
      </div>
      {outcome(statusOutcome, 'status-outcome')}
      <ConfirmDialog
        open={confirm === 'closed'}
        id="close-campaign"
        title={t(LM.closeTitle)}
        confirmText={t(LM.close)}
        busy={busy === 'status'}
        danger
        onConfirm={() => void setStatus('closed')}
        onClose={() => setConfirm(undefined)}
      >
        <p>{t(LM.closeBody)}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'archived'}
        id="archive-campaign"
        title={t(LM.archiveTitle)}
        confirmText={t(LM.archive)}
        busy={busy === 'status'}
        danger
        onConfirm={() => void setStatus('archived')}
        onClose={() => setConfirm(undefined)}
      >
        <p>{t(LM.archiveBody)}</p>
      </ConfirmDialog>

      {archived ? null : (
        <>
          <fieldset className="target-fieldset">
            <legend>{t(LM.deadlinesLegend)}</legend>
            <p className="hint">{t(LM.window(formatFiscalYear(campaign.fiscalYear, lang), formatDate(window.latestDeadline, lang)))}</p>
            <div className="date-pair">
              <DateInput
                id="edit-deadline"
                label={t(LM.deadline1)}
                required
                value={deadline}
                max={window.latestDeadline}
                error={deadlineErrors.deadline ? t(deadlineErrors.deadline) : undefined}
                onChange={setDeadline}
              />
              <DateInput
                id="edit-deadline-2"
                label={t(LM.deadline2)}
                value={deadline2}
                max={window.latestDeadline}
                error={deadlineErrors['roundDeadlines.2'] ? t(deadlineErrors['roundDeadlines.2']) : undefined}
                onChange={setDeadline2}
              />
              <DateInput
                id="edit-deadline-3"
                label={t(LM.deadline3)}
                value={deadline3}
                max={window.latestDeadline}
                disabled={!deadline2 && !deadline3}
                error={deadlineErrors['roundDeadlines.3'] ? t(deadlineErrors['roundDeadlines.3']) : undefined}
                onChange={setDeadline3}
              />
            </div>
            <p>
              <button type="button" className="button primary" onClick={() => void saveDeadlines()} disabled={busy !== undefined || !deadline}>
                {busy === 'deadlines' ? t(M.working) : t(LM.saveDeadlines)}
              </button>
            </p>
            {outcome(deadlineOutcome, 'deadlines-outcome')}
          </fieldset>
          <Extensions campaign={campaign} latest={window.latestDeadline} onChanged={refresh} />
        </>
      )}
    </section>
  );
}

function Extensions({ campaign, latest, onChanged }: { campaign: Campaign; latest: string; onChanged(): Promise<void> }) {
  const { t, lang } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [picked, setPicked] = useState<{ id: string; name: string } | undefined>();
  const [extendedTo, setExtendedTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, Text>>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [withdraw, setWithdraw] = useState<{ facilityId: string; facilityName: string; version: number } | undefined>();
  const matches = useApiQuery('campaigns.rows', { params: { campaignId: campaign.id }, query: { q, limit: 8 }, enabled: q.length > 0 && !picked });
  const list = useApiQuery('campaigns.extensions', { params: { campaignId: campaign.id } });
  const current = list.data?.items ?? [];

  const extend = async () => {
    if (!picked) {
      setErrors({ facility: LM.chooseFacility });
      return;
    }
    setBusy(true);
    setErrors({});
    setOutcome(undefined);
    try {
      const existing = current.find((e) => e.facilityId === picked.id);
      const saved = await callRoute(routes['campaigns.extend'], {
        params: { campaignId: campaign.id, facilityId: picked.id },
        body: { expectedVersion: existing?.version ?? 0, extendedTo, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      await onChanged();
      setOutcome({ tone: 'success', text: LM.extended(saved.facilityName, formatDate(saved.extendedTo, lang)) });
      setPicked(undefined);
      setSearch('');
      setExtendedTo('');
      setReason('');
    } catch (err) {
      const r = refusal(err);
      setErrors(r.fields);
      setOutcome({ tone: 'error', text: r.text, stale: r.stale });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!withdraw) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      await callRoute(routes['campaigns.removeExtension'], {
        params: { campaignId: campaign.id, facilityId: withdraw.facilityId },
        query: { expectedVersion: String(withdraw.version) },
      });
      await onChanged();
      setOutcome({ tone: 'success', text: LM.withdrawn });
    } catch (err) {
      setOutcome({ tone: 'error', text: refusal(err).text });
    } finally {
      setBusy(false);
      setWithdraw(undefined);
    }
  };

  return (
    <fieldset className="target-fieldset" data-testid="extensions">
      <legend>{t(LM.extendLegend)}</legend>
      <p className="hint">{t(LM.extendHint)}</p>
      <div className="field">
        <label htmlFor="extend-facility">{t(LM.facilitySearch)}</label>
        <input
          id="extend-facility"
          type="search"
          autoComplete="off"
          value={picked ? picked.name : search}
          aria-invalid={errors.facility ? true : undefined}
          aria-describedby={errors.facility ? 'extend-facility-error' : undefined}
          onChange={(e) => {
            setPicked(undefined);
            setSearch(e.target.value);
          }}
        />
        {errors.facility ? (
          <p id="extend-facility-error" className="field-error">
            {t(errors.facility)}
          </p>
        ) : null}
      </div>
      {picked ? (
        <p role="status" data-testid="extend-picked">
          {t(LM.picked(picked.name))}
        </p>
      ) : q && matches.data ? (
        matches.data.items.length === 0 ? (
          <p className="muted">{t(LM.noMatch)}</p>
        ) : (
          <ul className="pick-list" aria-label={t(LM.facilitySearch)}>
            {matches.data.items.map((r) => (
              <li key={r.facilityId}>
                <button type="button" className="button secondary small" onClick={() => setPicked({ id: r.facilityId, name: r.facilityName })}>
                  {t(LM.pick)}
                </button>{' '}
                {r.facilityName} <span className="muted">{r.medicalInstitutionCode}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <div className="date-pair">
        <DateInput
          id="extend-to"
          label={t(LM.extendedTo)}
          required
          value={extendedTo}
          min={campaign.deadline}
          max={latest}
          error={errors.extendedTo ? t(errors.extendedTo) : undefined}
          onChange={setExtendedTo}
        />
        <div className="field">
          <label htmlFor="extend-reason">{t(LM.reason)}</label>
          <input id="extend-reason" type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </div>
      <p>
        <button type="button" className="button primary" onClick={() => void extend()} disabled={busy || !extendedTo}>
          {busy ? t(M.working) : t(LM.extend)}
        </button>
      </p>
      {outcome ? (
        <Alert tone={outcome.tone}>
          <p data-testid="extension-outcome">{t(outcome.text)}</p>
        </Alert>
      ) : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {current.length === 0 ? (
        <p className="muted">{t(LM.noExtensions)}</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact-table">
            <caption>{t(LM.extensionsCaption)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(LM.colFacility)}</th>
                <th scope="col">{t(LM.extendedTo)}</th>
                <th scope="col">{t(LM.colReason)}</th>
                <th scope="col">
                  <span className="sr-only">{t(LM.withdraw)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {current.map((e) => (
                <tr key={e.facilityId} data-testid={`extension-${e.facilityId}`}>
                  <th scope="row">{e.facilityName}</th>
                  <td>{formatDate(e.extendedTo, lang)}</td>
                  <td>{e.reason ?? '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={`${e.facilityName} — ${t(LM.withdraw)}`}
                      onClick={() => setWithdraw({ facilityId: e.facilityId, facilityName: e.facilityName, version: e.version })}
                    >
                      {t(LM.withdraw)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={withdraw !== undefined}
        id="withdraw-extension"
        title={withdraw ? t(LM.withdrawTitle(withdraw.facilityName)) : ''}
        confirmText={t(LM.withdraw)}
        busy={busy}
        danger
        onConfirm={() => void remove()}
        onClose={() => setWithdraw(undefined)}
      >
        <p>{t(LM.withdrawBody(formatDate(campaign.deadline, lang)))}</p>
      </ConfirmDialog>
    </fieldset>
  );
}
