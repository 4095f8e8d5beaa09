import { campaignRepositories, campaignLifecycleRepositories } from '@mcr/data';
import { campaignsExtend } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { actorOf } from '../../services/access.ts';
import { extendFacilityDeadline } from '../../services/campaign-lifecycle.ts';

export const handler = defineHandler(campaignsExtend, async ({ identity, params, body, repos, requestId }) =>
  extendFacilityDeadline(repos(campaignRepositories, campaignLifecycleRepositories), params.campaignId, params.facilityId, body, actorOf(identity, requestId)),
);
