import { type InspectionRecord, NotFoundError, VersionConflictError, organisationRepositories, inspectionRepositories } from '@mcr/data';
import { todayInJapan } from '@mcr/domain';
import { inspectionsUpdate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { assertCanPlanInspection, fieldsOf, toInspection, validateInspection } from '../../services/inspections.ts';

/** Replaces an inspection's fields if the caller read the stored version; 409 with the current version otherwise. */
export const handler = defineHandler(inspectionsUpdate, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(organisationRepositories, inspectionRepositories);
  const facility = await r.facilities.require(params.facilityId);
  assertCanPlanInspection(identity, facility);
  const previous = await r.inspections.find(facility.id, params.inspectionId);
  if (!previous) throw new NotFoundError('inspection');
  if (previous.version !== body.expectedVersion) throw new VersionConflictError('inspection', previous.version);
  const { expectedVersion, ...fields } = body;
  validateInspection(fields, todayInJapan());
  const next: InspectionRecord = {
    ...previous,
    // The facility may have moved to another 保健所 since (re-import): the calendar follows the facility.
    facilityName: facility.name,
    healthCenterId: facility.healthCenterId,
    healthCenterName: facility.healthCenterName,
    ...fieldsOf(fields),
    version: expectedVersion + 1,
    updatedAt: new Date().toISOString(),
    updatedBy: identity.userId,
    updatedByName: identity.displayName,
  };
  const changed = Object.fromEntries(
    (['date', 'status', 'result', 'findings', 'followUpDue'] as const)
      .filter((k) => previous[k] !== next[k])
      .map((k) => [k, { from: previous[k], to: next[k] }]),
  );
  await r.inspections.update(previous, next, expectedVersion, actorOf(identity, requestId), changed);
  return toInspection(next);
});
