import { NotFoundError, organisationRepositories, vendorResponseRepositories } from '@mcr/data';
import { contractsPut } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';

export const handler = defineHandler(contractsPut, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(organisationRepositories, vendorResponseRepositories);
  const [facility, vendor] = await Promise.all([r.facilities.require(params.facilityId), r.vendors.get(params.vendorId)]);
  if (!vendor) throw new NotFoundError('vendor');
  const contract = { facilityId: facility.id, vendorId: vendor.id, vendorName: vendor.name, systems: body.systems, remoteMaintenance: body.remoteMaintenance };
  await r.contracts.write(contract, actorOf(identity, requestId));
  // The vendor campaigns' assignments of this pair follow the contract (one per campaign: bounded).
  await r.vendorResponses.syncContract(facility.id, vendor.id, { systems: contract.systems, remoteMaintenance: contract.remoteMaintenance });
  return contract;
});
