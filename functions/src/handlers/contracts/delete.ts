import { organisationRepositories, vendorResponseRepositories } from '@mcr/data';
import { contractsDelete } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';

export const handler = defineHandler(contractsDelete, async ({ identity, params, repos, requestId }) => {
  const r = repos(organisationRepositories, vendorResponseRepositories);
  await r.facilities.require(params.facilityId);
  await r.contracts.remove(params.facilityId, params.vendorId, actorOf(identity, requestId));
  // The vendor campaigns' assignments of this pair lose the contract's systems (one per campaign: bounded).
  await r.vendorResponses.syncContract(params.facilityId, params.vendorId, null);
  return undefined;
});
