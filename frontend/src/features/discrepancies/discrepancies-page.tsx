import { DISCREPANCY_RULES, type DiscrepancyRule } from '@mcr/contract';
import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link, navigate } from '../../app/router.tsx';
import { LoadError } from '../../components/feedback.tsx';
import { dayInJapan, formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { itemName, ResolveButton, ruleLabel, ruleSentence, StateBadge, useMayCall } from './discrepancy-entry.tsx';
import { DM } from './discrepancy-messages.ts';
import { type DiscrepancyFilters, filtersSearch, type StateFilter } from './links.ts';
import './discrepancies.css';

type Filters = DiscrepancyFilters;

function readFilters(search: string): Filters {
  const p = new URLSearchParams(search);
  const rule = p.get('rule') ?? '';
  const state = p.get('state') ?? '';
  return {
    state: state === 'open' || state === 'explained' ? state : '',
    hc: p.get('hc') ?? '',
    rule: (DISCREPANCY_RULES as readonly string[]).includes(rule) ? (rule as DiscrepancyRule) : '',
  };
}

const toSearch = filtersSearch;

/**
 * 「回答の食い違い」: the open and explained discrepancies of the prefecture (a 保健所: its own facilities only, the
 * server decides), filtered by 保健所 and kind, a page at a time; the prefecture marks them resolved with a note.
 */
export function DiscrepanciesPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const { search, pathname } = useLocation();
  const filters = useMemo(() => readFilters(search), [search]);
  const update = (patch: Partial<Filters>) => navigate(`${pathname}${toSearch({ ...filters, ...patch })}`, { replace: true });
  const inspector = me.role === 'inspector';
  const healthCenters = useApiQuery('healthCenters.list', { enabled: !inspector });
  const hcs = [...(healthCenters.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  const hcName = new Map(hcs.map((h) => [h.id, h.name]));
  const list = usePagedQuery('discrepancies.list', {
    query: { healthCenterId: filters.hc || undefined, rule: filters.rule || undefined },
  });
  const mayResolve = useMayCall('discrepancies.resolve');
  // The route answers open and explained ones; the state filter narrows what is loaded.
  const rows = list.items.filter((d) => (filters.state ? d.state === filters.state : true));

  return (
    <Page title={t(DM.title)} lead={t(inspector ? DM.leadInspector : DM.lead)}>
      <section className="card flush" aria-labelledby="disc-list-heading">
        <h2 id="disc-list-heading" className="sr-only">
          {t(DM.title)}
        </h2>
        <div className="filters pad">
          <div className="field">
            <label htmlFor="disc-state">{t(DM.filterState)}</label>
            <select id="disc-state" value={filters.state} onChange={(e) => update({ state: e.target.value as StateFilter })}>
              <option value="">{t(DM.filterOpen)}</option>
              <option value="open">{t(DM.state.open ?? { ja: '' })}</option>
              <option value="explained">{t(DM.state.explained ?? { ja: '' })}</option>
            </select>
          </div>
          {inspector ? null : (
            <div className="field">
              <label htmlFor="disc-hc">{t(DM.filterHc)}</label>
              <select id="disc-hc" value={filters.hc} onChange={(e) => update({ hc: e.target.value })}>
                <option value="">{t(DM.all)}</option>
                {hcs.map((hc) => (
                  <option key={hc.id} value={hc.id}>
                    {hc.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="disc-rule">{t(DM.filterRule)}</label>
            <select id="disc-rule" value={filters.rule} onChange={(e) => update({ rule: e.target.value as Filters['rule'] })}>
              <option value="">{t(DM.all)}</option>
              {DISCREPANCY_RULES.map((r) => (
                <option key={r} value={r}>
                  {t(ruleLabel(r))}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="pad muted" role="status">
          {list.isPending ? t(M.loadingMore) : t(DM.shown(rows.length))}
        </p>
        {list.isError ? (
          <div className="pad">
            <LoadError error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : null}
        {rows.length > 0 ? (
          <div className="table-wrap" aria-busy={list.isFetching}>
            <table className="table compact-table" data-testid="discrepancy-list">
              <caption className="sr-only">{t(DM.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(DM.colFacility)}</th>
                  <th scope="col">{t(DM.colVendor)}</th>
                  <th scope="col">{t(DM.colRule)}</th>
                  <th scope="col">{t(DM.colState)}</th>
                  <th scope="col">{t(DM.colLatest)}</th>
                  <th scope="col">{t(DM.colActions)}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => {
                  const latest = [...d.history].reverse().find((h) => h.text);
                  return (
                    <tr key={`${d.facilityId}/${d.id}`} data-testid={`discrepancy-row-${d.facilityId}-${d.rule}-${d.vendorId}`}>
                      <th scope="row">
                        <Link to={paths.facility(d.facilityId)}>{d.facilityName}</Link>
                        {hcName.get(d.healthCenterId) ? <span className="row-sub muted">{hcName.get(d.healthCenterId)}</span> : null}
                      </th>
                      <td>{d.vendorName}</td>
                      <td>
                        <strong>{t(ruleLabel(d.rule))}</strong> ・ {t(itemName(d))}
                        <span className="row-sub">{t(ruleSentence(d))}</span>
                        <span className="row-sub muted">{t(DM.firstSeen(formatDate(dayInJapan(d.firstSeenAt), lang)))}</span>
                      </td>
                      <td>
                        <StateBadge state={d.state} />
                      </td>
                      <td className="disc-text">
                        {latest ? (
                          <>
                            {latest.text}
                            <span className="row-sub muted">
                              {t(DM.byOrg[latest.byOrg] ?? { ja: latest.byOrg })}・{latest.by}
                            </span>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="actions">
                        <Link to={paths.response(d.campaignId, d.facilityId)} aria-label={`${t(DM.openChecklist)}（${d.facilityName}）`}>
                          {t(DM.openChecklist)}
                        </Link>
                        {mayResolve ? <ResolveButton d={d} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {!list.isPending && rows.length === 0 ? <p className="pad">{t(DM.none)}</p> : null}
        {list.hasNextPage ? (
          <p className="pad">
            <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? t(M.loadingMore) : t(M.loadMore)}
            </button>
          </p>
        ) : null}
      </section>
    </Page>
  );
}
