import { campaignRepositories, jobRepositories } from '@mcr/data';
import { campaignsRetryCreation } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { retryCampaignCreation } from '../../services/campaigns.ts';

export const handler = defineHandler(campaignsRetryCreation, async ({ identity, params, repos, requestId }) =>
  retryCampaignCreation(repos(campaignRepositories, jobRepositories), identity, params.campaignId, actorOf(identity, requestId)),
);
