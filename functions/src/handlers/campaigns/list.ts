import { defineHandler } from '../../pipeline/define-handler.ts';
import { campaignView } from '../../services/campaigns.ts';

export const handler = defineHandler('campaigns.list', async ({ repos }) => {
  const items = await repos().campaigns.list();
  return { items: items.map((c) => campaignView(c)).reverse() };
});
