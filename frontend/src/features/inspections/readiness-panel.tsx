import type { ReadinessItem, ReadinessResponse } from '@mcr/contract';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { daysFromToday, formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Loaded } from '../../lib/use-api.ts';
import { IM } from './messages.ts';

function Problems({ item }: { item: ReadinessItem }) {
  const { t, lang } = useI18n();
  const more = item.missingCount - item.missing.length + (item.overdueCount - item.overdue.length);
  return (
    <details className="readiness-details">
      <summary>{t(IM.showDetails(item.inspection.facilityName))}</summary>
      <ul className="problem-list">
        {item.overdue.map((o) => (
          <li key={`o-${o.itemId}-${o.deviceClass}`}>
            <strong>{o.number || '—'}</strong> {t(o.text)} — <span className="overdue">{formatDate(o.targetDate, lang)}</span> (
            {t(IM.daysOverdue(o.daysOverdue))})
          </li>
        ))}
        {item.missing.map((m) => (
          <li key={`m-${m.itemId}-${m.deviceClass}`}>
            <strong>{m.number || '—'}</strong> {t(m.text)}
            {m.reason === 'carried-forward' ? <span className="muted"> ({t(IM.carriedForward)})</span> : null}
          </li>
        ))}
        {more > 0 ? <li className="muted">{t(IM.andMore(more))}</li> : null}
      </ul>
    </details>
  );
}

/** Readiness against the plan: facilities inspected in the next 30 days, those needing attention first. */
export function ReadinessPanel({ readiness, onRetry }: { readiness: Loaded<ReadinessResponse>; onRetry(): void }) {
  const { t, lang } = useI18n();
  return (
    <section className="card" aria-labelledby="readiness-heading" data-testid="readiness-panel">
      <h2 id="readiness-heading">{t(IM.readinessTitle)}</h2>
      {readiness.state === 'loading' ? <Loading /> : null}
      {readiness.state === 'error' ? <LoadError error={readiness.error} onRetry={onRetry} /> : null}
      {readiness.state === 'ok' ? (
        <>
          <p className="muted">{t(IM.readinessLead(formatDate(readiness.data.today, lang), formatDate(readiness.data.until, lang)))}</p>
          {readiness.data.items.length === 0 ? (
            <p>{t(IM.readinessEmpty)}</p>
          ) : (
            <>
              <p className="readiness-summary">
                <strong>{t(IM.readinessSummary(readiness.data.items.filter((i) => i.atRisk).length, readiness.data.items.length))}</strong>
              </p>
              <ul className="readiness-list">
                {[...readiness.data.items]
                  .sort((a, b) => Number(b.atRisk) - Number(a.atRisk) || a.inspection.date.localeCompare(b.inspection.date))
                  .map((item) => {
                    const ins = item.inspection;
                    return (
                      <li key={ins.id} className={item.atRisk ? 'at-risk' : 'ready'} data-testid={`readiness-${ins.facilityId}`}>
                        <div className="readiness-head">
                          <span className={`badge ${item.atRisk ? 'level-action-needed' : 'level-complete'}`}>{t(item.atRisk ? IM.atRisk : IM.ready)}</span>
                          <Link to={paths.facility(ins.facilityId)} className="readiness-facility">
                            {ins.facilityName}
                          </Link>
                          <span className="muted">
                            {formatDate(ins.date, lang)} ({t(IM.inDays(daysFromToday(ins.date, readiness.data.today)))})
                          </span>
                        </div>
                        {item.checklist ? (
                          <ul className="readiness-facts">
                            {item.missingCount > 0 ? <li>{t(IM.missingCount(item.missingCount))}</li> : null}
                            {item.overdueCount > 0 ? <li className="overdue">{t(IM.overdueCount(item.overdueCount))}</li> : null}
                            <li>
                              <Link to={paths.response(item.checklist.campaignId, ins.facilityId)}>
                                {t(IM.openChecklist)} ({t(item.checklist.title)})
                              </Link>
                            </li>
                          </ul>
                        ) : (
                          <p className="muted">{t(IM.noChecklist)}</p>
                        )}
                        {item.missingCount + item.overdueCount > 0 ? <Problems item={item} /> : null}
                      </li>
                    );
                  })}
              </ul>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
