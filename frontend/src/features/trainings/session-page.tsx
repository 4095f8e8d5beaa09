import { FACILITY_KIND_LABELS, ROLE_LABELS, routes, TRAINING_KIND_LABELS, type TrainingAudience, type TrainingRegistration } from '@mcr/contract';
import { SIZE_BAND_LABELS } from '@mcr/domain';
import { useEffect, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { paths } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { formatFiscalYear } from '../../i18n/format.ts';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute, downloadRoute } from '../../lib/api-client.ts';
import { saveBlob } from '../../lib/download.ts';
import { clearFlash, peekFlash } from '../../lib/flash.ts';
import { useApiQuery } from '../../lib/use-api.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { AttendanceImport } from './attendance-import.tsx';
import { RegistrationStatus } from './facility-trainings.tsx';
import { TM } from './messages.ts';
import { SessionForm } from './session-form.tsx';
import { formatMoment, formatSpan } from './time.ts';
import { SessionStatusText } from './trainings-page.tsx';
import './trainings.css';

type Notice = { tone: 'success' | 'error' | 'info'; text: Localized; requestId?: string | undefined };

function audienceText(a: TrainingAudience, t: (x: Localized) => string): string {
  const parts = [
    ...a.facilityKinds.map((k) => t(FACILITY_KIND_LABELS[k])),
    ...a.sizeBands.map((b) => t(SIZE_BAND_LABELS[b])),
    ...a.roles.map((r) => t(ROLE_LABELS[r])),
  ];
  return parts.length ? parts.join('、') : t(TM.audienceAll);
}

