import { FACILITY_KIND_LABELS, FACILITY_KINDS, type FacilityKind } from '@mcr/contract';
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link, navigate } from '../../app/router.tsx';
import { LoadError } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { formatCount } from '../../lib/text.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { useDebounced, usePagedQuery } from '../../lib/use-paged-query.ts';
import { ImportPanel } from './import-panel.tsx';

const PAGE = 100;

interface Filters {
  q: string;
  kind: FacilityKind | '';
  hc: string;
}

function readFilters(search: string): Filters {
  const p = new URLSearchParams(search);
  const kind = p.get('kind') ?? '';
  return { q: p.get('q') ?? '', kind: (FACILITY_KINDS as readonly string[]).includes(kind) ? (kind as FacilityKind) : '', hc: p.get('hc') ?? '' };
}

function toSearch(f: Filters): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.kind) p.set('kind', f.kind);
  if (f.hc) p.set('hc', f.hc);
  const search = p.toString();
  return search ? `?${search}` : '';
}

/** The prefecture's facilities, a page at a time from the server (name order; search by name prefix or code). */
function FacilityTable() {
  const { t } = useI18n();
  const { search, pathname } = useLocation();
  const filters = useMemo(() => readFilters(search), [search]);
  const [text, setText] = useState(filters.q);
  const typed = useDebounced(text.trim(), 350);
  const update = (patch: Partial<Filters>) => navigate(`${pathname}${toSearch({ ...filters, ...patch })}`, { replace: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search text changes the URL.
  useEffect(() => {
    if (typed !== filters.q) update({ q: typed });
  }, [typed]);
  const [healthCenters] = asLoaded(useApiQuery('healthCenters.list'));
  const hcs = healthCenters.state === 'ok' ? [...healthCenters.data.items].sort((a, b) => a.name.localeCompare(b.name, 'ja')) : [];
  const list = usePagedQuery('facilities.list', {
    query: { q: filters.q || undefined, kind: filters.kind || undefined, healthCenterId: filters.hc || undefined, limit: PAGE },
  });

  return (
    <section className="card flush" aria-labelledby="facility-list-heading">
      <h2 id="facility-list-heading" className="pad">
        {t(M.facilityListHeading)}
      </h2>
      <div className="filters pad">
        <div className="field grow">
          <label htmlFor="facility-search">{t(M.facilitySearch)}</label>
          <input
            id="facility-search"
            type="search"
            value={text}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
            aria-describedby="facility-search-hint"
          />
          <p id="facility-search-hint" className="hint">
            {t(M.facilityPickerHint)}
          </p>
        </div>
        <div className="field">
          <label htmlFor="facility-kind">{t(M.filterKind)}</label>
          <select id="facility-kind" value={filters.kind} onChange={(e) => update({ kind: e.target.value as Filters['kind'] })}>
            <option value="">{t(M.filterAll)}</option>
            {FACILITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(FACILITY_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="facility-hc">{t(M.filterHealthCenter)}</label>
          <select id="facility-hc" value={filters.hc} onChange={(e) => update({ hc: e.target.value })}>
            <option value="">{t(M.filterAll)}</option>
            {hcs.map((hc) => (
              <option key={hc.id} value={hc.id}>
                {hc.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="pad muted" role="status">
        {list.isPending ? t(M.loadingMore) : t(M.itemsShown(list.items.length))}
      </p>
      {list.isError ? (
        <div className="pad">
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        </div>
      ) : null}
      <div className="table-wrap" aria-busy={list.isFetching}>
        <table className="table">
          <caption className="sr-only">{t(M.facilityListHeading)}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort="ascending">
                {t(M.colFacility)}
              </th>
              <th scope="col">{t(M.colKind)}</th>
              <th scope="col" className="num">
                {t(M.colBeds)}
              </th>
              <th scope="col">{t(M.colHealthCenter)}</th>
              <th scope="col">{t(M.colMedicalArea)}</th>
              <th scope="col">{t(M.colCode)}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((f) => (
              <tr key={f.id} data-testid={`facility-row-${f.id}`}>
                <th scope="row">
                  <Link to={paths.facility(f.id)}>{f.name}</Link>
                </th>
                <td>{t(FACILITY_KIND_LABELS[f.kind])}</td>
                <td className="num">{formatCount(f.beds)}</td>
                <td>{f.healthCenterName}</td>
                <td>{f.medicalAreaName}</td>
                <td>
                  <code>{f.medicalInstitutionCode}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!list.isPending && list.items.length === 0 ? (
        <p className="pad">{t(filters.q || filters.kind || filters.hc ? M.noFacilityRows : M.facilitiesEmpty)}</p>
      ) : null}
      {list.hasNextPage ? (
        <p className="pad">
          <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t(M.loadingMore) : t(M.loadMore)}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** 「医療機関」: importing the list (CSV / Excel), and the prefecture's facilities, searchable and paged. */
export function FacilitiesPage() {
  const { t } = useI18n();
  // An import is a write through the API client: every list on screen is refreshed by the query cache.
  const [, reload] = asLoaded(useApiQuery('healthCenters.list'));
  return (
    <Page title={t(M.facilitiesTitle)} lead={t(M.facilitiesLead)}>
      <ImportPanel onImported={reload} />
      <FacilityTable />
    </Page>
  );
}
