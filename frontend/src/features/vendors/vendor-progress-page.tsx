import { RESPONSE_STATUSES, type ResponseStatus } from '@mcr/contract';
import { useEffect, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link, navigate } from '../../app/router.tsx';
import { DeadlineSummary } from '../../components/deadlines.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDateTime, formatFiscalYear } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { clearFlash, peekFlash } from '../../lib/flash.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { createdFlashKey } from '../progress/new-campaign-form.tsx';
import { V } from './vendor-messages.ts';
import './vendors.css';

const PAGE = 50;

/**
 * `/campaigns/:campaignId/vendors`: a vendor-form survey across its vendors — counts by status and the vendors as
 * a server-paged table; a row opens the vendor's response (read-only for the prefecture, with 確認 / 差戻し).
 */
export function VendorProgressPage({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<ResponseStatus | ''>('');
  // 「N 施設と契約している事業者に配布しました」 after creating the survey: shown on this visit only.
  const [created] = useState(() => peekFlash(createdFlashKey(campaignId)));
  useEffect(() => clearFlash(createdFlashKey(campaignId)), [campaignId]);
  const rows = usePagedQuery('campaigns.vendors', { params: { campaignId }, query: { status: status || undefined, limit: PAGE } });
  // The first page of the unfiltered list carries the counts; a filtered one carries them too.
  const first = rows.pages[0];
  if (rows.isPending && !first) return <Loading />;
  if (rows.isError && !first) return <LoadError error={rows.error} onRetry={() => void rows.refetch()} />;
  if (!first) return <Loading />;
  const { campaign, counts } = first;
  const total = Math.max(counts.total, 1);
  const known = status ? counts.byStatus[status] : counts.total;
  return (
    <Page
      title={`${t(campaign.title)} — ${t(V.progressTitle)}`}
      lead={
        <>
          {t(V.formVendor)} ・ {formatFiscalYear(campaign.fiscalYear, lang)} ・ <DeadlineSummary campaign={campaign} />
        </>
      }
    >
      <p className="back">
        <Link to={paths.home()}>← {t(V.progressBack)}</Link>
      </p>
      {created ? (
        <Alert tone="success">
          <p data-testid="campaign-created">{t(created)}</p>
        </Alert>
      ) : null}
      <section className="card" aria-labelledby="vendor-totals-heading">
        <h2 id="vendor-totals-heading">
          {t(V.byStatus)} <span className="muted">（{t(V.progressTotals(counts.total))}）</span>
        </h2>
        <div className="stack-bar" aria-hidden="true">
          {RESPONSE_STATUSES.map((s) => {
            const k = counts.byStatus[s] ?? 0;
            return k > 0 ? <span key={s} className={`seg status-${s}`} style={{ width: `${(k / total) * 100}%` }} /> : null;
          })}
        </div>
        <ul className="counters">
          {RESPONSE_STATUSES.map((s) => (
            <li key={s} data-testid={`vendor-total-${s}`}>
              <span className={`dot status-${s}`} aria-hidden="true" />
              <span className="counter-label">{t(M.status[s])}</span>
              <span className="counter-value">{t(V.vendorsN(counts.byStatus[s] ?? 0))}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="card flush" aria-labelledby="vendor-rows-heading">
        <h2 id="vendor-rows-heading" className="pad">
          {t(V.colVendor)}
        </h2>
        <div className="filters pad">
          <div className="field">
            <label htmlFor="vendor-filter-status">{t(V.filterStatus)}</label>
            <select id="vendor-filter-status" value={status} onChange={(e) => setStatus(e.target.value as ResponseStatus | '')}>
              <option value="">{t(V.filterAll)}</option>
              {RESPONSE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(M.status[s])}（{counts.byStatus[s] ?? 0}）
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="pad muted" role="status" data-testid="vendor-rows-count">
          {rows.isFetching && !rows.isFetchingNextPage ? t(V.loading) : t(V.vendorsShown(rows.items.length, known))}
        </p>
        {rows.isError ? (
          <div className="pad">
            <LoadError error={rows.error} onRetry={() => void rows.refetch()} />
          </div>
        ) : null}
        <div className="table-wrap" aria-busy={rows.isFetching}>
          <table className="table">
            <caption className="sr-only">{t(V.progressTitle)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(V.colVendor)}</th>
                <th scope="col">{t(V.colStatus)}</th>
                <th scope="col">{t(V.colFacilities)}</th>
                <th scope="col">{t(V.colProfiles)}</th>
                <th scope="col">{t(V.colSubmitted)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.items.map((r) => {
                const to = paths.vendorResponse(campaignId, r.vendorId);
                return (
                  <tr key={r.vendorId} data-testid={`vendor-progress-${r.vendorId}`} className="clickable" onClick={() => navigate(to)}>
                    <th scope="row">
                      <Link to={to} onClick={(e) => e.stopPropagation()}>
                        {r.vendorName}
                      </Link>
                    </th>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                    <td>{t(V.facilitiesN(r.facilityCount))}</td>
                    <td>{t(V.profilesN(r.profileCount))}</td>
                    <td>{r.lastSubmittedAt ? formatDateTime(r.lastSubmittedAt, lang) : t(M.never)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {!rows.isFetching && rows.items.length === 0 ? <p className="pad">{t(V.noVendors)}</p> : null}
        {rows.hasNextPage ? (
          <p className="pad">
            <button type="button" className="button secondary" onClick={() => void rows.fetchNextPage()} disabled={rows.isFetchingNextPage}>
              {rows.isFetchingNextPage ? t(V.loading) : t(V.loadMore)}
            </button>
          </p>
        ) : null}
      </section>
    </Page>
  );
}
