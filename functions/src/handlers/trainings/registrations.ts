import { organisationRepositories, trainingRepositories } from '@mcr/data';
import { trainingsRegistrations } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCenterScope } from '../../services/access.ts';
import { readableSession, toRegistration } from '../../services/trainings.ts';

/** A session's registrations in arrival order, paged; a 保健所 sees only its own facilities' (read-only). */
export const handler = defineHandler(trainingsRegistrations, async ({ identity, params, query, repos }) => {
  const r = repos(organisationRepositories, trainingRepositories);
  await readableSession(r, identity, params.sessionId);
  const page = await r.trainings.listRegistrations(params.sessionId, { limit: query.limit, cursor: query.cursor, healthCenterId: healthCenterScope(identity) });
  return { items: page.items.map(toRegistration), nextCursor: page.nextCursor };
});