function Participants({ sessionId, editable, onNotice }: { sessionId: string; editable: boolean; onNotice(n: Notice): void }) {
  const { t } = useI18n();
  const q = usePagedQuery('trainings.registrations', { params: { sessionId }, query: { limit: 500 } });
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const items = [...q.items].sort((a, b) => a.seq - b.seq);
  // Waitlist positions in arrival order (a 保健所 sees its own facilities' people only: positions among those).
  const position = new Map<string, number>();
  for (const r of items.filter((x) => x.status === 'waitlisted')) position.set(r.registrationId, position.size + 1);
  const order = (r: TrainingRegistration) => (r.status === 'confirmed' ? 0 : r.status === 'waitlisted' ? 1 : 2);
  const shown = [...items].sort((a, b) => order(a) - order(b) || a.seq - b.seq);
  const checked = (r: TrainingRegistration) => marks[r.registrationId] ?? r.attended === true;
  const changed = items.filter((r) => r.status === 'confirmed' && marks[r.registrationId] !== undefined && marks[r.registrationId] !== (r.attended === true));

  const save = async () => {
    if (changed.length === 0) {
      onNotice({ tone: 'info', text: TM.attendanceNothing });
      return;
    }
    setBusy(true);
    try {
      const res = await callRoute(routes['trainings.attendance'], {
        params: { sessionId },
        body: { items: changed.map((r) => ({ registrationId: r.registrationId, attended: checked(r) })) },
      });
      setMarks({});
      onNotice({ tone: 'success', text: TM.attendanceSaved(res.updated) });
    } catch (err) {
      onNotice({ tone: 'error', text: err instanceof ApiError ? err.text : M.unexpected, requestId: err instanceof ApiError ? err.requestId : undefined });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="participants-heading" data-testid="participants">
      <h2 id="participants-heading">{t(TM.participants)}</h2>
      {editable ? <p className="hint">{t(TM.attendanceHint)}</p> : null}
      {q.isPending ? <Loading /> : null}
      {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isSuccess && items.length === 0 ? <p>{t(TM.noParticipants)}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table compact-table" data-testid="participant-list">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t(TM.colSeq)}
                </th>
                <th scope="col">{t(TM.colFacility)}</th>
                <th scope="col">{t(TM.colName)}</th>
                <th scope="col">{t(TM.colJobTitle)}</th>
                <th scope="col">{t(TM.colRegStatus)}</th>
                <th scope="col">{t(TM.colAttended)}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.registrationId} data-testid={`participant-${r.registrationId}`} className={r.status === 'cancelled' ? 'is-disabled' : undefined}>
                  <td className="num">{r.seq}</td>
                  <td>{r.facilityName}</td>
                  <th scope="row">{r.participantName}</th>
                  <td>{r.participantTitle ?? ''}</td>
                  <td>
                    <RegistrationStatus registration={r} position={position.get(r.registrationId)} />
                  </td>
                  <td>
                    {r.status !== 'confirmed' ? null : editable ? (
                      <input
                        type="checkbox"
                        aria-label={t(TM.attendedFor(r.participantName, r.facilityName))}
                        checked={checked(r)}
                        onChange={(e) => {
                          const v = e.target.checked;
                          setMarks((m) => ({ ...m, [r.registrationId]: v }));
                        }}
                      />
                    ) : r.attended === true ? (
                      t(TM.attendedYes)
                    ) : r.attended === false ? (
                      t(TM.attendedNo)
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {q.hasNextPage ? (
        <button type="button" className="button secondary" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t(TM.more)}
        </button>
      ) : null}
      {editable && items.some((r) => r.status === 'confirmed') ? (
        <p>
          <button type="button" className="button primary" disabled={busy} onClick={() => void save()}>
            {busy ? t(TM.saving) : t(TM.saveAttendance)}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function ExportButtons({ sessionId, onNotice }: { sessionId: string; onNotice(n: Notice): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | undefined>();
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const { blob, fileName } = await downloadRoute(routes['trainings.export'], { params: { sessionId }, query: { format } });
      saveBlob(blob, fileName ?? `participants-${sessionId}.${format}`);
    } catch (err) {
      onNotice({ tone: 'error', text: err instanceof ApiError ? err.text : M.unexpected });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t(TM.export)}</h2>
      <div className="button-row">
        <button type="button" className="button secondary" disabled={busy !== undefined} onClick={() => void run('csv')}>
          {busy === 'csv' ? t(TM.exporting) : t(TM.exportCsv)}
        </button>
        <button type="button" className="button secondary" disabled={busy !== undefined} onClick={() => void run('xlsx')}>
          {busy === 'xlsx' ? t(TM.exporting) : t(TM.exportXlsx)}
        </button>
      </div>
    </section>
  );
}

/** One session for the prefecture (manage) or a 保健所 (read its jurisdiction's participants). */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const prefAdmin = me.role === 'pref_admin';
  const q = useApiQuery('trainings.get', { params: { sessionId } });
  const [notice, setNotice] = useState<Notice | undefined>(() => {
    const flash = peekFlash(paths.training(sessionId));
    return flash ? { tone: 'success', text: flash } : undefined;
  });
  useEffect(() => clearFlash(paths.training(sessionId)), [sessionId]);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const live = s.status === 'scheduled';
  const cancelSession = async () => {
    setBusy(true);
    try {
      await callRoute(routes['trainings.cancel'], { params: { sessionId }, body: { expectedVersion: s.version } });
      setNotice({ tone: 'success', text: TM.cancelledNotice });
    } catch (err) {
      setNotice({ tone: 'error', text: err instanceof ApiError ? (err.code === 'VERSION_CONFLICT' ? TM.conflict : err.text) : M.unexpected });
    } finally {
      setBusy(false);
      setCancelling(false);
    }
  };
  return (
    <Page
      title={s.title}
      lead={`${t(TRAINING_KIND_LABELS[s.kind])} ・ ${formatFiscalYear(s.fiscalYear, lang)}`}
      actions={
        prefAdmin && live ? (
          <>
            <button type="button" className="button secondary" onClick={() => setEditing(true)}>
              {t(TM.edit)}
            </button>
            <button type="button" className="button danger" onClick={() => setCancelling(true)}>
              {t(TM.cancelSession)}
            </button>
          </>
        ) : undefined
      }
    >
      <p className="back">
        <Link to={paths.trainings()}>← {t(TM.back)}</Link>
      </p>
      {notice ? (
        <Alert tone={notice.tone} title={t(notice.text)}>
          {notice.requestId ? (
            <p className="muted small-text">
              {t(M.requestId)}: <code>{notice.requestId}</code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {!live ? (
        <Alert tone="warning" live={false}>
          {t(TM.cancelledNotice)}
        </Alert>
      ) : null}
      <section className="card" aria-labelledby="session-details-heading">
        <h2 id="session-details-heading">{t(TM.details)}</h2>
        <dl className="training-facts">
          <dt>{t(TM.colDate)}</dt>
          <dd>{formatSpan(s.startsAt, s.endsAt, lang)}</dd>
          <dt>{t(TM.where)}</dt>
          <dd>
            {s.mode === 'online' ? `${t(TM.mode.online)}: ` : `${t(TM.mode.onsite)}: `}
            {s.mode === 'online' && s.url ? (
              <a href={s.url} target="_blank" rel="noreferrer">
                {s.url}
              </a>
            ) : (
              s.place
            )}
          </dd>
          <dt>{t(TM.colSeats)}</dt>
          <dd data-testid="session-seats">{t(TM.seats(s.confirmedCount, s.capacity))}</dd>
          <dt>{t(TM.colWaitlist)}</dt>
          <dd data-testid="session-waitlist">{s.waitlistCount}</dd>
          <dt>{t(TM.colDeadline)}</dt>
          <dd>{formatMoment(s.registrationDeadline, lang)}</dd>
          <dt>{t(TM.audience)}</dt>
          <dd>{audienceText(s.audience, t)}</dd>
          <dt>{t(TM.colStatus)}</dt>
          <dd>
            <SessionStatusText session={s} />
          </dd>
        </dl>
        {s.description ? <p className="training-description">{s.description}</p> : null}
      </section>
      <Participants sessionId={sessionId} editable={prefAdmin && live} onNotice={setNotice} />
      {prefAdmin && live ? <AttendanceImport sessionId={sessionId} onNotice={setNotice} /> : null}
      {prefAdmin ? <ExportButtons sessionId={sessionId} onNotice={setNotice} /> : null}
      {editing ? (
        <SessionForm
          editing={s}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setNotice({ tone: 'success', text: TM.saved(saved.title) });
          }}
        />
      ) : null}
      <ConfirmDialog
        open={cancelling}
        id="cancel-session"
        title={t(TM.cancelSessionTitle(s.title))}
        confirmText={t(TM.cancelSession)}
        danger
        busy={busy}
        onConfirm={() => void cancelSession()}
        onClose={() => setCancelling(false)}
      >
        <p>{t(TM.cancelSessionBody)}</p>
      </ConfirmDialog>
    </Page>
  );
}
