import { NotFoundError, organisationRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorsGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertVendorScope } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorsGet, async ({ identity, params, repos }) => {
  assertVendorScope(identity, params.vendorId);
  const r = repos(organisationRepositories, vendorResponseRepositories);
  const [vendor, facilityCount] = await Promise.all([r.vendors.get(params.vendorId), r.vendorResponses.contractCount(params.vendorId)]);
  if (!vendor) throw new NotFoundError('vendor');
  return { id: vendor.id, name: vendor.name, contactEmail: vendor.contactEmail, facilityCount };
});
