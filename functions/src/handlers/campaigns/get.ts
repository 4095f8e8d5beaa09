import { campaignRepositories } from '@mcr/data';
import { campaignsGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { campaignView } from '../../services/campaigns.ts';

export const handler = defineHandler(campaignsGet, async ({ params, repos }) =>
  campaignView(await repos(campaignRepositories).campaigns.require(params.campaignId)),
);
