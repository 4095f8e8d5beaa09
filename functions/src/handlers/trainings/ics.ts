import { TRAINING_KIND_LABELS } from '@mcr/contract';
import { NotFoundError, trainingRepositories } from '@mcr/data';
import { trainingsIcs } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { RawBody } from '../../pipeline/raw-body.ts';
import { writeCalendar } from '../../services/ics.ts';
import { canReadRegistration } from '../../services/trainings.ts';

/** The .ics of one registration (text/calendar), for the participant's own calendar. */
export const handler = defineHandler(trainingsIcs, async ({ identity, params, repos }) => {
  const r = repos(trainingRepositories);
  const [session, reg] = await Promise.all([r.trainings.getSession(params.sessionId), r.trainings.getRegistration(params.sessionId, params.registrationId)]);
  if (!session || !reg || !canReadRegistration(identity, reg)) throw new NotFoundError('registration');
  const body = writeCalendar(session.title, [
    {
      uid: `${reg.registrationId}@trainings.mcr`,
      start: session.startsAt,
      end: session.endsAt,
      summary: `${session.title} (${TRAINING_KIND_LABELS[session.kind].ja})`,
      description: [session.description, `参加者: ${reg.participantName}`, reg.status === 'waitlisted' ? 'キャンセル待ち' : ''].filter(Boolean).join('\n'),
      ...(session.place ? { location: session.place } : {}),
      ...(session.url ? { url: session.url, location: session.url } : {}),
      status: session.status === 'cancelled' || reg.status === 'cancelled' ? 'CANCELLED' : reg.status === 'waitlisted' ? 'TENTATIVE' : 'CONFIRMED',
      updatedAt: reg.updatedAt,
    },
  ]);
  return new RawBody('text/calendar; charset=utf-8', body, `training-${session.sessionId}.ics`);
});
