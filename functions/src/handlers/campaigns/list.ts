import { defineHandler } from '../../pipeline/define-handler.ts';
import { toCampaign } from '../../services/response-view.ts';

export const handler = defineHandler('campaigns.list', async ({ repos }) => {
  const items = await repos().campaigns.list();
  return { items: items.map(toCampaign).reverse() };
});
