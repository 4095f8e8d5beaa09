import { organisationRepositories, templateRepositories, campaignRepositories, jobRepositories } from '@mcr/data';
import { campaignsCreate } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { createCampaign } from '../../services/campaigns.ts';

export const handler = defineHandler(campaignsCreate, async ({ identity, body, repos, requestId }) =>
  createCampaign(repos(organisationRepositories, templateRepositories, campaignRepositories, jobRepositories), identity, body, actorOf(identity, requestId)),
);
