import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Page } from '../../app/page.tsx';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate, formatDateTime, formatFiscalYear } from '../../lib/dates.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CC } from './messages.ts';
import { ccPaths } from './paths.ts';
import './contact-chart.css';

const STATUS = { current: CC.current, outdated: CC.outdated, missing: CC.missing } as const;

/** The prefecture's (or a 保健所's) list: each facility with the state of its chart, by 保健所, paged from the server. */
export function ContactChartsListPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { search, pathname } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const hc = params.get('hc') ?? '';
  const [q, setQ] = useState(params.get('q') ?? '');
  const inspector = me.role === 'inspector';
  const healthCenters = useApiQuery('healthCenters.list', { enabled: !inspector });
  const hcs = [...(healthCenters.data?.items ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  const coverage = useApiQuery('contactCharts.coverage');
  const list = usePagedQuery('contactCharts.list', { query: { healthCenterId: hc || undefined, q: params.get('q') || undefined, limit: 50 } });
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const s = next.toString();
    navigate(`${pathname}${s ? `?${s}` : ''}`, { replace: true });
  };
  const fy = coverage.data ? formatFiscalYear(coverage.data.fiscalYear, lang) : '';

  return (
    <Page
      title={t(CC.listTitle)}
      lead={fy ? t(CC.listLead(fy)) : undefined}
      actions={
        me.role === 'pref_admin' ? (
          <Link className="button secondary" to={ccPaths.outside()}>
            {t(CC.editOutside)}
          </Link>
        ) : null
      }
    >
      {coverage.data ? (
        <p className="cc-card-figure">
          {t(CC.current)}: {t(CC.cardFigure(coverage.data.current, coverage.data.total))}
        </p>
      ) : null}
      <section className="card flush" aria-labelledby="cc-list-heading">
        <h2 id="cc-list-heading" className="sr-only">
          {t(CC.listTitle)}
        </h2>
        <form
          className="filters pad cc-list-filters"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: q.trim() });
          }}
        >
          {inspector ? null : (
            <div className="field">
              <label htmlFor="cc-hc">{t(CC.healthCenterFilter)}</label>
              <select id="cc-hc" value={hc} onChange={(e) => update({ hc: e.target.value })}>
                <option value="">{t(CC.allHealthCenters)}</option>
                {hcs.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="cc-q">{t(CC.search)}</label>
            <input id="cc-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
        </form>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.items.length === 0 ? (
          <p className="pad">{t(CC.none)}</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways; the keyboard must reach it
          <section className="table-wrap" aria-labelledby="cc-list-heading" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t(CC.colFacility)}</th>
                  <th scope="col">{t(CC.healthCenter)}</th>
                  <th scope="col">{t(CC.colStatus)}</th>
                  <th scope="col">{t(CC.lastUpdated)}</th>
                  <th scope="col">{t(CC.lastConfirmed)}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((r) => (
                  <tr key={r.facilityId}>
                    <td>
                      <Link to={ccPaths.ofFacility(r.facilityId)} aria-label={t(CC.open(r.name))}>
                        {r.name}
                      </Link>
                    </td>
                    <td>{r.healthCenterName}</td>
                    <td>
                      <span className={`cc-badge cc-badge-${r.status}`}>{t(STATUS[r.status])}</span>
                    </td>
                    <td>{r.updatedAt ? formatDateTime(r.updatedAt, lang) : '—'}</td>
                    <td>{r.confirmedOn ? formatDate(r.confirmedOn, lang, 'short') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {list.hasNextPage ? (
          <p className="pad">
            <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {t(CC.more)}
            </button>
          </p>
        ) : null}
      </section>
    </Page>
  );
}
