import { NotFoundError, organisationRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorsFacilities } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertVendorScope } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorsFacilities, async ({ identity, params, query, repos }) => {
  assertVendorScope(identity, params.vendorId);
  const r = repos(organisationRepositories, vendorResponseRepositories);
  if (!(await r.vendors.get(params.vendorId))) throw new NotFoundError('vendor');
  const page = await r.vendorResponses.contractsPage(params.vendorId, query);
  const facilities = new Map((await r.vendorResponses.facilitiesByIds(page.items.map((c) => c.facilityId))).map((f) => [f.id, f]));
  return {
    items: page.items.flatMap((c) => {
      const f = facilities.get(c.facilityId);
      if (!f) return [];
      return [
        {
          id: f.id,
          name: f.name,
          kind: f.kind,
          healthCenterId: f.healthCenterId,
          healthCenterName: f.healthCenterName,
          systems: c.systems,
          remoteMaintenance: c.remoteMaintenance,
        },
      ];
    }),
    nextCursor: page.nextCursor,
  };
});
