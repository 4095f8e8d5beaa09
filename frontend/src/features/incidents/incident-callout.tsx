import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApiQuery } from '../../lib/use-api.ts';
import { IM } from './messages.ts';
import './incidents.css';

/**
 * The facility's big 「インシデントかも？ 県に報告する」 entry on its home: what to do first, the button to the short
 * form, the contact chart, and its open reports.
 */
export function IncidentCallout() {
  const { t } = useI18n();
  const open = useApiQuery('incidents.list', { query: { status: 'open', limit: 20 } });
  const items = open.data?.items ?? [];
  return (
    <section className="incident-callout" aria-labelledby="incident-callout-title" data-testid="incident-callout">
      <h2 id="incident-callout-title">{t(IM.callTitle)}</h2>
      <p>{t(IM.callLead)}</p>
      <p className="incident-first">{t(IM.callFirst)}</p>
      <p className="incident-actions">
        <Link to={paths.newIncident()} className="button danger big">
          {t(IM.callTitle)}
        </Link>
        <Link to={'/contact-chart'} className="button secondary">
          {t(IM.contactChart)}
        </Link>
      </p>
      {items.length > 0 ? (
        <p>
          <Link to={paths.incidents()}>{t(IM.callOpen(items.length))}</Link>
        </p>
      ) : null}
    </section>
  );
}
