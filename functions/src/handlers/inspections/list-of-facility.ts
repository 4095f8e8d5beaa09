import { organisationRepositories, campaignRepositories, inspectionRepositories } from '@mcr/data';
import { inspectionsListOfFacility } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';
import { campaignsById, checklistRef, latestResponse, toInspection } from '../../services/inspections.ts';

/** One facility's inspections, newest first, and the checklist an inspector would print for it. */
export const handler = defineHandler(inspectionsListOfFacility, async ({ identity, params, repos }) => {
  const r = repos(organisationRepositories, campaignRepositories, inspectionRepositories);
  assertCanReadFacility(identity, await r.facilities.require(params.facilityId));
  const [items, campaigns] = await Promise.all([r.inspections.listOfFacility(params.facilityId), campaignsById(r)]);
  const found = await latestResponse(r, params.facilityId, campaigns);
  return { items: items.map(toInspection).reverse(), checklist: checklistRef(found) };
});
