import { FACILITY_KIND_LABELS } from '@mcr/contract';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { roundDeadlines } from '../../components/deadlines.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { formatDate } from '../../lib/dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { asLoaded, useApiQuery } from '../../lib/use-api.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { DiscrepancyEntry, isOpen } from '../discrepancies/discrepancy-entry.tsx';
import { DocumentsSection } from './documents.tsx';
import { V } from './vendor-messages.ts';
import './vendors.css';
import { VendorIncidentContactCard } from '../contact-chart/vendor-incident-contact.tsx'; // contact-charts

const TODO = new Set(['not_started', 'in_progress', 'returned']);

/** The vendor-form surveys of a vendor: status, deadline, how many facilities, and the way into the answers. */
function CampaignsSection({ vendorId, vendorUser }: { vendorId: string; vendorUser: boolean }) {
  const { t, lang } = useI18n();
  const [campaigns, reload] = asLoaded(useApiQuery('vendors.campaigns', { params: { vendorId } }));
  return (
    <section className="card flush" aria-labelledby="vendor-campaigns-heading" data-testid="vendor-campaigns">
      <h2 id="vendor-campaigns-heading" className="pad">
        {t(vendorUser ? V.campaignsHeading : V.campaignsHeadingPref)}
      </h2>
      {campaigns.state === 'loading' ? <Loading /> : null}
      {campaigns.state === 'error' ? <LoadError error={campaigns.error} onRetry={reload} /> : null}
      {campaigns.state === 'ok' && campaigns.data.items.length === 0 ? <p className="pad">{t(V.campaignsEmpty)}</p> : null}
      {campaigns.state === 'ok' && campaigns.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t(V.campaignsHeading)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(V.colCampaign)}</th>
                <th scope="col">{t(V.colStatus)}</th>
                <th scope="col">{t(V.colDeadline)}</th>
                <th scope="col">{t(V.colFacilities)}</th>
                <th scope="col">{t(V.colProfiles)}</th>
                <th scope="col">{t(V.colSubmitted)}</th>
              </tr>
            </thead>
            <tbody>
              {[...campaigns.data.items]
                .sort((a, b) => b.campaign.opensOn.localeCompare(a.campaign.opensOn))
                .map((c) => (
                  <tr key={c.campaign.id} data-testid={`vendor-campaign-${c.campaign.id}`}>
                    <th scope="row">
                      <Link to={paths.vendorResponse(c.campaign.id, vendorId)}>{t(c.campaign.title)}</Link>
                      {vendorUser && TODO.has(c.status) ? <span className="badge todo">{t(V.todo)}</span> : null}
                    </th>
                    <td>
                      <StatusBadge status={c.status} />
                    </td>
                    <td>
                      {formatDate(c.campaign.deadline, lang, 'short')}
                      {roundDeadlines(c.campaign)
                        .slice(1)
                        .map((d) => (
                          <span key={d.round} className="row-sub">
                            {t(M.round(d.round))} {formatDate(d.date, lang, 'short')}
                          </span>
                        ))}
                    </td>
                    <td>{t(V.facilitiesN(c.facilityCount))}</td>
                    <td>{t(V.profilesN(c.profileCount))}</td>
                    <td>{c.lastSubmittedAt ? formatDateTime(c.lastSubmittedAt, lang) : t(M.never)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The facilities with a contract with the vendor, server-paged (the API offers no search). */
function FacilitiesSection({ vendorId, total }: { vendorId: string; total: number | undefined }) {
  const { t } = useI18n();
  const rows = usePagedQuery('vendors.facilities', { params: { vendorId }, query: { limit: 50 } });
  return (
    <section className="card flush" aria-labelledby="vendor-facilities-heading" data-testid="vendor-facilities">
      <h2 id="vendor-facilities-heading" className="pad">
        {t(V.facilitiesHeading)}
        {total !== undefined ? <span className="muted">（{t(V.facilitiesCount(total))}）</span> : null}
      </h2>
      <p className="pad muted">{t(V.facilitiesNote)}</p>
      <p className="pad muted" role="status">
        {rows.isPending ? t(V.loading) : t(V.shown(rows.items.length, total))}
      </p>
      {rows.isError ? (
        <div className="pad">
          <LoadError error={rows.error} onRetry={() => void rows.refetch()} />
        </div>
      ) : null}
      {!rows.isPending && rows.items.length === 0 ? <p className="pad">{t(V.facilitiesEmpty)}</p> : null}
      {rows.items.length > 0 ? (
        <div className="table-wrap" aria-busy={rows.isFetching}>
          <table className="table">
            <caption className="sr-only">{t(V.facilitiesHeading)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(V.colFacility)}</th>
                <th scope="col">{t(V.colKind)}</th>
                <th scope="col">{t(V.colHealthCenter)}</th>
                <th scope="col">{t(V.colSystems)}</th>
                <th scope="col">{t(V.colRemote)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.items.map((f) => (
                <tr key={f.id} data-testid={`vendor-facility-${f.id}`}>
                  <th scope="row">{f.name}</th>
                  <td>{t(FACILITY_KIND_LABELS[f.kind])}</td>
                  <td>{f.healthCenterName}</td>
                  <td>{f.systems.join('、') || '—'}</td>
                  <td>{t(f.remoteMaintenance ? V.remoteYes : V.remoteNo)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rows.hasNextPage ? (
        <p className="pad">
          <button type="button" className="button secondary" onClick={() => void rows.fetchNextPage()} disabled={rows.isFetchingNextPage}>
            {rows.isFetchingNextPage ? t(V.loading) : t(V.loadMore)}
          </button>
        </p>
      ) : null}
    </section>
  );
}

/** Open discrepancies where facilities' answers differ from the vendor's (or from its documents on file). */
function DiscrepanciesSection({ vendorId, vendorUser }: { vendorId: string; vendorUser: boolean }) {
  const { t } = useI18n();
  const rows = usePagedQuery('discrepancies.ofVendor', { params: { vendorId } });
  const open = rows.items.filter(isOpen);
  return (
    <section className="card" aria-labelledby="vendor-discrepancies-heading" data-testid="vendor-discrepancies">
      <h2 id="vendor-discrepancies-heading">{t(V.discrepanciesHeading)}</h2>
      <p className="muted">{t(vendorUser ? V.discrepanciesLead : V.discrepanciesLeadPref)}</p>
      {rows.isPending ? <Loading /> : null}
      {rows.isError ? <LoadError error={rows.error} onRetry={() => void rows.refetch()} /> : null}
      {!rows.isPending && !rows.isError && open.length === 0 && !rows.hasNextPage ? <p>{t(V.discrepanciesNone)}</p> : null}
      {open.length > 0 ? (
        <ul className="vendor-disc-list">
          {open.map((d) => (
            <li key={d.id}>
              <p className="vendor-disc-facility">{d.facilityName}</p>
              <DiscrepancyEntry d={d} headingLevel={3} />
            </li>
          ))}
        </ul>
      ) : null}
      {rows.hasNextPage ? (
        <button type="button" className="button secondary" onClick={() => void rows.fetchNextPage()} disabled={rows.isFetchingNextPage}>
          {rows.isFetchingNextPage ? t(V.loading) : t(V.loadMore)}
        </button>
      ) : null}
    </section>
  );
}

/** The vendor user's home: its surveys, documents, open discrepancies and contracted facilities. */
export function VendorHome() {
  const { t } = useI18n();
  const { me } = useAuth();
  const vendorId = me.organisation?.kind === 'vendor' ? me.organisation.id : undefined;
  const detail = useApiQuery('vendors.get', { params: { vendorId: vendorId ?? '' }, enabled: vendorId !== undefined });
  if (!vendorId) {
    return (
      <Page title={t(V.homeTitle)}>
        <Alert tone="warning">{t(V.noOrganisation)}</Alert>
      </Page>
    );
  }
  return (
    <Page title={t(V.homeTitle)} lead={t(V.homeLead(me.organisation?.name ?? ''))}>
      <CampaignsSection vendorId={vendorId} vendorUser />
      <VendorIncidentContactCard vendorId={vendorId} /> {/* contact-charts */}
      <DocumentsSection vendorId={vendorId} vendorUser />
      <DiscrepanciesSection vendorId={vendorId} vendorUser />
      <FacilitiesSection vendorId={vendorId} total={detail.data?.facilityCount} />
    </Page>
  );
}

/** `/vendors/:vendorId` for the prefecture: one vendor's documents, surveys, discrepancies and contracted facilities. */
export function VendorPage({ vendorId }: { vendorId: string }) {
  const { t } = useI18n();
  const [detail, reload] = asLoaded(useApiQuery('vendors.get', { params: { vendorId } }));
  if (detail.state === 'loading') return <Loading />;
  if (detail.state === 'error') return <LoadError error={detail.error} onRetry={reload} />;
  const v = detail.data;
  return (
    <Page title={v.name} lead={`${t(V.contactEmail)}: ${v.contactEmail} ・ ${t(V.facilitiesCount(v.facilityCount))}`}>
      <p className="back">
        <Link to={paths.vendors()}>← {t(V.backToVendors)}</Link>
      </p>
      <DocumentsSection vendorId={vendorId} vendorUser={false} />
      <CampaignsSection vendorId={vendorId} vendorUser={false} />
      <DiscrepanciesSection vendorId={vendorId} vendorUser={false} />
      <FacilitiesSection vendorId={vendorId} total={v.facilityCount} />
    </Page>
  );
}
