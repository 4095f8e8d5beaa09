import { TRAINING_KIND_LABELS } from '@mcr/contract';
import { LoadError, Loading } from '../../components/feedback.tsx';
import { formatFiscalYear } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApiQuery } from '../../lib/use-api.ts';
import { TM } from './messages.ts';
import { formatSpan } from './time.ts';
import './trainings.css';

/** Who of a facility attended which session this fiscal year (its own page, and its 研修 page). */
export function FacilityTrainingRecord({ facilityId }: { facilityId: string }) {
  const { t, lang } = useI18n();
  const q = useApiQuery('trainings.ofFacility', { params: { facilityId } });
  const attended = q.isSuccess
    ? q.data.items.filter((i) => i.registration.attended === true).sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt))
    : [];
  return (
    <section className="card" aria-labelledby="training-record-heading" data-testid="training-record">
      <h2 id="training-record-heading">{t(TM.recordTitle)}</h2>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isSuccess ? (
        <>
          <p className="hint">{t(TM.recordLead(formatFiscalYear(q.data.fiscalYear, lang)))}</p>
          {attended.length === 0 ? (
            <p>{t(TM.recordNone)}</p>
          ) : (
            <div className="table-wrap">
              <table className="table compact-table">
                <thead>
                  <tr>
                    <th scope="col">{t(TM.colDate)}</th>
                    <th scope="col">{t(TM.colKind)}</th>
                    <th scope="col">{t(TM.colTitle)}</th>
                    <th scope="col">{t(TM.colName)}</th>
                    <th scope="col">{t(TM.colJobTitle)}</th>
                  </tr>
                </thead>
                <tbody>
                  {attended.map(({ registration: r, session: s }) => (
                    <tr key={r.registrationId}>
                      <td>{formatSpan(s.startsAt, s.endsAt, lang)}</td>
                      <td>{t(TRAINING_KIND_LABELS[s.kind])}</td>
                      <td>{s.title}</td>
                      <th scope="row">{r.participantName}</th>
                      <td>{r.participantTitle ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
