import { DISCREPANCY_RULES, type Dashboard } from '@mcr/contract';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatCount } from '../../lib/text.ts';
import { DM } from '../discrepancies/discrepancy-messages.ts';
import { discrepanciesLink } from '../discrepancies/links.ts';
import '../discrepancies/discrepancies.css';

/**
 * The open (and explained) discrepancies between facilities and their vendors, by kind, from the dashboard's read
 * models; each number opens the prefecture's list filtered to that kind. Nothing is shown while the read models
 * do not count discrepancies yet (the field is optional).
 */
export function DiscrepancyCard({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const counts = data.summary.discrepancies;
  if (!counts) return null;
  const rules = DISCREPANCY_RULES.filter((r) => (counts.byRule[r] ?? 0) > 0);
  // Per 保健所 (the prefecture's view only; a 保健所 sees its own): each opens the list filtered to it.
  const byHc = data.scope.kind === 'prefecture' ? data.breakdowns.healthCenters.filter((r) => (r.summary.discrepancies?.open ?? 0) > 0) : [];
  return (
    <section className="card dash-section" aria-labelledby="discrepancies-heading" data-testid="discrepancy-card">
      <div className="section-head">
        <h2 id="discrepancies-heading">{t(DM.cardTitle)}</h2>
        <Link to={discrepanciesLink()} className="no-print">
          {t(DM.cardOpenList)}
        </Link>
      </div>
      <p className="hint">{t(DM.cardLead)}</p>
      <p className="disc-total" data-testid="discrepancy-total">
        {counts.open > 0 ? <Link to={discrepanciesLink()}>{t(DM.cardTotal(counts.open))}</Link> : t(DM.cardTotal(0))}
      </p>
      {counts.open === 0 ? <p>{t(DM.cardNone)}</p> : null}
      {rules.length > 0 ? (
        <>
          <h3 className="disc-subhead">{t(DM.cardByRule)}</h3>
          <ul className="disc-counts">
            {rules.map((r) => (
              <li key={r} data-testid={`discrepancy-count-${r}`}>
                <Link to={discrepanciesLink({ rule: r })}>{t(DM.rule[r] ?? { ja: r })}</Link>
                <span className="num">{formatCount(counts.byRule[r] ?? 0)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {byHc.length > 0 ? (
        <>
          <h3 className="disc-subhead">{t(DM.cardByHc)}</h3>
          <ul className="disc-counts">
            {byHc.map((r) => (
              <li key={r.value} data-testid={`discrepancy-hc-${r.value}`}>
                <Link to={discrepanciesLink({ hc: r.value })}>{t(r.label)}</Link>
                <span className="num">{formatCount(r.summary.discrepancies?.open ?? 0)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
