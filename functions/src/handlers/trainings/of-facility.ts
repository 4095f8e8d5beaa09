import { organisationRepositories, trainingRepositories } from '@mcr/data';
import { trainingsOfFacility } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';
import { currentFiscalYear, toRegistration } from '../../services/trainings.ts';

/** A facility's trainings record for a fiscal year: every registration (who, which session, attended or not). */
export const handler = defineHandler(trainingsOfFacility, async ({ identity, params, query, repos }) => {
  const r = repos(organisationRepositories, trainingRepositories);
  assertCanReadFacility(identity, await r.facilities.require(params.facilityId));
  const fiscalYear = query.fiscalYear ?? currentFiscalYear();
  const regs = (await r.trainings.registrationsOfFacility(params.facilityId)).filter((x) => x.fiscalYear === fiscalYear);
  const sessions = new Map<string, Awaited<ReturnType<typeof r.trainings.getSession>>>();
  for (const id of new Set(regs.map((x) => x.sessionId))) sessions.set(id, await r.trainings.getSession(id));
  const items = regs.flatMap((x) => {
    const s = sessions.get(x.sessionId);
    if (!s) return [];
    return [
      {
        registration: toRegistration(x),
        session: { sessionId: s.sessionId, kind: s.kind, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, status: s.status },
      },
    ];
  });
  return { fiscalYear, items };
});
