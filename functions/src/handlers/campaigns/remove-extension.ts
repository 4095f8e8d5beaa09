import { campaignRepositories, campaignLifecycleRepositories } from '@mcr/data';
import { campaignsRemoveExtension } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { removeFacilityExtension } from '../../services/campaign-lifecycle.ts';

export const handler = defineHandler(campaignsRemoveExtension, async ({ identity, params, query, repos, requestId }) => {
  await removeFacilityExtension(
    repos(campaignRepositories, campaignLifecycleRepositories),
    params.campaignId,
    params.facilityId,
    query.expectedVersion,
    actorOf(identity, requestId),
  );
  return undefined;
});
