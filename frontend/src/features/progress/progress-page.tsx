import { type CampaignProgress, FACILITY_KIND_LABELS, type ProgressRow, RESPONSE_STATUSES, type ResponseStatus } from '@mcr/contract';
import { useEffect, useMemo, useState } from 'react';
import { getCampaignProgress } from '../../api/get-campaign-progress.ts';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { LevelBadge, ScoreText } from '../../components/readiness.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { DeadlineSummary } from '../../components/deadlines.tsx';
import { formatDateTime, formatFiscalYear } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { clearFlash, peekFlash } from '../../lib/flash.ts';
import { fold } from '../../lib/text.ts';
import { useApi } from '../../lib/use-api.ts';
import { CampaignExports } from '../exports/export-button.tsx';
import { createdFlashKey } from './new-campaign-form.tsx';

type Sort = 'none' | 'asc' | 'desc';
const PAGE = 200;

interface Filters {
  status: ResponseStatus | '';
  q: string;
  hc: string;
  sort: Sort;
}

/** Filters live in the query string, so that coming back from a facility keeps them. */
function readFilters(): Filters {
  const p = new URLSearchParams(location.search);
  const status = p.get('status') ?? '';
  const sort = p.get('sort');
  return {
    status: (RESPONSE_STATUSES as readonly string[]).includes(status) ? (status as ResponseStatus) : '',
    q: p.get('q') ?? '',
    hc: p.get('hc') ?? '',
    sort: sort === 'asc' || sort === 'desc' ? sort : 'none',
  };
}

function writeFilters(f: Filters) {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.q) p.set('q', f.q);
  if (f.hc) p.set('hc', f.hc);
  if (f.sort !== 'none') p.set('sort', f.sort);
  const search = p.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

function compareScore(a: ProgressRow, b: ProgressRow, dir: 'asc' | 'desc'): number {
  // 対象外 (no score) goes last either way: it is neither weak nor strong.
  if (a.evaluation.score === null || b.evaluation.score === null) return (a.evaluation.score === null ? 1 : 0) - (b.evaluation.score === null ? 1 : 0);
  const d = a.evaluation.score - b.evaluation.score;
  return dir === 'asc' ? d : -d;
}

