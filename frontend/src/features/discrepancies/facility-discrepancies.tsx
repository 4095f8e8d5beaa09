import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApiQuery } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { DiscrepancyEntry, isOpen } from './discrepancy-entry.tsx';
import { DM } from './discrepancy-messages.ts';
import { discrepanciesLink } from './links.ts';

/**
 * The facility page's 「事業者との食い違い」: the open and explained ones with 「説明する」 (the facility) or
 * 「解決済みにする」 (the prefecture); resolved and cleared ones folded away below.
 */
export function FacilityDiscrepancies({ facilityId, healthCenterId }: { facilityId: string; healthCenterId: string }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const planner = me.role === 'pref_admin' || me.role === 'inspector';
  const q = useApiQuery('discrepancies.ofFacility', { params: { facilityId } });
  const items = q.data?.items ?? [];
  const open = items.filter(isOpen);
  const closed = items.filter((d) => !isOpen(d));
  return (
    <section className="card" aria-labelledby="facility-disc-heading" data-testid="facility-discrepancies">
      <div className="section-head">
        <h2 id="facility-disc-heading">{t(DM.facilityTitle)}</h2>
        {open.length > 0 ? <span className="badge disc-state-open">{t(DM.openCount(open.length))}</span> : null}
        {planner ? <Link to={discrepanciesLink({ hc: me.role === 'pref_admin' ? healthCenterId : '' })}>{t(DM.listOfHc)}</Link> : null}
      </div>
      <p className="muted">{t(DM.facilityLead)}</p>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isSuccess && open.length === 0 ? <p>{t(DM.facilityNone)}</p> : null}
      {open.length > 0 ? (
        <ul className="disc-list">
          {open.map((d) => (
            <li key={d.id}>
              <DiscrepancyEntry d={d} headingLevel={3} />
            </li>
          ))}
        </ul>
      ) : null}
      {closed.length > 0 ? (
        <details className="disc-closed">
          <summary>{t(DM.closedCount(closed.length))}</summary>
          <ul className="disc-list">
            {closed.map((d) => (
              <li key={d.id}>
                <DiscrepancyEntry d={d} headingLevel={3} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
