import { organisationRepositories, trainingRepositories } from '@mcr/data';
import { trainingsGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { readableSession, toRegistration, toSession } from '../../services/trainings.ts';

/** One session; a facility sees it only if it is meant for it, with its own registrations. */
export const handler = defineHandler(trainingsGet, async ({ identity, params, repos }) => {
  const r = repos(organisationRepositories, trainingRepositories);
  const { session, facility } = await readableSession(r, identity, params.sessionId);
  const mine = facility
    ? (
        await r.trainings.registrationsOfFacility(facility.id, {
          from: `${session.startsAt}#${session.sessionId}#`,
          to: `${session.startsAt}#${session.sessionId}#`,
        })
      ).filter((x) => x.sessionId === session.sessionId)
    : [];
  return { ...toSession(session), myRegistrations: mine.map(toRegistration) };
});
