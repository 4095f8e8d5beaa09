import { CARE_IMPACT_LABELS, type IncidentStatus } from '@mcr/contract';
import { useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link, usePath } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { peekFlash, clearFlash } from '../../lib/flash.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { IM } from './messages.ts';
import './incidents.css';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** `?status=open&healthCenterId=hc-…` from the address (the dashboard card links here with them). */
function initialFilters(): { status: IncidentStatus | ''; healthCenterId: string } {
  const q = new URLSearchParams(typeof window === 'undefined' ? '' : window.location.search);
  const s = q.get('status');
  return { status: s === 'open' || s === 'closed' ? s : '', healthCenterId: q.get('healthCenterId') ?? '' };
}

/**
 * `/incidents`: the prefecture's list of reports (open first, filters by status and 保健所, paged), a 保健所's
 * (its jurisdiction), or a facility's own with the button to report.
 */
export function IncidentsPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  usePath();
  const facilityUser = me.role === 'facility_admin' || me.role === 'facility_member';
  const [filters, setFilters] = useState(initialFilters);
  const [flash] = useState(() => {
    const f = peekFlash('incidents');
    clearFlash('incidents');
    return f;
  });
  const centers = useApiQuery('healthCenters.list', { enabled: me.role === 'pref_admin' });
  const q = usePagedQuery('incidents.list', {
    query: {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.healthCenterId && me.role === 'pref_admin' ? { healthCenterId: filters.healthCenterId } : {}),
    },
  });
  const lead = facilityUser ? IM.listLeadFacility : me.role === 'inspector' ? IM.listLeadInspector(me.organisation?.name ?? '') : IM.listLeadPref;
  return (
    <Page
      title={t(IM.listTitle)}
      lead={t(lead)}
      actions={
        facilityUser ? (
          <Link to={paths.newIncident()} className="button danger">
            {t(IM.callTitle)}
          </Link>
        ) : undefined
      }
    >
      {flash ? <Alert tone="success">{t(flash)}</Alert> : null}
      <section className="card" aria-labelledby="incident-list-heading">
        <div className="section-head">
          <h2 id="incident-list-heading">{t(IM.listTitle)}</h2>
          <div className="incident-filters">
            <div className="field inline-field">
              <label htmlFor="incident-status">{t(IM.filterStatus)}</label>
              <select
                id="incident-status"
                value={filters.status}
                onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value as IncidentStatus | '' }))}
              >
                <option value="">{t(IM.all)}</option>
                <option value="open">{t(IM.status.open)}</option>
                <option value="closed">{t(IM.status.closed)}</option>
              </select>
            </div>
            {me.role === 'pref_admin' ? (
              <div className="field inline-field">
                <label htmlFor="incident-hc">{t(IM.filterHc)}</label>
                <select id="incident-hc" value={filters.healthCenterId} onChange={(e) => setFilters((f) => ({ ...f, healthCenterId: e.target.value }))}>
                  <option value="">{t(IM.allHc)}</option>
                  {(centers.data?.items ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
        </div>
        {q.isPending ? <Loading /> : null}
        {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
        {q.isSuccess && q.items.length === 0 ? <p>{t(IM.none)}</p> : null}
        {q.items.length > 0 ? (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways; the keyboard must reach it
          <section className="table-wrap" tabIndex={0} aria-labelledby="incident-list-heading">
            <table className="table incident-table" data-testid="incident-table">
              <thead>
                <tr>
                  <th scope="col">{t(IM.colStatus)}</th>
                  {facilityUser ? null : <th scope="col">{t(IM.colFacility)}</th>}
                  {facilityUser ? null : <th scope="col">{t(IM.colHc)}</th>}
                  <th scope="col">{t(IM.colWhat)}</th>
                  <th scope="col">{t(IM.colImpact)}</th>
                  <th scope="col">{t(IM.colReported)}</th>
                  <th scope="col">{t(IM.colLast)}</th>
                </tr>
              </thead>
              <tbody>
                {q.items.map((i) => (
                  <tr key={i.incidentId} data-testid={`incident-row-${i.incidentId}`}>
                    <td>
                      <span className={`badge incident-${i.status}`}>{t(IM.status[i.status])}</span>
                    </td>
                    {facilityUser ? null : <td>{i.facilityName}</td>}
                    {facilityUser ? null : <td>{i.healthCenterName}</td>}
                    <td>
                      <Link to={paths.incident(i.incidentId)}>{clip(i.description, 60)}</Link>
                    </td>
                    <td>
                      <span className={`impact impact-${i.careImpact}`}>{t(CARE_IMPACT_LABELS[i.careImpact])}</span>
                    </td>
                    <td>{formatDateTime(i.reportedAt, lang)}</td>
                    <td>{formatDateTime(i.lastEntryAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {q.hasNextPage ? (
          <p>
            <button type="button" className="button secondary" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
              {t(IM.more)}
            </button>
          </p>
        ) : null}
      </section>
    </Page>
  );
}
