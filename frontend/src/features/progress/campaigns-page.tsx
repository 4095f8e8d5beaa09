import { useRef, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { roundDeadlines } from '../../components/deadlines.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { formatFiscalYear } from '../../i18n/format.ts';
import { formatDate } from '../../lib/dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { asLoaded, useApiQuery, useInvalidateApi } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CampaignCreationProgress } from './campaign-creation.tsx';
import { CM } from './creation-messages.ts';
import { NewCampaignForm } from './new-campaign-form.tsx';
import { LM } from './lifecycle-messages.ts'; // campaign-lifecycle
import { V } from '../vendors/vendor-messages.ts';
import { BM } from '../bcp/bcp-messages.ts'; // bcp

/** Prefecture / 保健所 home: the surveys, newest first. */
export function CampaignsPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  // campaign-lifecycle: archived surveys only when asked for.
  const [showArchived, setShowArchived] = useState(false);
  const [campaigns, reload] = asLoaded(useApiQuery('campaigns.list', { query: showArchived ? { archived: 'true' } : {} }));
  const invalidate = useInvalidateApi();
  const [creating, setCreating] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const canCreate = me.role === 'pref_admin';
  const close = () => {
    setCreating(false);
    toggle.current?.focus();
  };
  return (
    <Page
      title={t(M.campaignsTitle)}
      lead={t(M.campaignsLead)}
      actions={
        canCreate ? (
          <button
            ref={toggle}
            type="button"
            className="button primary"
            aria-expanded={creating}
            aria-controls="new-campaign"
            onClick={() => (creating ? close() : setCreating(true))}
          >
            <span aria-hidden="true">＋ </span>
            {t(M.newCampaign)}
          </button>
        ) : undefined
      }
    >
      {canCreate && creating ? <NewCampaignForm onCancel={close} /> : null}
      {/* campaign-lifecycle:begin */}
      <p className="field checkbox-field">
        <label className="choice-line">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="show-archived" />
          <span>{t(LM.showArchived)}</span>
        </label>
      </p>
      {/* campaign-lifecycle:end */}
      {campaigns.state === 'loading' ? <Loading /> : null}
      {campaigns.state === 'error' ? <LoadError error={campaigns.error} onRetry={reload} /> : null}
      {campaigns.state === 'ok' && campaigns.data.items.length === 0 ? <p className="card empty">{t(M.campaignsEmpty)}</p> : null}
      {campaigns.state === 'ok' && campaigns.data.items.length > 0 ? (
        <div className="table-wrap card flush">
          <table className="table">
            <caption className="sr-only">{t(M.campaignsTitle)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(M.campaignTitle)}</th>
                <th scope="col">{t(V.colForm)}</th>
                <th scope="col">{t(M.fiscalYear)}</th>
                <th scope="col">{t(M.opensOn)}</th>
                <th scope="col">{t(M.deadline)}</th>
                <th scope="col">
                  <span className="sr-only">{t(M.viewDashboard)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...campaigns.data.items]
                .sort((a, b) => b.opensOn.localeCompare(a.opensOn))
                .map((c) => (
                  <tr key={c.id} data-testid={`campaign-row-${c.id}`}>
                    <th scope="row">
                      {c.form !== 'vendor' ? (
                        <Link to={paths.progress(c.id)}>{t(c.title)}</Link>
                      ) : canCreate ? (
                        <Link to={paths.vendorProgress(c.id)}>{t(c.title)}</Link>
                      ) : (
                        t(c.title)
                      )}
                      {c.status && c.status !== 'open' ? (
                        <span className={`badge campaign-status-${c.status}`} data-testid={`campaign-status-${c.id}`}>
                          {t(LM.statusLabel[c.status])}
                        </span>
                      ) : null}
                      {c.creation && c.creation.status !== 'done' ? (
                        <>
                          <span className={c.creation.status === 'failed' ? 'badge unverified' : 'badge'}>
                            {t(c.creation.status === 'failed' ? CM.failedBadge : CM.creatingBadge)}
                          </span>
                          <CampaignCreationProgress campaign={c} compact onDone={() => void invalidate('campaigns.list')} />
                        </>
                      ) : null}
                    </th>
                    <td className="nowrap">{t(c.form === 'vendor' ? V.formVendor : c.form === 'bcp' ? BM.formLabel : V.formFacility)}</td>
                    <td>{formatFiscalYear(c.fiscalYear, lang)}</td>
                    <td>{formatDate(c.opensOn, lang, 'short')}</td>
                    <td>
                      {formatDate(c.deadline, lang, 'short')}
                      {roundDeadlines(c)
                        .slice(1)
                        .map((d) => (
                          <span key={d.round} className="row-sub">
                            {t(M.round(d.round))} {formatDate(d.date, lang, 'short')}
                          </span>
                        ))}
                    </td>
                    <td>
                      {c.form === 'vendor' ? null : (
                        <Link to={paths.dashboard(c.id)} data-testid={`campaign-dashboard-${c.id}`} aria-label={`${t(c.title)} — ${t(M.viewDashboard)}`}>
                          {t(M.viewDashboard)}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
