import { organisationRepositories, trainingRepositories } from '@mcr/data';
import type { TrainingRegistrationRecord } from '@mcr/data';
import { trainingsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { audienceMismatch, currentFiscalYear, isFacilityUser, ownFacility, toRegistration, toSession } from '../../services/trainings.ts';

/**
 * Sessions of a fiscal year in start order, one page (GSI1). A facility sees those meant for it, each with its
 * own registrations (one GSI2 query of the facility for the year).
 */
export const handler = defineHandler(trainingsList, async ({ identity, query, repos }) => {
  const r = repos(organisationRepositories, trainingRepositories);
  const fiscalYear = query.fiscalYear ?? currentFiscalYear();
  const page = await r.trainings.listSessions(fiscalYear, { limit: query.limit, cursor: query.cursor });
  if (!isFacilityUser(identity)) {
    return { fiscalYear, items: page.items.map((s) => ({ ...toSession(s), myRegistrations: [] })), nextCursor: page.nextCursor };
  }
  const facility = await ownFacility(r, identity);
  const visible = page.items.filter((s) => !audienceMismatch(s, facility, identity.role));
  const mine = new Map<string, TrainingRegistrationRecord[]>();
  if (visible.length) {
    // A facility registers a handful of people a year: its whole GSI2 list is one small query.
    const ids = new Set(visible.map((s) => s.sessionId));
    for (const reg of await r.trainings.registrationsOfFacility(facility.id)) {
      if (ids.has(reg.sessionId)) mine.set(reg.sessionId, [...(mine.get(reg.sessionId) ?? []), reg]);
    }
  }
  return {
    fiscalYear,
    items: visible.map((s) => ({ ...toSession(s), myRegistrations: (mine.get(s.sessionId) ?? []).map(toRegistration) })),
    nextCursor: page.nextCursor,
  };
});
