import { FACILITY_KIND_LABELS } from '@mcr/contract';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { Readiness } from '../../components/readiness.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { formatCount } from '../../lib/text.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { D } from './dashboard-messages.ts';
import { drillTo } from './drill.ts';

const SHOWN = 10;

const LISTS = {
  overdue: { title: D.overdueList, lead: D.overdueListLead, none: D.overdueListNone, testId: 'overdue-list' },
  missingFirst: { title: D.missingList, lead: D.missingListLead, none: D.missingListNone, testId: 'missing-first-list' },
} as const;

/**
 * The facilities with a いいえ past its 目標日, or with 1回目 answers without a date: the weakest first (the first
 * page of the rows route), each opening its answers, and a link to the whole filtered table.
 */
export function FollowUpList({ campaignId, total, which }: { campaignId: string; total: number; which: keyof typeof LISTS }) {
  const { t, lang } = useI18n();
  const list = LISTS[which];
  const filter = which === 'overdue' ? { overdue: 'true' as const } : { missingFirst: 'true' as const };
  const q = useApiQuery('campaigns.rows', {
    params: { campaignId },
    query: { ...filter, sort: 'score', dir: 'asc', limit: SHOWN },
    enabled: total > 0,
  });
  const id = `${list.testId}-heading`;
  return (
    <section className={`card dash-section${which === 'overdue' ? ' print-break' : ''}`} aria-labelledby={id} data-testid={list.testId}>
      <h2 id={id}>{t(list.title)}</h2>
      {total === 0 ? <p>{t(list.none)}</p> : <p className="hint">{t(list.lead)}</p>}
      {total > 0 && q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {total > 0 && q.data && q.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table compact-table">
            <caption className="sr-only">{t(list.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(M.colFacility)}</th>
                <th scope="col">{t(M.colKind)}</th>
                <th scope="col">{t(M.colHealthCenter)}</th>
                <th scope="col" className="num">
                  {t(M.colScore)}
                </th>
                {which === 'overdue' ? (
                  <th scope="col">{t(D.overdueSince)}</th>
                ) : (
                  <th scope="col" className="num">
                    {t(D.colMissingDates)}
                  </th>
                )}
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
                    <Readiness status={r.status} score={r.score} level={r.level} />
                  </td>
                  {which === 'overdue' ? (
                    <td>{r.earliestOpenTarget ? formatDate(r.earliestOpenTarget, lang) : '—'}</td>
                  ) : (
                    <td className="num">{formatCount(r.missingFirstDates)}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > SHOWN ? (
        <p className="no-print">
          <Link to={drillTo(campaignId, { ...(which === 'overdue' ? { overdue: true } : { missingFirst: true }), sort: 'score', dir: 'asc' })}>
            {t(D.seeAll(total))}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
