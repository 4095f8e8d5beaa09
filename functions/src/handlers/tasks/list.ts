import { defineHandler } from '../../pipeline/define-handler.ts';
import { toCampaign } from '../../services/response-view.ts';

export const handler = defineHandler('tasks.list', async ({ identity, repos }) => {
  const r = repos();
  const responses = await r.responses.listOfFacility(identity.orgId);
  const campaigns = await Promise.all(responses.map((x) => r.campaigns.require(x.campaignId)));
  return {
    items: responses.map((x, i) => ({
      campaign: toCampaign(campaigns[i] as NonNullable<(typeof campaigns)[number]>),
      facilityId: x.facilityId,
      status: x.status,
      evaluation: x.evaluation,
    })),
  };
});
