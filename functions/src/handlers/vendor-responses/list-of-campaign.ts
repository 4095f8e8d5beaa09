import { campaignRepositories, vendorResponseRepositories } from '@mcr/data';
import { campaignsVendors } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { campaignVendors } from '../../services/vendor-responses.ts';

export const handler = defineHandler(campaignsVendors, async ({ params, query, repos }) =>
  campaignVendors(repos(campaignRepositories, vendorResponseRepositories), params.campaignId, query),
);