function Totals({ data }: { data: CampaignProgress }) {
  const { t } = useI18n();
  const total = Math.max(data.totals.facilities, 1);
  return (
    <section className="card" aria-labelledby="totals-heading">
      <h2 id="totals-heading">
        {t(M.byStatus)} <span className="muted">（{t(M.totalFacilities(data.totals.facilities))}）</span>
      </h2>
      <div className="stack-bar" aria-hidden="true">
        {RESPONSE_STATUSES.map((s) => {
          const n = data.totals.byStatus[s] ?? 0;
          return n > 0 ? <span key={s} className={`seg status-${s}`} style={{ width: `${(n / total) * 100}%` }} /> : null;
        })}
      </div>
      <ul className="counters">
        {RESPONSE_STATUSES.map((s) => (
          <li key={s} data-testid={`total-${s}`}>
            <span className={`dot status-${s}`} aria-hidden="true" />
            <span className="counter-label">{t(M.status[s])}</span>
            <span className="counter-value">{t(M.facilitiesCount(data.totals.byStatus[s] ?? 0))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProgressTable({ data }: { data: CampaignProgress }) {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => writeFilters(filters), [filters]);
  const update = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setLimit(PAGE);
  };

  const healthCenters = useMemo(() => [...new Set(data.items.map((r) => r.healthCenterName))].sort((a, b) => a.localeCompare(b, 'ja')), [data.items]);
  const rows = useMemo(() => {
    const q = fold(filters.q);
    const out = data.items.filter(
      (r) => (!filters.status || r.status === filters.status) && (!filters.hc || r.healthCenterName === filters.hc) && (!q || fold(r.facilityName).includes(q)),
    );
    if (filters.sort !== 'none') {
      const dir = filters.sort;
      out.sort((a, b) => compareScore(a, b, dir) || a.facilityName.localeCompare(b.facilityName, 'ja'));
    }
    return out;
  }, [data.items, filters]);

  const nextSort: Sort = filters.sort === 'asc' ? 'desc' : 'asc';
  const ariaSort = filters.sort === 'asc' ? 'ascending' : filters.sort === 'desc' ? 'descending' : undefined;

  return (
    <section className="card flush" aria-labelledby="facilities-heading">
      <h2 id="facilities-heading" className="pad">
        {t(M.facilitiesHeading)}
      </h2>
      <div className="filters pad">
        <div className="field">
          <label htmlFor="filter-status">{t(M.filterStatus)}</label>
          <select id="filter-status" value={filters.status} onChange={(e) => update({ status: e.target.value as Filters['status'] })}>
            <option value="">{t(M.filterAll)}</option>
            {RESPONSE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(M.status[s])}（{data.totals.byStatus[s] ?? 0}）
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-hc">{t(M.filterHealthCenter)}</label>
          <select id="filter-hc" value={filters.hc} onChange={(e) => update({ hc: e.target.value })}>
            <option value="">{t(M.filterAll)}</option>
            {healthCenters.map((hc) => (
              <option key={hc} value={hc}>
                {hc}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="filter-name">{t(M.filterName)}</label>
          <input id="filter-name" type="search" value={filters.q} onChange={(e) => update({ q: e.target.value })} autoComplete="off" />
        </div>
      </div>
      <p className="pad muted" role="status">
        {t(M.showingRows(rows.length, data.items.length))}
      </p>
      <div className="table-wrap">
        <table className="table progress-table">
          <caption className="sr-only">{t(M.progressTitle)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(M.colFacility)}</th>
              <th scope="col">{t(M.colKind)}</th>
              <th scope="col">{t(M.colHealthCenter)}</th>
              <th scope="col">{t(M.colStatus)}</th>
              <th scope="col" aria-sort={ariaSort} className="num">
                <button type="button" className="sort" onClick={() => update({ sort: nextSort })} title={t(nextSort === 'asc' ? M.sortAsc : M.sortDesc)}>
                  {t(M.colScore)}
                  <span aria-hidden="true" className="sort-icon">
                    {filters.sort === 'asc' ? '▲' : filters.sort === 'desc' ? '▼' : '↕'}
                  </span>
                </button>
              </th>
              <th scope="col" className="num">
                {t(M.colAnswered)}
              </th>
              <th scope="col">{t(M.colUpdated)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((r) => {
              const to = paths.response(data.campaign.id, r.facilityId);
              return (
                <tr key={r.facilityId} data-testid={`progress-row-${r.facilityId}`} className="clickable" onClick={() => navigate(to)}>
                  <th scope="row">
                    <Link to={to} onClick={(e) => e.stopPropagation()}>
                      {r.facilityName}
                    </Link>
                  </th>
                  <td>{t(FACILITY_KIND_LABELS[r.kind])}</td>
                  <td>{r.healthCenterName}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="num">
                    <ScoreText score={r.evaluation.score} /> <LevelBadge level={r.evaluation.level} />
                  </td>
                  <td className="num">
                    {r.evaluation.answered} / {r.evaluation.applicable}
                  </td>
                  <td>{r.updatedAt ? formatDateTime(r.updatedAt, lang) : t(M.never)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="pad">{t(M.noRows)}</p> : null}
      {rows.length > limit ? (
        <p className="pad">
          <button type="button" className="button secondary" onClick={() => setLimit((n) => n + PAGE)}>
            {t(M.showMore(rows.length - limit))}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** One survey across the prefecture: counts by status and the facilities, filterable and sortable. */
export function ProgressPage({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const [progress, reload] = useApi((signal) => getCampaignProgress(campaignId, signal), [campaignId]);
  // "N 施設に配布しました" after creating the survey: shown on this visit only.
  const [created] = useState(() => peekFlash(createdFlashKey(campaignId)));
  useEffect(() => clearFlash(createdFlashKey(campaignId)), [campaignId]);
  if (progress.state === 'loading') return <Loading />;
  if (progress.state === 'error') return <LoadError error={progress.error} onRetry={reload} />;
  const { campaign } = progress.data;
  return (
    <Page
      title={`${t(campaign.title)} — ${t(M.progressTitle)}`}
      lead={
        <>
          {formatFiscalYear(campaign.fiscalYear, lang)} ・ <DeadlineSummary campaign={campaign} />
        </>
      }
    >
      <p className="back">
        <Link to={paths.home()}>← {t(M.progressBack)}</Link>
      </p>
      {created ? (
        <Alert tone="success">
          <p data-testid="campaign-created">{t(created)}</p>
        </Alert>
      ) : null}
      <Totals data={progress.data} />
      <CampaignExports campaignId={campaignId} />
      <ProgressTable data={progress.data} />
    </Page>
  );
}
