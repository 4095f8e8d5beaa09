import { defineHandler } from '../../pipeline/define-handler.ts';
import { saveFacility } from '../../services/vendor-responses.ts';

export const handler = defineHandler('vendorResponses.saveFacility', async ({ identity, params, body, repos, requestId }) =>
  saveFacility(repos(), identity, requestId, params, body),
);
