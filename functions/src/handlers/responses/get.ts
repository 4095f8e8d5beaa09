import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';
import { buildResponseView, loadResponse } from '../../services/response-view.ts';

export const handler = defineHandler('responses.get', async ({ identity, params, repos }) => {
  const r = repos();
  // Scope first: a facility outside the caller's reach is refused before anything else is read.
  assertCanReadFacility(identity, await r.facilities.require(params.facilityId));
  const loaded = await loadResponse(r, params.campaignId, params.facilityId);
  return buildResponseView(loaded, loaded.response);
});
