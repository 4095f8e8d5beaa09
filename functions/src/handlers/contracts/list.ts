import { organisationRepositories } from '@mcr/data';
import { contractsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';

export const handler = defineHandler(contractsList, async ({ identity, params, repos }) => {
  const r = repos(organisationRepositories);
  assertCanReadFacility(identity, await r.facilities.require(params.facilityId));
  return { items: await r.contracts.listOfFacility(params.facilityId) };
});
