import { NotFoundError, organisationRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorsCampaigns } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertVendorScope, vendorCampaigns } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorsCampaigns, async ({ identity, params, repos }) => {
  assertVendorScope(identity, params.vendorId);
  const r = repos(organisationRepositories, vendorResponseRepositories);
  if (!(await r.vendors.get(params.vendorId))) throw new NotFoundError('vendor');
  return { items: await vendorCampaigns(r, params.vendorId) };
});
