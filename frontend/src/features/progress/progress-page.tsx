import {
  type CampaignProgress,
  type CampaignRowSort,
  FACILITY_KIND_LABELS,
  FACILITY_KINDS,
  type FacilityKind,
  RESPONSE_STATUSES,
  type ResponseStatus,
  SCORE_BANDS,
} from '@mcr/contract';
import { SIZE_BAND_LABELS, SIZE_BANDS, type SizeBand } from '@mcr/domain';
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link, navigate } from '../../app/router.tsx';
import { DeadlineSummary } from '../../components/deadlines.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { levelLabel, Readiness } from '../../components/readiness.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate, formatDateTime, formatFiscalYear } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { clearFlash, peekFlash } from '../../lib/flash.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { useDebounced, usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CampaignExports } from '../exports/export-button.tsx';
import { createdFlashKey } from './new-campaign-form.tsx';
import { CampaignSettings } from './campaign-settings.tsx'; // campaign-lifecycle
import { V } from '../vendors/vendor-messages.ts';

const PAGE = 50;
type Dir = 'asc' | 'desc';
type ScoreBand = (typeof SCORE_BANDS)[number];

/** Everything the table asks the server for; it lives in the URL (`…/progress?healthCenterId=…&status=…`). */
interface Filters {
  status: ResponseStatus | '';
  healthCenterId: string;
  medicalArea: string;
  kind: FacilityKind | '';
  sizeBand: SizeBand | '';
  scoreBand: ScoreBand | '';
  overdue: boolean;
  missingFirst: boolean;
  q: string;
  sort: CampaignRowSort;
  dir: Dir;
}

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | '' => (v !== null && (values as readonly string[]).includes(v) ? (v as T) : '');

export function readFilters(search: string): Filters {
  const p = new URLSearchParams(search);
  const sort = oneOf(['name', 'score', 'updated'] as const, p.get('sort')) || 'name';
  return {
    status: oneOf(RESPONSE_STATUSES, p.get('status')),
    healthCenterId: p.get('healthCenterId') ?? '',
    medicalArea: p.get('medicalArea') ?? '',
    kind: oneOf(FACILITY_KINDS, p.get('kind')),
    sizeBand: oneOf(SIZE_BANDS, p.get('sizeBand')),
    scoreBand: oneOf(SCORE_BANDS, p.get('scoreBand')),
    overdue: p.get('overdue') === 'true',
    missingFirst: p.get('missingFirst') === 'true',
    q: p.get('q') ?? '',
    sort,
    dir: oneOf(['asc', 'desc'] as const, p.get('dir')) || (sort === 'updated' ? 'desc' : 'asc'),
  };
}

