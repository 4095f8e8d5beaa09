import { organisationRepositories, fileRepositories } from '@mcr/data';
import { facilitiesDocuments } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';
import { documentsOfFacility } from '../../services/vendor-documents.ts';

export const handler = defineHandler(facilitiesDocuments, async ({ identity, params, repos }) => {
  const r = repos(organisationRepositories, fileRepositories);
  const facility = await r.facilities.require(params.facilityId);
  assertCanReadFacility(identity, facility);
  return { items: await documentsOfFacility(r, await r.contracts.listOfFacility(facility.id)) };
});
