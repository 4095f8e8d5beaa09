import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';
import { buildResponseView } from '../../services/response-view.ts';

export const handler = defineHandler('responses.get', async ({ identity, params, repos }) => {
  const r = repos();
  const facility = await r.facilities.require(params.facilityId);
  assertCanReadFacility(identity, facility);
  const [campaign, response, contracts] = await Promise.all([
    r.campaigns.require(params.campaignId),
    r.responses.require(params.campaignId, params.facilityId),
    r.contracts.listOfFacility(params.facilityId),
  ]);
  return buildResponseView(campaign, facility, response, contracts.length > 0);
});