function toSearch(f: Filters): string {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.healthCenterId) p.set('healthCenterId', f.healthCenterId);
  if (f.medicalArea) p.set('medicalArea', f.medicalArea);
  if (f.kind) p.set('kind', f.kind);
  if (f.sizeBand) p.set('sizeBand', f.sizeBand);
  if (f.scoreBand) p.set('scoreBand', f.scoreBand);
  if (f.overdue) p.set('overdue', 'true');
  if (f.missingFirst) p.set('missingFirst', 'true');
  if (f.q) p.set('q', f.q);
  if (f.sort !== 'name' || f.dir !== 'asc') {
    p.set('sort', f.sort);
    p.set('dir', f.dir);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
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

function SortHeader({
  column,
  label,
  title,
  filters,
  applied,
  onSort,
  className,
}: {
  column: CampaignRowSort;
  label: string;
  title: string;
  filters: Filters;
  applied: string;
  onSort(column: CampaignRowSort): void;
  className?: string;
}) {
  const active = applied === column || (column === 'name' && applied === 'code');
  const ariaSort = active ? (filters.dir === 'asc' || applied !== filters.sort ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className="sort" onClick={() => onSort(column)} title={title} disabled={filters.q !== ''}>
        {label}
        <span aria-hidden="true" className="sort-icon">
          {ariaSort === 'ascending' ? '▲' : ariaSort === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

function ProgressTable({ data }: { data: CampaignProgress }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const inspector = me.role === 'inspector';
  const { search, pathname } = useLocation();
  const filters = useMemo(() => readFilters(search), [search]);
  const [text, setText] = useState(filters.q);
  const typed = useDebounced(text.trim(), 350);
  const [healthCenters] = asLoaded(useApiQuery('healthCenters.list'));
  const hcs = healthCenters.state === 'ok' ? [...healthCenters.data.items].sort((a, b) => a.name.localeCompare(b.name, 'ja')) : [];
  const areas = [...new Set(hcs.map((h) => h.medicalAreaName))].sort((a, b) => a.localeCompare(b, 'ja'));

  const update = (patch: Partial<Filters>) => navigate(`${pathname}${toSearch({ ...filters, ...patch })}`, { replace: true });
  // The search box asks the server once typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search text changes the URL.
  useEffect(() => {
    if (typed !== filters.q) update({ q: typed });
  }, [typed]);

  const rows = usePagedQuery('campaigns.rows', {
    params: { campaignId: data.campaign.id },
    query: {
      status: filters.status || undefined,
      healthCenterId: filters.healthCenterId || undefined,
      medicalArea: filters.medicalArea || undefined,
      kind: filters.kind || undefined,
      sizeBand: filters.sizeBand || undefined,
      scoreBand: filters.scoreBand || undefined,
      overdue: filters.overdue ? 'true' : undefined,
      missingFirst: filters.missingFirst ? 'true' : undefined,
      q: filters.q || undefined,
      sort: filters.sort,
      dir: filters.dir,
      limit: PAGE,
    },
  });
  const applied = rows.pages[0]?.sort ?? filters.sort;
  const onSort = (column: CampaignRowSort) => {
    if (filters.sort === column) update({ dir: filters.dir === 'asc' ? 'desc' : 'asc' });
    else update({ sort: column, dir: column === 'updated' ? 'desc' : 'asc' });
  };
  // What the counters already know: the whole campaign, or one status.
  const onlyStatus =
    !filters.healthCenterId &&
    !filters.medicalArea &&
    !filters.kind &&
    !filters.sizeBand &&
    !filters.scoreBand &&
    !filters.overdue &&
    !filters.missingFirst &&
    !filters.q;
  const known = rows.pages[0]?.total ?? (onlyStatus ? (filters.status ? data.totals.byStatus[filters.status] : data.totals.facilities) : undefined);
  const filtered = Object.entries(filters).some(([k, v]) => k !== 'sort' && k !== 'dir' && v !== '' && v !== false);

  return (
    <section className="card flush" aria-labelledby="facilities-heading">
      <h2 id="facilities-heading" className="pad">
        {t(M.facilitiesHeading)}
      </h2>
      <div className="filters pad">
        <div className="field grow">
          <label htmlFor="filter-name">{t(M.rowSearch)}</label>
          <input id="filter-name" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" aria-describedby="filter-name-hint" />
          <p id="filter-name-hint" className="hint">
            {t(M.rowSearchHint)}
          </p>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t(M.filterStatus)}</label>
          <select id="filter-status" value={filters.status} onChange={(e) => update({ status: e.target.value as Filters['status'] })}>
            <option value="">{t(M.filterAll)}</option>
            {RESPONSE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(M.status[s])}
                {inspector ? '' : `（${data.totals.byStatus[s] ?? 0}）`}
              </option>
            ))}
          </select>
        </div>
        {inspector ? null : (
          <>
            <div className="field">
              <label htmlFor="filter-hc">{t(M.filterHealthCenter)}</label>
              <select id="filter-hc" value={filters.healthCenterId} onChange={(e) => update({ healthCenterId: e.target.value })}>
                <option value="">{t(M.filterAll)}</option>
                {hcs.map((hc) => (
                  <option key={hc.id} value={hc.id}>
                    {hc.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-area">{t(M.filterMedicalArea)}</label>
              <select id="filter-area" value={filters.medicalArea} onChange={(e) => update({ medicalArea: e.target.value })}>
                <option value="">{t(M.filterAll)}</option>
                {areas.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="filter-kind">{t(M.filterKind)}</label>
          <select id="filter-kind" value={filters.kind} onChange={(e) => update({ kind: e.target.value as Filters['kind'] })}>
            <option value="">{t(M.filterAll)}</option>
            {FACILITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(FACILITY_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-size">{t(M.filterSizeBand)}</label>
          <select id="filter-size" value={filters.sizeBand} onChange={(e) => update({ sizeBand: e.target.value as Filters['sizeBand'] })}>
            <option value="">{t(M.filterAll)}</option>
            {SIZE_BANDS.map((b) => (
              <option key={b} value={b}>
                {t(SIZE_BAND_LABELS[b])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-score">{t(M.filterScoreBand)}</label>
          <select id="filter-score" value={filters.scoreBand} onChange={(e) => update({ scoreBand: e.target.value as Filters['scoreBand'] })}>
            <option value="">{t(M.filterAll)}</option>
            {SCORE_BANDS.map((b) => (
              <option key={b} value={b}>
                {t(levelLabel(b))}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox-field">
          <label className="choice-line">
            <input type="checkbox" checked={filters.overdue} onChange={(e) => update({ overdue: e.target.checked })} />
            <span>{t(M.filterOverdue)}</span>
          </label>
        </div>
        <div className="field checkbox-field">
          <label className="choice-line">
            <input type="checkbox" checked={filters.missingFirst} onChange={(e) => update({ missingFirst: e.target.checked })} />
            <span>{t(M.filterMissingFirst)}</span>
          </label>
        </div>
        {filtered ? (
          <div className="field">
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                setText('');
                navigate(pathname, { replace: true });
              }}
            >
              {t(M.clearFilters)}
            </button>
          </div>
        ) : null}
      </div>
      <p className="pad muted" role="status" data-testid="rows-count">
        {rows.isPending ? t(M.loadingMore) : t(M.rowsShown(rows.items.length, known))}
      </p>
      {rows.isError ? (
        <div className="pad">
          <LoadError error={rows.error} onRetry={() => void rows.refetch()} />
        </div>
      ) : null}
      <div className="table-wrap" aria-busy={rows.isFetching}>
        <table className="table progress-table">
          <caption className="sr-only">{t(M.progressTitle)}</caption>
          <thead>
            <tr>
              <SortHeader column="name" label={t(M.colFacility)} title={t(M.sortByName)} filters={filters} applied={applied} onSort={onSort} />
              <th scope="col">{t(M.colKind)}</th>
              <th scope="col">{t(M.colHealthCenter)}</th>
              <th scope="col">{t(M.colStatus)}</th>
              <SortHeader column="score" label={t(M.colScore)} title={t(M.sortByScore)} filters={filters} applied={applied} onSort={onSort} className="num" />
              <th scope="col">{t(M.colOverdue)}</th>
              <SortHeader column="updated" label={t(M.colUpdated)} title={t(M.sortByUpdated)} filters={filters} applied={applied} onSort={onSort} />
            </tr>
          </thead>
          <tbody>
            {rows.items.map((r) => {
              const to = paths.response(data.campaign.id, r.facilityId);
              return (
                <tr key={r.facilityId} data-testid={`progress-row-${r.facilityId}`} className="clickable" onClick={() => navigate(to)}>
                  <th scope="row">
                    <Link to={to} onClick={(e) => e.stopPropagation()}>
                      {r.facilityName}
                    </Link>
                    <span className="row-sub">
                      <code>{r.medicalInstitutionCode}</code>
                    </span>
                  </th>
                  <td>{t(FACILITY_KIND_LABELS[r.kind])}</td>
                  <td>
                    {r.healthCenterName}
                    <span className="row-sub">{r.medicalAreaName}</span>
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="num">
                    <Readiness status={r.status} score={r.score} level={r.level} />
                  </td>
                  <td>
                    {r.overdue && r.earliestOpenTarget ? (
                      <span className="badge overdue">{t(M.overdueSince(formatDate(r.earliestOpenTarget, lang)))}</span>
                    ) : null}
                  </td>
                  <td>{r.updatedAt ? formatDateTime(r.updatedAt, lang) : t(M.never)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!rows.isPending && rows.items.length === 0 ? <p className="pad">{t(M.noRows)}</p> : null}
      {rows.hasNextPage ? (
        <p className="pad">
          <button type="button" className="button secondary" onClick={() => void rows.fetchNextPage()} disabled={rows.isFetchingNextPage}>
            {rows.isFetchingNextPage ? t(M.loadingMore) : t(M.loadMore)}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** One survey across the prefecture: counts by status, and the facilities as a server-paged table. */
export function ProgressPage({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [progress, reload] = asLoaded(useApiQuery('campaigns.progress', { params: { campaignId } }));
  // "N 施設に配布しました" after creating the survey: shown on this visit only.
  const [created] = useState(() => peekFlash(createdFlashKey(campaignId)));
  useEffect(() => clearFlash(createdFlashKey(campaignId)), [campaignId]);
  if (progress.state === 'loading') return <Loading />;
  if (progress.state === 'error') return <LoadError error={progress.error} onRetry={reload} />;
  const { campaign } = progress.data;
  if (campaign.form === 'vendor') {
    // 事業者確認用: its progress is per vendor (campaigns.vendors), not per facility.
    return (
      <Page title={t(campaign.title)}>
        <Alert tone="info">
          <p>{t(V.vendorCampaignNote)}</p>
          {me.role === 'pref_admin' ? (
            <p>
              <Link to={paths.vendorProgress(campaignId)}>{t(V.openVendorProgress)}</Link>
            </p>
          ) : null}
        </Alert>
      </Page>
    );
  }
  return (
    <Page
      title={`${t(campaign.title)} — ${t(M.progressTitle)}`}
      actions={
        <Link to={paths.dashboard(campaignId)} className="button secondary" data-testid="progress-dashboard-link">
          {t(M.viewDashboardLong)}
        </Link>
      }
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
      {/* campaign-lifecycle */}
      {me.role === 'pref_admin' ? <CampaignSettings campaign={campaign} /> : null}
      <ProgressTable data={progress.data} />
    </Page>
  );
}
