import { organisationRepositories } from '@mcr/data';
import { facilitiesGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';

export const handler = defineHandler(facilitiesGet, async ({ identity, params, repos }) => {
  const facility = await repos(organisationRepositories).facilities.require(params.facilityId);
  assertCanReadFacility(identity, facility);
  return facility;
});
