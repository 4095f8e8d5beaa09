import { organisationRepositories, templateRepositories, campaignRepositories, campaignLifecycleRepositories } from '@mcr/data';
import { responsesGet } from '@mcr/contract/routes';
import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';
import { buildResponseView, loadResponse } from '../../services/response-view.ts';

export const handler = defineHandler(responsesGet, async ({ identity, params, repos }) => {
  const loaded = await loadResponse(
    repos(organisationRepositories, templateRepositories, campaignRepositories, campaignLifecycleRepositories),
    params.campaignId,
    params.facilityId,
  );
  // Nothing read here leaves the handler before the scope check.
  assertCanReadFacility(identity, loaded.facility);
  return buildResponseView(loaded, loaded.response);
});
