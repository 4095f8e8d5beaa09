import { templateRepositories, campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { vendorResponsesGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertVendorScope, loadVendorCampaign, vendorResponseView } from '../../services/vendor-responses.ts';

export const handler = defineHandler(vendorResponsesGet, async ({ identity, params, repos }) => {
  assertVendorScope(identity, params.vendorId);
  const r = repos(templateRepositories, campaignRepositories, vendorResponseRepositories);
  const { campaign, template } = await loadVendorCampaign(r, params.campaignId);
  return vendorResponseView(r, campaign, template, params.vendorId);
});
