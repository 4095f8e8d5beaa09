import { routes, TRAINING_KIND_LABELS, type TrainingRegistration } from '@mcr/contract';
import { type FormEvent, useState } from 'react';
import { Page } from '../../app/page.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Alert, LoadError, Loading } from '../../components/feedback.tsx';
import { TextField } from '../../components/text-field.tsx';
import { type Localized, useI18n } from '../../i18n/i18n.tsx';
import { M } from '../../i18n/messages.ts';
import { ApiError, callRoute, downloadRoute } from '../../lib/api-client.ts';
import { saveBlob } from '../../lib/download.ts';
import { usePagedQuery } from '../../lib/use-paged-query.ts';
import type { RouteData } from '../../lib/use-api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CalendarFeed } from './calendar-feed.tsx';
import { TM } from './messages.ts';
import { FacilityTrainingRecord } from './record.tsx';
import { formatMoment, formatSpan } from './time.ts';
import './trainings.css';

type Item = RouteData<'trainings.list'>['items'][number];
type Notice = { tone: 'success' | 'error' | 'info'; text: Localized; requestId?: string | undefined };

export function RegistrationStatus({ registration, position }: { registration: TrainingRegistration; position?: number | undefined }) {
  const { t } = useI18n();
  const s = registration.status;
  const text = s === 'waitlisted' && position ? TM.waitlistPosition(position) : TM.regStatus[s];
  return <span className={`badge tr-${s}`}>{t(text)}</span>;
}

/** The .ics of one registration, as a download. */
export async function downloadIcs(r: TrainingRegistration): Promise<void> {
  const { blob, fileName } = await downloadRoute(routes['trainings.ics'], { params: { sessionId: r.sessionId, registrationId: r.registrationId } });
  saveBlob(blob, fileName ?? `training-${r.sessionId}.ics`);
}

