import { campaignRepositories, campaignLifecycleRepositories } from '@mcr/data';
import { tasksList } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { toFacilityCampaign } from '../../services/response-view.ts';

export const handler = defineHandler(tasksList, async ({ identity, repos }) => {
  const r = repos(campaignRepositories, campaignLifecycleRepositories);
  const responses = await r.responses.listOfFacility(identity.orgId);
  const [campaigns, extensions] = await Promise.all([
    Promise.all(responses.map((x) => r.campaigns.require(x.campaignId))),
    r.campaignLifecycle.extensionsOfFacility(
      identity.orgId,
      responses.map((x) => x.campaignId),
    ),
  ]);
  return {
    items: responses.flatMap((x, i) => {
      const campaign = campaigns[i] as NonNullable<(typeof campaigns)[number]>;
      // A campaign still being created is not open to facilities yet; an archived one is no longer a task.
      if (campaign.creation && campaign.creation.status !== 'done') return [];
      if (campaign.status === 'archived') return [];
      return [
        {
          campaign: toFacilityCampaign(campaign, extensions.get(x.campaignId)?.extendedTo),
          facilityId: x.facilityId,
          status: x.status,
          evaluation: x.evaluation,
        },
      ];
    }),
  };
});
