import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatCount } from '../../lib/text.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { IM } from './messages.ts';
import './incidents.css';

/**
 * The dashboard's card of open suspected-incident reports, from the counter the stream consumer keeps (one read,
 * whatever the size of the prefecture): open, of which care stopped / partly affected, per 保健所.
 */
export function IncidentsCard() {
  const { t } = useI18n();
  const q = useApiQuery('incidents.counts');
  return (
    <section className="card dash-section incidents-card" aria-labelledby="incidents-card-heading" data-testid="incidents-card">
      <div className="section-head">
        <h2 id="incidents-card-heading">{t(IM.cardTitle)}</h2>
        <Link to={`${paths.incidents()}?status=open`} className="no-print">
          {t(IM.cardOpenList)}
        </Link>
      </div>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isSuccess ? (
        q.data.open === 0 ? (
          <p>{t(IM.cardNone)}</p>
        ) : (
          <>
            <p className="incidents-figures">
              <span className={`incidents-open${q.data.openCareStopped > 0 ? ' alarming' : ''}`} data-testid="incidents-open">
                {t(IM.cardOpen)} <strong>{formatCount(q.data.open)}</strong>
              </span>
              <span>
                {t(IM.cardStopped)} <strong>{formatCount(q.data.openCareStopped)}</strong>
              </span>
              <span>
                {t(IM.cardPartial)} <strong>{formatCount(q.data.openCarePartial)}</strong>
              </span>
            </p>
            {q.data.byHealthCenter.length > 0 ? (
              <ul className="incidents-by-hc">
                {q.data.byHealthCenter.map((h) => (
                  <li key={h.healthCenterId}>
                    <Link to={`${paths.incidents()}?status=open&healthCenterId=${encodeURIComponent(h.healthCenterId)}`}>{h.name}</Link>{' '}
                    <strong>{formatCount(h.open)}</strong>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )
      ) : null}
      {q.isSuccess && q.data.closed > 0 ? <p className="hint">{t(IM.cardClosed(q.data.closed))}</p> : null}
    </section>
  );
}
