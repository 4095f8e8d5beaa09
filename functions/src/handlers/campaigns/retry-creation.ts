import { defineHandler } from '../../pipeline/define-handler.ts';
import { retryCampaignCreation } from '../../services/campaigns.ts';

export const handler = defineHandler('campaigns.retryCreation', async ({ identity, params, repos }) =>
  retryCampaignCreation(repos(), identity, params.campaignId),
);
