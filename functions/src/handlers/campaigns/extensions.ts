import { campaignRepositories, campaignLifecycleRepositories } from '@mcr/data';
import { campaignsExtensions } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { toExtension } from '../../services/campaign-lifecycle.ts';

export const handler = defineHandler(campaignsExtensions, async ({ params, query, repos }) => {
  const r = repos(campaignRepositories, campaignLifecycleRepositories);
  await r.campaigns.require(params.campaignId);
  const page = await r.campaignLifecycle.extensionPage(params.campaignId, query.limit, query.cursor);
  return { items: page.items.map(toExtension), nextCursor: page.nextCursor };
});
