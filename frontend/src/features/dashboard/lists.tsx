import { FACILITY_KIND_LABELS } from '@mcr/contract';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { LevelBadge, ScoreText } from '../../components/readiness.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { D } from './dashboard-messages.ts';
import { drillTo } from './drill.ts';

const SHOWN = 10;

/** The facilities with a いいえ past its 目標日, weakest first (first page of the rows route), each opening its answers. */
export function OverdueList({ campaignId, total }: { campaignId: string; total: number }) {
  const { t, lang } = useI18n();
  const q = useApiQuery('campaigns.rows', {
    params: { campaignId },
    query: { overdue: 'true', sort: 'score', dir: 'asc', limit: SHOWN },
    enabled: total > 0,
  });
  return (
    <section className="card dash-section print-break" aria-labelledby="overdue-heading" data-testid="overdue-list">
      <h2 id="overdue-heading">{t(D.overdueList)}</h2>
      {total === 0 ? <p>{t(D.overdueListNone)}</p> : <p className="hint">{t(D.overdueListLead)}</p>}
      {total > 0 && q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table compact-table">
            <caption className="sr-only">{t(D.overdueList)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(M.colFacility)}</th>
                <th scope="col">{t(M.colKind)}</th>
                <th scope="col">{t(M.colHealthCenter)}</th>
                <th scope="col" className="num">
                  {t(M.colScore)}
                </th>
                <th scope="col">{t(D.overdueSince)}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((r) => (
                <tr key={r.facilityId}>
                  <th scope="row">
                    <Link to={paths.response(campaignId, r.facilityId)}>{r.facilityName}</Link>
                  </th>
                  <td>{t(FACILITY_KIND_LABELS[r.kind])}</td>
                  <td>{r.healthCenterName}</td>
                  <td className="num">
                    <ScoreText score={r.score} /> <LevelBadge level={r.level} />
                  </td>
                  <td>{r.earliestOpenTarget ? formatDate(r.earliestOpenTarget, lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > SHOWN ? (
        <p className="no-print">
          <Link to={drillTo(campaignId, { overdue: true, sort: 'score', dir: 'asc' })}>{t(D.seeAll(total))}</Link>
        </p>
      ) : null}
    </section>
  );
}
