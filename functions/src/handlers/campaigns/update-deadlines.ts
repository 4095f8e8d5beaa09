import { campaignRepositories, campaignLifecycleRepositories } from '@mcr/data';
import { campaignsUpdateDeadlines } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { updateDeadlines } from '../../services/campaign-lifecycle.ts';

export const handler = defineHandler(campaignsUpdateDeadlines, async ({ identity, params, body, repos, requestId }) =>
  updateDeadlines(repos(campaignRepositories, campaignLifecycleRepositories), params.campaignId, body, actorOf(identity, requestId)),
);
