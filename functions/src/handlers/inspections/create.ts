import { organisationRepositories, inspectionRepositories } from '@mcr/data';
import { randomUUID } from 'node:crypto';
import type { InspectionRecord } from '@mcr/data';
import { todayInJapan } from '@mcr/domain';
import { inspectionsCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { assertCanPlanInspection, fieldsOf, toInspection, validateInspection } from '../../services/inspections.ts';

export const handler = defineHandler(inspectionsCreate, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(organisationRepositories, inspectionRepositories);
  const facility = await r.facilities.require(params.facilityId);
  assertCanPlanInspection(identity, facility);
  validateInspection(body, todayInJapan());
  const now = new Date().toISOString();
  const record: InspectionRecord = {
    id: `insp-${randomUUID().slice(0, 12)}`,
    facilityId: facility.id,
    facilityName: facility.name,
    healthCenterId: facility.healthCenterId,
    healthCenterName: facility.healthCenterName,
    ...fieldsOf(body),
    version: 1,
    createdAt: now,
    createdBy: identity.userId,
    updatedAt: now,
    updatedBy: identity.userId,
    updatedByName: identity.displayName,
  };
  await r.inspections.create(record, actorOf(identity, requestId));
  return toInspection(record);
});
