import { FACILITY_KIND_LABELS, FACILITY_KINDS, type Facility, type FacilityKind } from '@mcr/contract';
import { useEffect, useMemo, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { fold, formatCount } from '../../lib/text.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { ImportPanel } from './import-panel.tsx';

const PAGE = 200;

interface Filters {
  q: string;
  kind: FacilityKind | '';
  hc: string;
}

function readFilters(): Filters {
  const p = new URLSearchParams(location.search);
  const kind = p.get('kind') ?? '';
  return { q: p.get('q') ?? '', kind: (FACILITY_KINDS as readonly string[]).includes(kind) ? (kind as FacilityKind) : '', hc: p.get('hc') ?? '' };
}

function writeFilters(f: Filters) {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.kind) p.set('kind', f.kind);
  if (f.hc) p.set('hc', f.hc);
  const search = p.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

function FacilityTable({ items }: { items: Facility[] }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => writeFilters(filters), [filters]);
  const update = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setLimit(PAGE);
  };
  const healthCenters = useMemo(() => {
    const map = new Map<string, string>();
    for (const f of items) map.set(f.healthCenterId, f.healthCenterName);
    return [...map.entries()].sort((a, b) => a[1].localeCompare(b[1], 'ja'));
  }, [items]);
  // Folded once: searching 15,000 names on every key press stays instant.
  const folded = useMemo(() => items.map((f) => `${fold(f.name)}\u0000${f.medicalInstitutionCode}`), [items]);
  const rows = useMemo(() => {
    const q = fold(filters.q);
    return items
      .filter((f, i) => (!filters.kind || f.kind === filters.kind) && (!filters.hc || f.healthCenterId === filters.hc) && (!q || (folded[i] ?? '').includes(q)))
      .sort((a, b) => a.healthCenterName.localeCompare(b.healthCenterName, 'ja') || a.name.localeCompare(b.name, 'ja'));
  }, [items, folded, filters]);

  return (
    <section className="card flush" aria-labelledby="facility-list-heading">
      <h2 id="facility-list-heading" className="pad">
        {t(M.facilityListHeading)}
      </h2>
      <div className="filters pad">
        <div className="field grow">
          <label htmlFor="facility-search">{t(M.facilitySearch)}</label>
          <input id="facility-search" type="search" value={filters.q} autoComplete="off" onChange={(e) => update({ q: e.target.value })} />
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
            {healthCenters.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="pad muted" role="status">
        {t(M.showingRows(rows.length, items.length))}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="sr-only">{t(M.facilityListHeading)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(M.colFacility)}</th>
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
            {rows.slice(0, limit).map((f) => (
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
      {rows.length === 0 ? <p className="pad">{t(M.noFacilityRows)}</p> : null}
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

/** 「医療機関」: importing the list (CSV / Excel), and the prefecture's facilities, searchable. */
export function FacilitiesPage() {
  const { t } = useI18n();
  const [facilities, reload] = asLoaded(useApiQuery('facilities.list'));
  return (
    <Page title={t(M.facilitiesTitle)} lead={t(M.facilitiesLead)}>
      <ImportPanel onImported={reload} />
      {facilities.state === 'loading' ? <Loading /> : null}
      {facilities.state === 'error' ? <LoadError error={facilities.error} onRetry={reload} /> : null}
      {facilities.state === 'ok' && facilities.data.items.length === 0 ? (
        <section className="card empty">
          <p>{t(M.facilitiesEmpty)}</p>
        </section>
      ) : null}
      {facilities.state === 'ok' && facilities.data.items.length > 0 ? <FacilityTable items={facilities.data.items} /> : null}
    </Page>
  );
}
