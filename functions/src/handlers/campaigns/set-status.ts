import { campaignRepositories, campaignLifecycleRepositories } from '@mcr/data';
import { campaignsSetStatus } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { setCampaignStatus } from '../../services/campaign-lifecycle.ts';

export const handler = defineHandler(campaignsSetStatus, async ({ identity, params, body, repos, requestId }) =>
  setCampaignStatus(repos(campaignRepositories, campaignLifecycleRepositories), params.campaignId, body, actorOf(identity, requestId)),
);
