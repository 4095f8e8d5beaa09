import { createHash } from 'node:crypto';
import { TRAINING_KIND_LABELS } from '@mcr/contract';
import { NotFoundError, trainingRepositories } from '@mcr/data';
import { calendarFeed } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { RawBody } from '../../pipeline/raw-body.ts';
import { writeCalendar } from '../../services/ics.ts';

/**
 * The public calendar feed of one facility: its confirmed registrations' sessions. The token names its tenant
 * (the partition to look in) and its SHA-256 must be stored there; anything else is 404, whatever the reason.
 */
export const handler = defineHandler(calendarFeed, async ({ params, publicRepos }) => {
  const token = params.token.slice(0, -'.ics'.length);
  const tenantId = token.slice(0, 2);
  const r = publicRepos(tenantId, trainingRepositories);
  const feed = await r.trainings.findFeed(createHash('sha256').update(token).digest('hex'));
  if (!feed) throw new NotFoundError('calendar');
  const regs = (await r.trainings.registrationsOfFacility(feed.facilityId)).filter((x) => x.status === 'confirmed');
  const events = [];
  for (const reg of regs.slice(-200)) {
    const s = await r.trainings.getSession(reg.sessionId);
    if (!s) continue;
    events.push({
      uid: `${reg.registrationId}@trainings.mcr`,
      start: s.startsAt,
      end: s.endsAt,
      summary: `${s.title} (${TRAINING_KIND_LABELS[s.kind].ja}) - ${reg.participantName}`,
      description: s.description,
      ...(s.place ? { location: s.place } : {}),
      ...(s.url ? { url: s.url, location: s.url } : {}),
      status: s.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
      updatedAt: reg.updatedAt,
    });
  }
  return new RawBody('text/calendar; charset=utf-8', writeCalendar('研修 (Trainings)', events), 'trainings.ics');
});
