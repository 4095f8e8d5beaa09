import { incidentRepositories } from '@mcr/data';
import { incidentsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { healthCenterScope } from '../../services/access.ts';
import { isFacilityUser, toReport } from '../../services/incidents.ts';
import type { IncidentReportRecord } from '@mcr/data';

/**
 * Reports, one page, open ones first (newest first in each status). The prefecture: all of the tenant (GSI1 by
 * status) or one 保健所's; a 保健所: its own (naming another one is refused); a facility: its own (GSI2).
 * Each page is at most a few bounded Queries, whatever the number of facilities.
 */
export const handler = defineHandler(incidentsList, async ({ identity, query, repos }) => {
  const r = repos(incidentRepositories);
  const options = { status: query.status, limit: query.limit, cursor: query.cursor };
  let page: Awaited<ReturnType<typeof r.incidents.listByStatus>>;
  if (isFacilityUser(identity)) {
    page = await r.incidents.listOfFacility(identity.orgId, options);
  } else {
    const own = healthCenterScope(identity);
    if (own && query.healthCenterId && query.healthCenterId !== own) throw new ForbiddenError();
    const hc = own ?? query.healthCenterId;
    page = hc ? await r.incidents.listOfHealthCenter(hc, options) : await r.incidents.listByStatus(options);
  }
  const items = page.items.map((i) => {
    const { steps: _steps, ...rest } = toReport({ ...(i as IncidentReportRecord), steps: {} });
    return rest;
  });
  return { items, nextCursor: page.nextCursor };
});