function RegisterForm({ item, onDone }: { item: Item; onDone(n: Notice): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<Localized | undefined>();
  const [busy, setBusy] = useState(false);
  const id = `reg-${item.sessionId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(TM.errRequired);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const reg = await callRoute(routes['trainings.register'], {
        params: { sessionId: item.sessionId },
        body: { participantName: name.trim(), ...(title.trim() ? { participantTitle: title.trim() } : {}) },
      });
      setName('');
      setTitle('');
      setError(undefined);
      onDone({
        tone: reg.status === 'confirmed' ? 'success' : 'info',
        text: reg.status === 'confirmed' ? TM.registered(reg.participantName) : TM.waitlisted(reg.participantName),
      });
    } catch (err) {
      if (err instanceof ApiError) {
        const field = err.fields.find((f) => f.field === 'body.participantName');
        if (field) {
          setError(field.message);
          document.getElementById(`${id}-name`)?.focus();
        } else onDone({ tone: 'error', text: err.text, requestId: err.requestId });
      } else onDone({ tone: 'error', text: M.unexpected });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="training-register" onSubmit={(e) => void submit(e)} noValidate aria-label={t(TM.registerFor(item.title))}>
      <TextField
        id={`${id}-name`}
        label={t(TM.participantName)}
        value={name}
        required
        maxLength={100}
        autoComplete="off"
        error={error ? t(error) : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError(undefined);
        }}
      />
      <TextField
        id={`${id}-title`}
        label={t(TM.participantTitle)}
        value={title}
        maxLength={100}
        autoComplete="off"
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t(TM.registering) : t(TM.register)}
      </button>
    </form>
  );
}

function SessionCard({ item, onNotice, onCancel }: { item: Item; onNotice(n: Notice): void; onCancel(r: TrainingRegistration): void }) {
  const { t, lang } = useI18n();
  const now = Date.now();
  const open = item.status === 'scheduled' && Date.parse(item.registrationDeadline) > now;
  const left = Math.max(0, item.capacity - item.confirmedCount);
  const headingId = `session-${item.sessionId}-title`;
  const mine = [...item.myRegistrations].sort((a, b) => a.seq - b.seq);
  return (
    <article className="card training-card" aria-labelledby={headingId} data-testid={`session-${item.sessionId}`}>
      <p className="training-kind">{t(TRAINING_KIND_LABELS[item.kind])}</p>
      <h3 id={headingId}>{item.title}</h3>
      <dl className="training-facts">
        <dt>{t(TM.colDate)}</dt>
        <dd>{formatSpan(item.startsAt, item.endsAt, lang)}</dd>
        <dt>{t(TM.where)}</dt>
        <dd>
          {item.mode === 'online' ? (
            item.url ? (
              <a href={item.url} target="_blank" rel="noreferrer">
                {t(TM.joinOnline)}
              </a>
            ) : (
              t(TM.mode.online)
            )
          ) : (
            `${t(TM.mode.onsite)}: ${item.place ?? ''}`
          )}
        </dd>
        <dt>{t(TM.colSeats)}</dt>
        <dd>
          {t(TM.seats(item.confirmedCount, item.capacity))}（{left > 0 ? t(TM.seatsLeft(left)) : t(TM.full)}）
        </dd>
        <dt>{t(TM.colDeadline)}</dt>
        <dd>{formatMoment(item.registrationDeadline, lang)}</dd>
      </dl>
      {item.description ? <p className="training-description">{item.description}</p> : null}
      {item.status === 'cancelled' ? (
        <Alert tone="warning" live={false}>
          {t(TM.cancelledNotice)}
        </Alert>
      ) : null}
      {mine.length > 0 ? (
        <>
          <h4>{t(TM.myRegistrations)}</h4>
          <ul className="training-mine">
            {mine.map((r) => (
              <li key={r.registrationId} data-testid={`my-registration-${r.registrationId}`}>
                <span className="training-person">
                  {r.participantName}
                  {r.participantTitle ? `（${r.participantTitle}）` : ''}
                </span>
                <RegistrationStatus registration={r} />
                {r.attended === true ? <span className="badge tr-attended">{t(TM.attendedYes)}</span> : null}
                {r.status !== 'cancelled' ? (
                  <span className="training-actions">
                    <button
                      type="button"
                      className="button small secondary"
                      aria-label={t(TM.icsFor(r.participantName, item.title))}
                      onClick={() =>
                        void downloadIcs(r).catch((err: unknown) => onNotice({ tone: 'error', text: err instanceof ApiError ? err.text : M.unexpected }))
                      }
                    >
                      {t(TM.ics)}
                    </button>
                    {item.status === 'scheduled' && Date.parse(item.startsAt) > now ? (
                      <button
                        type="button"
                        className="button small danger"
                        aria-label={t(TM.cancelRegistrationFor(r.participantName))}
                        onClick={() => onCancel(r)}
                      >
                        {t(TM.cancelRegistration)}
                      </button>
                    ) : null}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {open ? <RegisterForm item={item} onDone={onNotice} /> : item.status === 'scheduled' ? <p className="muted">{t(TM.closed)}</p> : null}
    </article>
  );
}

/** A facility's 研修 page: the sessions meant for it (upcoming first), its registrations, the calendar feed, its record. */
export function FacilityTrainings() {
  const { t } = useI18n();
  const { me } = useAuth();
  const q = usePagedQuery('trainings.list', {});
  const [notice, setNotice] = useState<Notice | undefined>();
  const [cancelling, setCancelling] = useState<TrainingRegistration | undefined>();
  const [busy, setBusy] = useState(false);
  const facilityId = me.organisation?.kind === 'facility' ? me.organisation.id : '';
  const now = Date.now();
  const items = [...q.items].sort((a, b) => {
    const pa = Date.parse(a.endsAt) < now ? 1 : 0;
    const pb = Date.parse(b.endsAt) < now ? 1 : 0;
    if (pa !== pb) return pa - pb;
    return pa ? b.startsAt.localeCompare(a.startsAt) : a.startsAt.localeCompare(b.startsAt);
  });
  const cancel = async () => {
    if (!cancelling) return;
    setBusy(true);
    try {
      await callRoute(routes['trainings.cancelRegistration'], {
        params: { sessionId: cancelling.sessionId, registrationId: cancelling.registrationId },
        body: { expectedVersion: cancelling.version },
      });
      setNotice({ tone: 'success', text: TM.registrationCancelled(cancelling.participantName) });
    } catch (err) {
      setNotice({ tone: 'error', text: err instanceof ApiError ? (err.code === 'VERSION_CONFLICT' ? TM.conflict : err.text) : M.unexpected });
    } finally {
      setBusy(false);
      setCancelling(undefined);
    }
  };
  return (
    <Page title={t(TM.title)} lead={t(TM.leadFacility)}>
      {notice ? (
        <Alert tone={notice.tone} title={t(notice.text)}>
          {notice.requestId ? (
            <p className="muted small-text">
              {t(M.requestId)}: <code>{notice.requestId}</code>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <section aria-labelledby="facility-sessions-heading" className="training-sessions">
        <h2 id="facility-sessions-heading">{t(TM.sessionsTitle)}</h2>
        {q.isPending ? <Loading /> : null}
        {q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
        {q.isSuccess && items.length === 0 ? <p className="card">{t(TM.noneForFacility)}</p> : null}
        {items.map((item) => (
          <SessionCard key={item.sessionId} item={item} onNotice={setNotice} onCancel={setCancelling} />
        ))}
        {q.hasNextPage ? (
          <button type="button" className="button secondary" disabled={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
            {t(TM.more)}
          </button>
        ) : null}
      </section>
      {facilityId ? <CalendarFeed facilityId={facilityId} canRotate={me.role === 'facility_admin'} /> : null}
      {facilityId ? <FacilityTrainingRecord facilityId={facilityId} /> : null}
      <ConfirmDialog
        open={cancelling !== undefined}
        id="cancel-registration"
        title={cancelling ? t(TM.cancelRegistrationTitle(cancelling.participantName)) : ''}
        confirmText={t(TM.cancelRegistrationConfirm)}
        danger
        busy={busy}
        onConfirm={() => void cancel()}
        onClose={() => setCancelling(undefined)}
      >
        <p>{t(TM.cancelRegistrationBody)}</p>
      </ConfirmDialog>
    </Page>
  );
}
