import { templateRepositories, campaignRepositories, readModelRepositories } from '@mcr/data';
import { dashboardVerify } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { resolveTemplate } from '../../services/templates.ts';

/**
 * Recounts a campaign's aggregates from its responses and compares them with the stored read models; with
 * `repair`, rewrites what differs. Reads every response of the campaign (about 3 s for 15,000 locally):
 * an operation for the prefecture's administrator when something looks wrong, not a page load.
 */
export const handler = defineHandler(dashboardVerify, async ({ identity, params, body, repos, requestId }) => {
  const r = repos(templateRepositories, campaignRepositories, readModelRepositories);
  const campaign = await r.campaigns.require(params.campaignId);
  const { template } = await resolveTemplate(r, campaign.templateId);
  return r.readModels.recount(params.campaignId, template, { repair: body.repair }, actorOf(identity, requestId));
});
