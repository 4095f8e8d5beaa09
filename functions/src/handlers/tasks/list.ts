import { defineHandler } from '../../pipeline/define-handler.ts';
import { toCampaign } from '../../services/response-view.ts';

export const handler = defineHandler('tasks.list', async ({ identity, repos }) => {
  const r = repos();
  const responses = await r.responses.listOfFacility(identity.orgId);
  const campaigns = await Promise.all(responses.map((x) => r.campaigns.require(x.campaignId)));
  return {
    items: responses.flatMap((x, i) => {
      const campaign = campaigns[i] as NonNullable<(typeof campaigns)[number]>;
      // A campaign still being created is not open to facilities yet.
      if (campaign.creation && campaign.creation.status !== 'done') return [];
      return [{ campaign: toCampaign(campaign), facilityId: x.facilityId, status: x.status, evaluation: x.evaluation }];
    }),
  };
});
