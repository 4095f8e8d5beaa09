import { campaignRepositories, readModelRepositories } from '@mcr/data';
import { todayInJapan } from '@mcr/domain';
import { campaignsProgress } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { healthCenterScope } from '../../services/access.ts';
import { toCampaign } from '../../services/response-view.ts';

/**
 * The campaign and its totals by status, read from the slice aggregates (the whole prefecture, or the
 * inspector's 保健所): two GetItems whatever the number of facilities. The rows are paged by `campaigns.rows`.
 */
export const handler = defineHandler(campaignsProgress, async ({ identity, params, repos }) => {
  const r = repos(campaignRepositories, readModelRepositories);
  const scope = healthCenterScope(identity);
  const [campaign, summary] = await Promise.all([
    r.campaigns.require(params.campaignId),
    r.readModels.summary(params.campaignId, scope ? `HC#${scope}` : 'ALL', todayInJapan()),
  ]);
  const byStatus = { not_started: 0, in_progress: 0, submitted: 0, returned: 0, confirmed: 0, ...summary.byStatus };
  return { campaign: toCampaign(campaign), totals: { facilities: summary.facilities, byStatus } };
});
