import { campaignStatusOf, campaignRepositories } from '@mcr/data';
import { campaignsList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { campaignView } from '../../services/campaigns.ts';

export const handler = defineHandler(campaignsList, async ({ query, repos }) => {
  const items = await repos(campaignRepositories).campaigns.list();
  // Archived campaigns are left out unless asked for (docs/decisions/0016-campaign-dates-and-lifecycle.md).
  const shown = query.archived === 'true' ? items : items.filter((c) => campaignStatusOf(c) !== 'archived');
  return { items: shown.map((c) => campaignView(c)).reverse() };
});
