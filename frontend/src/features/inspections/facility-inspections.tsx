import { type Facility, INSPECTION_RESULT_LABELS, INSPECTION_STATUS_LABELS, type Inspection } from '@mcr/contract';
import { useState } from 'react';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { listFacilityInspections } from './api.ts';
import { InspectionForm } from './inspection-form.tsx';
import './inspections.css';
import { IM } from './messages.ts';

/**
 * The facility's inspection history on its page, with the link to its current checklist (whose page prints the
 * official form). The prefecture and the facility's own 保健所 add and edit; the facility itself only reads.
 */
export function FacilityInspections({ facility }: { facility: Pick<Facility, 'id' | 'name' | 'healthCenterId'> }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const canEdit = me.role === 'pref_admin' || me.role === 'inspector';
  const [data, reload] = useApi((signal) => listFacilityInspections(facility.id, signal), [facility.id]);
  const [form, setForm] = useState<{ editing: Inspection | undefined } | undefined>();
  const [message, setMessage] = useState<Localized | undefined>();
  return (
    <section className="card" aria-labelledby="inspections-heading" data-testid="facility-inspections">
      <div className="section-head">
        <h2 id="inspections-heading">{t(IM.historyTitle)}</h2>
        {canEdit ? (
          <button type="button" className="button secondary small" onClick={() => setForm({ editing: undefined })}>
            <span aria-hidden="true">＋ </span>
            {t(IM.add)}
          </button>
        ) : null}
      </div>
      {message ? (
        <Alert tone="success">
          <p>{t(message)}</p>
        </Alert>
      ) : null}
      {data.state === 'loading' ? <Loading /> : null}
      {data.state === 'error' ? <LoadError error={data.error} onRetry={reload} /> : null}
      {data.state === 'ok' ? (
        <>
          <p className="muted">{t(IM.checklistLead)}</p>
          <p className="facility-checklist">
            {data.data.checklist ? (
              <Link to={paths.response(data.data.checklist.campaignId, facility.id)} data-testid="facility-checklist-link">
                {t(IM.checklistLink(t(data.data.checklist.title)))}
              </Link>
            ) : (
              t(IM.noChecklistYet)
            )}
          </p>
          {data.data.items.length === 0 ? (
            <p>{t(IM.historyEmpty)}</p>
          ) : (
            <div className="table-wrap">
              <table className="table compact-table">
                <caption className="sr-only">{t(IM.historyTitle)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(IM.colDate)}</th>
                    <th scope="col">{t(IM.colStatus)}</th>
                    <th scope="col">{t(IM.colResult)}</th>
                    <th scope="col">{t(IM.colFindings)}</th>
                    <th scope="col">{t(IM.colFollowUp)}</th>
                    {canEdit ? <th scope="col">{t(IM.colActions)}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {data.data.items.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{formatDate(i.date, lang)}</th>
                      <td>
                        <span className={`badge inspection-${i.status}`}>{t(INSPECTION_STATUS_LABELS[i.status])}</span>
                      </td>
                      <td>{i.result ? t(INSPECTION_RESULT_LABELS[i.result]) : '—'}</td>
                      <td className="pre-wrap">{i.findings || '—'}</td>
                      <td>{i.followUpDue ? formatDate(i.followUpDue, lang) : '—'}</td>
                      {canEdit ? (
                        <td className="actions">
                          <button
                            type="button"
                            className="button link small"
                            aria-label={t(IM.editFor(facility.name, formatDate(i.date, lang)))}
                            onClick={() => setForm({ editing: i })}
                          >
                            {t(IM.edit)}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      {canEdit && form ? (
        <InspectionForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          facilities={[{ id: facility.id, name: facility.name }]}
          onSaved={(saved) => {
            setForm(undefined);
            setMessage(IM.saved(saved.facilityName));
            reload();
          }}
          onClose={() => setForm(undefined)}
        />
      ) : null}
    </section>
  );
}
