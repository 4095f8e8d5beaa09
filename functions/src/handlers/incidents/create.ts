import { randomBytes } from 'node:crypto';
import type { IncidentReportRecord } from '@mcr/data';
import { NotFoundError, organisationRepositories, incidentRepositories } from '@mcr/data';
import { incidentsCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { ForbiddenError } from '../../pipeline/errors.ts';
import { actorOf } from '../../services/access.ts';
import { checkReportFields, detailOf, entryOf, isFacilityUser } from '../../services/incidents.ts';

/**
 * A facility reports a suspected incident to its prefecture. One transaction: the report, its 保健所 row, the
 * first timeline entry and the audit entry. The mail and inbox notices follow from the stream (decision 0015),
 * so they can never fail or slow this write.
 */
export const handler = defineHandler(incidentsCreate, async ({ identity, body, repos, requestId }) => {
  if (!isFacilityUser(identity)) throw new ForbiddenError();
  const r = repos(organisationRepositories, incidentRepositories);
  const facility = await r.facilities.get(identity.orgId);
  if (!facility) throw new NotFoundError('facility');
  const vendors = await checkReportFields(r, facility.id, body);
  const now = new Date().toISOString();
  const record: IncidentReportRecord = {
    incidentId: `inc-${Date.parse(now).toString(36)}${randomBytes(4).toString('hex')}`,
    facilityId: facility.id,
    facilityName: facility.name,
    healthCenterId: facility.healthCenterId,
    healthCenterName: facility.healthCenterName,
    status: 'open',
    description: body.description,
    noticedAt: body.noticedAt,
    systems: [...new Set(body.systems)],
    vendors,
    contacted: [...new Set(body.contacted)],
    contactedOther: body.contactedOther,
    careImpact: body.careImpact,
    steps: {},
    reportedBy: { userId: identity.userId, name: identity.displayName, role: identity.role },
    reportedAt: now,
    lastEntryAt: now,
    entryCount: 1,
    closedAt: null,
    closeReason: null,
    version: 1,
  };
  const first = entryOf(identity, record, now, { kind: 'reported', text: body.description });
  await r.incidents.create(record, first, actorOf(identity, requestId));
  return detailOf(r, identity, record);
});
