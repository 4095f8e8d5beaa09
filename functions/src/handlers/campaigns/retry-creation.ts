import { campaignRepositories, jobRepositories } from '@mcr/data';
import { campaignsRetryCreation } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { retryCampaignCreation } from '../../services/campaigns.ts';

export const handler = defineHandler(campaignsRetryCreation, async ({ identity, params, repos }) =>
  retryCampaignCreation(repos(campaignRepositories, jobRepositories), identity, params.campaignId),
);
