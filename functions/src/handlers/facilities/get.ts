import { defineHandler } from '../../pipeline/define-handler.ts';
import { assertCanReadFacility } from '../../services/access.ts';

export const handler = defineHandler('facilities.get', async ({ identity, params, repos }) => {
  const facility = await repos().facilities.require(params.facilityId);
  assertCanReadFacility(identity, facility);
  return facility;
});
